import { describe, expect, test } from 'vitest';
import { capabilityNow, driftTrustSums, MEMORY_TABLE_MONTHS, trustNow } from '../citizen-memory';
import { AT_RISK, DAYS_PER_MONTH, F_TURNED_AWAY, F_UNRESOLVED, QUINTILES, REPEAT_WINDOW_MONTHS, WAITING, WELL } from '../constants';
import { detPow } from '../det-math';
import { cloneWorld } from '../settled-cache';
import { T, tallyCitizen } from '../tallies';
import { growthMonths, type World } from '../world';
import { createStream, type StreamColumns } from '../rng';
import { compareSteps, differences, doubleBelow, resetMonth, runMonths, testWorld } from './_test-world';
import { enterCrisis, fillQuietDraws, leaveQueue, stepNeedDynamics, updateOutreachEffect } from './need-dynamics';

/**
 * The need step as JavaScript had it before its two passes were compiled (model 0.3.2, verbatim
 * but for its working arrays): the kernels (assembly/need-step.ts) must give exactly its numbers,
 * in every column, whatever state the citizens are in, including memories older than the decay
 * tables and months that a stored month's 16 bits have wrapped.
 */
function referenceNeedStep(world: World): void {
	const c = world.citizens;
	const p = world.p;
	const rng = world.streams.citizens;
	const month = world.month;
	const monthMiddle = month * DAYS_PER_MONTH + DAYS_PER_MONTH / 2;
	const recentMonth = month - REPEAT_WINDOW_MONTHS;
	const growth = detPow(1 + p.demandGrowth, growthMonths(world) / 12);
	const reach = p.preventionReach;
	const primary = p.preventionOnset;
	const outreachRecovery = p.outreachRecovery;
	const prevention = world.areas.preventionEffect;
	const outreach = world.areas.outreachEffect;
	const engagement = p.trustEngagement;
	const crisisBase = p.crisisRate;
	const presentBase = p.presentRate;
	const recoveryBase = p.recoveryRate;
	const complexCrisis = p.complexCrisis;
	const repeatCrisis = 1 + p.repeatCrisis;
	const escalationBase = p.escalationRate / DAYS_PER_MONTH;
	const { state, flags, area, quintile, complex, onsetBase, arrivalDay, trust, trustMonth, fragilityMonth } = c;
	const { capability, capabilityMonth, baseCapability } = c;
	const riskFactor = world.riskFactor;
	const fragility = world.fragility;
	const cellWell = world.cellWell;
	// The lazy memories of citizen-memory, inlined here because this loop is the model's hottest.
	const trustBase = p.trustBaseline;
	const trustKeep = world.trustKeep;
	const fragilityKeep = world.fragilityKeep;
	const capabilityKeep = world.capabilityKeep;
	const presenting = world.presenting;
	let presentingCount = 0;

	driftTrustSums(world);
	updateOutreachEffect(world);
	// Onset multiplier of each area this month: demand growth and primary prevention.
	const areaOnset = world.areaScratch;
	for (let a = 0; a < world.areas.n; a++) areaOnset[a] = growth * (1 - primary * prevention[a]);

	const n = c.n;
	const draw = new Float64Array(n);
	const unwell = new Int32Array(n);
	const quiet = new Float64Array(world.areas.n);
	fillQuietDraws(world, quiet);
	rng.fill(draw, n);
	let unwellCount = 0;
	const citizensEnd = world.areaCitizensEnd;
	for (let a = 0, i = 0; a < world.areas.n; a++) {
		// Citizens are stored area by area: the area's onset multiplier holds for its whole run.
		const multiplier = areaOnset[a];
		for (const end = citizensEnd[a]; i < end; i++) {
			// `(state + 1) >> 1` is 0 for the well and 1 for the others (WELL = 0, AT_RISK = 1,
			// WAITING = 2): the list of the rest is kept without a branch on the state, which goes
			// either way for many citizens and costs more in mispredictions than in arithmetic.
			const notWell = (state[i] + 1) >> 1;
			unwell[unwellCount] = i;
			unwellCount += notWell;
			// A relapse risk only fades (it is never negative and fragilityKeep is at most 1), so the
			// hazard with the risk as set bounds this month's, rounding included: for most citizens
			// the draw is above it, and the risk's fading is worked out only for the few below.
			const base = onsetBase[i] * multiplier;
			if (draw[i] < base * (1 + fragility[i]) && notWell === 0) {
				const gap = month - fragilityMonth[i];
				const f = gap < MEMORY_TABLE_MONTHS ? fragility[i] * fragilityKeep[gap] : 0;
				if (draw[i] < base * (1 + f)) {
					state[i] = AT_RISK;
					cellWell[a * QUINTILES + quintile[i]]--;
				}
			}
		}
	}

	for (let j = 0; j < unwellCount; j++) {
		const i = unwell[j];
		const u = draw[i];
		const s = state[i];
		if (s === AT_RISK) {
			const a = area[i];
			// Nothing can happen to this citizen this month: skip their lazy memories too.
			if (u >= quiet[a]) continue;
			let tr = trust[i];
			let gap = month - trustMonth[i];
			if (gap !== 0) {
				tr = gap < MEMORY_TABLE_MONTHS ? trustBase + (tr - trustBase) * trustKeep[gap] : trustNow(world, i);
				trust[i] = tr;
				trustMonth[i] = month;
			}
			const reached = prevention[a] * (reach + (1 - reach) * tr);
			const e = 1 - (1 - reached) * (1 - outreach[a]);
			const f = flags[i];
			const crisis =
				crisisBase *
				riskFactor[i] *
				(1 + complexCrisis * complex[i]) *
				(1 + engagement * (0.5 - tr)) *
				(1 - e) *
				((f & F_UNRESOLVED) !== 0 ? repeatCrisis : 1);
			if (u < crisis) {
				enterCrisis(world, i, c.homeProvider[i], false, recentMonth);
				continue;
			}
			const present = presentBase * (1 + engagement * (tr - 0.5)) * ((f & F_TURNED_AWAY) !== 0 ? 0.5 : 1);
			if (u < crisis + present) {
				presenting[presentingCount++] = i;
				continue;
			}
			let cap = capability[i];
			gap = month - capabilityMonth[i];
			if (gap !== 0) {
				const base = baseCapability[i];
				cap = gap < MEMORY_TABLE_MONTHS ? base + (cap - base) * capabilityKeep[gap] : capabilityNow(world, i);
				capability[i] = cap;
				capabilityMonth[i] = month;
			}
			if (u < crisis + present + recoveryBase * (0.5 + cap) * (1 + outreachRecovery * e)) {
				state[i] = WELL;
				flags[i] = 0;
				cellWell[a * QUINTILES + quintile[i]]++;
			}
		} else if (s === WAITING) {
			const escalation =
				escalationBase * (monthMiddle - arrivalDay[i]) * riskFactor[i] * (1 + complexCrisis * complex[i]);
			if (u < escalation) {
				leaveQueue(world, i);
				tallyCitizen(world.tallies.cells, T.crisesWhileWaiting, quintile[i], area[i], 1);
				enterCrisis(world, i, c.provider[i], true, recentMonth);
			} else if (u < escalation + recoveryBase * (0.5 + capabilityNow(world, i))) {
				// The need resolved unaided: the citizen leaves the list.
				leaveQueue(world, i);
				state[i] = WELL;
				flags[i] = 0;
				cellWell[area[i] * QUINTILES + quintile[i]]++;
			}
		}
	}
	world.presentingCount = presentingCount;
}

/**
 * The hazards each citizen's draw is compared with this month, cumulated as the step compares
 * them, worked out from `world` as the reference step would (on a copy: memories are brought up
 * to date as it goes). Well: the onset hazard; at risk: crisis, then presenting, then recovery;
 * waiting: escalation, then recovery.
 */
function thresholds(world: World): number[][] {
	const w = cloneWorld(world);
	const c = w.citizens;
	const p = w.p;
	driftTrustSums(w);
	updateOutreachEffect(w);
	const growth = detPow(1 + p.demandGrowth, growthMonths(w) / 12);
	const out: number[][] = [];
	for (let i = 0; i < c.n; i++) {
		const a = c.area[i];
		const prevention = w.areas.preventionEffect[a];
		if (c.state[i] === WELL) {
			const gap = w.month - c.fragilityMonth[i];
			const f = gap < MEMORY_TABLE_MONTHS ? w.fragility[i] * w.fragilityKeep[gap] : 0;
			out.push([c.onsetBase[i] * (growth * (1 - p.preventionOnset * prevention)) * (1 + f)]);
		} else if (c.state[i] === AT_RISK) {
			const tr = trustNow(w, i);
			const reached = prevention * (p.preventionReach + (1 - p.preventionReach) * tr);
			const e = 1 - (1 - reached) * (1 - w.areas.outreachEffect[a]);
			const crisis =
				p.crisisRate *
				w.riskFactor[i] *
				(1 + p.complexCrisis * c.complex[i]) *
				(1 + p.trustEngagement * (0.5 - tr)) *
				(1 - e) *
				((c.flags[i] & F_UNRESOLVED) !== 0 ? 1 + p.repeatCrisis : 1);
			const present = p.presentRate * (1 + p.trustEngagement * (tr - 0.5)) * ((c.flags[i] & F_TURNED_AWAY) !== 0 ? 0.5 : 1);
			const cap = capabilityNow(w, i);
			out.push([crisis, crisis + present, crisis + present + p.recoveryRate * (0.5 + cap) * (1 + p.outreachRecovery * e)]);
		} else {
			const escalation =
				(p.escalationRate / DAYS_PER_MONTH) *
				(w.month * DAYS_PER_MONTH + DAYS_PER_MONTH / 2 - c.arrivalDay[i]) *
				w.riskFactor[i] *
				(1 + p.complexCrisis * c.complex[i]);
			out.push([escalation, escalation + p.recoveryRate * (0.5 + capabilityNow(w, i))]);
		}
	}
	return out;
}

/** A stand-in for a world's citizens stream that hands out these draws. */
/** A stand-in for the citizens stream that hands out `draws` (so the kernel generates none, and leaves `columns`' state as it was). */
function drawsOf(draws: Float64Array, columns: StreamColumns) {
	return {
		columns,
		fill: (out: Float64Array, n: number) => out.set(draws.subarray(0, n)),
		fillFromBlock: (out: Float64Array, n: number) => (out.set(draws.subarray(0, n)), n),
		next: () => 0.5
	};
}

/** A world `months` into a run, with a list at every provider. */
function worldAfter(seed: number, months: number): World {
	const world = testWorld({ seed });
	runMonths(world, months);
	resetMonth(world);
	return world;
}

/** Both steps from the same world; the columns that differ (differences leaves out the working columns, which the reference keeps in arrays of its own). */
const compare = (world: World): string[] => compareSteps(world, stepNeedDynamics, referenceNeedStep);

describe('the compiled need step gives the JavaScript step\'s numbers exactly', () => {
	test.each([1, 2, 3])('a running world (seed %i), month after month', (seed) => {
		const world = worldAfter(seed, 6);
		const reference = cloneWorld(world);
		let changed = 0;
		for (let m = 0; m < 12; m++) {
			const before = Array.from(world.citizens.state);
			resetMonth(world);
			resetMonth(reference);
			stepNeedDynamics(world);
			referenceNeedStep(reference);
			expect(differences(world, reference)).toEqual([]);
			expect(world.presentingCount).toBe(reference.presentingCount);
			changed += before.filter((s, i) => s !== world.citizens.state[i]).length;
			world.month++;
			reference.month++;
		}
		// The months moved citizens every way, so every branch was compared.
		expect(changed).toBeGreaterThan(1000);
	});

	test('memories older than the decay tables, and months stored ahead of the world\'s', () => {
		const world = worldAfter(4, 3);
		const c = world.citizens;
		const rng = createStream(4, 0, 'spec');
		// Citizens last seen longer ago than the tables reach, recently, this month, or (a stored
		// month ahead of the world's: JavaScript reads past the table, and the memory is NaN) later.
		world.month = 1000;
		const counts = new Map<string, number>();
		const gapOf = () => {
			const u = rng.next();
			// The tables' last month and the first past them, too.
			const gap = u < 0.1 ? MEMORY_TABLE_MONTHS + 7 : u < 0.2 ? MEMORY_TABLE_MONTHS : u < 0.3 ? MEMORY_TABLE_MONTHS - 1 : u < 0.6 ? 3 : u < 0.7 ? -5 : 0;
			const kind = gap >= MEMORY_TABLE_MONTHS ? 'long ago' : gap < 0 ? 'ahead' : gap > 0 ? 'recent' : 'now';
			counts.set(kind, (counts.get(kind) ?? 0) + 1);
			return gap;
		};
		for (let i = 0; i < c.n; i++) {
			c.trustMonth[i] = world.month - gapOf();
			c.capabilityMonth[i] = world.month - gapOf();
			c.fragilityMonth[i] = world.month - gapOf();
		}
		world.trustSumsMonth = world.month;
		expect([...counts.keys()].sort()).toEqual(['ahead', 'long ago', 'now', 'recent']);
		const reference = cloneWorld(world);
		stepNeedDynamics(world);
		referenceNeedStep(reference);
		expect(differences(world, reference)).toEqual([]);
		// Both made the same NaN memories (Object.is tells NaN from NaN, and the comparison is by it).
		expect(Array.from(c.trust).some(Number.isNaN)).toBe(true);
	});

	test('draws exactly on each hazard, and a hair below it: the comparisons agree to the last bit', () => {
		const world = worldAfter(6, 6);
		const hazards = thresholds(world);
		const draws = new Float64Array(world.citizens.n);
		// Citizen i's draw sits on one of its hazards (in turn), exactly or one double below.
		for (let i = 0; i < draws.length; i++) {
			const h = hazards[i][(i >> 1) % hazards[i].length];
			draws[i] = i % 2 === 0 ? h : doubleBelow(h);
		}
		const before = Array.from(world.citizens.state);
		const reference = cloneWorld(world);
		world.streams.citizens = drawsOf(draws, world.streams.citizens.columns) as unknown as World['streams']['citizens'];
		reference.streams.citizens = drawsOf(draws, reference.streams.citizens.columns) as unknown as World['streams']['citizens'];
		stepNeedDynamics(world);
		referenceNeedStep(reference);
		expect(differences(world, reference)).toEqual([]);
		// A draw on a hazard does not pass it and one a hair below does: half the draws move someone.
		const moved = before.filter((s, i) => s !== world.citizens.state[i]).length + world.presentingCount;
		expect(moved).toBeGreaterThan(0.3 * draws.length);
	});

	test('citizens at risk in every combination of flags, with none quiet', () => {
		const world = worldAfter(5, 2);
		const c = world.citizens;
		for (let i = 0; i < c.n; i++) {
			if (c.state[i] === WELL) c.state[i] = AT_RISK;
			if (c.state[i] === AT_RISK) c.flags[i] = i % 4 === 0 ? 0 : i % 4 === 1 ? F_UNRESOLVED : i % 4 === 2 ? F_TURNED_AWAY : F_UNRESOLVED | F_TURNED_AWAY;
		}
		world.p = { ...world.p, crisisRate: 0.2, presentRate: 0.3, recoveryRate: 0.2 };
		expect(compare(world)).toEqual([]);
	});
});

import { describe, expect, test } from 'vitest';
import { setCapability, setFragility, trustNow } from '../citizen-memory';
import { AT_RISK, DAYS_PER_MONTH, F_FAILURE, F_TURNED_AWAY, F_UNRESOLVED, NEVER, QUINTILES, WAITING, WELL } from '../constants';
import { createStream } from '../rng';
import { T } from '../tallies';
import type { World } from '../world';
import {
	cellTally,
	citizensWhere,
	enqueue,
	queueOf,
	quietCitizens,
	recountCells,
	resetMonth,
	runMonths,
	setStates,
	sum,
	testWorld,
	type TestWorldOptions
} from './_test-world';
import { stepNeedDynamics } from './need-dynamics';

/**
 * A world whose citizens are all in `state` (well or at risk), with no flags, no queues and no
 * frontline outreach (prevention services keep their starting effect unless a test changes it).
 */
function worldAllIn(state: number, options: TestWorldOptions = {}): World {
	const world = testWorld(options);
	quietCitizens(world);
	setStates(world, state);
	world.citizens.lastContactMonth.fill(NEVER);
	world.citizens.lastCrisisMonth.fill(NEVER);
	world.providers.outreach.fill(0);
	resetMonth(world);
	return world;
}

/** Citizens who went from well to at risk in one step of need dynamics. */
function onsets(world: World): Set<number> {
	const before = Array.from(world.citizens.state);
	stepNeedDynamics(world);
	return new Set(citizensWhere(world, (i) => before[i] === WELL && world.citizens.state[i] === AT_RISK));
}

/** Step need dynamics once; return how many presented and how many had a crisis. */
function stepCounts(world: World) {
	stepNeedDynamics(world);
	return {
		presenting: world.presentingCount,
		crises: sum(world.crisesByProvider),
		recovered: world.citizens.state.filter((s) => s === WELL).length
	};
}

/** Two identical worlds from `make`, and the draws their citizens stream gives next (read off the twin's). */
function withItsDraws(make: () => World) {
	const world = make();
	const twin = make();
	const draws = new Float64Array(world.citizens.n);
	twin.streams.citizens.fill(draws, world.citizens.n);
	return { world, twin, draws };
}

function isSubset(a: Set<number>, b: Set<number>): boolean {
	for (const x of a) if (!b.has(x)) return false;
	return true;
}

describe('stepNeedDynamics: well to at risk', () => {
	test('a higher onset rate moves more well citizens to at risk, including all who fell ill at the lower rate', () => {
		const low = onsets(worldAllIn(WELL, { assumptions: { onsetRate: 0.03 } }));
		const high = onsets(worldAllIn(WELL, { assumptions: { onsetRate: 0.12 } }));
		expect(high.size).toBeGreaterThan(low.size * 2);
		expect(isSubset(low, high)).toBe(true);
	});

	test('primary prevention lowers the onset of need', () => {
		const without = worldAllIn(WELL);
		const withPrevention = worldAllIn(WELL);
		without.areas.preventionEffect.fill(0);
		withPrevention.areas.preventionEffect.fill(0.5);
		const a = onsets(without);
		const b = onsets(withPrevention);
		expect(b.size).toBeLessThan(a.size);
		expect(isSubset(b, a)).toBe(true);
	});

	test('demand growth raises onset in later months of the recording, by (1 + demandGrowth) a year', () => {
		const assumptions = { demandGrowth: 0.05 };
		// 20,000 citizens, about 900 onsets a month: at 2,000 the ratio's sampling error (about
		// 0.08) put one seed in six outside these bounds.
		const population = { citizens: 20_000 };
		const start = onsets(worldAllIn(WELL, { month: 0, recordStart: 0, assumptions, population }));
		const later = onsets(worldAllIn(WELL, { month: 120, recordStart: 0, assumptions, population }));
		expect(isSubset(start, later)).toBe(true);
		// 1.05^10 = 1.63: about 63% more onsets, give or take sampling (about 0.03 here).
		expect(later.size / start.size).toBeGreaterThan(1.45);
		expect(later.size / start.size).toBeLessThan(1.8);
	});

	test('no demand grows while the world is not recording (the spin-up) or before recording starts', () => {
		const start = onsets(worldAllIn(WELL, { month: 0 }));
		// Same draws (the citizens stream does not depend on the month), same hazard.
		expect(onsets(worldAllIn(WELL, { month: 120 }))).toEqual(start);
		expect(onsets(worldAllIn(WELL, { month: 120, recordStart: 150 }))).toEqual(start);
	});

	test('demand growth acts on onset only: it does not raise crisis or presentation among those already at risk', () => {
		const assumptions = { demandGrowth: 0.05 };
		const start = stepCounts(worldAllIn(AT_RISK, { month: 0, recordStart: 0, assumptions }));
		const later = stepCounts(worldAllIn(AT_RISK, { month: 120, recordStart: 0, assumptions }));
		expect(later).toEqual(start);
	});

	test('a recent transactional resolution raises the onset hazard (relapse), and the rise fades', () => {
		const plain = worldAllIn(WELL);
		const fragile = worldAllIn(WELL);
		const faded = worldAllIn(WELL, { month: 60 });
		for (let i = 0; i < fragile.citizens.n; i++) setFragility(fragile, i, 2);
		for (let i = 0; i < faded.citizens.n; i++) {
			faded.fragility[i] = 2;
			faded.citizens.fragilityMonth[i] = 0;
		}
		const a = onsets(plain).size;
		const b = onsets(fragile).size;
		const c = onsets(faded).size;
		expect(b).toBeGreaterThan(a * 2);
		expect(c).toBeLessThan(b);
	});

	test('a relapse risk is kept as set while it fades, by the well and the rest alike', () => {
		const world = worldAllIn(WELL, { month: 30 });
		const n = world.citizens.n;
		setStates(world, AT_RISK, (i) => i % 2 === 1);
		// Risks set 0 to 29 months ago, from tiny to large: none is rewritten by the step.
		for (let i = 0; i < n; i++) {
			world.fragility[i] = [0.001, 0.005, 0.5, 2][i % 4];
			world.citizens.fragilityMonth[i] = i % 30;
		}
		const before = Float32Array.from(world.fragility);
		const months = Int16Array.from(world.citizens.fragilityMonth);
		stepNeedDynamics(world);
		expect(Array.from(world.fragility)).toEqual(Array.from(before));
		expect(Array.from(world.citizens.fragilityMonth)).toEqual(Array.from(months));
	});

	test('onset is exactly draw < onsetBase × area multiplier × (1 + faded risk) for every well citizen', () => {
		// Mixed states, risks of every age (some beyond the decay table), prevention differing by
		// area: the step, which works out a risk's fading only below a bound, must give the onsets
		// of the hazard worked out in full for everyone, from the same draws.
		const options: TestWorldOptions = { month: 600, assumptions: { preventionOnset: 0.8, onsetRate: 0.08 } };
		const make = () => {
			const world = worldAllIn(WELL, options);
			setStates(world, AT_RISK, (i) => i % 7 === 3);
			world.areas.preventionEffect.forEach((_, a, effect) => (effect[a] = (a % 4) / 4));
			for (let i = 0; i < world.citizens.n; i++) {
				world.fragility[i] = i % 3 === 0 ? 0 : ((i * 37) % 100) / 25;
				world.citizens.fragilityMonth[i] = 600 - ((i * 13) % 700);
			}
			return world;
		};
		const { world, twin, draws } = withItsDraws(make);
		const n = world.citizens.n;
		const c = twin.citizens;
		const expected = new Set<number>();
		for (let i = 0; i < n; i++) {
			if (c.state[i] !== WELL) continue;
			const gap = twin.month - c.fragilityMonth[i];
			const faded = gap < twin.fragilityKeep.length ? twin.fragility[i] * twin.fragilityKeep[gap] : 0;
			const multiplier = 1 - 0.8 * twin.areas.preventionEffect[c.area[i]];
			if (draws[i] < c.onsetBase[i] * multiplier * (1 + faded)) expected.add(i);
		}
		expect(expected.size).toBeGreaterThan(50);
		expect(onsets(world)).toEqual(expected);
	});

	test('the well step changes nothing for citizens not well, however large their onset hazard', () => {
		const world = worldAllIn(AT_RISK, { assumptions: { onsetRate: 0.15 } });
		const n = world.citizens.n;
		// A relapse risk that would make every well citizen's onset certain.
		for (let i = 0; i < n; i++) setFragility(world, i, 1000);
		stepNeedDynamics(world);
		// Only recovery makes anyone well, and the cell counts of the well stay exact.
		const well = citizensWhere(world, (i) => world.citizens.state[i] === WELL).length;
		expect(sum(world.cellWell)).toBe(well);
		const counted = Float64Array.from(world.cellWell);
		recountCells(world);
		expect(Array.from(world.cellWell)).toEqual(Array.from(counted));
	});

	test('a relapse risk set longer ago than the decay table covers adds nothing', () => {
		const plain = worldAllIn(WELL, { month: 700 });
		const old = worldAllIn(WELL, { month: 700 });
		for (let i = 0; i < old.citizens.n; i++) {
			old.fragility[i] = 2;
			old.citizens.fragilityMonth[i] = 0;
		}
		expect(onsets(old)).toEqual(onsets(plain));
	});

	test('stronger social ties protect against onset', () => {
		const weak = testWorld({ assumptions: { tiesProtection: 0 } });
		const strong = testWorld({ assumptions: { tiesProtection: 1 } });
		// Citizens with ties above one half are protected only when ties count.
		for (const world of [weak, strong]) {
			quietCitizens(world);
			for (let i = 0; i < world.citizens.n; i++) if (world.citizens.ties[i] <= 0.5) world.citizens.state[i] = AT_RISK;
			resetMonth(world);
		}
		expect(onsets(strong).size).toBeLessThan(onsets(weak).size);
	});
});

describe('stepNeedDynamics: at risk', () => {
	// The step skips citizens whose draw is at or above a bound on the three hazards in their area.
	// With every coefficient at the top of its range and, in the second case, every citizen at the
	// corner where the hazards are largest (trust 0 or 1, full capability, most deprived, complex,
	// last need unresolved), the bound is reached, so one set even a little too low would skip
	// citizens the full hazards move.
	test.each([
		['spread over every factor', false],
		['at the corners', true]
	])('each at-risk citizen has a crisis, presents, recovers or stays exactly as the three hazards worked out in full say (%s)', (_, corners) => {
		const assumptions = {
			crisisRate: 0.005,
			presentRate: 0.2,
			recoveryRate: 0.06,
			trustEngagement: 2,
			complexCrisis: 3,
			repeatCrisis: 2,
			outreachRecovery: 5,
			deprivationRisk: 3,
			preventionReach: 0.2
		};
		const make = () => {
			const world = worldAllIn(AT_RISK, { assumptions });
			const c = world.citizens;
			world.areas.preventionEffect.forEach((_, a, effect) => (effect[a] = [0, 0.5, 0.9][a % 3]));
			world.providers.outreach.forEach((_, k, outreach) => (outreach[k] = k % 2 === 0 ? 400 : 0));
			for (let i = 0; i < c.n; i++) {
				c.trust[i] = i % 3 === 0 ? 0 : i % 3 === 1 || corners ? 1 : 0.5;
				c.trustMonth[i] = world.month;
				setCapability(world, i, corners || i % 5 < 2 ? 1 : i % 5 === 2 ? 0 : 0.5);
				world.riskFactor[i] = Math.exp(((corners || i % 7 < 3 ? 1 : i % 7 === 3 ? 0 : 0.5) - 0.5) * 3);
				c.complex[i] = corners ? 1 : i % 2;
				c.flags[i] = corners || i % 11 < 5 ? F_UNRESOLVED : i % 11 < 8 ? F_TURNED_AWAY : 0;
			}
			return world;
		};
		const { world, twin, draws } = withItsDraws(make);
		const n = world.citizens.n;
		stepNeedDynamics(world);
		const c = world.citizens;
		const p = world.p;
		const fate = (i: number) =>
			c.lastCrisisMonth[i] === world.month ? 'crisis' : c.state[i] === WELL ? 'recovered' : 'stays';
		const listed = new Set(world.presenting.subarray(0, world.presentingCount));
		const expected: string[] = [];
		const actual: string[] = [];
		for (let i = 0; i < n; i++) {
			const t = twin.citizens;
			const tr = t.trust[i];
			const a = t.area[i];
			const reached = twin.areas.preventionEffect[a] * (p.preventionReach + (1 - p.preventionReach) * tr);
			const e = 1 - (1 - reached) * (1 - world.areas.outreachEffect[a]);
			const crisis =
				p.crisisRate *
				twin.riskFactor[i] *
				(1 + p.complexCrisis * t.complex[i]) *
				(1 + p.trustEngagement * (0.5 - tr)) *
				(1 - e) *
				((t.flags[i] & F_UNRESOLVED) !== 0 ? 1 + p.repeatCrisis : 1);
			const present = p.presentRate * (1 + p.trustEngagement * (tr - 0.5)) * ((t.flags[i] & F_TURNED_AWAY) !== 0 ? 0.5 : 1);
			const recover = p.recoveryRate * (0.5 + t.capability[i]) * (1 + p.outreachRecovery * e);
			const u = draws[i];
			expected.push(u < crisis ? 'crisis' : u < crisis + present ? 'presents' : u < crisis + present + recover ? 'recovered' : 'stays');
			actual.push(listed.has(i) ? 'presents' : fate(i));
		}
		expect(Math.max(...Array.from(world.areas.outreachEffect))).toBeGreaterThan(0.3);
		const count = (f: string) => expected.filter((x) => x === f).length;
		expect(count('crisis')).toBeGreaterThan(15);
		expect(count('recovered')).toBeGreaterThan(100);
		expect(count('stays')).toBeGreaterThan(100);
		expect(actual).toEqual(expected);
	});

	test('a prevention effect lowers crises of at-risk citizens', () => {
		const without = worldAllIn(AT_RISK, { assumptions: { crisisRate: 0.02 } });
		const withPrevention = worldAllIn(AT_RISK, { assumptions: { crisisRate: 0.02 } });
		without.areas.preventionEffect.fill(0);
		withPrevention.areas.preventionEffect.fill(0.6);
		const a = stepCounts(without);
		const b = stepCounts(withPrevention);
		expect(b.crises).toBeLessThan(a.crises * 0.7);
	});

	test('prevention does not stop people seeking help: with crises aside, the same citizens present with or without it', () => {
		const without = worldAllIn(AT_RISK, { assumptions: { crisisRate: 0 } });
		const withPrevention = worldAllIn(AT_RISK, { assumptions: { crisisRate: 0 } });
		without.areas.preventionEffect.fill(0);
		withPrevention.areas.preventionEffect.fill(0.6);
		stepNeedDynamics(without);
		stepNeedDynamics(withPrevention);
		const listed = (w: World) => Array.from(w.presenting.subarray(0, w.presentingCount));
		expect(listed(without).length).toBeGreaterThan(100);
		expect(listed(withPrevention)).toEqual(listed(without));
	});

	test('a prevention effect speeds recovery of at-risk citizens', () => {
		const without = worldAllIn(AT_RISK);
		const withPrevention = worldAllIn(AT_RISK);
		without.areas.preventionEffect.fill(0);
		withPrevention.areas.preventionEffect.fill(0.6);
		expect(stepCounts(withPrevention).recovered).toBeGreaterThan(stepCounts(without).recovered);
	});

	test('prevention reaches low-trust citizens only as far as preventionReach allows', () => {
		function crises(preventionReach: number): number {
			const world = worldAllIn(AT_RISK, { assumptions: { crisisRate: 0.02, preventionReach } });
			world.areas.preventionEffect.fill(0.6);
			world.citizens.trust.fill(0);
			world.cellTrust.fill(0);
			return stepCounts(world).crises;
		}
		expect(crises(0)).toBeGreaterThan(crises(1) * 1.5);
	});

	test('frontline outreach: last month’s outreach work per at-risk citizen sets each area’s effect, with diminishing returns', () => {
		const world = worldAllIn(AT_RISK);
		const pr = world.providers;
		pr.outreach.fill(0);
		pr.outreach[0] = 10;
		pr.outreach[1] = 20;
		pr.outreach[4] = 5;
		// A tenth of the area-1 citizens are waiting, a tenth well: they are not at risk.
		const c = world.citizens;
		for (let i = 0; i < c.n; i++) {
			if (c.area[i] !== 1) continue;
			if (i % 10 === 0) enqueue(world, i, c.homeProvider[i], -5);
			else if (i % 10 === 1) c.state[i] = WELL;
		}
		recountCells(world);
		const atRisk = Array.from({ length: world.areas.n }, (_, a) => citizensWhere(world, (i) => c.area[i] === a && c.state[i] === AT_RISK).length);
		const work = [30, 0, 5];
		stepNeedDynamics(world);
		for (let a = 0; a < world.areas.n; a++) {
			const want = 1 - Math.exp((-world.p.outreachEfficacy * work[a]) / atRisk[a]);
			expect(world.areas.outreachEffect[a]).toBeCloseTo(want, 9);
		}
		expect(world.areas.outreachEffect[1]).toBe(0);
	});

	test('frontline outreach lowers crises and speeds recovery of at-risk citizens', () => {
		function step(outreach: number, crisisRate: number) {
			const world = worldAllIn(AT_RISK, { assumptions: { crisisRate } });
			world.areas.preventionEffect.fill(0);
			world.providers.outreach.fill(outreach);
			const before = citizensWhere(world, () => true);
			stepNeedDynamics(world);
			return { crises: sum(world.crisesByProvider), recovered: new Set(before.filter((i) => world.citizens.state[i] === WELL)) };
		}
		// 200 units a provider over about 670 at-risk citizens an area averts about 70% of crises.
		expect(step(200, 0.05).crises).toBeLessThan(step(0, 0.05).crises * 0.5);
		// With no crises the draws line up: everyone who recovered without outreach recovers with it.
		const none = step(0, 0).recovered;
		const some = step(40, 0).recovered;
		expect(isSubset(none, some)).toBe(true);
		expect(some.size).toBeGreaterThan(none.size);
		const noRecoveryEffect = worldAllIn(AT_RISK, { assumptions: { crisisRate: 0, outreachRecovery: 0 } });
		noRecoveryEffect.areas.preventionEffect.fill(0);
		noRecoveryEffect.providers.outreach.fill(40);
		stepNeedDynamics(noRecoveryEffect);
		expect(citizensWhere(noRecoveryEffect, (i) => noRecoveryEffect.citizens.state[i] === WELL).length).toBe(none.size);
	});

	test('an unresolved need raises the crisis hazard by repeatCrisis (the revolving door)', () => {
		function crises(flags: number, repeatCrisis: number): number {
			const world = worldAllIn(AT_RISK, { month: 10, assumptions: { crisisRate: 0.05, repeatCrisis } });
			world.citizens.flags.fill(flags);
			world.citizens.lastContactMonth.fill(9);
			return stepCounts(world).crises;
		}
		const resolved = crises(0, 1);
		expect(crises(F_UNRESOLVED, 1)).toBeGreaterThan(resolved * 1.5);
		expect(crises(F_UNRESOLVED, 0)).toBe(crises(0, 0));
	});

	test('being turned away makes at-risk citizens hold back from presenting', () => {
		const plain = worldAllIn(AT_RISK);
		const turnedAway = worldAllIn(AT_RISK);
		turnedAway.citizens.flags.fill(F_TURNED_AWAY);
		const a = stepCounts(plain).presenting;
		const b = stepCounts(turnedAway).presenting;
		expect(b).toBeLessThan(a * 0.7);
		expect(b).toBeGreaterThan(a * 0.3);
	});

	test('low trust makes at-risk citizens present less and fall into crisis more', () => {
		const trusting = worldAllIn(AT_RISK);
		const distrustful = worldAllIn(AT_RISK);
		trusting.citizens.trust.fill(0.9);
		distrustful.citizens.trust.fill(0.1);
		const a = stepCounts(trusting);
		const b = stepCounts(distrustful);
		expect(b.presenting).toBeLessThan(a.presenting);
		expect(b.crises).toBeGreaterThan(a.crises);
	});

	test('complex needs raise the crisis hazard', () => {
		const simple = worldAllIn(AT_RISK, { assumptions: { crisisRate: 0.05 } });
		const complex = worldAllIn(AT_RISK, { assumptions: { crisisRate: 0.05 } });
		simple.citizens.complex.fill(0);
		complex.citizens.complex.fill(1);
		expect(stepCounts(complex).crises).toBeGreaterThan(stepCounts(simple).crises);
	});

	test('recovery makes the citizen well and clears their flags', () => {
		const world = worldAllIn(AT_RISK, { month: 5 });
		world.citizens.flags.fill(F_UNRESOLVED | F_TURNED_AWAY);
		world.citizens.lastContactMonth.fill(4);
		stepNeedDynamics(world);
		const recovered = citizensWhere(world, (i) => world.citizens.state[i] === WELL);
		expect(recovered.length).toBeGreaterThan(0);
		for (const i of recovered) expect(world.citizens.flags[i]).toBe(0);
	});

	test('presenting citizens are listed once each and stay at risk until access', () => {
		const world = worldAllIn(AT_RISK);
		stepNeedDynamics(world);
		const listed = Array.from(world.presenting.subarray(0, world.presentingCount));
		expect(listed.length).toBeGreaterThan(0);
		expect(new Set(listed).size).toBe(listed.length);
		for (const i of listed) expect(world.citizens.state[i]).toBe(AT_RISK);
	});

	test('a crisis of an at-risk citizen with no recent contact falls on the home provider and is not failure demand', () => {
		const world = worldAllIn(AT_RISK, { assumptions: { crisisRate: 5 } });
		const capability = Float32Array.from(world.citizens.capability);
		const trust = Array.from({ length: world.citizens.n }, (_, i) => trustNow(world, i));
		stepNeedDynamics(world);
		const crises = sum(world.crisesByProvider);
		expect(crises).toBe(world.citizens.n);
		expect(cellTally(world, T.crises)).toBe(crises);
		expect(cellTally(world, T.contacts)).toBe(crises);
		expect(cellTally(world, T.failureContacts)).toBe(0);
		expect(cellTally(world, T.repeatCrises)).toBe(0);
		const home = new Float64Array(world.providers.n);
		for (let i = 0; i < world.citizens.n; i++) home[world.citizens.homeProvider[i]]++;
		expect(Array.from(world.crisesByProvider)).toEqual(Array.from(home));
		for (let i = 0; i < world.citizens.n; i += 97) {
			expect(world.citizens.state[i]).toBe(AT_RISK);
			expect(world.citizens.flags[i] & F_UNRESOLVED).toBe(F_UNRESOLVED);
			expect(world.citizens.lastCrisisMonth[i]).toBe(world.month);
			expect(world.citizens.capability[i]).toBeLessThanOrEqual(capability[i]);
			expect(trustNow(world, i)).toBeLessThan(trust[i]);
		}
	});

	test('a second crisis within twelve months counts as a repeat crisis, and after an unresolved contact as failure demand', () => {
		const world = worldAllIn(AT_RISK, { assumptions: { crisisRate: 5 }, month: 30 });
		world.citizens.lastCrisisMonth.fill(25);
		world.citizens.lastContactMonth.fill(25);
		world.citizens.flags.fill(F_UNRESOLVED);
		stepNeedDynamics(world);
		const crises = cellTally(world, T.crises);
		expect(crises).toBe(world.citizens.n);
		expect(cellTally(world, T.repeatCrises)).toBe(crises);
		expect(cellTally(world, T.failureContacts)).toBe(crises);
	});
});

describe('stepNeedDynamics: waiting', () => {
	/** A world where half of the citizens wait at their home provider since `daysAgo`. */
	function waitingWorld(daysAgo: number, escalationRate?: number): { world: World; waiting: number[] } {
		const world = testWorld(escalationRate === undefined ? {} : { assumptions: { escalationRate } });
		quietCitizens(world);
		world.citizens.lastContactMonth.fill(NEVER);
		world.citizens.lastCrisisMonth.fill(NEVER);
		resetMonth(world);
		const start = world.month * DAYS_PER_MONTH;
		const waiting = citizensWhere(world, (i) => i % 2 === 0);
		for (const i of waiting) enqueue(world, i, world.citizens.homeProvider[i], start - daysAgo);
		return { world, waiting };
	}

	test('waiting longer raises escalation to crisis', () => {
		const short = waitingWorld(5);
		const long = waitingWorld(300);
		stepNeedDynamics(short.world);
		stepNeedDynamics(long.world);
		const a = sum(short.world.crisesByProvider);
		const b = sum(long.world.crisesByProvider);
		expect(b).toBeGreaterThan(a * 5);
		expect(b).toBeGreaterThan(20);
	});

	test('a crisis while waiting leaves the citizen at risk and unresolved, out of the queue, and counts as failure demand', () => {
		const { world, waiting } = waitingWorld(40, 1000);
		for (const i of waiting) world.citizens.flags[i] = F_FAILURE;
		const provider = waiting.map((i) => world.citizens.provider[i]);
		stepNeedDynamics(world);
		expect(sum(world.crisesByProvider)).toBe(waiting.length);
		expect(cellTally(world, T.failureContacts)).toBe(waiting.length);
		expect(sum(world.providers.queueLength)).toBe(0);
		expect(world.providers.ringHead.every((h) => h === -1)).toBe(true);
		expect(world.providers.queueUnits.every((u) => u === 0)).toBe(true);
		expect(sum(world.cellWaiting)).toBe(0);
		waiting.forEach((i, j) => {
			expect(world.citizens.state[i]).toBe(AT_RISK);
			expect(world.citizens.flags[i] & F_UNRESOLVED).toBe(F_UNRESOLVED);
			expect(world.citizens.flags[i] & F_FAILURE).toBe(0);
			expect(world.citizens.next[i]).toBe(-1);
			expect(world.citizens.prev[i]).toBe(-1);
			expect(world.citizens.provider[i]).toBe(provider[j]);
		});
		// Crises while waiting fall on the provider whose queue they were in.
		const byProvider = new Float64Array(world.providers.n);
		for (const i of waiting) byProvider[world.citizens.provider[i]]++;
		expect(Array.from(world.crisesByProvider)).toEqual(Array.from(byProvider));
	});

	test('citizens who neither escalate nor recover stay in the queue in their order, and the waiting counts follow them', () => {
		const { world } = waitingWorld(10);
		const before = queueOf(world, 0);
		stepNeedDynamics(world);
		const after = queueOf(world, 0);
		expect(after.length).toBeGreaterThan(before.length * 0.8);
		expect(after.length).toBeLessThan(before.length);
		expect(after).toEqual(before.filter((i) => world.citizens.state[i] === WAITING));
		expect(world.providers.queueLength[0]).toBe(after.length);
		const waitingCells = new Float64Array(world.areas.n * QUINTILES);
		for (let i = 0; i < world.citizens.n; i++) {
			if (world.citizens.state[i] === WAITING) waitingCells[world.citizens.area[i] * QUINTILES + world.citizens.quintile[i]]++;
		}
		expect(Array.from(world.cellWaiting)).toEqual(Array.from(waitingCells));
	});

	test('a need can resolve unaided on the list: the citizen leaves it well, with flags cleared, and is counted well', () => {
		const { world, waiting } = waitingWorld(10, 0);
		for (const i of waiting) world.citizens.flags[i] = F_FAILURE | F_UNRESOLVED;
		stepNeedDynamics(world);
		const recovered = waiting.filter((i) => world.citizens.state[i] === WELL);
		expect(recovered.length).toBeGreaterThan(waiting.length * 0.02);
		expect(recovered.length).toBeLessThan(waiting.length * 0.2);
		for (const i of recovered) {
			expect(world.citizens.flags[i]).toBe(0);
			expect(world.citizens.next[i]).toBe(-1);
		}
		expect(sum(world.providers.queueLength)).toBe(waiting.length - recovered.length);
		expect(sum(world.cellWaiting)).toBe(waiting.length - recovered.length);
		expect(sum(world.crisesByProvider)).toBe(0);
		const well = citizensWhere(world, (i) => world.citizens.state[i] === WELL).length;
		expect(sum(world.cellWell)).toBe(well);
	});

	test('recovery on the list follows the recovery rate and the citizen’s capability', () => {
		function recovered(recoveryRate: number, capability: number): number {
			const { world, waiting } = waitingWorld(10, 0);
			world.p.recoveryRate = recoveryRate;
			for (const i of waiting) setCapability(world, i, capability);
			stepNeedDynamics(world);
			return waiting.filter((i) => world.citizens.state[i] === WELL).length;
		}
		expect(recovered(0, 0.5)).toBe(0);
		expect(recovered(0.2, 0.5)).toBeGreaterThan(recovered(0.05, 0.5));
		expect(recovered(0.1, 0.9)).toBeGreaterThan(recovered(0.1, 0.1));
	});
});

describe('stepNeedDynamics: random numbers', () => {
	test('every citizen takes exactly one draw from the citizens stream each month, whatever happens to them', () => {
		const months = 6;
		const seed = 11;
		const worlds = [
			testWorld({ seed }),
			testWorld({ seed, assumptions: { onsetRate: 0.15, crisisRate: 0.02, escalationRate: 0.1 } }),
			testWorld({ seed, levers: { targets: 1, choice: 1, competition: 1, prevention: 0.4 } })
		];
		const reference = createStream(seed, 0, 'citizens');
		for (let j = 0; j < months * worlds[0].citizens.n; j++) reference.next();
		const expected = reference.next();
		for (const world of worlds) {
			runMonths(world, months);
			expect(world.streams.citizens.next()).toBe(expected);
		}
	});

	test('two worlds on the same seed with different onset rates keep their citizens stream in step', () => {
		const a = worldAllIn(WELL, { seed: 5, assumptions: { onsetRate: 0.02 } });
		const b = worldAllIn(WELL, { seed: 5, assumptions: { onsetRate: 0.14 } });
		stepNeedDynamics(a);
		stepNeedDynamics(b);
		expect(a.streams.citizens.next()).toBe(b.streams.citizens.next());
	});
});

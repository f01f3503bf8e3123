import {
	AT_RISK,
	DAYS_PER_MONTH,
	F_FAILURE,
	F_TURNED_AWAY,
	F_UNRESOLVED,
	QUINTILES,
	REPEAT_WINDOW_MONTHS,
	WAITING,
	WELL
} from '../constants';
import { adjustTrust, capabilityNow, driftTrustSums, MEMORY_TABLE_MONTHS, setCapability, trustNow } from '../citizen-memory';
import { detExp, detPow } from '../det-math';
import { dequeue } from '../queue';
import { T, tallyCitizen } from '../tallies';
import { growthMonths, type World } from '../world';

/**
 * Process 2 — need and demand. Each citizen moves between well, at risk and waiting:
 * - well → at risk with a hazard raised by deprivation, weak ties, demand growth and, just
 *   after a transactional resolution, relapse (the revolving door), and lowered by primary
 *   prevention;
 * - at risk → crisis, → presenting (listed for access), or → well (recovering unaided, more
 *   often with outreach); a crisis is likelier while a presented need is unmet (turned away,
 *   declined or not resolved). Prevention services and frontline outreach lower the crisis hazard
 *   once their effect arrives; they do not stop people seeking help. Low trust makes people hold
 *   back until crisis;
 * - waiting → crisis with a hazard that grows with the time already waited (failure demand), or
 *   → well: a need can resolve unaided while on a list as off it.
 * One uniform draw per citizen per month, always, so that citizens stay aligned across
 * scenarios compared on the same seeds.
 *
 * The month's draws are taken at once, citizen i's being the i-th; the well are then stepped in
 * one pass and the rest in a second, in citizen order. Only a citizen's own step changes its
 * state, and the well's steps change nothing the others' read (counts of the well, added to in
 * whole numbers, are read only after both passes), so this is the one-pass loop's result exactly,
 * with the branch on each citizen's state more predictable (a few per cent faster). The first
 * pass has no branch on the state at all, and works out a relapse risk's fading only for the
 * few citizens whose draw could fall below the raised hazard (see there); the second passes over
 * citizens at risk whose draw is above every hazard they could have (fillQuietDraws).
 */
export function stepNeedDynamics(world: World): void {
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
	const { draw, unwell, quiet } = scratch(n, world.areas.n);
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
 * Working arrays of the need step, grown as populations need: a month's draws, who is not well,
 * and each area's quiet draws (fillQuietDraws).
 */
let working = { draw: new Float64Array(0), unwell: new Int32Array(0), quiet: new Float64Array(0) };

function scratch(n: number, areas: number): typeof working {
	if (working.draw.length < n) working = { ...working, draw: new Float64Array(n), unwell: new Int32Array(n) };
	if (working.quiet.length < areas) working = { ...working, quiet: new Float64Array(areas) };
	return working;
}

/**
 * For each area, a draw at or above which no citizen at risk there can have a crisis, present or
 * recover this month, whatever their trust, capability, deprivation, complexity and history: the
 * largest sum of the three hazards, widened by a millionth (riskFactor is kept in single
 * precision, which can round it up by a few parts in 10^8). With every other factor at its
 * largest, the sum is convex in trust (the crisis hazard is a product of two factors falling with
 * trust, the others are linear in it), so it is largest at trust 0 or 1. Most citizens at risk
 * draw above it, and their month is then skipped without reading anything else of theirs.
 */
function fillQuietDraws(world: World, quiet: Float64Array): void {
	const p = world.p;
	const areas = world.areas;
	const engagement = p.trustEngagement;
	const riskMost = Math.max(detExp(p.deprivationRisk / 2), detExp(-p.deprivationRisk / 2));
	const crisisMost = p.crisisRate * riskMost * Math.max(1, 1 + p.complexCrisis) * Math.max(1, 1 + p.repeatCrisis);
	const reach = p.preventionReach;
	for (let a = 0; a < areas.n; a++) {
		const outreach = areas.outreachEffect[a];
		const prevention = areas.preventionEffect[a];
		let most = 0;
		for (let trust = 0; trust <= 1; trust++) {
			const averted = 1 - (1 - prevention * (reach + (1 - reach) * trust)) * (1 - outreach);
			// A hazard below zero (only outside the registry's ranges) never moves anyone: count it as zero.
			const crisis = Math.max(0, crisisMost * (1 + engagement * (0.5 - trust)) * (1 - averted));
			const present = Math.max(0, p.presentRate * (1 + engagement * (trust - 0.5)));
			const recovery = Math.max(0, p.recoveryRate * 1.5 * (1 + p.outreachRecovery * averted));
			most = Math.max(most, crisis + present + recovery);
		}
		quiet[a] = most * (1 + 1e-6);
	}
}

/**
 * The share of at-risk citizens' crisis hazard that frontline outreach averts in each area:
 * last month's outreach work per at-risk citizen, with diminishing returns.
 */
function updateOutreachEffect(world: World): void {
	const areas = world.areas;
	const pr = world.providers;
	const work = world.areaScratch;
	work.fill(0);
	for (let k = 0; k < pr.n; k++) work[pr.area[k]] += pr.outreach[k];
	for (let a = 0; a < areas.n; a++) {
		let atRisk = 0;
		for (let q = 0; q < QUINTILES; q++) {
			const cell = a * QUINTILES + q;
			atRisk += world.cellPopulation[cell] - world.cellWell[cell] - world.cellWaiting[cell];
		}
		areas.outreachEffect[a] = atRisk > 0 ? 1 - detExp((-world.p.outreachEfficacy * work[a]) / atRisk) : 0;
	}
}

/** Take a waiting citizen out of their provider's queue. */
export function leaveQueue(world: World, i: number): void {
	const c = world.citizens;
	dequeue(c, world.providers, c.provider[i], i);
	world.cellWaiting[c.area[i] * QUINTILES + c.quintile[i]]--;
}

/**
 * A crisis: an emergency contact that the provider must firefight before planned work.
 * It treats the acute episode but leaves the need unresolved, so the citizen stays at risk.
 */
function enterCrisis(world: World, i: number, provider: number, whileWaiting: boolean, recentMonth: number): void {
	const c = world.citizens;
	const tallies = world.tallies.cells;
	const q = c.quintile[i];
	const a = c.area[i];
	const repeatContact = (c.flags[i] & F_UNRESOLVED) !== 0 && c.lastContactMonth[i] >= recentMonth;
	tallyCitizen(tallies, T.crises, q, a, 1);
	tallyCitizen(tallies, T.contacts, q, a, 1);
	if (whileWaiting || repeatContact) tallyCitizen(tallies, T.failureContacts, q, a, 1);
	if (c.lastCrisisMonth[i] >= recentMonth) tallyCitizen(tallies, T.repeatCrises, q, a, 1);
	world.crisesByProvider[provider]++;
	c.state[i] = AT_RISK;
	c.flags[i] = (c.flags[i] | F_UNRESOLVED) & ~F_FAILURE;
	c.lastCrisisMonth[i] = world.month;
	c.lastContactMonth[i] = world.month;
	setCapability(world, i, capabilityNow(world, i) - world.p.capabilityLossCrisis);
	adjustTrust(world, i, -0.8 * world.p.trustExperience);
}

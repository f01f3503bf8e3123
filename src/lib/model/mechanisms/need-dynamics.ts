import { AT_RISK, DAYS_PER_MONTH, F_FAILURE, F_UNRESOLVED, QUINTILES, REPEAT_WINDOW_MONTHS, WELL } from '../constants';
import { registerKernelImports } from '../arena';
import { kernelWorld, onWorld } from '../kernel-world';
import { adjustTrust, capabilityNow, driftTrustSums, setCapability } from '../citizen-memory';
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
 * with the branch on each citizen's state more predictable. The first pass lists only those not
 * well whom the month may move (a citizen at risk drawing at or above their area's quiet draw
 * cannot be), so the second reads nothing of the rest. The two passes run compiled from
 * AssemblyScript (assembly/need-step.ts, which says how) on the world's arena, 11–12% faster a
 * re-run than the same passes in JavaScript; they call back here for the rarer steps, which
 * touch waiting lists, tallies and trust sums (enterCrisis, leaveQueue).
 */
export function stepNeedDynamics(world: World): void {
	const c = world.citizens;
	const p = world.p;
	const month = world.month;
	const growth = detPow(1 + p.demandGrowth, growthMonths(world) / 12);
	const primary = p.preventionOnset;
	const prevention = world.areas.preventionEffect;

	driftTrustSums(world);
	updateOutreachEffect(world);
	// Onset multiplier of each area this month: demand growth and primary prevention.
	const areaOnset = world.areaScratch;
	for (let a = 0; a < world.areas.n; a++) areaOnset[a] = growth * (1 - primary * prevention[a]);

	const draw = world.needDraw;
	fillQuietDraws(world, world.quietDraw);
	world.streams.citizens.fill(draw, c.n);
	const arena = world.arena;
	const kernels = arena.kernels;
	const unwellCount = kernels.onsetPass(
		world.areas.n,
		month,
		arena.at(c.state),
		arena.at(c.onsetBase),
		arena.at(world.fragility),
		arena.at(c.fragilityMonth),
		arena.at(c.quintile),
		arena.at(draw),
		arena.at(world.unwell),
		arena.at(world.cellWell),
		arena.at(areaOnset),
		arena.at(world.areaCitizensEnd),
		arena.at(world.fragilityKeep),
		arena.at(world.quietDraw)
	);
	recentMonth = month - REPEAT_WINDOW_MONTHS;
	world.presentingCount = onWorld(world, () =>
		kernels.unwellPass(
			unwellCount,
			month,
			month * DAYS_PER_MONTH + DAYS_PER_MONTH / 2,
			arena.at(world.unwell),
			arena.at(draw),
			arena.at(c.state),
			arena.at(c.flags),
			arena.at(c.area),
			arena.at(c.quintile),
			arena.at(c.complex),
			arena.at(world.riskFactor),
			arena.at(c.trust),
			arena.at(c.trustMonth),
			arena.at(c.capability),
			arena.at(c.capabilityMonth),
			arena.at(c.baseCapability),
			arena.at(c.arrivalDay),
			arena.at(prevention),
			arena.at(world.areas.outreachEffect),
			arena.at(world.cellWell),
			arena.at(world.trustKeep),
			arena.at(world.capabilityKeep),
			arena.at(world.presenting),
			p.trustBaseline,
			p.preventionReach,
			p.crisisRate,
			p.complexCrisis,
			p.trustEngagement,
			1 + p.repeatCrisis,
			p.presentRate,
			p.recoveryRate,
			p.outreachRecovery,
			p.escalationRate / DAYS_PER_MONTH
		)
	);
}

/** The window for repeat contacts of the unwell pass running: its calls back count contacts since this month. */
let recentMonth = 0;

/** The calls back of the unwell pass (assembly/need-step.ts): the rarer steps, which touch queues, tallies and trust sums. */
registerKernelImports({
	/** A citizen at risk has a crisis, at their local provider. */
	needCrisis(i: number): void {
		const world = kernelWorld();
		enterCrisis(world, i, world.citizens.homeProvider[i], false, recentMonth);
	},
	/** A waiting citizen's need escalates to crisis: off the list, counted as a crisis while waiting. */
	needWaitingCrisis(i: number): void {
		const world = kernelWorld();
		const c = world.citizens;
		leaveQueue(world, i);
		tallyCitizen(world.tallies.cells, T.crisesWhileWaiting, c.quintile[i], c.area[i], 1);
		enterCrisis(world, i, c.provider[i], true, recentMonth);
	},
	/** A waiting citizen's need resolved unaided: the citizen leaves the list. */
	needWaitingRecovery(i: number): void {
		const world = kernelWorld();
		const c = world.citizens;
		leaveQueue(world, i);
		c.state[i] = WELL;
		c.flags[i] = 0;
		world.cellWell[c.area[i] * QUINTILES + c.quintile[i]]++;
	}
});

/**
 * For each area, a draw at or above which no citizen at risk there can have a crisis, present or
 * recover this month, whatever their trust, capability, deprivation, complexity and history: the
 * largest sum of the three hazards, widened by a millionth (riskFactor is kept in single
 * precision, which can round it up by a few parts in 10^8). With every other factor at its
 * largest, the sum is convex in trust (the crisis hazard is a product of two factors falling with
 * trust, the others are linear in it), so it is largest at trust 0 or 1. Most citizens at risk
 * draw above it, and their month is then skipped without reading anything else of theirs.
 */
export function fillQuietDraws(world: World, quiet: Float64Array): void {
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
export function updateOutreachEffect(world: World): void {
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
export function enterCrisis(world: World, i: number, provider: number, whileWaiting: boolean, recentMonth: number): void {
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

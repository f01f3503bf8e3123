import { layOutWorkforce } from '../kernel-tables';
import { registerKernelImports } from '../arena';
import { detExp } from '../det-math';
import { T, tallyArea } from '../tallies';
import type { AssumptionValues, LeverValues } from '../parameters/registry';
import { hireWorker, type Climate, type World } from '../world';

// The kernel's exponential beyond the range where it works one out itself (assembly/workforce.ts).
registerKernelImports({ detExp });

/**
 * Process 6 — workforce.
 * - Burnout follows the job demands–resources model: demands (work pressure, firefighting,
 *   moral injury from turning people away, declining, parking them and gaming, reporting burden,
 *   blame, and the worker's own effort beyond normal hours) against resources (effective
 *   autonomy, peer support, skill, purpose, motivation), shifted by each worker's own
 *   vulnerability, moving toward its level over months (Lee & Ashforth 1996; Aronsson et al. 2017).
 * - Intrinsic motivation is crowded out by a controlling, contingent climate and restored by
 *   autonomy, purpose and success (self-determination theory; Deci et al. 1999). It falls
 *   faster than it recovers.
 * - Skill grows with experience, faster with peer learning and autonomy, slower in outsourced
 *   providers, and erodes while burnt out.
 * - Leaving rises with burnout and falls with motivation and autonomy and respect; those still
 *   in post after a working life retire (so the most resilient are not selected for ever). Vacancies
 *   take months to fill (longer in deprived areas), with less skilled recruits. Posts are
 *   counted in full-time equivalents and recruited whole; staff above funded posts are released
 *   (counted as leavers).
 */
export function stepWorkforce(world: World): void {
	const pr = world.providers;
	const w = world.workers;
	const p = world.p;
	const L = world.levers;
	const tallies = world.tallies.values;
	const arena = world.arena;
	const kernels = arena.kernels;
	const results = world.workerSums;

	const commonDemands = p.demandReporting * world.climate.reportingBurden;
	const learning = skillLearning(p, L);
	const quitShift = -p.quitAutonomy * L.autonomy;
	// The month's terms every provider shares, for the kernel's loop over each provider's slots.
	layOutWorkforce(world);
	kernels.beginWorkforce(arena.at(world.kernelColumns), arena.at(world.kernelScalars));

	for (let k = 0; k < pr.n; k++) {
		const presented = pr.monthPresented[k] + pr.monthComplexConsidered[k];
		pr.moralInjury[k] =
			presented > 0 ? (pr.monthTurnedAway[k] + pr.monthDeclined[k] + pr.monthParked[k]) / presented : 0;
		const demands =
			commonDemands +
			p.demandCaseload * (pr.workPressure[k] - 1) +
			p.demandCrisis * pr.crisisLoad[k] +
			p.demandMoral * (pr.moralInjury[k] + pr.culture[k]) +
			p.demandBlame * Math.min(1, pr.blame[k]);
		const success = p.motivationSuccess * (pr.trueQuality[k] - 0.5);
		const skillGrowth = learning * (pr.outsourced[k] ? p.outsourcedTraining : 1);
		const quitProvider = quitShift + (pr.outsourced[k] ? p.quitOutsourced : 0);
		const a = pr.area[k];
		const start = pr.slotStart[k];
		const end = start + pr.slotCount[k];

		// Each worker's month (assembly/workforce.ts): burnout, motivation, skill, tenure, leaving. The
		// kernel calls back only detExp, which needs no world: so no onWorld, and no closure made for
		// each provider.
		const staffFte = kernels.workersMonth(start, end, demands, success, skillGrowth, quitProvider);
		const heads = results[0];
		const leavers = results[1];
		// Recruitment fills the first vacant slots: they start here, not at the provider's first slot.
		const firstVacant = results[2];

		// Staff toward funded posts: vacancies of a whole post advertised, or staff the budget no
		// longer funds released (gaps of part of a post are left: fillVacancies says why).
		const gap = pr.posts[k] - staffFte;
		const hired = gap > 1e-9 ? fillVacancies(world, k, gap, firstVacant) : 0;
		const released = gap <= -0.5 ? releaseStaff(world, k, -gap) : 0;
		// Staff in post (full-time equivalents): the stayers' sum, added up in slot order as a recount
		// would, unless someone came or went.
		pr.staff[k] = hired + released === 0 ? staffFte : staffInPost(w, start, end);
		tallyArea(tallies, T.leavers, a, leavers + released);
		tallyArea(tallies, T.redundancies, a, released);
		tallyArea(tallies, T.staffBefore, a, heads + leavers);
	}
}

/**
 * Advertise provider k's vacancies (a gap of `gap` full-time posts) as whole posts while half a
 * post or more is open, each filled with the area's monthly chance, in the vacant slots from
 * `firstVacant` on (every slot before it is filled). Hours are not moved to close a gap of part of
 * a post: a pool of part-timers able to do so would grow with the number of providers, not their
 * size, and fill small providers' vacancies for free. Returns the number hired.
 */
export function fillVacancies(world: World, k: number, gap: number, firstVacant: number): number {
	const pr = world.providers;
	const w = world.workers;
	const rng = world.streams.workers;
	const end = pr.slotStart[k] + pr.slotCount[k];
	const chance = world.areas.fillChance[pr.area[k]];
	let hired = 0;
	for (let i = firstVacant; i < end && gap >= 0.5; i++) {
		if (w.active[i] === 1) continue;
		if (rng.next() < chance) {
			hireWorker(w, i, world.p, world.levers.performancePay, rng, 1);
			hired++;
		}
		gap -= 1;
	}
	return hired;
}

/**
 * Release staff of provider k the budget no longer funds (`excess` full-time posts, half a post
 * or more), each at the redundancy rate, the last slots first. Returns the number released.
 */
export function releaseStaff(world: World, k: number, excess: number): number {
	const pr = world.providers;
	const w = world.workers;
	const rng = world.streams.workers;
	const start = pr.slotStart[k];
	let released = 0;
	for (let i = start + pr.slotCount[k] - 1; i >= start && excess >= 0.5; i--) {
		if (w.active[i] === 0) continue;
		if (rng.next() < world.p.redundancyRate) {
			w.active[i] = 0;
			released++;
		}
		excess -= w.fte[i];
	}
	return released;
}

/** Full-time equivalents in post in slots [start, end). */
export function staffInPost(w: World['workers'], start: number, end: number): number {
	let fte = 0;
	for (let i = start; i < end; i++) if (w.active[i] === 1) fte += w.fte[i];
	return fte;
}

// The step's lever terms, shared with the starting workforce's careers (settled-workforce.ts).

/** Job resources from the levers: autonomy (less of it felt in a controlling climate), peer support, purpose. */
export function jobResources(p: AssumptionValues, L: LeverValues, climate: Climate): number {
	const effectiveAutonomy = L.autonomy * (1 - 0.5 * Math.min(1, climate.controlling));
	return p.resourceAutonomy * effectiveAutonomy + p.resourcePeer * L.peerLearning + p.resourcePurpose * L.mission;
}

/** How far a controlling, contingent climate pulls motivation below a worker's intrinsic motivation. */
export function crowdingOut(p: AssumptionValues, climate: Climate): number {
	return p.crowdingOut * p.intrinsicSpread * climate.controlling;
}

/** Skill's monthly growth toward 1 in an in-house provider: faster with peer learning and autonomy. */
export function skillLearning(p: AssumptionValues, L: LeverValues): number {
	return p.skillLearning * (1 + p.skillPeer * L.peerLearning + p.skillAutonomy * L.autonomy);
}

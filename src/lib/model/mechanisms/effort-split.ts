import { layOutEffort } from '../kernel-tables';
import { T, tallyArea } from '../tallies';
import type { AssumptionValues, LeverValues } from '../parameters/registry';
import type { World } from '../world';

/**
 * Process 4a — frontline decisions (ODD+D). Each worker decides, each month, how hard to work
 * and how to split their time; a provider's capacity, relational intensity and outreach are
 * the sum of those decisions.
 *
 * - **What a worker weighs.** Measured incentives — target pressure (with the stakes that
 *   ratings and sanctions add), performance pay, and the financial pressure that payment by
 *   results passes down — weigh in proportion to how extrinsically motivated the worker is
 *   (1 − motivation); the person's long-term outcome weighs in proportion to intrinsic
 *   motivation, more so under a clear mission (Holmström & Milgrom 1991; Le Grand 2003;
 *   Besley & Ghatak 2005). The share of attention on the long-term outcome is
 *   λ = intrinsic weight / (intrinsic weight + incentive weight).
 * - **Discretion.** A worker follows the provider's prescribed practice except for a share of
 *   their time that follows their own priorities: some discretion always (street-level
 *   bureaucracy), all of it at full autonomy.
 * - **Relational intensity** of casework: the prescribed level is the relational-practice lever,
 *   shifted by what the provider has learned and, when devolved, by how the place leans, and cut
 *   by managers when the backlog runs beyond a month (working harder, not smarter); a worker's
 *   own level is λ times what a wholly outcome-minded professional would give.
 * - **Outreach** (prevention work with at-risk citizens) is discretionary: λ times what a wholly
 *   outcome-minded professional would give, within the worker's discretion.
 * - **Effort**: extrinsically motivated staff work harder under measured incentives, motivated
 *   staff work harder when people are waiting, an efficiency drive raises everyone's intensity,
 *   and extrinsically motivated staff ease off under autonomy. Effort beyond normal hours is a job
 *   demand (workforce.ts), so extra capacity is paid for in burnout.
 * - Reporting, peer learning and integration take fixed shares of time; a worker who games this
 *   month spends some time on it.
 */
export function decideEffort(world: World): void {
	const pr = world.providers;
	const areas = world.areas;
	const p = world.p;
	const L = world.levers;
	const tallies = world.tallies.values;

	const relationalFactor = p.relationalTime;
	// The month's terms every provider shares, for the kernel's loop over each provider's slots.
	layOutEffort(world);
	const arena = world.arena;
	const kernels = arena.kernels;
	kernels.beginEffort(arena.at(world.kernelColumns), arena.at(world.kernelScalars));
	const sums = world.workerSums;

	for (let k = 0; k < pr.n; k++) {
		const pressure = targetPressure(p, L, pr.failingMonths[k] > 0);
		pr.targetPressure[k] = pressure;
		const incentives = pressure + p.payIncentive * L.performancePay + L.competition * pr.financialPressure[k];
		const incentiveWeight = p.incentiveWeight * incentives;
		const waitingGap = pr.workPressure[k] > 2 ? 1 : pr.workPressure[k] > 1 ? pr.workPressure[k] - 1 : 0;

		const capacityBefore = pr.capacity[k];
		const backlogMonths =
			capacityBefore > 0 ? (pr.queueUnits[k] * (1 + relationalFactor * pr.relational[k])) / capacityBefore : 0;
		const squeeze = p.backlogSqueeze * (backlogMonths > 1 ? backlogMonths - 1 : 0);
		const lean = L.devolution * p.localDivergence * areas.leanRelational[pr.area[k]];
		let prescribed = L.relational + lean + pr.relationalOffset[k] - squeeze;
		prescribed = prescribed < 0 ? 0 : prescribed > 1 ? 1 : prescribed;

		// Each worker's decisions (assembly/effort-split.ts): the weight on the long-term outcome,
		// relational intensity, outreach and effort, and the work they give, summed over the staff.
		const end = pr.slotStart[k] + pr.slotCount[k];
		kernels.workersEffort(pr.slotStart[k], end, incentiveWeight, p.extrinsicEffort * incentives, waitingGap, prescribed);
		const heads = sums[0];
		const fte = sums[1];
		const motivation = sums[2];
		const skill = sums[3];
		const burnt = sums[4];
		const gaming = sums[5];
		const effortSum = sums[6];
		const casework = sums[7];
		const relational = sums[8];
		const outreach = sums[9];
		pr.staff[k] = fte;
		pr.meanMotivation[k] = heads > 0 ? motivation / heads : 0;
		pr.meanSkill[k] = heads > 0 ? skill / heads : 0;
		pr.burnoutShare[k] = heads > 0 ? burnt / heads : 0;
		pr.gamingShare[k] = heads > 0 ? gaming / heads : 0;
		pr.capacity[k] = casework * p.casesPerWorker;
		pr.relational[k] = casework > 0 ? relational / casework : prescribed;
		pr.outreach[k] = outreach * p.casesPerWorker;
		pr.hideChance[k] = 1 - (1 - pr.culture[k]) * (1 - pr.gamingShare[k]);

		const a = pr.area[k];
		tallyArea(tallies, T.effortSum, a, effortSum);
		tallyArea(tallies, T.effortHeads, a, heads);
		tallyArea(tallies, T.caseworkUnits, a, casework);
		tallyArea(tallies, T.relationalUnits, a, relational);
		tallyArea(tallies, T.outreachUnits, a, outreach);
	}
}

/** Pressure from targets, raised by the stakes inspection adds and again under a failing rating. */
export function targetPressure(p: AssumptionValues, L: LeverValues, failing: boolean): number {
	return L.targets * (1 - p.inspectionStakes + p.inspectionStakes * L.inspection) * (failing ? 1 + p.failingPressure : 1);
}

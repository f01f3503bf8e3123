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
	const w = world.workers;
	const areas = world.areas;
	const p = world.p;
	const L = world.levers;
	const tallies = world.tallies.values;

	const discretion = p.discretionBase + (1 - p.discretionBase) * L.autonomy;
	const salience = 1 + p.missionSalience * L.mission;
	const overheadTime =
		p.reportingTime * world.climate.reportingBurden +
		p.peerLearningTime * L.peerLearning +
		p.integrationTime * L.integration;
	const imposed = p.efficiencyIntensity * L.efficiency;
	const shirk = p.autonomyShirk * L.autonomy;
	const relationalFactor = p.relationalTime;

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

		let heads = 0;
		let fte = 0;
		let motivation = 0;
		let skill = 0;
		let burnt = 0;
		let gaming = 0;
		let effortSum = 0;
		let casework = 0;
		let relational = 0;
		let outreach = 0;
		const end = pr.slotStart[k] + pr.slotCount[k];
		for (let i = pr.slotStart[k]; i < end; i++) {
			if (w.active[i] === 0) continue;
			const m = w.motivation[i];
			const own = m * salience;
			const extrinsic = incentiveWeight * (1 - m);
			const lambda = own + extrinsic > 0 ? own / (own + extrinsic) : 0.5;
			const rho = (1 - discretion) * prescribed + discretion * p.relationalPreference * lambda;
			const outreachShare = discretion * p.outreachPreference * lambda;

			let effort = 1 + p.extrinsicEffort * incentives * (1 - m) + p.knightEffort * m * waitingGap + imposed - shirk * (1 - m);
			if (effort < 0.3) effort = 0.3;
			w.effort[i] = effort;

			// Burnt out (0 or 1) and gaming (0 or 1) scale their terms rather than choose them by a
			// branch: a third of staff are burnt out, in no order a processor could predict.
			// (1 − 1 × loss is 1 − loss, and 1 − 0 × loss is 1, exactly.)
			const burntOut = +(w.burnout[i] > 0.5);
			const work = effort * (0.6 + 0.8 * w.skill[i]) * (1 - burntOut * p.burnoutProductivity) * w.fte[i];
			let caseShare = 1 - overheadTime - outreachShare - w.gaming[i] * p.gamingTime;
			if (caseShare < 0.1) caseShare = 0.1;
			casework += work * caseShare;
			relational += work * caseShare * rho;
			outreach += work * outreachShare;

			heads++;
			fte += w.fte[i];
			motivation += m;
			skill += w.skill[i];
			gaming += w.gaming[i];
			effortSum += effort;
			burnt += burntOut;
		}
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

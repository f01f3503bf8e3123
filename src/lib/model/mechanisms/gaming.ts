import { logistic } from '../det-math';
import { layOutGaming } from '../kernel-tables';
import { changeLeadership, newManagement } from './leadership';
import type { AssumptionValues, LeverValues } from '../parameters/registry';
import type { World } from '../world';

/** Smoothing of providers' monthly performance figures (about a quarter's memory). */
const PERFORMANCE_SMOOTHING = 0.25;

/**
 * Process 5 — gaming. Two kinds, kept apart as the evidence does:
 * - a provider's recording culture (reclassification, stopped clocks) that hides a share of
 *   breaches; it grows with target pressure times the shortfall from the standard (gaming
 *   where the target cannot be met honestly) and financial pressure, and falls with audit,
 *   team motivation and mission (Bevan & Hood 2006; Gravelle et al. 2010);
 * - deliberate misrecording by individual workers, a bounded minority that rises with
 *   pressure, performance pay and culture and falls with motivation and audit
 *   (Jacob & Levitt 2003: 4–5% of classrooms).
 * Audit detects gaming in proportion to its extent; a sanction cuts the culture and adds blame.
 * Inspection rates providers on a league table of reported performance; the bottom fifth is
 * rated failing for a while, which raises the stakes (Bevan & Hamblin 2009) and the blame, and
 * may bring in new leadership (special measures; Allen & Burgess 2012): since the table ranks
 * reported access, not management, it turns round some providers that did not need it and
 * misses some that did. Leaders also leave at a base rate, in any scenario (leadership.ts).
 */
export function stepGaming(world: World): void {
	const pr = world.providers;
	const p = world.p;
	const L = world.levers;
	const rng = world.streams.providers;

	for (let k = 0; k < pr.n; k++) {
		const served = pr.monthServed[k];
		if (served > 0) {
			pr.truePerformance[k] += PERFORMANCE_SMOOTHING * (pr.monthTrueWithin[k] / served - pr.truePerformance[k]);
			pr.reportedPerformance[k] +=
				PERFORMANCE_SMOOTHING * (pr.monthRecordedWithin[k] / served - pr.reportedPerformance[k]);
			pr.trueQuality[k] += PERFORMANCE_SMOOTHING * (pr.monthResolved[k] / served - pr.trueQuality[k]);
		}
		const shortfall = Math.max(0, p.targetStandard - pr.truePerformance[k]);
		const target = cultureTarget(p, L, pr.targetPressure[k], shortfall, pr.financialPressure[k], pr.meanMotivation[k]);
		pr.culture[k] += (target - pr.culture[k]) / p.cultureMonths;

		pr.blame[k] *= p.blameMemory;
		if (L.audit > 0 && rng.next() < L.audit * p.auditDetection * pr.hideChance[k]) {
			pr.culture[k] *= 1 - p.sanctionCut;
			pr.blame[k] += 1;
		}
		if (pr.failingMonths[k] > 0) pr.failingMonths[k]--;
	}

	if (L.inspection > 0) rateProviders(world);
	changeLeadership(world);

	const pay = L.performancePay;
	layOutGaming(world);
	const arena = world.arena;
	const kernels = arena.kernels;
	kernels.beginGaming(arena.at(world.kernelColumns), arena.at(world.kernelScalars));
	// Workers in slot order, provider by provider (each owns a run of slots), so that the part of
	// the log-odds a provider's staff share is worked out once; each worker games when a draw from
	// the workers stream falls below the logistic chance (assembly/gaming.ts). The kernel's only
	// call back (belowLogisticExactly) needs no world.
	for (let k = 0; k < pr.n; k++) {
		const shared = sharedGamingLogit(p, pay, pr.targetPressure[k], pr.culture[k]);
		kernels.workersGaming(pr.slotStart[k], pr.slotStart[k] + pr.slotCount[k], shared);
	}
}

/**
 * Where a provider's recording culture is heading: up with the stakes (squared), with pressure
 * where the standard cannot be met honestly and with financial pressure; down with audit, its
 * staff's motivation and a mission.
 */
export function cultureTarget(
	p: AssumptionValues,
	L: LeverValues,
	pressure: number,
	shortfall: number,
	financialPressure: number,
	motivation: number
): number {
	return logistic(
		p.cultureBase +
			p.cultureStakes * pressure * pressure +
			p.cultureShortfall * pressure * shortfall +
			p.cultureFinance * financialPressure -
			p.cultureAudit * L.audit -
			p.cultureMotivation * (motivation - 0.5) -
			p.cultureMission * L.mission
	);
}

/** The part of the log-odds of misrecording that a provider's staff share (workerGamingLogit adds the rest). */
export function sharedGamingLogit(p: AssumptionValues, performancePay: number, pressure: number, culture: number): number {
	return p.workerGamingBase + p.workerGamingPressure * pressure + p.workerGamingPay * performancePay + p.workerGamingCulture * culture;
}

/** The log-odds that a worker with `motivation` misrecords this month, from their provider's shared part (as assembly/gaming.ts works it out). */
export function workerGamingLogit(p: AssumptionValues, shared: number, audit: number, motivation: number): number {
	return shared - p.workerGamingMotivation * (motivation - 0.5) - p.workerGamingAudit * audit;
}

function rateProviders(world: World): void {
	const pr = world.providers;
	const p = world.p;
	const rng = world.streams.providers;
	const ranked = world.scratch;
	for (let k = 0; k < pr.n; k++) ranked[k] = pr.reportedPerformance[k];
	ranked.sort();
	// The bottom failingShare of providers by reported performance (ties at the line included).
	const failing = Math.round(p.failingShare * pr.n);
	if (failing === 0) return;
	const cutoff = ranked[failing - 1];
	const chance = (world.levers.inspection * p.inspectionRate) / 12;
	for (let k = 0; k < pr.n; k++) {
		if (rng.next() >= chance) continue;
		if (pr.reportedPerformance[k] <= cutoff) {
			pr.failingMonths[k] = Math.round(p.failingMonths);
			pr.blame[k] += 0.5;
			// Special measures: a failing rating may bring in new leadership, drawn afresh.
			if (rng.next() < p.turnaroundChance) pr.management[k] = newManagement(p, rng);
		}
	}
}

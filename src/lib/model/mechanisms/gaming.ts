import { logistic } from '../det-math';
import { belowLogistic } from '../lazy-compare';
import { normal } from '../rng';
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
 * misses some that did.
 */
export function stepGaming(world: World): void {
	const pr = world.providers;
	const w = world.workers;
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

	const pay = L.performancePay;
	const audit = L.audit;
	const workers = world.streams.workers;
	// Workers in slot order, provider by provider (each owns a run of slots), so that the part of
	// the log-odds a provider's staff share is worked out once.
	for (let k = 0; k < pr.n; k++) {
		const shared = sharedGamingLogit(p, pay, pr.targetPressure[k], pr.culture[k]);
		const end = pr.slotStart[k] + pr.slotCount[k];
		for (let i = pr.slotStart[k]; i < end; i++) {
			if (w.active[i] === 0) {
				w.gaming[i] = 0;
				continue;
			}
			// Games when the draw is below the logistic chance (evaluated only if it must be).
			w.gaming[i] = belowLogistic(workers.next(), workerGamingLogit(p, shared, audit, w.motivation[i])) ? 1 : 0;
		}
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

/** The log-odds that a worker with `motivation` misrecords this month, from their provider's shared part. */
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
			if (rng.next() < p.turnaroundChance) pr.management[k] = p.managementSpread * normal(rng);
		}
	}
}

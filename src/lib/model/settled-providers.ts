import { logistic } from './det-math';
import { targetPressure } from './mechanisms/effort-split';
import { cultureTarget, sharedGamingLogit, workerGamingLogit } from './mechanisms/gaming';
import type { AssumptionValues, LeverValues } from './parameters/registry';
import type { Rng } from './rng';
import type { ProviderState } from './state/providers';
import type { WorkerState } from './state/workers';

/**
 * Months of ratings, audits and culture each provider lives before the run starts: five of
 * culture's default time constants, so what it started from is forgotten to under 1%.
 */
export const HISTORY_MONTHS = 60;

/**
 * Providers' true performance (the smoothed share of cases seen within the access target) in the
 * default baseline, at its 5th, 15th, …, 95th percentiles across providers (model 0.3.1, 20,000
 * citizens, months 96–144 of seeds 101–116). Providers differ widely and lastingly (a standard
 * deviation of 0.13 about a mean of 0.76), and culture grows with the shortfall from the standard,
 * so the few far below it carry much of the culture. Read again when service or access change.
 */
export const SETTLED_PERFORMANCE = [0.51, 0.614, 0.671, 0.711, 0.751, 0.787, 0.823, 0.862, 0.9, 0.952];

/** The performance at rank u (0–1) across SETTLED_PERFORMANCE's providers, linear between its percentiles. */
export function settledPerformance(u: number): number {
	const q = SETTLED_PERFORMANCE;
	const x = (u - 0.05) * 10;
	if (x <= 0) return q[0];
	if (x >= q.length - 1) return q[q.length - 1];
	const j = Math.floor(x);
	return q[j] + (x - j) * (q[j + 1] - q[j]);
}

/**
 * Providers start as their recent ratings and audits left them. In a long-running status quo about
 * one provider in eleven is serving a failing rating, and those few, among the worst performers,
 * carry much of the recording culture: the stakes enter its log-odds squared, times the shortfall
 * from the standard. Started unrated at the mean culture and performance (until 0.3.2), culture
 * fell by a fifth over the first year and took three more to climb back as ratings arrived.
 *
 * Each provider draws its place in the league table (a rank, uniform) and the true performance
 * of that place in the settled spread (SETTLED_PERFORMANCE), then lives its last HISTORY_MONTHS
 * months by gaming.ts's monthly step, in its order: its culture moves toward its target under the
 * target pressure of its rating, with the shortfall of its performance, its own staff's mean
 * motivation and the typical settled `financialPressure`; blame fades; audit may catch what is
 * hidden (culture, and staff misrecording at the share expected at their mean motivation),
 * cutting the culture and adding blame; a rating runs down; inspection may rate it, and finds it
 * failing if its rank is in the bottom failingShare. Culture and blame start the history at
 * `culture` and `blame`; the turnaround a failing rating may bring is not lived (it redraws
 * management from the distribution it was drawn from); reported performance and true quality
 * are left at their means.
 *
 * Which providers are truly the worst is not known before the run: it grows out of their areas'
 * demand, their management and their workforces, and the spread of performance itself takes some
 * six years to build (its standard deviation across providers 0.095 in the first year, 0.13 from
 * the seventh), since each provider's workforce starts drawn at typical demands. Ranks are
 * therefore drawn at random: the culture starts at its settled level and where the league table
 * puts it, and moves to the providers that earn it as their figures spread.
 */
export function settleProviders(
	pr: ProviderState,
	w: WorkerState,
	p: AssumptionValues,
	L: LeverValues,
	financialPressure: number,
	culture: number,
	blame: number,
	rng: Rng
): void {
	const rated = (L.inspection * p.inspectionRate) / 12;
	const ratingMonths = Math.round(p.failingMonths);
	const unratedPressure = targetPressure(p, L, false);
	const failingPressure = targetPressure(p, L, true);
	for (let k = 0; k < pr.n; k++) {
		const motivation = staffMotivation(w, pr.slotStart[k], pr.slotCount[k]);
		const rank = rng.next();
		const performance = settledPerformance(rank);
		const shortfall = Math.max(0, p.targetStandard - performance);
		// Culture's target moves only with the rating: work out both once.
		const unratedTarget = cultureTarget(p, L, unratedPressure, shortfall, financialPressure, motivation);
		const failingTarget = cultureTarget(p, L, failingPressure, shortfall, financialPressure, motivation);
		let c = culture;
		let b = blame;
		let failing = 0;
		for (let month = 0; month < HISTORY_MONTHS; month++) {
			const pressure = failing > 0 ? failingPressure : unratedPressure;
			// What audit may find is what was hidden under last month's culture (effort-split.ts),
			// staff misrecording at the expected share for staff of mean motivation.
			let hidden = 0;
			if (L.audit > 0) {
				const gaming = logistic(workerGamingLogit(p, sharedGamingLogit(p, L.performancePay, pressure, c), L.audit, motivation));
				hidden = 1 - (1 - c) * (1 - gaming);
			}
			const target = failing > 0 ? failingTarget : unratedTarget;
			c += (target - c) / p.cultureMonths;
			b *= p.blameMemory;
			if (L.audit > 0 && rng.next() < L.audit * p.auditDetection * hidden) {
				c *= 1 - p.sanctionCut;
				b += 1;
			}
			if (failing > 0) failing--;
			if (rank < p.failingShare && rated > 0 && rng.next() < rated) {
				failing = ratingMonths;
				b += 0.5;
			}
		}
		pr.truePerformance[k] = performance;
		pr.culture[k] = c;
		pr.blame[k] = b;
		pr.failingMonths[k] = failing;
	}
}

/** Mean motivation of the staff in slots [start, start + count), by head as effort-split.ts takes it. */
function staffMotivation(w: WorkerState, start: number, count: number): number {
	let heads = 0;
	let sum = 0;
	for (let i = start; i < start + count; i++) {
		if (w.active[i] === 0) continue;
		heads++;
		sum += w.motivation[i];
	}
	return heads > 0 ? sum / heads : 0;
}

/** Experimental settings shared by several checks, so their ensembles are run once and cached. */
import type { Ensemble } from '../ensemble/index';
import { defaultAssumptions } from '../model/index';
import { areaCount, areasOf, change, PerRun, windowOf, type Experiments } from './experiments';

/** The baseline is calibrated to England c. 2023 over its first three years (scripts/calibrate.ts). */
export const CALIBRATION_MONTHS = 36;
/** The last year of a ten-year run: months 108–119, the window of every run's final figure. */
export const FINAL_YEAR = { from: 108, to: 120 };

// High-stakes targets (targets-and-terror intensity) with weak audit, in a stretched system
// like A&E in 2004/05, when patients reported 77% seen within four hours.
export const HIGH_STAKES = { targets: 0.95, inspection: 0.9, audit: 0.05 };
export const AUDITED = { ...HIGH_STAKES, audit: 0.8 };
export const STRETCHED = { fundingLevel: 0.9 };
export const STRONG_TARGETS = { targets: 0.9, inspection: 0.8 };
export const NO_TARGETS = { targets: 0, inspection: 0 };
export const INCENTIVISED = { targets: 0.95, inspection: 0.8, performancePay: 0.8 };
export const MARKET = { choice: 0.8, competition: 0.8 };
export const NO_MARKET = { choice: 0, competition: 0 };

/** Where deprived places lack capacity and money, and where capacity is even and funding follows need. */
export const UNFAVOURABLE = { capacityGradient: 1, needWeighting: 0 };
export const FAVOURABLE = { capacityGradient: 0, needWeighting: 1 };

/** Per run: the gain in true access from strong targets over none, at the load of the baseline. */
export function targetGainAtEqualLoad(x: Experiments, complexShare: number): PerRun {
	const assumptions = { complexShare, fundingLevel: x.loadMatchedFunding({ complexShare }) };
	return change(x.baselineWith(STRONG_TARGETS, assumptions), x.baselineWith(NO_TARGETS, assumptions), 'access.trueWithinTarget');
}

/** The most deprived third of an ensemble's areas (areas are numbered least deprived first). */
function deprivedThird(e: Ensemble): number[] {
	const n = areaCount(e);
	const k = Math.max(1, Math.floor(n / 3));
	return Array.from({ length: k }, (_, i) => n - k + i);
}

/** Per run: devolution's effect (0.9 vs 0) on needs resolved in the most deprived third of areas, and on the spread. */
export function devolutionEffect(x: Experiments, assumptions: Record<string, number>): { deprived: PerRun; spread: PerRun } {
	const devolved = x.baselineWith({ devolution: 0.9 }, assumptions);
	const central = x.baselineWith({ devolution: 0 }, assumptions);
	const areas = deprivedThird(devolved);
	return {
		deprived: areasOf(devolved, 'quality.true', areas).minus(areasOf(central, 'quality.true', areas)),
		spread: change(devolved, central, 'inequality.areaSpread')
	};
}

/**
 * Per run: acute crisis costs avoided per £1 of extra prevention spending over months
 * [from, to) when `levers` shift spending to prevention, from each run's window means: crises
 * avoided times their cost, over the rise in prevention spending per citizen.
 */
export function preventionReturn(x: Experiments, levers: Record<string, number>, from: number, to: number): PerRun {
	const crisisCost = defaultAssumptions().crisisCost;
	const shifted = x.baselineWith(levers);
	const base = x.baselineWith();
	const perCitizen = (e: Ensemble) => {
		const crises = windowOf(e, 'prevention.crisisRate', from, to).values;
		const total = windowOf(e, 'cost.totalPerCitizen', from, to).values;
		const share = windowOf(e, 'prevention.spendShare', from, to).values;
		// Spending excludes the acute cost of crises; prevention is its share of that.
		return { crises, prevention: share.map((s, r) => s * (total[r] - (crisisCost * crises[r]) / 1000)) };
	};
	const a = perCitizen(shifted);
	const b = perCitizen(base);
	const values = a.crises.map((_, r) => (crisisCost * (b.crises[r] - a.crises[r])) / 1000 / (a.prevention[r] - b.prevention[r]));
	return new PerRun(shifted.seeds, values);
}

/** Per run: cases served in the week before the target date over those in the week after it (7-day wait bins). */
export function waitsJustBeforeTarget(e: Ensemble, targetDays: number): PerRun {
	const values = Float64Array.from(e.runs, (run) => {
		const d = run.detail;
		if (!d) throw new Error('wait histograms need an ensemble run with detail');
		const last = Math.floor(targetDays / d.binDays) - 1;
		return d.trueWaits[last] / d.trueWaits[last + 1];
	});
	return new PerRun(e.seeds, values);
}

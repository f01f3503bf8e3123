/**
 * Helpers for the pattern-oriented validation tests: run the baseline and a variant on the same
 * seeds and read summaries and paired differences.
 */
import { runEnsemble, summariseEnsemble, type Ensemble, type EnsembleSummary } from '../../src/lib/ensemble/index';
import type { OutcomeId } from '../../src/lib/model/index';
import { resolveScenario, toRunInput, type Overrides } from '../../src/lib/scenario/index';
import { loadBuiltinScenarios } from '../../src/lib/scenario/builtin-node';

const library = loadBuiltinScenarios();

/** Replicates per ensemble in validation: enough for stable means, small enough to be quick. */
export const VALIDATION_RUNS = 8;
export const VALIDATION_SEED = 2024;

/** Run a built-in scenario with overrides over the validation seeds. */
export function ensemble(scenarioId: string, overrides: Overrides = {}): Ensemble {
	const file = library.get(scenarioId);
	if (!file) throw new Error(`no built-in scenario ${scenarioId}`);
	const scenario = resolveScenario(file, library, { runs: VALIDATION_RUNS, seed: VALIDATION_SEED, ...overrides });
	return runEnsemble((seed) => toRunInput(scenario, seed), scenario.runs, scenario.seed);
}

/** Levers and assumptions laid over the baseline. */
export function baselineWith(levers: Overrides['levers'] = {}, assumptions: Overrides['assumptions'] = {}): Ensemble {
	return ensemble('baseline-england-2023', { levers, assumptions });
}

export function summary(e: Ensemble): EnsembleSummary {
	return summariseEnsemble(e);
}

/** Paired differences, variant minus reference, on common random numbers. */
export function difference(variant: Ensemble, reference: Ensemble): EnsembleSummary {
	return summariseEnsemble(variant, reference);
}

/**
 * The funding level at which the status quo, under the given assumptions, sees the same share
 * of cases within target in its first year as the calibrated baseline: comparisons across
 * contexts (a simpler or more complex case mix) then hold the load on services equal.
 */
export function loadMatchedFunding(assumptions: Overrides['assumptions']): number {
	const firstYear = (fundingLevel: number) => {
		const e = ensemble('baseline-england-2023', { runs: 3, months: 12, assumptions: { ...assumptions, fundingLevel } });
		return windowMean(summary(e), 'access.trueWithinTarget', 0, 12);
	};
	const reference = windowMean(summary(ensemble('baseline-england-2023', { runs: 3, months: 12 })), 'access.trueWithinTarget', 0, 12);
	let lo = 0.5;
	let hi = 1.5;
	for (let step = 0; step < 8; step++) {
		const mid = (lo + hi) / 2;
		if (firstYear(mid) < reference) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

/** Mean across runs of an outcome averaged over months [from, to). */
export function windowMean(s: EnsembleSummary, id: OutcomeId, from: number, to: number): number {
	const series = s.outcomes[id].mean;
	let sum = 0;
	let n = 0;
	for (let t = from; t < to; t++) {
		if (series[t] === series[t]) {
			sum += series[t];
			n++;
		}
	}
	return sum / n;
}

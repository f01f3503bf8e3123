import { runEnsemble, summariseEnsemble, type Ensemble, type EnsembleSummary } from '../ensemble/index';
import type { OutcomeId } from '../model/index';
import { resolveScenario, toRunInput, type Overrides, type ScenarioLibrary } from '../scenario/index';

export const BASELINE_ID = 'baseline-england-2023';
/** Replicates and base seed of the validation tests and report: enough for stable means, quick to run. */
export const VALIDATION_RUNS = 8;
export const VALIDATION_SEED = 2024;

/** Runs ensembles of the built-in scenarios for validation, caching each by its settings. */
export class Experiments {
	private readonly cache = new Map<string, Ensemble>();

	constructor(
		private readonly library: ScenarioLibrary,
		readonly runs: number,
		readonly seed: number
	) {}

	/** A built-in scenario with overrides, over the validation seeds. */
	ensemble(scenarioId: string, overrides: Overrides = {}): Ensemble {
		const key = JSON.stringify([scenarioId, overrides]);
		const cached = this.cache.get(key);
		if (cached) return cached;
		const file = this.library.get(scenarioId);
		if (!file) throw new Error(`no built-in scenario ${scenarioId}`);
		const scenario = resolveScenario(file, this.library, { runs: this.runs, seed: this.seed, ...overrides });
		const result = runEnsemble((seed) => toRunInput(scenario, seed), scenario.runs, scenario.seed);
		this.cache.set(key, result);
		return result;
	}

	/** The baseline with levers and assumptions laid over it. */
	baselineWith(levers: Overrides['levers'] = {}, assumptions: Overrides['assumptions'] = {}): Ensemble {
		return this.ensemble(BASELINE_ID, { levers, assumptions });
	}

	/**
	 * The funding level at which the status quo, under the given assumptions, sees the same share
	 * of cases within target over its first year as the calibrated baseline: comparisons across
	 * contexts (a simpler or more complex case mix) then hold the load on services equal.
	 */
	loadMatchedFunding(assumptions: Overrides['assumptions']): number {
		const firstYear = (extra: Overrides['assumptions']) =>
			windowMean(
				summariseEnsemble(this.ensemble(BASELINE_ID, { runs: 3, months: 12, assumptions: { ...assumptions, ...extra } })),
				'access.trueWithinTarget',
				0,
				12
			);
		const reference = windowMean(
			summariseEnsemble(this.ensemble(BASELINE_ID, { runs: 3, months: 12 })),
			'access.trueWithinTarget',
			0,
			12
		);
		let lo = 0.5;
		let hi = 1.5;
		for (let step = 0; step < 8; step++) {
			const mid = (lo + hi) / 2;
			if (firstYear({ fundingLevel: mid }) < reference) lo = mid;
			else hi = mid;
		}
		return (lo + hi) / 2;
	}
}

export function summary(e: Ensemble): EnsembleSummary {
	return summariseEnsemble(e);
}

/** Paired differences, variant minus reference, on common random numbers. */
export function difference(variant: Ensemble, reference: Ensemble): EnsembleSummary {
	return summariseEnsemble(variant, reference);
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

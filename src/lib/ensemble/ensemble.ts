import { replicateSeed, runModel, type RunInput, type RunOutput } from '../model/index';
import { summariseRun, summariseRunSummaries, type EnsembleSummary, type SummarisedEnsemble } from './run-summary';

export {
	FINAL_MONTHS,
	finalValue,
	valueAt,
	type EnsembleSummary,
	type SeriesSummary
} from './run-summary';

/** An ensemble with every run's full output (see run-summary.ts for the bounded-memory form). */
export interface Ensemble {
	baseSeed: number;
	seeds: number[];
	months: number;
	groups: number;
	runs: RunOutput[];
}

/**
 * Run `runs` replicates of a scenario. Replicate r uses seed replicateSeed(baseSeed, r), so
 * replicate r of any two scenarios shares its random draws: differences between scenarios
 * are paired (common random numbers).
 */
export function runEnsemble(
	inputForSeed: (seed: number) => RunInput,
	runs: number,
	baseSeed: number
): Ensemble {
	const seeds = Array.from({ length: runs }, (_, r) => replicateSeed(baseSeed, r));
	const outputs = seeds.map((seed) => runModel(inputForSeed(seed)));
	return fromRuns(baseSeed, seeds, outputs);
}

/** Assemble an ensemble from runs made elsewhere (a worker pool), in replicate order. */
export function fromRuns(baseSeed: number, seeds: number[], runs: RunOutput[]): Ensemble {
	if (runs.length === 0) throw new Error('an ensemble needs at least one run');
	return { baseSeed, seeds, months: runs[0].months, groups: runs[0].groups, runs };
}

/** Summarise an ensemble, or the paired differences of `ensemble` minus `baseline`. */
export function summariseEnsemble(ensemble: Ensemble, baseline?: Ensemble): EnsembleSummary {
	return summariseRunSummaries(summarised(ensemble), baseline && summarised(baseline));
}

function summarised(e: Ensemble): SummarisedEnsemble {
	return { baseSeed: e.baseSeed, seeds: e.seeds, months: e.months, groups: e.groups, runs: e.runs.map(summariseRun) };
}

export { summarise, quantileSorted, quantileOfSortedRange, type Summary } from './quantiles';
export {
	runEnsemble,
	fromRuns,
	summariseEnsemble,
	finalValue,
	valueAt,
	FINAL_MONTHS,
	type Ensemble,
	type EnsembleSummary,
	type SeriesSummary
} from './ensemble';
export {
	EnsembleCollector,
	runSummarisedEnsemble,
	summariseRun,
	summariseRunSummaries,
	type RunSummary,
	type SummarisedEnsemble
} from './run-summary';

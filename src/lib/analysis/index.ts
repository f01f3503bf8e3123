/** The analysis layer: which assumptions matter (tornado, Morris) and what drives a difference (Shapley). Pure; runs in Node. */
export { intervalOf, minus, type Factor, type Interval, type PairedEvaluator, type Point } from './interval';
export { tornado, tornadoEvaluations, fragileConclusions, FRAGILE_GRADES, type TornadoBar, type TornadoResult } from './tornado';
export {
	morris,
	morrisDesign,
	morrisDelta,
	morrisEvaluations,
	morrisModelRuns,
	toPoint,
	type MorrisEffect,
	type MorrisOptions,
	type MorrisResult,
	type Trajectory
} from './morris';
export { shapley, shapleyEvaluations, EXACT_UP_TO, type Contribution, type CoalitionEvaluator, type ShapleyOptions, type ShapleyResult } from './shapley';
export { explainSentence, mainContributors, actsThrough } from './explain-text';
export {
	pairedEvaluator,
	coalitionEvaluator,
	inThisThread,
	changedInputs,
	comparisonSeeds,
	populationProblem,
	type ChangedInput,
	type ModelComparison,
	type ModelRuns
} from './model-evaluator';

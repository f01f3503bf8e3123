export { runModel, runMonths, PROCESS_ORDER, type RunInput, type RunOutput, type RunOptions, type ProviderSnapshot } from './model';
export {
	PARAMETERS,
	LEVERS,
	ASSUMPTIONS,
	findParameter,
	isLeverId,
	isAssumptionId,
	defaultLevers,
	defaultAssumptions,
	type LeverId,
	type LeverValues,
	type AssumptionId,
	type AssumptionValues
} from './parameters/registry';
export type { ParameterSpec, LeverSpec, AssumptionSpec, EvidenceGrade } from './parameters/types';
export { OUTCOMES, OUTCOME_IDS, OUTCOME_INDEX, findOutcome, type OutcomeId, type OutcomeSpec } from './outcomes';
export { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, QUINTILES, MIN_POSTS_PER_PROVIDER } from './constants';
export { minimumCitizens } from './world';
export { SettledStateCache, sharedSettledCache } from './settled-cache';
export type { Population } from './world';
export { replicateSeed } from './rng';
export { MODEL_NAME, MODEL_VERSION } from './version';

export { runModel, PROCESS_ORDER, type RunInput, type RunOutput, type ProviderSnapshot } from './model';
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
export { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, QUINTILES } from './constants';
export type { Population } from './world';
export { replicateSeed } from './rng';
export { MODEL_NAME, MODEL_VERSION } from './version';

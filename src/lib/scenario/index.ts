/** The scenario layer: scenario files, `extends`, overrides and lever schedules. No fs here. */
export { ScenarioError } from './errors';
export {
	SCENARIO_SCHEMA,
	SCENARIO_VERSION,
	SCENARIO_ID_PATTERN,
	SETTING_LIMITS,
	SETTING_DEFAULTS,
	type ScenarioFile,
	type ScenarioSource,
	type ScenarioLibrary,
	type LeverSetting,
	type Overrides,
	type ResolvedScenario
} from './types';
export { parseScenarioJson, validateScenarioFile } from './validate';
export { validateOverrides, applySetting, SETTING_IDS } from './overrides';
export { resolveScenario, toRunInput, withCitizens } from './resolve';
export {
	compileExpression,
	ALLOWED_FUNCTIONS,
	ALLOWED_SYMBOLS,
	EXPRESSION_MAX_LENGTH,
	EXPRESSION_MAX_DEPTH,
	type CompiledExpression,
	type CompileResult,
	type ExpressionValue
} from './expression';
export { closeMatches } from './suggest';

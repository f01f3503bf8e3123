/** The scenario worker's API over the bundled built-in scenarios (browser only: uses import.meta.glob). */
import { BUILTIN_SCENARIO_DATA } from '../scenario/builtin-browser';
import { createScenarioApi } from './scenario-api';

export const scenarioApi = createScenarioApi(BUILTIN_SCENARIO_DATA);

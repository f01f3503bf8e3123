/**
 * A resolved scenario written back as a scenario file. Every lever, assumption and run
 * setting is explicit and there is no `extends`, so the file gives the same numbers (with the
 * same model version) whatever later happens to the scenarios it was derived from.
 */
import { SCENARIO_SCHEMA, SCENARIO_VERSION, type ResolvedScenario, type ScenarioFile } from './types';
import { validateScenarioFile } from './validate';

/** What may be renamed when a scenario is saved: a scenario changed by overrides is a new one. */
export interface ScenarioFileLabels {
	id?: string;
	title?: string;
	description?: string;
}

/** The scenario file of a resolved scenario. Validated before it is returned; throws ScenarioError. */
export function toScenarioFile(s: ResolvedScenario, labels: ScenarioFileLabels = {}): ScenarioFile {
	const description = labels.description ?? s.description;
	const file: ScenarioFile = {
		schema: SCENARIO_SCHEMA,
		version: SCENARIO_VERSION,
		id: labels.id ?? s.id,
		title: labels.title ?? s.title,
		...(description === '' ? {} : { description }),
		...(s.sources.length === 0 ? {} : { sources: s.sources.map((source) => ({ ...source })) }),
		levers: { ...s.levers },
		assumptions: { ...s.assumptions },
		population: { ...s.population },
		months: s.months,
		seed: s.seed,
		runs: s.runs
	};
	return validateScenarioFile(file);
}

/** The text of a scenario file: keys in schema order, two-space indents, a final newline. */
export function scenarioFileText(file: ScenarioFile): string {
	return JSON.stringify(file, null, 2) + '\n';
}

/**
 * Built-in scenarios from disk, for Node (CLI, tests, scripts). The browser loads the same
 * files with `import.meta.glob` instead, so this module stays out of the barrel.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioError } from './errors';
import type { ScenarioFile, ScenarioLibrary } from './types';
import { parseScenarioJson } from './validate';

/** The repository's `scenarios/` folder, found from this file so any working directory will do. */
export const BUILTIN_SCENARIO_DIR = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

/**
 * Reads and validates every `*.json` in `dir`; each file's name must be its id + ".json".
 * Throws a ScenarioError naming the file when one is broken.
 */
export function loadBuiltinScenarios(dir: string = BUILTIN_SCENARIO_DIR): ScenarioLibrary {
	const names = readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort();
	const library = new Map<string, ScenarioFile>();
	for (const name of names) {
		const label = `built-in scenario file scenarios/${name}`;
		let text: string;
		try {
			text = readFileSync(join(dir, name), 'utf8');
		} catch (error) {
			throw new ScenarioError(`${label} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
		}
		let file: ScenarioFile;
		try {
			file = parseScenarioJson(text);
		} catch (error) {
			if (error instanceof ScenarioError) throw new ScenarioError(`${label}: ${error.message}`);
			throw error;
		}
		if (`${file.id}.json` !== name) throw new ScenarioError(`${label}: id "${file.id}" does not match the file name`);
		library.set(file.id, file);
	}
	return library;
}

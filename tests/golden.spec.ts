/**
 * Golden summaries: every built-in scenario, at fixed seeds, gives exactly the recorded numbers.
 * If the model changed on purpose, bump MODEL_VERSION, add a changelog entry and run
 * `npm run golden`; old share links then say the model has changed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenSummaries, type GoldenSummaries } from '../src/lib/golden/golden-summaries';
import { MODEL_VERSION } from '../src/lib/model/index';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';

const golden = JSON.parse(readFileSync(new URL('./golden/summaries.json', import.meta.url), 'utf8')) as GoldenSummaries;
const library = loadBuiltinScenarios();

describe('golden summaries of the built-in scenarios', () => {
	it('were recorded with this model version', () => {
		expect(golden.modelVersion).toBe(MODEL_VERSION);
	});

	it('cover every built-in scenario', () => {
		expect(Object.keys(golden.scenarios).sort()).toEqual([...library.keys()].sort());
	});

	it('are reproduced exactly', () => {
		const now = goldenSummaries(library);
		for (const id of Object.keys(golden.scenarios)) {
			expect(now.scenarios[id], `scenario ${id}`).toEqual(golden.scenarios[id]);
		}
	});
});

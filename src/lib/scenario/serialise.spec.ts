import { describe, expect, test } from 'vitest';
import { loadBuiltinScenarios } from './builtin-node';
import { resolveScenario } from './resolve';
import { scenarioFileText, toScenarioFile } from './serialise';
import type { ResolvedScenario } from './types';
import { parseScenarioJson } from './validate';

const library = loadBuiltinScenarios();
const EMPTY = new Map();

/** Everything that decides a run's numbers. */
function runSettings(s: ResolvedScenario) {
	return {
		levers: s.levers,
		assumptions: s.assumptions,
		population: s.population,
		months: s.months,
		seed: s.seed,
		runs: s.runs,
		schedules: Object.fromEntries(Object.entries(s.schedules).map(([id, v]) => [id, Array.from(v)]))
	};
}

describe('toScenarioFile and scenarioFileText', () => {
	test.each([...library.keys()])('%s written out and read back, with no library, resolves to the same run settings', (id) => {
		const resolved = resolveScenario(library.get(id)!, library);
		const text = scenarioFileText(toScenarioFile(resolved));
		const again = resolveScenario(parseScenarioJson(text), EMPTY);
		expect(runSettings(again)).toEqual(runSettings(resolved));
		expect(again.id).toBe(id);
		expect(again.title).toBe(resolved.title);
		expect(again.sources).toEqual(resolved.sources);
	});

	test('overrides, expressions and awkward numbers survive exactly', () => {
		const resolved = resolveScenario(library.get('wigan-deal')!, library, {
			levers: { targets: 0.1 + 0.2, prevention: 't < 24 ? 0.05 : 0.15' },
			assumptions: { fundingGrowth: 1 / 3 / 100 },
			runs: 3,
			seed: 2 ** 31 - 1,
			months: 37,
			citizens: 4321
		});
		const file = toScenarioFile(resolved);
		const again = resolveScenario(parseScenarioJson(scenarioFileText(file)), EMPTY);
		expect(runSettings(again)).toEqual(runSettings(resolved));
		expect(again.levers.targets).toBe(0.1 + 0.2);
	});

	test('the file is self-contained: no extends, every lever and assumption explicit, keys in the documented order', () => {
		const resolved = resolveScenario(library.get('targets-and-terror')!, library);
		const file = toScenarioFile(resolved);
		expect(file.extends).toBeUndefined();
		expect(Object.keys(file.levers!)).toEqual(Object.keys(resolved.levers));
		expect(Object.keys(file.assumptions!)).toEqual(Object.keys(resolved.assumptions));
		expect(Object.keys(JSON.parse(scenarioFileText(file)))).toEqual([
			'schema', 'version', 'id', 'title', 'description', 'sources', 'levers', 'assumptions', 'population', 'months', 'seed', 'runs'
		]);
		expect(scenarioFileText(file).endsWith('}\n')).toBe(true);
	});

	test('id, title and description can be replaced, and are validated like any file', () => {
		const resolved = resolveScenario(library.get('baseline-england-2023')!, library);
		const file = toScenarioFile(resolved, { id: 'no-targets', title: 'No targets', description: 'Mine.' });
		expect(file).toMatchObject({ id: 'no-targets', title: 'No targets', description: 'Mine.' });
		expect(() => toScenarioFile(resolved, { id: 'Not An Id' })).toThrow(/id "Not An Id"/);
	});
});

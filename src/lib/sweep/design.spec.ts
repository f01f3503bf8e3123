import { describe, expect, test } from 'vitest';
import { MAX_TASKS, parseSweepJson, pointCount, SweepError, validateSweepDesign } from './design';

const base = { schema: 'levers-sweep', version: 1, scenario: 'baseline-england-2023', replicates: 2, grid: { levers: { targets: [0.2, 0.8] } } };
const design = (extra: Record<string, unknown> = {}) => ({ ...base, ...extra });

function refusal(data: unknown): string {
	try {
		validateSweepDesign(data);
	} catch (error) {
		expect(error).toBeInstanceOf(SweepError);
		const message = (error as Error).message;
		expect(message).not.toContain('\n');
		return message;
	}
	throw new Error('the design was accepted');
}

describe('valid designs', () => {
	test('a grid and a sample validate to a clean copy with parameters in the order written', () => {
		const data = design({
			grid: { levers: { targets: [0.2, 0.8], audit: [0, 0.5, 1] }, assumptions: { postsPer1000: [45, 55] } },
			sample: { method: 'latin-hypercube', points: 5, seed: 9, levers: { prevention: [0, 0.2] } },
			months: 24,
			citizens: 4000,
			seed: 7,
			outcomes: ['gaming', 'workforce.burnoutShare'],
			title: 'notes only'
		});
		const d = validateSweepDesign(data);
		expect(d.grid).toEqual({ levers: [['targets', [0.2, 0.8]], ['audit', [0, 0.5, 1]]], assumptions: [['postsPer1000', [45, 55]]] });
		expect(d.sample).toEqual({ method: 'latin-hypercube', points: 5, seed: 9, ranges: { levers: [['prevention', [0, 0.2]]], assumptions: [] } });
		expect([d.months, d.citizens, d.seed, d.replicates]).toEqual([24, 4000, 7, 2]);
		expect(d.outcomes).toEqual(['gaming', 'workforce.burnoutShare']);
		expect(pointCount(d)).toBe(2 * 3 * 2 * 5);
		(data.grid as { levers: { targets: number[] } }).levers.targets.push(0.5);
		expect(d.grid!.levers[0][1]).toEqual([0.2, 0.8]);
	});

	test('parseSweepJson reads text with a byte-order mark', () => {
		expect(parseSweepJson('\uFEFF' + JSON.stringify(design())).replicates).toBe(2);
	});
});

describe('refusals name the key and the problem', () => {
	test.each([
		['not an object', [], 'must be a JSON object, not an array'],
		['no schema', { ...base, schema: undefined }, 'missing required key "schema"'],
		['another schema', design({ schema: 'levers-scenario' }), 'schema "levers-scenario" is not "levers-sweep"'],
		['another version', design({ version: 2 }), 'version 2 is not supported'],
		['an unknown key', design({ replicate: 3 }), 'unknown top-level key "replicate"; did you mean \'replicates\'?'],
		['no scenario', { ...base, scenario: undefined }, 'missing required key "scenario"'],
		['no replicates', { ...base, replicates: undefined }, 'missing required key "replicates"'],
		['replicates 0', design({ replicates: 0 }), 'replicates = 0 must be an integer from 1 to 1000'],
		['nothing to sweep', { ...base, grid: undefined }, 'give a "grid", a "sample" or both'],
		['an unknown lever', design({ grid: { levers: { tagrets: [0.1] } } }), 'grid.levers names unknown lever "tagrets"; did you mean \'targets\'?'],
		['an assumption under levers', design({ grid: { levers: { postsPer1000: [50] } } }), 'it is an assumption: put it under grid.assumptions'],
		['a value outside the range', design({ grid: { levers: { targets: [0.2, 1.5] } } }), 'grid.levers.targets[1] = 1.5 is outside targets\'s range 0–1'],
		['an expression in a grid', design({ grid: { levers: { targets: ['t / 100'] } } }), 'must be a number, not a string (sweeps take constant values)'],
		['an empty grid list', design({ grid: { levers: { targets: [] } } }), 'grid.levers.targets is empty'],
		['a value twice', design({ grid: { levers: { targets: [0.2, 0.2] } } }), 'grid.levers.targets lists 0.2 twice'],
		['an empty grid', design({ grid: {} }), 'grid names no levers or assumptions'],
		['a sample without points', design({ sample: { levers: { audit: [0, 1] } } }), 'sample needs "points"'],
		['an unknown method', design({ sample: { method: 'sobol', points: 4, levers: { audit: [0, 1] } } }), 'sample.method "sobol" is not known'],
		['a backwards range', design({ sample: { points: 4, levers: { audit: [0.9, 0.1] } } }), 'sample.levers.audit = [0.9, 0.1] runs backwards'],
		['a range of three', design({ sample: { points: 4, levers: { audit: [0, 0.5, 1] } } }), 'must be a range [min, max], not 3 values'],
		['one id in grid and sample', design({ sample: { points: 4, levers: { targets: [0, 1] } } }), 'targets is in both the grid and the sample'],
		['months too few', design({ months: 6 }), 'months = 6 must be an integer from 12 to 360'],
		['an unknown outcome', design({ outcomes: ['gamming'] }), 'outcomes: "gamming" is neither an outcome id nor a family'],
		['too many runs', design({ replicates: 1000, sample: { points: MAX_TASKS / 100, levers: { audit: [0, 1] } } }), '200,000 points × 1000 replicates is more than 10,000,000 runs']
	])('%s', (_name, data, part) => {
		expect(refusal(data)).toContain(part);
	});

	test('text problems: invalid JSON and a key given twice', () => {
		expect(() => parseSweepJson('{"schema": ')).toThrow(/sweep design is not valid JSON/);
		expect(() => parseSweepJson('{"schema":"levers-sweep","schema":"levers-sweep"}')).toThrow(/key "schema" appears twice at the top level/);
	});
});

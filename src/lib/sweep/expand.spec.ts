import { describe, expect, test } from 'vitest';
import { replicateSeed } from '../model/index';
import { validateSweepDesign } from './design';
import { expandDesign, pointOverrides } from './expand';

const design = (extra: Record<string, unknown>) =>
	validateSweepDesign({ schema: 'levers-sweep', version: 1, scenario: 'baseline-england-2023', replicates: 3, ...extra });

describe('points', () => {
	test('a grid is enumerated as nested loops, the first parameter slowest, levers before assumptions', () => {
		const e = expandDesign(design({ grid: { assumptions: { postsPer1000: [45, 55] }, levers: { targets: [0.1, 0.5, 0.9] } } }), 1);
		expect(e.columns).toEqual([
			{ id: 'targets', kind: 'lever' },
			{ id: 'postsPer1000', kind: 'assumption' }
		]);
		expect(e.points).toBe(6);
		expect(Array.from({ length: 6 }, (_, p) => e.pointValues(p))).toEqual([
			[0.1, 45], [0.1, 55], [0.5, 45], [0.5, 55], [0.9, 45], [0.9, 55]
		]);
		expect(() => e.pointValues(6)).toThrow(RangeError);
	});

	test('a grid with a sample: each grid combination with every sample point, sample values inside their ranges and stratified', () => {
		const e = expandDesign(design({ grid: { levers: { targets: [0.2, 0.8] } }, sample: { points: 4, levers: { audit: [0.2, 0.6] } } }), 1);
		expect(e.points).toBe(8);
		const values = Array.from({ length: 8 }, (_, p) => e.pointValues(p));
		expect(values.map((v) => v[0])).toEqual([0.2, 0.2, 0.2, 0.2, 0.8, 0.8, 0.8, 0.8]);
		// The same sample under each grid value.
		expect(values.slice(0, 4).map((v) => v[1])).toEqual(values.slice(4).map((v) => v[1]));
		const strata = values.slice(0, 4).map((v) => Math.floor(((v[1] - 0.2) / 0.4) * 4)).sort();
		expect(strata).toEqual([0, 1, 2, 3]);
	});

	test('the sample follows sample.seed, else the base seed', () => {
		const d = (seed?: number) => design({ sample: { points: 3, seed, levers: { audit: [0, 1] } } });
		const at = (e: ReturnType<typeof expandDesign>) => [0, 1, 2].map((p) => e.pointValues(p)[0]);
		expect(at(expandDesign(d(4), 1))).toEqual(at(expandDesign(d(4), 2)));
		expect(at(expandDesign(d(), 4))).toEqual(at(expandDesign(d(4), 9)));
		expect(at(expandDesign(d(), 5))).not.toEqual(at(expandDesign(d(), 4)));
	});

	test('pointOverrides sets the levers and assumptions of a point', () => {
		const e = expandDesign(design({ grid: { levers: { targets: [0.3] }, assumptions: { postsPer1000: [45] } } }), 1);
		expect(pointOverrides(e.columns, e.pointValues(0))).toEqual({ levers: { targets: 0.3 }, assumptions: { postsPer1000: 45 } });
	});
});

describe('tasks', () => {
	test('task k is replicate k mod R of point ⌊k / R⌋, and replicate r has the seed replicateSeed(base, r) at every point', () => {
		const e = expandDesign(design({ grid: { levers: { targets: [0.2, 0.8] } } }), 42);
		expect(e.tasks).toBe(6);
		const tasks = Array.from({ length: 6 }, (_, k) => e.task(k));
		expect(tasks.map((t) => [t.index, t.point, t.replicate])).toEqual([
			[0, 0, 0], [1, 0, 1], [2, 0, 2], [3, 1, 0], [4, 1, 1], [5, 1, 2]
		]);
		for (const t of tasks) expect(t.seed).toBe(replicateSeed(42, t.replicate));
		expect(new Set(tasks.map((t) => t.seed)).size).toBe(3);
		expect(() => e.task(6)).toThrow(RangeError);
	});
});

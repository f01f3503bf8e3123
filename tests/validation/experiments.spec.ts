/** The validation experiments: caching by settings, mutated views, and per-run statistics. */
import { describe, expect, it } from 'vitest';
import { loadBuiltinScenarios } from '../../src/lib/scenario/builtin-node';
import { BASELINE_ID, change, Experiments, finalOf, PerRun, windowOf } from '../../src/lib/validation/index';

// Small, short runs: these tests are about bookkeeping, not the model's numbers.
const SMALL = { citizens: 4000, months: 12 };
const x = new Experiments(loadBuiltinScenarios(), 3, 5);
const run = (e: Experiments, assumptions: Record<string, number> = {}) => e.ensemble(BASELINE_ID, { ...SMALL, assumptions });

describe('Experiments', () => {
	it('runs each setting once: equal settings in any key order give the cached ensemble', () => {
		const a = x.ensemble(BASELINE_ID, { ...SMALL, levers: { targets: 0.9, audit: 0.1 } });
		const b = x.ensemble(BASELINE_ID, { levers: { audit: 0.1, targets: 0.9 }, ...SMALL });
		expect(b).toBe(a);
		expect(a.runs).toHaveLength(3);
	});

	it('lays a mutation under every ensemble, and a check\'s own assumptions over it', () => {
		const mutated = x.mutated({ fundingLevel: 0.6 });
		expect(run(mutated)).not.toBe(run(x));
		expect(run(mutated).runs[0].series).toEqual(run(x, { fundingLevel: 0.6 }).runs[0].series);
		expect(run(mutated, { fundingLevel: 1.2 }).runs[0].series).toEqual(run(x, { fundingLevel: 1.2 }).runs[0].series);
		expect(mutated.mutated({ fundingGrowth: 0 }).underlay).toEqual({ fundingLevel: 0.6, fundingGrowth: 0 });
		expect(x.underlay).toEqual({});
	});
});

describe('per-run statistics', () => {
	it('pair runs on common seeds, and refuse runs on other seeds', () => {
		const a = new PerRun([1, 2, 3], Float64Array.from([1, 2, 3]));
		const b = new PerRun([1, 2, 3], Float64Array.from([1, 1, 1]));
		expect(Array.from(a.minus(b).values)).toEqual([0, 1, 2]);
		expect(Array.from(a.dividedBy(a).values)).toEqual([1, 1, 1]);
		expect(() => a.minus(new PerRun([1, 2, 4], Float64Array.from([0, 0, 0])))).toThrow(/same seeds/);
	});

	it('take the interval across runs, leaving out runs where the figure is undefined', () => {
		const i = new PerRun([1, 2, 3, 4, 5], Float64Array.from([5, 1, NaN, 3, 2])).interval();
		expect(i.mean).toBe(2.75);
		expect(i.p05).toBeCloseTo(1 + 0.15 * 1, 12);
		expect(i.p95).toBeCloseTo(3 + 0.85 * 2, 12);
	});

	it('compute the figure within each run: window means, final means and paired changes', () => {
		const e = run(x);
		const window = windowOf(e, 'workforce.burnoutShare', 0, 12);
		const final = finalOf(e, 'workforce.burnoutShare');
		expect(Array.from(window.values)).toEqual(Array.from(final.values));
		expect(Array.from(change(e, e, 'workforce.burnoutShare').values)).toEqual([0, 0, 0]);
		expect(window.seeds).toEqual(e.seeds);
	});
});

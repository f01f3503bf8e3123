import { describe, expect, test } from 'vitest';
import { fromRuns, quantileSorted, summariseEnsemble, type EnsembleSummary } from '../ensemble/index';
import { OUTCOMES, type RunOutput } from '../model/index';
import { EnsembleAccumulator, SortedColumns, differenceRun } from './incremental-quantiles';
import { fakeJob, syntheticResult } from './test-fakes';

const SHAPE = { outcomes: OUTCOMES.length, groups: 8, months: 24 };
const runsOf = (seeds: number[]): RunOutput[] => seeds.map((seed) => syntheticResult(fakeJob(seed, SHAPE)));

/** Every figure of an accumulator, in the shape of the ensemble layer's summary. */
function figures(acc: EnsembleAccumulator): EnsembleSummary {
	const out: EnsembleSummary = { outcomes: {}, final: {}, byQuintile: {}, byArea: {} } as EnsembleSummary;
	OUTCOMES.forEach((spec, o) => {
		out.outcomes[spec.id] = acc.band(o);
		out.final[spec.id] = acc.final(o, 0);
	});
	return out;
}

function expectIdentical(a: EnsembleSummary, b: EnsembleSummary) {
	for (const spec of OUTCOMES) {
		for (const key of ['mean', 'p05', 'p50', 'p95'] as const) {
			const x = Array.from(a.outcomes[spec.id][key]);
			const y = Array.from(b.outcomes[spec.id][key]);
			expect(x, `${spec.id}.${key}`).toEqual(y);
			expect(a.final[spec.id][key], `final ${spec.id}.${key}`).toEqual(b.final[spec.id][key]);
		}
	}
}

/** The values of column j so far, as stored (ascending). */
function stored(c: SortedColumns, j: number): number[] {
	return Array.from(c.values.subarray(j * c.capacity, j * c.capacity + c.lengths[j]));
}

describe('SortedColumns', () => {
	test('keeps each column sorted whatever the insertion order, skips NaN, and gives type-7 quantiles', () => {
		const c = new SortedColumns(3, 6);
		// Columns side by side in one array: filling one never touches its neighbours.
		for (const v of [9, 8, 7, 6, 5, 4]) c.insert(0, v);
		for (const v of [3, NaN, 1, 2, 2, 5]) c.insert(1, v);
		for (const v of [-1, -3]) c.insert(2, v);
		expect(Array.from(c.lengths)).toEqual([6, 5, 2]);
		expect(stored(c, 0)).toEqual([4, 5, 6, 7, 8, 9]);
		expect(stored(c, 1)).toEqual([1, 2, 2, 3, 5]);
		expect(stored(c, 2)).toEqual([-3, -1]);
		expect(c.quantile(1, 0.5)).toBe(2);
		expect(c.quantile(1, 0.95)).toBeCloseTo(3 + 0.8 * 2, 12);
		expect(c.quantile(1, 0.95)).toBe(quantileSorted([1, 2, 2, 3, 5], 0.95));
		expect(c.quantile(0, 0)).toBe(4);
		expect(c.quantile(0, 1)).toBe(9);
	});

	test('an empty column has no quantiles', () => {
		expect(new SortedColumns(2, 3).quantile(1, 0.5)).toBeNaN();
	});
});

describe('EnsembleAccumulator', () => {
	const seeds = [11, 12, 13, 14, 15, 16, 17];
	const runs = runsOf(seeds);

	test('once complete, gives exactly the ensemble layer summary (bands, means and finals of every group)', () => {
		const acc = new EnsembleAccumulator(runs.length, SHAPE.outcomes, SHAPE.groups, SHAPE.months);
		runs.forEach((run, r) => acc.add(r, run));
		const want = summariseEnsemble(fromRuns(1, seeds, runs));
		expect(acc.complete).toBe(true);
		expectIdentical(figures(acc), want);
		OUTCOMES.forEach((spec, o) => {
			for (const [g, summary] of Object.entries(want.byQuintile[spec.id] ?? {}))
				expect(acc.final(o, 1 + Number(g.slice(1)) - 1)).toEqual(summary);
		});
	});

	test('arrival order does not change a single bit', () => {
		const inOrder = new EnsembleAccumulator(runs.length, SHAPE.outcomes, SHAPE.groups, SHAPE.months);
		runs.forEach((run, r) => inOrder.add(r, run));
		const shuffled = new EnsembleAccumulator(runs.length, SHAPE.outcomes, SHAPE.groups, SHAPE.months);
		for (const r of [4, 0, 6, 2, 1, 5, 3]) shuffled.add(r, runs[r]);
		expectIdentical(figures(shuffled), figures(inOrder));
	});

	test('part way, the bands are those of the runs received so far', () => {
		const acc = new EnsembleAccumulator(runs.length, SHAPE.outcomes, SHAPE.groups, SHAPE.months);
		acc.add(5, runs[5]);
		acc.add(2, runs[2]);
		expect(acc.count).toBe(2);
		expect(acc.complete).toBe(false);
		expect(acc.has(5) && !acc.has(0)).toBe(true);
		expectIdentical(figures(acc), summariseEnsemble(fromRuns(1, [seeds[2], seeds[5]], [runs[2], runs[5]])));
	});

	test('paired differences equal the ensemble layer differences (scenario minus baseline)', () => {
		const baseline = runsOf(seeds.map((s) => s + 100));
		const acc = new EnsembleAccumulator(runs.length, SHAPE.outcomes, SHAPE.groups, SHAPE.months);
		runs.forEach((run, r) => {
			const d = differenceRun(run, baseline[r], SHAPE.outcomes);
			acc.add(r, d.run, d.finals);
		});
		expectIdentical(figures(acc), summariseEnsemble(fromRuns(1, seeds, runs), fromRuns(1, seeds, baseline)));
	});

	test("paired differences hold everyone's series alone and give every group's figures as full difference runs would", () => {
		const baseline = runsOf(seeds.map((s) => s + 100));
		const short = new EnsembleAccumulator(runs.length, SHAPE.outcomes, SHAPE.groups, SHAPE.months);
		const full = new EnsembleAccumulator(runs.length, SHAPE.outcomes, SHAPE.groups, SHAPE.months);
		runs.forEach((run, r) => {
			const d = differenceRun(run, baseline[r], SHAPE.outcomes);
			expect(d.run.groups).toBe(1);
			expect(d.run.series).toHaveLength(SHAPE.outcomes * SHAPE.months);
			short.add(r, d.run, d.finals);
			const series = run.series.map((v, i) => v - baseline[r].series[i]);
			full.add(r, { months: run.months, groups: run.groups, series }, d.finals);
		});
		OUTCOMES.forEach((spec, o) => {
			const [a, b] = [short.band(o), full.band(o)];
			for (const key of ['mean', 'p05', 'p50', 'p95'] as const) expect(Array.from(a[key]), `${spec.id}.${key}`).toEqual(Array.from(b[key]));
			for (let g = 0; g < SHAPE.groups; g++) expect(short.final(o, g), `${spec.id} group ${g}`).toEqual(full.final(o, g));
		});
		// A run of one group joins only with its final figures given.
		const lone = new EnsembleAccumulator(runs.length, SHAPE.outcomes, SHAPE.groups, SHAPE.months);
		expect(() => lone.add(0, differenceRun(runs[0], baseline[0], SHAPE.outcomes).run)).toThrow(/shape/);
	});

	test('refuses a replicate twice, one out of range, or a run of another shape', () => {
		const acc = new EnsembleAccumulator(2, SHAPE.outcomes, SHAPE.groups, SHAPE.months);
		acc.add(0, runs[0]);
		expect(() => acc.add(0, runs[1])).toThrow(/already/);
		expect(() => acc.add(2, runs[1])).toThrow(/outside/);
		const other = syntheticResult(fakeJob(1, { ...SHAPE, months: 12 }));
		expect(() => acc.add(1, other)).toThrow(/shape/);
	});
});

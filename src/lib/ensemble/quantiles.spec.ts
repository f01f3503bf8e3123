import { describe, expect, test } from 'vitest';
import { quantileSorted, summarise } from './quantiles';

/** Equal to within a few ulps (the hand computations below are exact in decimal). */
function expectClose(got: number, want: number) {
	expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
}

describe('quantileSorted (Hyndman & Fan type 7)', () => {
	// Type 7: h = (n - 1) q, then interpolate between x[floor h] and x[floor h + 1] (0-based).
	test('[1, 2, 3, 4]: h = 3q', () => {
		const x = [1, 2, 3, 4];
		expectClose(quantileSorted(x, 0), 1);
		expectClose(quantileSorted(x, 0.05), 1.15); // h = 0.15
		expectClose(quantileSorted(x, 0.25), 1.75); // h = 0.75
		expectClose(quantileSorted(x, 0.5), 2.5); // h = 1.5
		expectClose(quantileSorted(x, 0.95), 3.85); // h = 2.85
		expectClose(quantileSorted(x, 1), 4);
	});

	test('[10, 20, 30, 40, 50]: quartiles fall on order statistics', () => {
		const x = [10, 20, 30, 40, 50];
		expectClose(quantileSorted(x, 0.25), 20); // h = 1
		expectClose(quantileSorted(x, 0.5), 30); // h = 2
		expectClose(quantileSorted(x, 0.75), 40); // h = 3
		expectClose(quantileSorted(x, 0.05), 12); // h = 0.2
		expectClose(quantileSorted(x, 0.95), 48); // h = 3.8
	});

	test('uneven gaps and negative values: [-7, -1, 0, 2, 12, 100]', () => {
		const x = [-7, -1, 0, 2, 12, 100];
		expectClose(quantileSorted(x, 0.05), -5.5); // h = 0.25: -7 + 0.25 * 6
		expectClose(quantileSorted(x, 0.5), 1); // h = 2.5: 0 + 0.5 * 2
		expectClose(quantileSorted(x, 0.95), 78); // h = 4.75: 12 + 0.75 * 88
	});

	test('a single value is every quantile', () => {
		for (const q of [0, 0.05, 0.5, 0.95, 1]) expect(quantileSorted([3.5], q)).toBe(3.5);
	});

	test('two values interpolate linearly', () => {
		expectClose(quantileSorted([2, 4], 0.05), 2.1);
		expectClose(quantileSorted([2, 4], 0.95), 3.9);
	});

	test('no values give NaN', () => {
		expect(quantileSorted([], 0.5)).toBeNaN();
		expect(quantileSorted(new Float64Array(0), 0.05)).toBeNaN();
	});

	test('works on typed arrays as on plain arrays', () => {
		const x = [0.5, 1.5, 9, 20];
		for (const q of [0.05, 0.5, 0.95]) expect(quantileSorted(Float64Array.from(x), q)).toBe(quantileSorted(x, q));
	});
});

describe('summarise', () => {
	test('gives the mean and type-7 5th, 50th and 95th percentiles of unsorted values', () => {
		const s = summarise([4, 1, 3, 2], new Float64Array(4));
		expectClose(s.mean, 2.5);
		expectClose(s.p05, 1.15);
		expectClose(s.p50, 2.5);
		expectClose(s.p95, 3.85);
	});

	test('sorts numerically, not as text, including negatives', () => {
		const s = summarise([100, -7, 12, 0, -1, 2], new Float64Array(6));
		expectClose(s.mean, 106 / 6);
		expectClose(s.p05, -5.5);
		expectClose(s.p50, 1);
		expectClose(s.p95, 78);
	});

	test('ignores NaN', () => {
		const s = summarise([NaN, 3, NaN, 1, 2, NaN], new Float64Array(6));
		expectClose(s.mean, 2);
		expectClose(s.p05, 1.1); // [1, 2, 3]: h = 0.1
		expectClose(s.p50, 2);
		expectClose(s.p95, 2.9); // h = 1.9
		const clean = summarise([3, 1, 2], new Float64Array(3));
		expect(s).toEqual(clean);
	});

	test('all NaN, or nothing, gives NaN for every figure', () => {
		for (const values of [[NaN], [NaN, NaN, NaN], []]) {
			const s = summarise(values, new Float64Array(values.length));
			expect(s.mean).toBeNaN();
			expect(s.p05).toBeNaN();
			expect(s.p50).toBeNaN();
			expect(s.p95).toBeNaN();
		}
	});

	test('a constant column gives that constant for every figure', () => {
		const s = summarise(new Float64Array(7).fill(0.25), new Float64Array(7));
		expect(s).toEqual({ mean: 0.25, p05: 0.25, p50: 0.25, p95: 0.25 });
	});

	test('does not change the values, and the same scratch can be reused', () => {
		const values = Float64Array.from([5, NaN, -2, 9]);
		const scratch = new Float64Array(4);
		const first = summarise(values, scratch);
		expect(Array.from(values)).toEqual([5, NaN, -2, 9]);
		expect(summarise(values, scratch)).toEqual(first);
		expect(summarise(Float64Array.from([1, 2]), scratch)).toEqual(summarise([1, 2], new Float64Array(2)));
	});

	test('keeps p05 <= p50 <= p95 and the mean within the range of the values', () => {
		let seed = 1;
		const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 200 - 100;
		for (let trial = 0; trial < 200; trial++) {
			const n = 1 + (trial % 17);
			const values = Array.from({ length: n }, next);
			const s = summarise(values, new Float64Array(n));
			expect(s.p05).toBeLessThanOrEqual(s.p50);
			expect(s.p50).toBeLessThanOrEqual(s.p95);
			expect(s.p05).toBeGreaterThanOrEqual(Math.min(...values));
			expect(s.p95).toBeLessThanOrEqual(Math.max(...values));
			expect(s.mean).toBeGreaterThanOrEqual(Math.min(...values) - 1e-12);
			expect(s.mean).toBeLessThanOrEqual(Math.max(...values) + 1e-12);
		}
	});
});

import { describe, expect, it } from 'vitest';
import { alternate, formatChange, formatTiming, quantile, roundOrder, summarise } from '../scripts/bench-stats';

describe('quantile', () => {
	it('interpolates between order statistics, whatever the input order', () => {
		expect(quantile([4, 1, 3, 2], 0)).toBe(1);
		expect(quantile([4, 1, 3, 2], 1)).toBe(4);
		expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
		expect(quantile([5, 1, 4, 2, 3], 0.25)).toBe(2);
		expect(quantile([10, 20], 0.25)).toBe(12.5);
	});
	it('is NaN for no values and does not reorder its input', () => {
		expect(quantile([], 0.5)).toBeNaN();
		const xs = [3, 1, 2];
		quantile(xs, 0.5);
		expect(xs).toEqual([3, 1, 2]);
	});
});

describe('summarise', () => {
	it('gives the minimum, 25th percentile and median', () => {
		expect(summarise([9, 1, 5, 3, 7])).toEqual({ runs: 5, min: 1, p25: 3, median: 5 });
		expect(formatTiming(summarise([9, 1, 5, 3, 7]))).toBe('1.0 / 3.0 / 5.0');
	});

	it("gives a variant's change against the first, signed, in per cent", () => {
		const base = { runs: 3, min: 100, p25: 200, median: 400 };
		expect(formatChange({ runs: 3, min: 97, p25: 200, median: 410 }, base)).toBe('(min -3.0%, p25 +0.0%, median +2.5%)');
	});
});

describe('alternate', () => {
	it('rotates which case runs first, so each takes every position equally often', () => {
		expect(roundOrder(3, 0)).toEqual([0, 1, 2]);
		expect(roundOrder(3, 1)).toEqual([1, 2, 0]);
		expect(roundOrder(3, 5)).toEqual([2, 0, 1]);
	});
	it('times every case once a round after the warm-up rounds, by the clock or by what the case reports', () => {
		let now = 0;
		const log: string[] = [];
		const times = alternate(
			[
				() => {
					log.push('a');
					now += 10;
				},
				() => {
					log.push('b');
					now += 20;
					return 7;
				}
			],
			3,
			1,
			() => now
		);
		expect(log).toEqual(['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']);
		expect(times).toEqual([
			[10, 10, 10],
			[7, 7, 7]
		]);
	});
});

import { describe, expect, test } from 'vitest';
import { createStream, normalFromUniform } from './rng';
import { WAIT_BINS, WAIT_BINS_CAP_DAYS, waitBin, waitQuantile } from './wait-bins';

/** A histogram of waits, as service.ts counts them. */
function histogram(waits: number[], offset = 0, size = offset + WAIT_BINS): Float64Array {
	const counts = new Float64Array(size);
	for (const w of waits) counts[offset + waitBin(w)]++;
	return counts;
}

/** The q-quantile of sorted data (the value with q of the data at or below it). */
function sortedQuantile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** First day and width of the bin a wait falls in, read from waitBin alone. */
function binOf(wait: number): { start: number; width: number } {
	const b = waitBin(wait);
	let start = Math.floor(wait);
	while (start > 0 && waitBin(start - 1) === b) start--;
	let end = Math.floor(wait) + 1;
	while (end < WAIT_BINS_CAP_DAYS + 10 && waitBin(end) === b) end++;
	return { start, width: end - start };
}

describe('waitBin', () => {
	test('one bin a day for the first 126 days, by the whole days waited', () => {
		for (let d = 0; d < 126; d++) {
			expect(waitBin(d)).toBe(d);
			expect(waitBin(d + 0.999)).toBe(d);
		}
	});

	test('a bin a week from 126 days up to the cap, then one last bin for longer waits', () => {
		expect(waitBin(126)).toBe(126);
		expect(waitBin(132.9)).toBe(126);
		expect(waitBin(133)).toBe(127);
		expect(waitBin(WAIT_BINS_CAP_DAYS - 0.01)).toBe(WAIT_BINS - 2);
		expect(waitBin(WAIT_BINS_CAP_DAYS)).toBe(WAIT_BINS - 1);
		expect(waitBin(5000)).toBe(WAIT_BINS - 1);
	});

	test('bins never decrease with the wait and cover every bin exactly once', () => {
		const seen = new Set<number>();
		let previous = 0;
		for (let w = 0; w < WAIT_BINS_CAP_DAYS + 30; w += 0.25) {
			const b = waitBin(w);
			expect(b).toBeGreaterThanOrEqual(previous);
			expect(b).toBeLessThan(WAIT_BINS);
			seen.add(b);
			previous = b;
		}
		expect(seen.size).toBe(WAIT_BINS);
	});
});

describe('waitQuantile', () => {
	test('is NaN when nothing was counted', () => {
		expect(waitQuantile(new Float64Array(WAIT_BINS), 0, 0.5)).toBeNaN();
	});

	test('agrees with the quantile of the sorted waits to within the width of its bin', () => {
		const rng = createStream(3, 0, 'wait-bins');
		// Log-normal waits around three weeks with a long tail, as the model's waits are.
		const waits = Array.from({ length: 20_000 }, () => 21 * Math.exp(0.9 * normalFromUniform(rng.next())));
		const sorted = [...waits].sort((a, b) => a - b);
		const counts = histogram(waits);
		for (const q of [0.05, 0.25, 0.5, 0.75, 0.92, 0.95, 0.99]) {
			const exact = sortedQuantile(sorted, q);
			if (exact >= WAIT_BINS_CAP_DAYS) continue;
			const { width } = binOf(exact);
			expect(Math.abs(waitQuantile(counts, 0, q) - exact), `q = ${q}`).toBeLessThanOrEqual(width);
		}
		// The median sits in the one-day bins, the 99th percentile in the weekly ones.
		expect(sortedQuantile(sorted, 0.5)).toBeLessThan(126);
		expect(sortedQuantile(sorted, 0.99)).toBeGreaterThan(126);
	});

	test('interpolates within a bin: waits spread evenly through a day give that day’s fractions', () => {
		const waits = Array.from({ length: 1000 }, (_, j) => 40 + (j + 0.5) / 1000);
		const counts = histogram(waits);
		expect(waitQuantile(counts, 0, 0.5)).toBeCloseTo(40.5, 9);
		expect(waitQuantile(counts, 0, 0.92)).toBeCloseTo(40.92, 9);
	});

	test('rises with q', () => {
		const rng = createStream(4, 0, 'wait-bins');
		const counts = histogram(Array.from({ length: 500 }, () => 300 * rng.next()));
		let previous = -Infinity;
		for (let q = 0.01; q < 1; q += 0.01) {
			const x = waitQuantile(counts, 0, q);
			expect(x).toBeGreaterThanOrEqual(previous);
			previous = x;
		}
	});

	test('a quantile among waits beyond the histogram is given as the cap, a lower bound', () => {
		const waits = [3, 4, 5, 2000, 3000, 4000, 5000, 6000, 7000, 8000];
		const counts = histogram(waits);
		expect(waitQuantile(counts, 0, 0.2)).toBeLessThanOrEqual(5);
		expect(waitQuantile(counts, 0, 0.92)).toBe(WAIT_BINS_CAP_DAYS);
	});

	test('reads only the histogram at its offset', () => {
		const first = [10, 11, 12, 13];
		const second = [200, 210, 220, 230];
		const counts = new Float64Array(3 * WAIT_BINS);
		for (const w of first) counts[WAIT_BINS + waitBin(w)]++;
		for (const w of second) counts[2 * WAIT_BINS + waitBin(w)]++;
		expect(waitQuantile(counts, 0, 0.5)).toBeNaN();
		const a = waitQuantile(counts, WAIT_BINS, 0.5);
		const b = waitQuantile(counts, 2 * WAIT_BINS, 0.5);
		expect(a).toBeGreaterThanOrEqual(11);
		expect(a).toBeLessThan(13);
		expect(b).toBeGreaterThanOrEqual(210);
		expect(b).toBeLessThan(224);
	});
});

/** Summary of one quantity across replicates. */
export interface Summary {
	mean: number;
	p05: number;
	p50: number;
	p95: number;
}

/**
 * Quantile of ascending-sorted values by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R and NumPy).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
	return quantileOfSortedRange(sorted, 0, sorted.length, q);
}

/** quantileSorted of the n values from `sorted[start]` on (a sorted run inside a larger array). */
export function quantileOfSortedRange(sorted: ArrayLike<number>, start: number, n: number, q: number): number {
	if (n === 0) return NaN;
	const h = (n - 1) * q;
	const lo = Math.floor(h);
	const hi = Math.min(n - 1, lo + 1);
	return sorted[start + lo] + (h - lo) * (sorted[start + hi] - sorted[start + lo]);
}

/**
 * Mean and 5th, 50th and 95th percentiles of `values`, ignoring NaN (an outcome undefined
 * in a run, such as the wait of a group nobody in it was served). All NaN gives NaN.
 * `scratch` must have room for values.length numbers; it is overwritten.
 */
export function summarise(values: ArrayLike<number>, scratch: Float64Array): Summary {
	let n = 0;
	let sum = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === v) {
			scratch[n++] = v;
			sum += v;
		}
	}
	if (n === 0) return { mean: NaN, p05: NaN, p50: NaN, p95: NaN };
	const sorted = scratch.subarray(0, n).sort();
	return {
		mean: sum / n,
		p05: quantileSorted(sorted, 0.05),
		p50: quantileSorted(sorted, 0.5),
		p95: quantileSorted(sorted, 0.95)
	};
}

/**
 * The value a full sort would put at index `k` of `values[from..to]` (bounds inclusive), found
 * by rearranging that range in place so that nothing before index k is larger and nothing after
 * it smaller (Hoare's selection with a median-of-three pivot, as in Wirth's algorithm).
 * Deterministic, and linear on average where a sort is n log n: initialisation needs only the
 * four cut points of the deprivation quintiles, not the order of a million citizens.
 * Runs of equal values (deprivation clamped at 0 or 1) are split evenly, as a partition swaps
 * equal elements too. Values must not be NaN.
 */
export function selectRank(values: Float32Array, k: number, from = 0, to = values.length - 1): number {
	if (!(from <= k && k <= to && from >= 0 && to < values.length)) throw new RangeError(`rank ${k} is outside ${from}–${to}`);
	let lo = from;
	let hi = to;
	while (lo < hi) {
		const a = values[lo];
		const b = values[(lo + hi) >>> 1];
		const c = values[hi];
		const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (values[i] < pivot) i++;
			while (values[j] > pivot) j--;
			if (i <= j) {
				const t = values[i];
				values[i] = values[j];
				values[j] = t;
				i++;
				j--;
			}
		}
		// Now values[lo..j] <= pivot <= values[i..hi], and anything between equals the pivot.
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return values[k];
	}
	return values[k];
}

/**
 * Money follows users: for each area, the providers its residents have taken results to, with
 * each one's smoothed share and this month's count of reported results.
 *
 * Kept sparse, area by area, in provider order: an area's residents use its own providers and,
 * by choice, a few elsewhere, so a dense area × provider table (a million cells for a million
 * citizens in 600 areas) would be almost all zeros. A provider nobody from the area has used
 * has a share of exactly 0 and adds exactly 0 to any sum, so leaving it out, and visiting the
 * others in provider order, gives the dense table's numbers to the last bit.
 */
export interface AreaFlows {
	/** providers[a][0..count[a]): the providers area a's residents have used, ascending. */
	providers: Int32Array[];
	/** Smoothed share of area a's reported results at each of those providers. */
	share: Float64Array[];
	/** This month's reported results of area a's residents at each of those providers. */
	month: Float64Array[];
	count: Int32Array;
}

/** Every area's users at its own providers in equal shares (`first[a]`, `perArea[a]` of them). */
export function createAreaFlows(first: Int32Array, perArea: Int32Array): AreaFlows {
	const n = first.length;
	const flows: AreaFlows = { providers: [], share: [], month: [], count: new Int32Array(n) };
	for (let a = 0; a < n; a++) {
		const capacity = Math.max(4, 2 * perArea[a]);
		flows.providers.push(new Int32Array(capacity));
		flows.share.push(new Float64Array(capacity));
		flows.month.push(new Float64Array(capacity));
		for (let j = 0; j < perArea[a]; j++) {
			flows.providers[a][j] = first[a] + j;
			flows.share[a][j] = 1 / perArea[a];
		}
		flows.count[a] = perArea[a];
	}
	return flows;
}

/** Add `results` to this month's count of area a's residents at provider k. */
export function recordResults(flows: AreaFlows, a: number, k: number, results: number): void {
	const j = entryOf(flows, a, k); // first: it may move area a's columns to bigger arrays
	flows.month[a][j] += results;
}

/** Area a's smoothed share at provider k (0 if none of its residents has used it). */
export function shareAt(flows: AreaFlows, a: number, k: number): number {
	const j = find(flows.providers[a], flows.count[a], k);
	return j >= 0 ? flows.share[a][j] : 0;
}

/** This month's reported results of area a's residents at provider k. */
export function monthAt(flows: AreaFlows, a: number, k: number): number {
	const j = find(flows.providers[a], flows.count[a], k);
	return j >= 0 ? flows.month[a][j] : 0;
}

/** Forget this month's counts. */
export function clearMonth(flows: AreaFlows): void {
	for (let a = 0; a < flows.count.length; a++) flows.month[a].fill(0, 0, flows.count[a]);
}

/** Index of provider k in `list[0..count)`, or −(insertion point) − 1. */
function find(list: Int32Array, count: number, k: number): number {
	let lo = 0;
	let hi = count;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (list[mid] < k) lo = mid + 1;
		else hi = mid;
	}
	return lo < count && list[lo] === k ? lo : -lo - 1;
}

/** Index of provider k in area a's list, inserted in order with a share of 0 if new. */
function entryOf(flows: AreaFlows, a: number, k: number): number {
	const count = flows.count[a];
	const found = find(flows.providers[a], count, k);
	if (found >= 0) return found;
	const at = -found - 1;
	if (count === flows.providers[a].length) grow(flows, a);
	const providers = flows.providers[a];
	const share = flows.share[a];
	const month = flows.month[a];
	providers.copyWithin(at + 1, at, count);
	share.copyWithin(at + 1, at, count);
	month.copyWithin(at + 1, at, count);
	providers[at] = k;
	share[at] = 0;
	month[at] = 0;
	flows.count[a] = count + 1;
	return at;
}

/** Double area a's room (rare: once for each doubling of the providers its residents use). */
function grow(flows: AreaFlows, a: number): void {
	const capacity = 2 * flows.providers[a].length;
	const providers = new Int32Array(capacity);
	const share = new Float64Array(capacity);
	const month = new Float64Array(capacity);
	providers.set(flows.providers[a]);
	share.set(flows.share[a]);
	month.set(flows.month[a]);
	flows.providers[a] = providers;
	flows.share[a] = share;
	flows.month[a] = month;
}

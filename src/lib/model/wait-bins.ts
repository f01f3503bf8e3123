import { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE } from './constants';

/**
 * Bins of true waits behind the median and 92nd-percentile waits: one day wide up to
 * FINE_DAYS, a week wide after that, and a last bin for waits beyond the histogram. Narrow
 * where the targets are (28 days to 18 weeks) and cheap to fold every month.
 */
const FINE_DAYS = 126;
const WEEK = 7;
const WEEK_BINS = 86;
/** Waits of this many days or more share the last bin. */
export const WAIT_BINS_CAP_DAYS = FINE_DAYS + WEEK * WEEK_BINS;
export const WAIT_BINS = FINE_DAYS + WEEK_BINS + 1;

/** The bin of a wait in days (wait >= 0). */
export function waitBin(wait: number): number {
	if (wait < FINE_DAYS) return wait | 0;
	if (wait >= WAIT_BINS_CAP_DAYS) return WAIT_BINS - 1;
	return FINE_DAYS + (((wait - FINE_DAYS) / WEEK) | 0);
}

/**
 * Count a true wait of `wait` days, by a citizen of deprivation quintile q in area a, in the month's
 * histograms of the outcome groups it belongs to: overall, its quintile's and its area's
 * (`groups` holds WAIT_BINS per group, in outcome-group order). Counted straight into the groups,
 * a month's few hundred cases cost three increments each, where folding histograms kept by (area,
 * quintile) cell cost a pass over every cell's bins. The service kernel counts each served case's
 * wait this way (assembly/service.ts); this is its reference (service-kernel.spec.ts).
 */
export function countWait(groups: Float64Array, q: number, a: number, wait: number): void {
	const bin = waitBin(wait);
	groups[bin]++;
	groups[(GROUP_FIRST_QUINTILE + q) * WAIT_BINS + bin]++;
	groups[(GROUP_FIRST_AREA + a) * WAIT_BINS + bin]++;
}

/** The number of waits counted in `counts[offset .. offset + WAIT_BINS)`. */
export function waitTotal(counts: ArrayLike<number>, offset: number): number {
	let total = 0;
	for (let b = 0; b < WAIT_BINS; b++) total += counts[offset + b];
	return total;
}

/** First day of bin b, and its width in days. */
function binStart(b: number): number {
	return b < FINE_DAYS ? b : FINE_DAYS + WEEK * (b - FINE_DAYS);
}
function binWidth(b: number): number {
	return b < FINE_DAYS ? 1 : WEEK;
}

/**
 * The q-quantile (0 < q < 1) of the waits counted in `counts[offset .. offset + WAIT_BINS)`,
 * interpolated within its bin; NaN when nothing was counted. Waits in the last bin are taken at
 * its start, so a quantile that falls there is a lower bound. `total` is their number (waitTotal),
 * passed by a caller taking several quantiles of one histogram.
 */
export function waitQuantile(counts: ArrayLike<number>, offset: number, q: number, total = waitTotal(counts, offset)): number {
	if (total === 0) return NaN;
	const rank = q * total;
	let below = 0;
	for (let b = 0; b < WAIT_BINS; b++) {
		const n = counts[offset + b];
		if (below + n >= rank && n > 0) {
			if (b === WAIT_BINS - 1) return binStart(b);
			return binStart(b) + (binWidth(b) * (rank - below)) / n;
		}
		below += n;
	}
	return binStart(WAIT_BINS - 1);
}

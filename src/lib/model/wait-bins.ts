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
 * its start, so a quantile that falls there is a lower bound.
 */
export function waitQuantile(counts: ArrayLike<number>, offset: number, q: number): number {
	let total = 0;
	for (let b = 0; b < WAIT_BINS; b++) total += counts[offset + b];
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

/**
 * Fair timing on a noisy, shared machine (used by bench.ts and bench-variants.ts): cases are
 * run in alternation in one process, each round starting with a different case, so that load
 * from other processes and the engine's warm-up fall on every case alike; each case is
 * summarised by its minimum (the least disturbed run), 25th percentile and median.
 */

export interface Timing {
	runs: number;
	min: number;
	p25: number;
	median: number;
}

/** The q-quantile (0 ≤ q ≤ 1) of the values, by linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const h = (sorted.length - 1) * Math.min(1, Math.max(0, q));
	const lo = Math.floor(h);
	const hi = Math.ceil(h);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function summarise(times: readonly number[]): Timing {
	return { runs: times.length, min: quantile(times, 0), p25: quantile(times, 0.25), median: quantile(times, 0.5) };
}

/**
 * The order in which `cases` cases run in round `round`: a rotation, so that over any `cases`
 * successive rounds each case runs once in every position.
 */
export function roundOrder(cases: number, round: number): number[] {
	return Array.from({ length: cases }, (_, j) => (round + j) % cases);
}

/**
 * Time each case `rounds` times, alternating (see roundOrder), after `warmUp` untimed rounds.
 * A case may return the time it measured itself (to leave out its set-up); otherwise its whole
 * call is timed. `clock` is injectable for tests.
 */
export function alternate(
	cases: readonly (() => number | void)[],
	rounds: number,
	warmUp = 1,
	clock: () => number = () => performance.now()
): number[][] {
	const times = cases.map(() => [] as number[]);
	for (let round = 0; round < warmUp + rounds; round++) {
		for (const c of roundOrder(cases.length, round)) {
			const t0 = clock();
			const own = cases[c]();
			const elapsed = typeof own === 'number' ? own : clock() - t0;
			if (round >= warmUp) times[c].push(elapsed);
		}
	}
	return times;
}

/** A variant's timing against the first's: "(min -3.1%, p25 +0.4%, median -1.2%)". */
export function formatChange(t: Timing, base: Timing): string {
	const pct = (x: number, b: number) => {
		const d = (100 * (x - b)) / b;
		return `${d >= 0 ? '+' : ''}${d.toFixed(1)}%`;
	};
	return `(min ${pct(t.min, base.min)}, p25 ${pct(t.p25, base.p25)}, median ${pct(t.median, base.median)})`;
}

/** "min / p25 / median" in milliseconds, one decimal. */
export function formatTiming(t: Timing): string {
	return `${t.min.toFixed(1)} / ${t.p25.toFixed(1)} / ${t.median.toFixed(1)}`;
}

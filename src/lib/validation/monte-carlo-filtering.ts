/**
 * Monte Carlo filtering (regional sensitivity analysis; Saltelli et al. 2004, Sensitivity
 * Analysis in Practice, ch. 5): split a sample into the points where a pattern holds and those
 * where it breaks, and compare each parameter's distribution between the two with the
 * two-sample Kolmogorov–Smirnov statistic. A parameter whose values differ between the sets is
 * one the pattern depends on; where its breaking values lie says in which direction.
 */

/** The largest gap between the two empirical distribution functions. */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
	if (a.length === 0 || b.length === 0) return NaN;
	const x = [...a].sort((p, q) => p - q);
	const y = [...b].sort((p, q) => p - q);
	let i = 0;
	let j = 0;
	let d = 0;
	while (i < x.length && j < y.length) {
		const v = Math.min(x[i], y[j]);
		while (i < x.length && x[i] <= v) i++;
		while (j < y.length && y[j] <= v) j++;
		d = Math.max(d, Math.abs(i / x.length - j / y.length));
	}
	return d;
}

/** Asymptotic p-value of a two-sample KS statistic (Stephens' small-sample correction). */
export function ksPValue(d: number, n: number, m: number): number {
	const ne = (n * m) / (n + m);
	const sqrtNe = Math.sqrt(ne);
	const lambda = (sqrtNe + 0.12 + 0.11 / sqrtNe) * d;
	if (lambda < 0.2) return 1;
	let sum = 0;
	for (let k = 1; k <= 100; k++) {
		const term = 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
		sum += term;
		if (Math.abs(term) < 1e-12) break;
	}
	return Math.min(1, Math.max(0, sum));
}

export interface FilteredParameter {
	id: string;
	/** KS statistic between the parameter's values where the pattern holds and where it breaks. */
	ks: number;
	p: number;
	/** Whether the pattern breaks at the high or the low end of the parameter's range. */
	breaksWhen: 'high' | 'low';
	/** Significant after a Bonferroni correction over all parameters tested. */
	significant: boolean;
}

/** Minimum points on each side for the comparison to say anything. */
export const MIN_SIDE = 5;

/**
 * Every parameter ranked by how differently it is distributed where the pattern holds and where
 * it breaks (largest KS first); empty when either side has fewer than MIN_SIDE points.
 */
export function filterParameters(
	ids: readonly string[],
	values: readonly (readonly number[])[],
	holds: readonly boolean[],
	alpha = 0.05
): FilteredParameter[] {
	const held = holds.filter(Boolean).length;
	const broken = holds.length - held;
	if (held < MIN_SIDE || broken < MIN_SIDE) return [];
	const out = ids.map((id, d) => {
		const yes = values.filter((_, i) => holds[i]).map((v) => v[d]);
		const no = values.filter((_, i) => !holds[i]).map((v) => v[d]);
		const ks = ksStatistic(yes, no);
		const p = ksPValue(ks, yes.length, no.length);
		const breaksWhen: 'high' | 'low' = mean(no) > mean(yes) ? 'high' : 'low';
		return { id, ks, p, breaksWhen, significant: p < alpha / ids.length };
	});
	return out.sort((a, b) => b.ks - a.ks || ids.indexOf(a.id) - ids.indexOf(b.id));
}

function mean(values: readonly number[]): number {
	let s = 0;
	for (const v of values) s += v;
	return s / values.length;
}

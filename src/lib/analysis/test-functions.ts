/**
 * Test functions with known answers, standing in for the model in specs: per-run values of
 * Σ c_i x_i (+ an optional x·y interaction) plus a per-run offset that stays the same at every
 * point, as common random numbers make the model's noise.
 */
import type { Factor, Point } from './interval';

export interface LinearCase {
	factors: Factor[];
	/** Value of each factor when the point does not set it. */
	given: Record<string, number>;
	coefficients: Record<string, number>;
	/** Coefficient of the product of the first two factors (0: none). */
	interaction?: number;
	/** One offset per run. */
	offsets: number[];
}

export function evaluateCase(c: LinearCase, point: Point): Float64Array {
	const x = { ...c.given, ...point };
	const [a, b] = c.factors;
	let f = 0;
	for (const factor of c.factors) f += c.coefficients[factor.id] * x[factor.id];
	if (c.interaction) f += c.interaction * x[a.id] * x[b.id];
	return Float64Array.from(c.offsets, (o) => f + o);
}

/**
 * A stand-in for worker threads: holds every evaluation asked for until the caller has asked for
 * all it will at once, then answers them last first. `peak` is the most held at once.
 */
export function lastFirst<P, R>(evaluate: (point: P) => R): { evaluate: (point: P) => Promise<R>; peak(): number } {
	let held: (() => void)[] = [];
	let peak = 0;
	return {
		evaluate: (point) =>
			new Promise<R>((resolve) => {
				if (held.length === 0) setImmediate(() => {
					const answers = held.reverse();
					held = [];
					for (const answer of answers) answer();
				});
				held.push(() => resolve(evaluate(point)));
				peak = Math.max(peak, held.length);
			}),
		peak: () => peak
	};
}

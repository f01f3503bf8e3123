/**
 * A seeded Latin hypercube sample in the unit cube: each dimension's [0, 1) is cut into n equal
 * strata and every stratum holds exactly one point; the strata are paired across dimensions by
 * independent random permutations, and each point sits at a uniform draw within its stratum.
 * The same (n, dimensions, seed) always gives the same sample: dimension d draws from its own
 * seedrandom stream, so adding a dimension never moves the others.
 */
import seedrandom from 'seedrandom';

/** points[i][d] in [0, 1) for i < n, d < dimensions. */
export function latinHypercube(n: number, dimensions: number, seed: number): number[][] {
	if (!Number.isInteger(n) || n < 1) throw new RangeError(`a Latin hypercube needs at least one point, not ${n}`);
	const points = Array.from({ length: n }, () => new Array<number>(dimensions));
	for (let d = 0; d < dimensions; d++) {
		const rng = seedrandom.tychei(`levers-sweep-lhs|${seed}|${d}`);
		const strata = Array.from({ length: n }, (_, i) => i);
		// Fisher–Yates shuffle.
		for (let i = n - 1; i > 0; i--) {
			const j = Math.floor(rng() * (i + 1));
			const t = strata[i];
			strata[i] = strata[j];
			strata[j] = t;
		}
		for (let i = 0; i < n; i++) points[i][d] = (strata[i] + rng()) / n;
	}
	return points;
}

/** A unit value u in [0, 1) scaled to [min, max]. */
export function scaleTo(u: number, min: number, max: number): number {
	return min + u * (max - min);
}

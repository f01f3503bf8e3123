import { detExp, logistic } from './det-math';

/**
 * Comparisons of a uniform draw with an exponential or a logistic that evaluate it only when
 * they must. Most draws fall far from the value they are compared with, so a table of exact
 * bounds settles the comparison and detExp runs only for draws in the narrow gap between the
 * bounds; the answer is always that of the full comparison, so no decision (and no number) changes.
 *
 * The tables hold the function at grid points 1/16 apart on [-64, 64) (exact binary fractions),
 * widened by a relative margin of 1e-9: detExp and logistic are accurate to a few units in the
 * last place (~1e-16) and the true functions are increasing, so for any x between two grid points
 * the computed value lies strictly between the lower bound at the left point and the upper
 * bound at the right. Outside the grid, or for NaN, the full comparison runs.
 */
const STEPS_PER_UNIT = 16;
const HALF = 64 * STEPS_PER_UNIT;
const MARGIN = 1e-9;

function table(f: (x: number) => number, widen: number): Float64Array {
	const t = new Float64Array(2 * HALF + 1);
	for (let j = 0; j <= 2 * HALF; j++) t[j] = f((j - HALF) / STEPS_PER_UNIT) * widen;
	return t;
}

/** The exponential's bounds, exported for the workforce kernel, which reads a copy in the world's arena (assembly/workforce.ts). */
export const EXP_LOWER = table(detExp, 1 - MARGIN);
export const EXP_UPPER = table(detExp, 1 + MARGIN);
/** The logistic's bounds, exported for the service kernel, which reads a copy in the world's arena (assembly/service.ts). */
export const LOGISTIC_LOWER = table(logistic, 1 - MARGIN);
export const LOGISTIC_UPPER = table(logistic, 1 + MARGIN);

/** Exactly `u < scale * detExp(x)`, for any u and any scale ≥ 0 (other scales take the full comparison). */
export function belowScaledExp(u: number, scale: number, x: number): boolean {
	const g = x * STEPS_PER_UNIT;
	if (g >= -HALF && g < HALF && scale >= 0) {
		const j = Math.floor(g) + HALF;
		if (u < scale * EXP_LOWER[j]) return true;
		if (u >= scale * EXP_UPPER[j + 1]) return false;
	}
	return u < scale * detExp(x);
}

/** Exactly `u < logistic(x)`, for any u. */
export function belowLogistic(u: number, x: number): boolean {
	const g = x * STEPS_PER_UNIT;
	if (g >= -HALF && g < HALF) {
		const j = Math.floor(g) + HALF;
		if (u < LOGISTIC_LOWER[j]) return true;
		if (u >= LOGISTIC_UPPER[j + 1]) return false;
	}
	return u < logistic(x);
}

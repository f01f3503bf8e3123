// Comparisons of a uniform draw with a logistic that evaluate it only when they must, as
// ../lazy-compare.ts makes them (AssemblyScript, for the kernels that draw against one).

import { HALF, STEPS_PER_UNIT } from './constants';
import { f64At, logisticLower, logisticUpper } from './world';

// The rare comparisons the bounds tables leave open, made by ../lazy-compare.ts's own.
@external("env", "belowLogisticExactly")
declare function belowLogisticExactly(u: f64, x: f64): bool;

/** Exactly `u < logistic(x)` (belowLogistic, ../lazy-compare.ts): the bounds tables settle almost every draw. */
@inline
export function belowLogistic(u: f64, x: f64): bool {
	const g = x * STEPS_PER_UNIT;
	if (g >= <f64>-HALF && g < <f64>HALF) {
		const j = <i32>Math.floor(g) + HALF;
		if (u < f64At(logisticLower, j)) return true;
		if (u >= f64At(logisticUpper, j + 1)) return false;
	}
	return belowLogisticExactly(u, x);
}

/**
 * Exponential and logarithm built only from IEEE-754 basic operations, which every JavaScript
 * engine rounds identically. `Math.exp` and `Math.log` are allowed to differ in the last bit
 * between engines, and one bit is enough to fork an agent-based run.
 */

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = 1.4426950408889634;

/** ln(Number.MAX_VALUE) and ln of half the smallest subnormal: beyond them e^x is not a finite, non-zero double. */
const EXP_OVERFLOW = 709.782712893384;
const EXP_UNDERFLOW = -745.1332191019412;

/** Coefficients of the Taylor series of e^r to r^13, highest first (1/13!, 1/12!, …, 1/2, 1, 1). */
const EXP_SERIES = Float64Array.of(
	1 / 6227020800, 1 / 479001600, 1 / 39916800, 1 / 3628800, 1 / 362880, 1 / 40320, 1 / 5040, 1 / 720, 1 / 120, 1 / 24, 1 / 6, 0.5, 1, 1
);

/** Return e^x, accurate to about 1 ulp (subnormal results to about 1 unit). */
export function detExp(x: number): number {
	if (x !== x) return NaN;
	if (x > EXP_OVERFLOW) return Infinity;
	if (x < EXP_UNDERFLOW) return 0;
	// x = k ln2 + r, |r| <= ln2/2
	const k = Math.round(x * INV_LN2);
	const r = x - k * LN2_HI - k * LN2_LO;
	// Taylor series of e^r to r^13, Horner form: |r| < 0.347 gives error below 1e-16.
	let p = EXP_SERIES[0];
	for (let d = 1; d < EXP_SERIES.length; d++) p = p * r + EXP_SERIES[d];
	return scaleByPowerOfTwo(p, k);
}

/**
 * detExp(x1) and detExp(x2), bit for bit, into out[0] and out[1], the two series interleaved: each
 * alone is a chain of 26 dependent operations, and the processor can work on two chains at once.
 */
export function detExpPair(x1: number, x2: number, out: Float64Array): void {
	// Within ±PAIR_RANGE neither result overflows or is subnormal, so no special case arises.
	if (!(x1 >= -PAIR_RANGE && x1 <= PAIR_RANGE && x2 >= -PAIR_RANGE && x2 <= PAIR_RANGE)) {
		out[0] = detExp(x1);
		out[1] = detExp(x2);
		return;
	}
	const k1 = Math.round(x1 * INV_LN2);
	const k2 = Math.round(x2 * INV_LN2);
	const r1 = x1 - k1 * LN2_HI - k1 * LN2_LO;
	const r2 = x2 - k2 * LN2_HI - k2 * LN2_LO;
	let p1 = EXP_SERIES[0];
	let p2 = EXP_SERIES[0];
	for (let d = 1; d < EXP_SERIES.length; d++) {
		p1 = p1 * r1 + EXP_SERIES[d];
		p2 = p2 * r2 + EXP_SERIES[d];
	}
	out[0] = p1 * POWERS_OF_TWO[1022 + k1];
	out[1] = p2 * POWERS_OF_TWO[1022 + k2];
}

/** detExpPair's range without special cases: e^±700 is finite and normal. */
const PAIR_RANGE = 700;

/** Return ln(x) for x > 0. */
export function detLog(x: number): number {
	if (!(x > 0)) return x === 0 ? -Infinity : NaN;
	if (x === Infinity) return Infinity;
	// x = m 2^k with m in [sqrt(1/2), sqrt(2))
	let k = 0;
	let m = x;
	while (m >= 1.4142135623730951) {
		m *= 0.5;
		k++;
	}
	while (m < 0.7071067811865476) {
		m *= 2;
		k--;
	}
	// ln(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.1716
	const s = (m - 1) / (m + 1);
	const s2 = s * s;
	let q = 1 / 25;
	for (let d = 23; d >= 3; d -= 2) q = q * s2 + 1 / d;
	q = q * s2 + 1;
	return 2 * s * q + k * LN2_HI + k * LN2_LO;
}

/** Return base^exponent for base > 0. */
export function detPow(base: number, exponent: number): number {
	if (exponent === 0) return 1;
	return detExp(exponent * detLog(base));
}

/** Return the logistic function 1 / (1 + e^-x). */
export function logistic(x: number): number {
	return 1 / (1 + detExp(-x));
}

/** 2^k for k in [-1022, 1023], each built by exact doubling so every engine agrees. */
const POWERS_OF_TWO = (() => {
	const table = new Float64Array(2046);
	table[1022] = 1;
	for (let k = 1; k <= 1023; k++) table[1022 + k] = table[1021 + k] * 2;
	for (let k = 1; k <= 1022; k++) table[1022 - k] = table[1023 - k] / 2;
	return table;
})();

function scaleByPowerOfTwo(v: number, k: number): number {
	// Multiplying by an exact power of two is exact (outside the subnormal range).
	return k >= -1022 && k <= 1023 ? v * POWERS_OF_TWO[1022 + k] : scaleBeyondRange(v, k);
}

/** scaleByPowerOfTwo for results near overflow or underflow: apart, so the common path inlines small. */
function scaleBeyondRange(v: number, k: number): number {
	return k > 0 ? v * POWERS_OF_TWO[2045] * POWERS_OF_TWO[1022 + k - 1023] : v * POWERS_OF_TWO[0] * POWERS_OF_TWO[1022 + k + 1022];
}

/**
 * Exponential and logarithm built only from IEEE-754 basic operations, which every JavaScript
 * engine rounds identically. `Math.exp` and `Math.log` are allowed to differ in the last bit
 * between engines, and one bit is enough to fork an agent-based run.
 */

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
/** ln2/64 in two parts: n · LN2_64_HI is exact for |n| < 2^21 (the low bits of LN2_HI are zero). */
const LN2_64_HI = LN2_HI / 64;
const LN2_64_LO = LN2_LO / 64;
const INV_LN2_64 = 92.33248261689366;

/** ln(Number.MAX_VALUE) and ln of half the smallest subnormal: beyond them e^x is not a finite, non-zero double. */
const EXP_OVERFLOW = 709.782712893384;
const EXP_UNDERFLOW = -745.1332191019412;

/** Return e^x, accurate to about 2 ulp (subnormal results to about 2 units). */
export function detExp(x: number): number {
	if (x !== x) return NaN;
	if (x > EXP_OVERFLOW) return Infinity;
	if (x < EXP_UNDERFLOW) return 0;
	// x = (64 k + j) ln2/64 + r with |r| <= ln2/128, so e^x = 2^k · 2^(j/64) · e^r.
	const n = Math.round(x * INV_LN2_64);
	const r = x - n * LN2_64_HI - n * LN2_64_LO;
	return scaleByPowerOfTwo(TWO_TO_J_64THS[n & 63] * expShort(r), n >> 6);
}

/**
 * e^r for |r| <= ln2/128 by its Taylor series to r^5 (error below 4e-17), as two short chains
 * of operations: one long chain keeps the processor waiting on each multiply-add in turn.
 */
function expShort(r: number): number {
	const r2 = r * r;
	return 1 + (r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120))));
}

/**
 * detExp(x1) and detExp(x2), bit for bit, into out[0] and out[1], written side by side so the
 * processor works on both at once (bookCase needs two each case).
 */
export function detExpPair(x1: number, x2: number, out: Float64Array): void {
	// Within ±PAIR_RANGE neither result overflows or is subnormal, so no special case arises.
	if (!(x1 >= -PAIR_RANGE && x1 <= PAIR_RANGE && x2 >= -PAIR_RANGE && x2 <= PAIR_RANGE)) {
		out[0] = detExp(x1);
		out[1] = detExp(x2);
		return;
	}
	const n1 = Math.round(x1 * INV_LN2_64);
	const n2 = Math.round(x2 * INV_LN2_64);
	const p1 = TWO_TO_J_64THS[n1 & 63] * expShort(x1 - n1 * LN2_64_HI - n1 * LN2_64_LO);
	const p2 = TWO_TO_J_64THS[n2 & 63] * expShort(x2 - n2 * LN2_64_HI - n2 * LN2_64_LO);
	out[0] = p1 * POWERS_OF_TWO[1022 + (n1 >> 6)];
	out[1] = p2 * POWERS_OF_TWO[1022 + (n2 >> 6)];
}

/** detExpPair's range without special cases: e^±700 is finite and normal. */
const PAIR_RANGE = 700;

/** detExpPair's constants, for the access kernel, which works it out the same way (assembly/access.ts). */
export const EXP_PAIR = { ln2By64Hi: LN2_64_HI, ln2By64Lo: LN2_64_LO, invLn2By64: INV_LN2_64, range: PAIR_RANGE } as const;

/** Coefficients of the Taylor series of e^t to t^13, highest first (1/13!, 1/12!, …, 1/2, 1, 1). */
const EXP_SERIES = Float64Array.of(
	1 / 6227020800, 1 / 479001600, 1 / 39916800, 1 / 3628800, 1 / 362880, 1 / 40320, 1 / 5040, 1 / 720, 1 / 120, 1 / 24, 1 / 6, 0.5, 1, 1
);

/** 2^(j/64) for j in [0, 64): e^(j ln2/64), or twice e^((j - 64) ln2/64) for j >= 32, built once. */
export const TWO_TO_J_64THS = (() => {
	const table = new Float64Array(64);
	for (let j = 0; j < 64; j++) {
		const m = j < 32 ? j : j - 64;
		// |m ln2/64| <= ln2/2, where the series to t^13 errs below 1e-16 (Horner form).
		const t = m * LN2_64_HI + m * LN2_64_LO;
		let p = EXP_SERIES[0];
		for (let d = 1; d < EXP_SERIES.length; d++) p = p * t + EXP_SERIES[d];
		table[j] = (j < 32 ? 1 : 2) * p;
	}
	return table;
})();

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
export const POWERS_OF_TWO = (() => {
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

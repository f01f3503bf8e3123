// The draws a new world's citizens are built from (AssemblyScript, compiled by
// scripts/build-kernels.ts; ../world.ts's initCitizens turns them into each citizen's traits).
// Each normal deviate is Marsaglia's polar method as ../rng.ts's `normal` works it out, with
// ../det-math.ts's detLog operation for operation, drawing from the same stream in the same
// order, so the numbers are the same (citizen-draws.spec.ts compares them).

import { nextDraw } from './rng';

/** Draws a citizen is built from: a normal deviate, a uniform, then four more normal deviates. */
const PER_CITIZEN: i32 = 6;

/**
 * The draws of `count` citizens, in turn, from the stream whose state and block are at `state`
 * and `block`, into `out` (PER_CITIZEN doubles a citizen): deprivation's deviate, the uniform that
 * decides complex needs, then the deviates of usual capability, ties, trust and capacity to choose.
 */
export function citizenDraws(count: i32, state: usize, block: usize, out: usize): void {
	for (let j: i32 = 0; j < count; j++) {
		const at = out + ((<usize>(j * PER_CITIZEN)) << 3);
		store<f64>(at, normal(state, block));
		store<f64>(at, nextDraw(state, block), 8);
		store<f64>(at, normal(state, block), 16);
		store<f64>(at, normal(state, block), 24);
		store<f64>(at, normal(state, block), 32);
		store<f64>(at, normal(state, block), 40);
	}
}

/** `normal` (../rng.ts): a standard normal deviate by Marsaglia's polar method. */
function normal(state: usize, block: usize): f64 {
	let u: f64 = 0;
	let s: f64 = 0;
	// A point drawn in the square until it falls inside the unit circle (and not at its centre).
	do {
		u = 2 * nextDraw(state, block) - 1;
		const v = 2 * nextDraw(state, block) - 1;
		s = u * u + v * v;
	} while (!(s > 0 && s < 1));
	return u * Math.sqrt((-2 * logOfUnitInterval(s)) / s);
}

// ln 2 in two parts (../det-math.ts's LN2_HI and LN2_LO).
const LN2_HI: f64 = 0.6931471803691238;
const LN2_LO: f64 = 1.9082149292705877e-10;

/** detLog (../det-math.ts) for 0 < x < 1, where its guards for 0, negative, NaN and infinite x never apply. */
@inline
function logOfUnitInterval(x: f64): f64 {
	// x = m 2^k with m in [sqrt(1/2), sqrt(2)): below 1, only doubling is needed.
	let k: i32 = 0;
	let m = x;
	while (m < 0.7071067811865476) {
		m *= 2;
		k--;
	}
	// ln(m) = 2 atanh(s), s = (m - 1) / (m + 1), by the same series in the same order.
	const s = (m - 1) / (m + 1);
	const s2 = s * s;
	let q: f64 = 1.0 / 25;
	for (let d: i32 = 23; d >= 3; d -= 2) q = q * s2 + 1 / <f64>d;
	q = q * s2 + 1;
	return 2 * s * q + <f64>k * LN2_HI + <f64>k * LN2_LO;
}

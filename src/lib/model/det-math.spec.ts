import { describe, expect, test } from 'vitest';
import { detExp, detExpPair, detLog, detPow, logistic } from './det-math';

const REL = 1e-14;
const MIN_NORMAL = 2.2250738585072014e-308;
const MIN_SUBNORMAL = 5e-324;

/** Largest relative difference of f from reference over xs, with the x where it happens. */
function worstRelative(xs: Iterable<number>, f: (x: number) => number, reference: (x: number) => number) {
	let worst = 0;
	let at = NaN;
	for (const x of xs) {
		const got = f(x);
		const want = reference(x);
		const rel = got === want ? 0 : Math.abs(got - want) / Math.abs(want);
		if (!(rel <= worst)) {
			worst = rel;
			at = x;
		}
	}
	return { worst, at };
}

function* linspace(from: number, to: number, n: number): Generator<number> {
	for (let i = 0; i <= n; i++) yield from + ((to - from) * i) / n;
}

/** Log-spaced positive numbers from 10^lo to 10^hi. */
function* logspace(lo: number, hi: number, n: number): Generator<number> {
	for (let i = 0; i <= n; i++) yield Math.pow(10, lo + ((hi - lo) * i) / n);
}

describe('detExp', () => {
	test('matches Math.exp to 1e-14 relative from -708 to 709', () => {
		const { worst, at } = worstRelative(linspace(-708, 709, 100_003), detExp, Math.exp);
		expect(worst, `worst at x = ${at}`).toBeLessThan(REL);
	});

	test('matches Math.exp to 1e-14 relative for tiny and moderate arguments of both signs', () => {
		const xs = [...logspace(-320, 2.5, 5_000)].flatMap((x) => [x, -x]);
		const { worst, at } = worstRelative(xs, detExp, Math.exp);
		expect(worst, `worst at x = ${at}`).toBeLessThan(REL);
	});

	test('is within two units in the last place of Math.exp from -708 to 709', () => {
		// e^x = 2^k · 2^(j/64) · e^r: the table entry, the series and their product each round once.
		const { worst, at } = worstRelative(linspace(-708, 709, 1_000_003), detExp, Math.exp);
		expect(worst, `worst at x = ${at}`).toBeLessThanOrEqual(2 * 2 ** -52);
	});

	test('is within two subnormal steps of Math.exp where the result is subnormal', () => {
		let worst = 0;
		let at = NaN;
		for (const x of linspace(-745, -708.4, 20_000)) {
			const want = Math.exp(x);
			const ulp = want < MIN_NORMAL ? MIN_SUBNORMAL : want * 2 ** -52;
			const ulps = Math.abs(detExp(x) - want) / ulp;
			if (!(ulps <= worst)) {
				worst = ulps;
				at = x;
			}
		}
		expect(worst, `worst at x = ${at}`).toBeLessThanOrEqual(2);
	});

	test('gives exactly 1 at 0 and -0, and NaN for NaN', () => {
		expect(detExp(0)).toBe(1);
		expect(detExp(-0)).toBe(1);
		expect(detExp(NaN)).toBeNaN();
	});

	test('gives Infinity for +Infinity and 0 for -Infinity', () => {
		expect(detExp(Infinity)).toBe(Infinity);
		expect(detExp(-Infinity)).toBe(0);
	});

	test('overflows to Infinity and underflows to 0 far outside the range', () => {
		for (const x of [710, 750, 1e4, 1e300, Number.MAX_VALUE]) expect(detExp(x)).toBe(Infinity);
		for (const x of [-746, -800, -1e4, -1e300, -Number.MAX_VALUE]) expect(detExp(x)).toBe(0);
	});

	// e^709.5 ≈ 1.35e308 is below Number.MAX_VALUE (ln MAX_VALUE ≈ 709.7827), and e^-745.1 rounds
	// to the smallest subnormal, so Math.exp gives finite, non-zero numbers there.
	test('is finite wherever Math.exp is finite and non-zero wherever Math.exp is non-zero', () => {
		for (const x of [709.1, 709.5, 709.78]) {
			expect(Math.exp(x)).toBeLessThan(Infinity);
			expect(detExp(x), `detExp(${x})`).toBeLessThan(Infinity);
			expect(Math.abs(detExp(x) - Math.exp(x)) / Math.exp(x), `detExp(${x})`).toBeLessThan(REL);
		}
		expect(Math.exp(-745.1)).toBeGreaterThan(0);
		expect(detExp(-745.1)).toBeGreaterThan(0);
		// The same threshold makes detPow overflow early: 10^308 is a finite double.
		expect(detPow(10, 308)).toBeLessThan(Infinity);
	});

	test('is monotone non-decreasing on a fine grid', () => {
		let previous = -Infinity;
		const decreasesAt: number[] = [];
		for (const x of linspace(-40, 40, 80_000)) {
			const y = detExp(x);
			if (!(y >= previous)) decreasesAt.push(x);
			previous = y;
		}
		expect(decreasesAt).toEqual([]);
	});
});

describe('detExpPair', () => {
	const out = new Float64Array(2);
	const pair = (x1: number, x2: number) => {
		detExpPair(x1, x2, out);
		return [out[0], out[1]];
	};

	test('gives detExp of each argument bit for bit, across the range and in either order', () => {
		const xs = [...linspace(-745.5, 710, 20_011), ...[...logspace(-320, 2, 2_000)].flatMap((x) => [x, -x])];
		for (let j = 0; j < xs.length; j++) {
			const x1 = xs[j];
			const x2 = xs[(j * 7919) % xs.length];
			expect(pair(x1, x2), `x1 = ${x1}, x2 = ${x2}`).toEqual([detExp(x1), detExp(x2)]);
		}
	});

	test('handles the special arguments as detExp does, even when only one of the two is special', () => {
		const specials = [NaN, Infinity, -Infinity, 0, -0, 700, -700, 700.5, -700.5, 709.78, -745.1, 1e300, -1e300];
		for (const a of specials) {
			for (const b of [...specials, 0.3]) {
				const [e1, e2] = pair(a, b);
				expect(Object.is(e1, detExp(a)), `detExpPair(${a}, ${b})[0]`).toBe(true);
				expect(Object.is(e2, detExp(b)), `detExpPair(${a}, ${b})[1]`).toBe(true);
			}
		}
	});
});

describe('detLog', () => {
	test('matches Math.log to 1e-14 relative over positive numbers from 1e-300 to 1e300', () => {
		const { worst, at } = worstRelative(logspace(-300, 300, 100_000), detLog, Math.log);
		expect(worst, `worst at x = ${at}`).toBeLessThan(REL);
	});

	test('matches Math.log to 1e-14 relative close to 1, where the logarithm is tiny', () => {
		const xs = [...logspace(-15, -1, 5_000)].flatMap((d) => [1 + d, 1 - d]);
		const { worst, at } = worstRelative(xs, detLog, Math.log);
		expect(worst, `worst at x = ${at}`).toBeLessThan(REL);
	});

	test('matches Math.log to 1e-14 relative around powers of two and the range reduction bounds', () => {
		const xs: number[] = [];
		for (let k = -1074; k <= 1023; k += 7) {
			const p = 2 ** k;
			for (const m of [1, 1.4142135623730951, 0.7071067811865476, 1.5, 0.75, 1 + 2 ** -52, 1 - 2 ** -53]) xs.push(p * m);
		}
		const finite = xs.filter((x) => x > 0 && Number.isFinite(x) && x !== 1);
		const { worst, at } = worstRelative(finite, detLog, Math.log);
		expect(worst, `worst at x = ${at}`).toBeLessThan(REL);
	});

	test('handles the smallest subnormal and the largest double', () => {
		expect(Math.abs(detLog(MIN_SUBNORMAL) / Math.log(MIN_SUBNORMAL) - 1)).toBeLessThan(REL);
		expect(Math.abs(detLog(Number.MAX_VALUE) / Math.log(Number.MAX_VALUE) - 1)).toBeLessThan(REL);
	});

	test('gives exactly 0 at 1', () => {
		expect(detLog(1)).toBe(0);
	});

	test('gives -Infinity at 0 and -0, Infinity at Infinity', () => {
		expect(detLog(0)).toBe(-Infinity);
		expect(detLog(-0)).toBe(-Infinity);
		expect(detLog(Infinity)).toBe(Infinity);
	});

	test('gives NaN for negative numbers, -Infinity and NaN', () => {
		for (const x of [-1, -1e-300, -MIN_SUBNORMAL, -1e300, -Infinity, NaN]) expect(detLog(x), `x = ${x}`).toBeNaN();
	});

	test('inverts detExp', () => {
		const bad = [...linspace(-700, 700, 5_000)].filter(
			(x) => !(Math.abs(detLog(detExp(x)) - x) <= 1e-14 * Math.max(1, Math.abs(x)))
		);
		expect(bad).toEqual([]);
	});
});

describe('detPow', () => {
	test('matches Math.pow to within the error amplification of |y ln x| over a grid of positive bases', () => {
		let worst = 0;
		let at = '';
		for (const x of logspace(-6, 6, 211)) {
			for (const y of linspace(-25, 25, 401)) {
				const want = Math.pow(x, y);
				if (!(want > 0 && want < Infinity)) continue;
				const got = detPow(x, y);
				// exp amplifies the rounding of y * ln(x) by its magnitude.
				const rel = Math.abs(got - want) / want / (1 + Math.abs(y * Math.log(x)));
				if (rel > worst) {
					worst = rel;
					at = `${x} ^ ${y}`;
				}
			}
		}
		expect(worst, `worst at ${at}`).toBeLessThan(REL);
	});

	test('matches Math.pow over bases from 1e-300 to 1e300 with the same amplification allowance', () => {
		for (const x of logspace(-300, 300, 3_000)) {
			for (const y of [0.5, -0.5, 1e-3, -1e-3, 0.1, 1, -1]) {
				const want = Math.pow(x, y);
				if (!(want > 0 && want < Infinity)) continue;
				const rel = Math.abs(detPow(x, y) - want) / want / (1 + Math.abs(y * Math.log(x)));
				if (!(rel < REL)) expect.fail(`${x} ^ ${y}: relative error ${rel}`);
			}
		}
	});

	test('gives exactly 1 for exponent 0, whatever the base (as Math.pow does)', () => {
		for (const x of [0, 1, 2, 1e300, Infinity, NaN]) {
			expect(detPow(x, 0)).toBe(1);
			expect(Math.pow(x, 0)).toBe(1);
		}
	});

	test('gives exactly 1 for base 1, and the base itself for exponent 1 within rounding', () => {
		for (const y of [-1e6, -3, 0.5, 7, 1e6]) expect(detPow(1, y)).toBe(1);
		const bad = [...logspace(-200, 200, 500)].filter((x) => !(Math.abs(detPow(x, 1) / x - 1) / (1 + Math.abs(Math.log(x))) < REL));
		expect(bad).toEqual([]);
	});

	test('agrees with Math.pow at the edges: zero base, infinite results, NaN', () => {
		expect(detPow(0, 2)).toBe(0);
		expect(detPow(0, -1)).toBe(Infinity);
		expect(detPow(2, 2000)).toBe(Infinity);
		expect(detPow(2, -2000)).toBe(0);
		expect(detPow(NaN, 2)).toBeNaN();
		expect(detPow(2, NaN)).toBeNaN();
		expect(detPow(1, Infinity)).toBeNaN();
		expect(Math.pow(1, Infinity)).toBeNaN();
		expect(detPow(-2, 0.5)).toBeNaN();
	});
});

describe('logistic', () => {
	test('matches 1 / (1 + Math.exp(-x)) to 1e-14 relative from -700 to 700', () => {
		const reference = (x: number) => 1 / (1 + Math.exp(-x));
		const { worst, at } = worstRelative(linspace(-700, 700, 50_001), logistic, reference);
		expect(worst, `worst at x = ${at}`).toBeLessThan(REL);
	});

	test('is 0.5 at 0, symmetric, and saturates at 0 and 1', () => {
		expect(logistic(0)).toBe(0.5);
		const asymmetric = [...linspace(-30, 30, 601)].filter((x) => !(Math.abs(logistic(x) + logistic(-x) - 1) < 1e-15));
		expect(asymmetric).toEqual([]);
		expect(logistic(Infinity)).toBe(1);
		expect(logistic(-Infinity)).toBe(0);
		expect(logistic(800)).toBe(1);
		expect(logistic(-800)).toBe(0);
		expect(logistic(NaN)).toBeNaN();
	});

	test('stays in [0, 1] and is monotone non-decreasing', () => {
		let previous = 0;
		const bad: number[] = [];
		for (const x of linspace(-800, 800, 40_000)) {
			const y = logistic(x);
			if (!(y >= previous && y <= 1)) bad.push(x);
			previous = y;
		}
		expect(bad).toEqual([]);
	});
});

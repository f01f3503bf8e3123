import { describe, expect, it } from 'vitest';
import { detExp, logistic } from './det-math';
import { belowLogistic, belowScaledExp } from './lazy-compare';
import { createStream } from './rng';

/** The next double below / above a positive finite x. */
function neighbours(x: number): [number, number] {
	const f = new Float64Array([x]);
	const i = new BigInt64Array(f.buffer);
	i[0] -= 1n;
	const below = f[0];
	i[0] += 2n;
	return [below, f[0]];
}

describe('belowScaledExp', () => {
	it('agrees with u < scale * detExp(x) for random draws, exponents and scales', () => {
		const rng = createStream(1, 0, 'lazy-exp');
		for (let n = 0; n < 200_000; n++) {
			const x = (rng.next() - 0.5) * 150;
			const scale = n % 7 === 0 ? 0 : rng.next() * 0.2;
			const u = rng.next();
			expect(belowScaledExp(u, scale, x)).toBe(u < scale * detExp(x));
		}
	});
	it('agrees at and next to the exact value, where only the full comparison can decide', () => {
		const rng = createStream(2, 0, 'lazy-exp-edge');
		for (let n = 0; n < 20_000; n++) {
			const x = (rng.next() - 0.5) * 130;
			const scale = rng.next() * 0.5;
			const v = scale * detExp(x);
			if (!(v > 0) || !Number.isFinite(v)) continue;
			for (const u of [v, ...neighbours(v)]) expect(belowScaledExp(u, scale, x)).toBe(u < v);
		}
	});
	it('takes the full comparison on grid points, outside the grid, and for NaN or negative scales', () => {
		for (const x of [-64, -63.9375, 0, 1 / 16, 63.9375, 64, -64.01, 100, -800, 800, NaN, Infinity, -Infinity]) {
			for (const scale of [0, 0.01, 1, -0.5, NaN, 1e300]) {
				for (const u of [0, 0.001, 0.5, 0.999999]) expect(belowScaledExp(u, scale, x)).toBe(u < scale * detExp(x));
			}
		}
	});
});

describe('belowLogistic', () => {
	it('agrees with u < logistic(x) for random draws and arguments', () => {
		const rng = createStream(3, 0, 'lazy-logistic');
		for (let n = 0; n < 200_000; n++) {
			const x = (rng.next() - 0.5) * (n % 2 ? 12 : 150);
			const u = rng.next();
			expect(belowLogistic(u, x)).toBe(u < logistic(x));
		}
	});
	it('agrees at and next to the exact value', () => {
		const rng = createStream(4, 0, 'lazy-logistic-edge');
		for (let n = 0; n < 20_000; n++) {
			const x = (rng.next() - 0.5) * 130;
			const v = logistic(x);
			if (!(v > 0) || v >= 1) continue;
			for (const u of [v, ...neighbours(v)]) expect(belowLogistic(u, x)).toBe(u < v);
		}
	});
	it('takes the full comparison on grid points, outside the grid and for NaN', () => {
		for (const x of [-64, -0.0625, 0, 63.9375, 64, 70, -70, NaN, Infinity, -Infinity])
			for (const u of [0, 1e-30, 0.25, 0.5, 0.75, 0.999999]) expect(belowLogistic(u, x)).toBe(u < logistic(x));
	});
});

describe('the margin of the bounds', () => {
	it('is far wider than the error of detExp and logistic on the grid range', () => {
		// The bounds are widened by 1e-9 relative; both functions stay within 1e-13 of Math's.
		const rng = createStream(5, 0, 'lazy-margin');
		for (let n = 0; n < 100_000; n++) {
			const x = (rng.next() - 0.5) * 128;
			expect(Math.abs(detExp(x) / Math.exp(x) - 1)).toBeLessThan(1e-13);
			expect(Math.abs(logistic(x) * (1 + Math.exp(-x)) - 1)).toBeLessThan(1e-13);
		}
	});
});

import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { Arena } from './arena';
// The model's mechanisms register the calls back the kernels import.
import './model';
import { Rng, beta, createStream, normal, normalFromUniform, replicateSeed, streamColumns } from './rng';

function draws(rng: { next(): number }, n: number): number[] {
	return Array.from({ length: n }, () => rng.next());
}

function meanAndSd(xs: ArrayLike<number>): { mean: number; sd: number } {
	let sum = 0;
	for (let i = 0; i < xs.length; i++) sum += xs[i];
	const mean = sum / xs.length;
	let ss = 0;
	for (let i = 0; i < xs.length; i++) ss += (xs[i] - mean) ** 2;
	return { mean, sd: Math.sqrt(ss / (xs.length - 1)) };
}

describe('createStream', () => {
	test.each([
		[0, 0, 'need'],
		[2023, 3, 'workforce'],
		[2 ** 31 - 1, 999, 'access-and-choice'],
		[7, 0, '']
	])('seed %i, replicate %i, name "%s" gives exactly the seedrandom.tychei sequence', (seed, replicate, name) => {
		const reference = seedrandom.tychei(`levers|${seed}|${replicate}|${name}`);
		const stream = createStream(seed, replicate, name);
		for (let i = 0; i < 5_000; i++) {
			const want = reference();
			const got = stream.next();
			if (got !== want) expect.fail(`draw ${i}: got ${got}, seedrandom gives ${want}`);
		}
	});

	test('the same seed, replicate and name always give the same stream', () => {
		expect(draws(createStream(11, 2, 'gaming'), 1_000)).toEqual(draws(createStream(11, 2, 'gaming'), 1_000));
	});

	test('different names, replicates or seeds give different streams', () => {
		const first = (seed: number, replicate: number, name: string) => draws(createStream(seed, replicate, name), 20);
		const base = first(11, 2, 'gaming');
		const variants = [first(11, 2, 'workforce'), first(11, 3, 'gaming'), first(12, 2, 'gaming'), first(1, 12, 'gaming')];
		for (const v of variants) {
			expect(v).not.toEqual(base);
			// Not merely shifted or partly shared: no draw in common at the same position.
			expect(v.filter((x, i) => x === base[i])).toEqual([]);
		}
	});

	test('separators keep seed, replicate and name apart ("1|23" is not "12|3")', () => {
		expect(draws(createStream(1, 23, 'x'), 10)).not.toEqual(draws(createStream(12, 3, 'x'), 10));
	});

	test('streams are independent objects: drawing from one does not move another', () => {
		const a = createStream(5, 0, 'need');
		const b = createStream(5, 0, 'need');
		draws(a, 100);
		expect(draws(b, 10)).toEqual(draws(createStream(5, 0, 'need'), 10));
	});

	test('draws are uniform on [0, 1): range, mean about 1/2 and variance about 1/12 over 100k draws', () => {
		const xs = new Float64Array(100_000);
		const rng = createStream(42, 0, 'uniform');
		for (let i = 0; i < xs.length; i++) xs[i] = rng.next();
		let min = Infinity;
		let max = -Infinity;
		for (const x of xs) {
			min = Math.min(min, x);
			max = Math.max(max, x);
		}
		expect(min).toBeGreaterThanOrEqual(0);
		expect(max).toBeLessThan(1);
		const { mean, sd } = meanAndSd(xs);
		// The standard error of the mean is sqrt(1/12 / 1e5) ≈ 0.0009: allow about 5 of them.
		expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
		expect(Math.abs(sd * sd - 1 / 12)).toBeLessThan(0.002);
		// Each tenth of [0, 1) gets about a tenth of the draws (expected 10,000, sd ≈ 95).
		const bins = new Array<number>(10).fill(0);
		for (const x of xs) bins[Math.floor(x * 10)]++;
		for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(600);
	});

	test('successive draws are uncorrelated', () => {
		const rng = createStream(3, 1, 'lag');
		const xs = draws(rng, 50_001);
		let sxy = 0;
		for (let i = 0; i < 50_000; i++) sxy += (xs[i] - 0.5) * (xs[i + 1] - 0.5);
		const correlation = sxy / 50_000 / (1 / 12);
		expect(Math.abs(correlation)).toBeLessThan(0.03);
	});
});

describe('Rng', () => {
	test('copies its starting state, so the object it was built from can change without effect', () => {
		const state = seedrandom.tychei('levers|1|0|copy', { state: true }).state();
		const a = new Rng(state);
		const expected = draws(new Rng({ ...state }), 10);
		state.a = 0;
		state.b = 0;
		expect(draws(a, 10)).toEqual(expected);
	});

	test('fill gives exactly the draws next would, in order, and leaves the stream where next would', () => {
		// Starting part-way through a block or at its start; filling less than a block, exactly
		// blocks, and blocks and a part; zero draws.
		for (const before of [0, 1, 100, 255, 256, 300])
			for (const n of [0, 1, 17, 256, 511, 512, 1000, 20_001]) {
				const one = createStream(9, 1, 'fill');
				const many = createStream(9, 1, 'fill');
				draws(one, before);
				draws(many, before);
				const out = new Float64Array(n + 3).fill(-1);
				many.fill(out, n);
				expect(Array.from(out.subarray(0, n))).toEqual(draws(one, n));
				// Nothing written past n.
				expect(Array.from(out.subarray(n))).toEqual([-1, -1, -1]);
				expect(draws(many, 300)).toEqual(draws(one, 300));
			}
	});
});

describe('generateDraws: a stream drawn from by the kernels', () => {
	test("after fillFromBlock it gives fill's draws, and leaves the stream where next would", () => {
		for (const before of [0, 1, 100, 255, 256, 300])
			for (const n of [0, 1, 17, 255, 256, 511, 512, 1000, 20_001]) {
				const arena = new Arena(512 * 1024);
				const one = createStream(9, 1, 'fill');
				const many = createStream(9, 1, 'fill', streamColumns(arena));
				draws(one, before);
				draws(many, before);
				const out = arena.column(Float64Array, n + 3).fill(-1);
				arena.kernels.generateDraws(arena.at(many.columns.state), arena.at(out), many.fillFromBlock(out, n), n);
				expect(Array.from(out.subarray(0, n))).toEqual(draws(one, n));
				// Nothing written past n.
				expect(Array.from(out.subarray(n))).toEqual([-1, -1, -1]);
				expect(draws(many, 300)).toEqual(draws(one, 300));
			}
	});
});

describe('replicateSeed', () => {
	test('is a reproducible whole number in [0, 2^31 - 1)', () => {
		for (const base of [0, 1, 2023, 2 ** 31 - 1]) {
			for (let r = 0; r < 50; r++) {
				const s = replicateSeed(base, r);
				expect(Number.isInteger(s)).toBe(true);
				expect(s).toBeGreaterThanOrEqual(0);
				expect(s).toBeLessThan(2 ** 31 - 1);
				expect(replicateSeed(base, r)).toBe(s);
			}
		}
	});

	test('different replicates and different base seeds give different seeds', () => {
		const seeds = new Set<number>();
		for (const base of [1, 2, 3, 2023]) for (let r = 0; r < 100; r++) seeds.add(replicateSeed(base, r));
		expect(seeds.size).toBe(400);
	});
});

describe('normal', () => {
	test('has mean about 0 and standard deviation about 1 over 100k draws', () => {
		const rng = createStream(9, 0, 'normal');
		const xs = Float64Array.from({ length: 100_000 }, () => normal(rng));
		const { mean, sd } = meanAndSd(xs);
		// Standard error of the mean ≈ 0.0032, of the sd ≈ 0.0022.
		expect(Math.abs(mean)).toBeLessThan(0.016);
		expect(Math.abs(sd - 1)).toBeLessThan(0.012);
		// About 68.3% within one sd and 95.4% within two.
		const within1 = xs.filter((x) => Math.abs(x) < 1).length / xs.length;
		const within2 = xs.filter((x) => Math.abs(x) < 2).length / xs.length;
		expect(Math.abs(within1 - 0.6827)).toBeLessThan(0.01);
		expect(Math.abs(within2 - 0.9545)).toBeLessThan(0.006);
		expect(xs.every(Number.isFinite)).toBe(true);
	});

	test('is reproducible from the stream', () => {
		const a = createStream(9, 1, 'normal');
		const b = createStream(9, 1, 'normal');
		const xs = Array.from({ length: 200 }, () => normal(a));
		expect(Array.from({ length: 200 }, () => normal(b))).toEqual(xs);
	});
});

describe('beta', () => {
	test.each([
		[1, 1],
		[2, 5],
		[5, 2],
		[3, 3],
		[20, 4]
	])('Beta(%d, %d) stays in [0, 1] with mean a/(a+b) and the right variance', (a, b) => {
		const rng = createStream(17, 0, `beta-${a}-${b}`);
		const n = 40_000;
		const xs = Float64Array.from({ length: n }, () => beta(rng, a, b));
		expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
		const { mean, sd } = meanAndSd(xs);
		const wantMean = a / (a + b);
		const wantVar = (a * b) / ((a + b) ** 2 * (a + b + 1));
		// Allow 6 standard errors of the mean.
		expect(Math.abs(mean - wantMean)).toBeLessThan(6 * Math.sqrt(wantVar / n));
		expect(Math.abs(sd * sd - wantVar) / wantVar).toBeLessThan(0.05);
	});

	test('is reproducible from the stream', () => {
		const a = createStream(4, 2, 'beta');
		const b = createStream(4, 2, 'beta');
		const xs = Array.from({ length: 200 }, () => beta(a, 2, 3));
		expect(Array.from({ length: 200 }, () => beta(b, 2, 3))).toEqual(xs);
	});
});

describe('normalFromUniform', () => {
	/** Standard normal quantiles to ten digits (p, z). */
	const KNOWN: [number, number][] = [
		[0.5, 0],
		[0.6, 0.2533471031],
		[0.75, 0.6744897502],
		[0.8413447461, 1],
		[0.9, 1.2815515655],
		[0.95, 1.6448536270],
		[0.975, 1.9599639845],
		[0.99, 2.3263478740],
		[0.995, 2.5758293035]
	];

	test('gives the standard normal quantile of u to within 1e-3, from the 0.5th to the 99.5th percentile', () => {
		for (const [p, z] of KNOWN) {
			expect(Math.abs(normalFromUniform(p) - z), `p = ${p}`).toBeLessThan(1e-3);
			expect(Math.abs(normalFromUniform(1 - p) + z), `p = ${1 - p}`).toBeLessThan(1e-3);
		}
	});

	test('is looser in the far tail and cut off beyond it', () => {
		// Linear interpolation between table points: about 2e-3 at the 99.9th percentile.
		expect(Math.abs(normalFromUniform(0.999) - 3.0902323062)).toBeLessThan(5e-3);
		expect(Math.abs(normalFromUniform(0.001) + 3.0902323062)).toBeLessThan(5e-3);
		for (const u of [0, 1e-9, 1e-5, 1 - 1e-9]) expect(Math.abs(normalFromUniform(u))).toBeLessThan(3.7);
	});

	test('is symmetric: u and 1 − u give opposite deviates', () => {
		const rng = createStream(8, 0, 'normal-from-uniform');
		for (let j = 0; j < 10_000; j++) {
			const u = rng.next();
			const gap = normalFromUniform(u) + normalFromUniform(1 - u);
			if (Math.abs(gap) > 1e-9) expect.fail(`u = ${u}: ${normalFromUniform(u)} and ${normalFromUniform(1 - u)}`);
		}
	});

	test('never decreases with u', () => {
		let previous = -Infinity;
		for (let j = 0; j <= 100_000; j++) {
			const x = normalFromUniform(j / 100_001);
			if (x < previous) expect.fail(`falls at u = ${j / 100_001}`);
			previous = x;
		}
	});

	test('turns uniform draws into deviates with mean about 0 and standard deviation about 1', () => {
		const rng = createStream(9, 0, 'normal-from-uniform');
		const xs = Array.from({ length: 100_000 }, () => normalFromUniform(rng.next()));
		const { mean, sd } = meanAndSd(xs);
		expect(Math.abs(mean)).toBeLessThan(0.01);
		expect(Math.abs(sd - 1)).toBeLessThan(0.01);
		// About 95% within ±1.96.
		const inside = xs.filter((x) => Math.abs(x) < 1.959964).length / xs.length;
		expect(Math.abs(inside - 0.95)).toBeLessThan(0.005);
	});
});

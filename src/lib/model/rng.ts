import seedrandom from 'seedrandom';
import { detLog } from './det-math';

/**
 * A stream of uniform numbers in [0, 1): the Tyche-i generator, seeded by seedrandom and
 * stepped here. seedrandom hands every stream its own closure, which makes each call site in a
 * hot loop see a new function per run and stops V8 inlining it; one class keeps every call
 * site monomorphic. `createStream` gives exactly the sequence of `seedrandom.tychei(seed)`.
 */
export class Rng {
	/** State words a, b, c, d; a typed array keeps them untagged 32-bit integers. */
	private readonly s: Int32Array;

	constructor(state: { a: number; b: number; c: number; d: number }) {
		this.s = new Int32Array([state.a, state.b, state.c, state.d]);
	}

	/** Return the next uniform number in [0, 1). */
	next(): number {
		const s = this.s;
		let a = s[0];
		let b = s[1];
		let c = s[2];
		let d = s[3];
		b = (b << 25) ^ (b >>> 7) ^ c;
		c = (c - d) | 0;
		d = (d << 24) ^ (d >>> 8) ^ a;
		a = (a - b) | 0;
		b = (b << 20) ^ (b >>> 12) ^ c;
		c = (c - d) | 0;
		s[3] = (d << 16) ^ (c >>> 16) ^ a;
		s[2] = c;
		s[1] = b;
		a = (a - b) | 0;
		s[0] = a;
		return (a >>> 0) / 4294967296;
	}
}

/**
 * Create an independent, reproducible stream for one replicate. Each mechanism that draws per
 * agent gets its own named stream, so that a change in how often one mechanism draws never
 * shifts the numbers another sees (common random numbers across scenarios).
 */
export function createStream(seed: number, replicate: number, name: string): Rng {
	const seeded = seedrandom.tychei(`levers|${seed}|${replicate}|${name}`, { state: true });
	return new Rng(seeded.state());
}

/** Derive the seed of replicate `r` from a base seed, reproducibly. */
export function replicateSeed(baseSeed: number, r: number): number {
	const rng = seedrandom.tychei(`levers-replicate|${baseSeed}|${r}`);
	return Math.floor(rng() * 2147483647);
}

/** Draw a standard normal deviate (Marsaglia's polar method; uses only deterministic maths). */
export function normal(rng: Rng): number {
	for (;;) {
		const u = 2 * rng.next() - 1;
		const v = 2 * rng.next() - 1;
		const s = u * u + v * v;
		if (s > 0 && s < 1) return u * Math.sqrt((-2 * detLog(s)) / s);
	}
}

/** Draw from Beta(a, b) for a, b >= 1 by the ratio of two gamma draws (Marsaglia and Tsang). */
export function beta(rng: Rng, a: number, b: number): number {
	const x = gamma(rng, a);
	const y = gamma(rng, b);
	return x / (x + y);
}

function gamma(rng: Rng, shape: number): number {
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let x: number;
		let v: number;
		do {
			x = normal(rng);
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		const u = rng.next();
		if (u < 1 - 0.0331 * x * x * x * x) return d * v;
		if (detLog(u) < 0.5 * x * x + d * (1 - v + detLog(v))) return d * v;
	}
}

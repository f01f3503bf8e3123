import seedrandom from 'seedrandom';
import { detLog } from './det-math';
import { separateColumns, type ColumnSource } from './arena';

/** Draws generated at a time (see Rng). */
const BLOCK = 256;
/** The stream's state: the generator's words a, b, c, d, then the next draw of its block to hand out (BLOCK: none left). */
const STATE_WORDS = 5;
const POS = 4;

/** A stream's two columns: its state and its block of draws generated ahead. */
export interface StreamColumns {
	state: Int32Array;
	block: Float64Array;
}

/** A stream's columns from `source`: in a world's arena, so that a compiled kernel draws from the stream too (assembly/rng.ts). */
export function streamColumns(source: ColumnSource = separateColumns): StreamColumns {
	return { state: source.column(Int32Array, STATE_WORDS), block: source.column(Float64Array, BLOCK) };
}

/**
 * A stream of uniform numbers in [0, 1): the Tyche-i generator, seeded by seedrandom and
 * stepped here. seedrandom hands every stream its own closure, which makes each call site in a
 * hot loop see a new function per run and stops V8 inlining it; one class keeps every call
 * site monomorphic. `createStream` gives exactly the sequence of `seedrandom.tychei(seed)`.
 *
 * Draws are generated BLOCK at a time, with the generator's state in local variables, and
 * handed out in order: the sequence is the same as one at a time, and `next` is a small function
 * that inlines well. The state, the block and the position in it are columns (typed arrays),
 * which a world keeps in its arena: a compiled kernel (assembly/rng.ts) then draws from the same
 * stream, in the same order, and a copy of the world goes on exactly where the original would.
 */
export class Rng {
	/** The state (STATE_WORDS): a typed array keeps the words untagged 32-bit integers. */
	private readonly s: Int32Array;
	/** Draws generated ahead; s[POS] is the next to hand out. */
	private readonly block: Float64Array;

	constructor(
		state: { a: number; b: number; c: number; d: number },
		readonly columns: StreamColumns = streamColumns()
	) {
		this.s = columns.state;
		this.block = columns.block;
		this.s.set([state.a, state.b, state.c, state.d, BLOCK]);
	}

	/** Return the next uniform number in [0, 1). */
	next(): number {
		const s = this.s;
		let pos = s[POS];
		if (pos === BLOCK) {
			this.refill();
			pos = 0;
		}
		s[POS] = pos + 1;
		return this.block[pos];
	}

	/**
	 * Put the next n draws in out[0..n): exactly what n calls of `next` would return, in order, and
	 * the stream left where they would leave it (with its block used up if it took draws beyond
	 * the block's, so that the next draw is generated from the state, as the one after them).
	 */
	fill(out: Float64Array, n: number): void {
		this.generate(out, this.fillFromBlock(out, n), n);
	}

	/**
	 * `fill`'s first part, for a caller that generates the rest elsewhere (the need step, in a
	 * kernel): the draws left in the block go to out[0..from), and `from` is returned; out[from..n)
	 * are then to be generated from the state, in order, as `generate` does.
	 */
	fillFromBlock(out: Float64Array, n: number): number {
		const block = this.block;
		const s = this.s;
		let pos = s[POS];
		let j = 0;
		while (j < n && pos < BLOCK) out[j++] = block[pos++];
		s[POS] = pos;
		return j;
	}

	private refill(): void {
		this.generate(this.block, 0, BLOCK);
	}

	/** Generate out[from..to) and advance the state past them. */
	private generate(out: Float64Array, from: number, to: number): void {
		const s = this.s;
		let a = s[0];
		let b = s[1];
		let c = s[2];
		let d = s[3];
		for (let j = from; j < to; j++) {
			b = (b << 25) ^ (b >>> 7) ^ c;
			c = (c - d) | 0;
			d = (d << 24) ^ (d >>> 8) ^ a;
			a = (a - b) | 0;
			b = (b << 20) ^ (b >>> 12) ^ c;
			c = (c - d) | 0;
			d = (d << 16) ^ (c >>> 16) ^ a;
			a = (a - b) | 0;
			out[j] = (a >>> 0) / 4294967296;
		}
		s[0] = a;
		s[1] = b;
		s[2] = c;
		s[3] = d;
	}
}

/**
 * Create an independent, reproducible stream for one replicate. Each mechanism that draws per
 * agent gets its own named stream, so that a change in how often one mechanism draws never
 * shifts the numbers another sees (common random numbers across scenarios).
 */
export function createStream(seed: number, replicate: number, name: string, columns?: StreamColumns): Rng {
	const seeded = seedrandom.tychei(`levers|${seed}|${replicate}|${name}`, { state: true });
	return new Rng(seeded.state(), columns);
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

/** Points in the table of standard normal quantiles (uniform to normal by one lookup). */
const QUANTILE_POINTS = 4096;

/**
 * Standard normal quantiles at the midpoints (j + 0.5) / QUANTILE_POINTS, by Acklam's rational
 * approximation (relative error below 1.2e-9) built from deterministic operations only.
 */
export const NORMAL_QUANTILES = (() => {
	const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
	const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
	const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const low = 0.02425;
	const table = new Float64Array(QUANTILE_POINTS);
	for (let j = 0; j < QUANTILE_POINTS; j++) {
		const p = (j + 0.5) / QUANTILE_POINTS;
		let x: number;
		if (p < low || p > 1 - low) {
			const q = Math.sqrt(-2 * detLog(p < low ? p : 1 - p));
			x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
			if (p > 1 - low) x = -x;
		} else {
			const q = p - 0.5;
			const r = q * q;
			x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
		}
		table[j] = x;
	}
	return table;
})();

/**
 * A standard normal deviate from one uniform draw u in [0, 1), by interpolating the quantile
 * table: cheap enough for a draw per case, and the same in every engine. Tails beyond about
 * ±3.5 SD are cut off, which is harmless for the spreads it is used for.
 */
export function normalFromUniform(u: number): number {
	const x = u * QUANTILE_POINTS - 0.5;
	if (x <= 0) return NORMAL_QUANTILES[0];
	if (x >= QUANTILE_POINTS - 1) return NORMAL_QUANTILES[QUANTILE_POINTS - 1];
	const j = x | 0;
	const f = x - j;
	return NORMAL_QUANTILES[j] + f * (NORMAL_QUANTILES[j + 1] - NORMAL_QUANTILES[j]);
}

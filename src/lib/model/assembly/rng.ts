// A random stream drawn from by a kernel (AssemblyScript): the columns of ../rng.ts's Rng, its
// state (the Tyche-i words a, b, c, d and the position in the block) and its block of draws, in
// the world's arena. A draw here is the draw `Rng.next` would hand out, so the kernels and the
// TypeScript take turns on one stream.

const BLOCK: i32 = 256;
const POS: usize = 16;

/** The next uniform number in [0, 1) of the stream whose state and block are at these offsets. */
@inline
export function nextDraw(state: usize, block: usize): f64 {
	let pos = load<i32>(state + POS);
	if (pos == BLOCK) {
		refill(state, block);
		pos = 0;
	}
	store<i32>(state + POS, pos + 1);
	return load<f64>(block + (<usize>pos << 3));
}

/** Generate a new block. */
function refill(state: usize, block: usize): void {
	generateDraws(state, block, 0, BLOCK);
}

/**
 * Generate draws out[from..to) (doubles) and advance the stream's state past them, as
 * Rng.generate does: the same operations on 32-bit words, so the same numbers. Exported for the
 * need step, whose month of draws, one per citizen, the stream generates here at about 2.2 ns a
 * draw against 2.7 in JavaScript (a chain of some twenty operations each).
 */
export function generateDraws(state: usize, out: usize, from: i32, to: i32): void {
	let a = load<i32>(state);
	let b = load<i32>(state, 4);
	let c = load<i32>(state, 8);
	let d = load<i32>(state, 12);
	for (let j = from; j < to; j++) {
		b = (b << 25) ^ (b >>> 7) ^ c;
		c = c - d;
		d = (d << 24) ^ (d >>> 8) ^ a;
		a = a - b;
		b = (b << 20) ^ (b >>> 12) ^ c;
		c = c - d;
		d = (d << 16) ^ (c >>> 16) ^ a;
		a = a - b;
		store<f64>(out + (<usize>j << 3), <f64><u32>a / 4294967296.0);
	}
	store<i32>(state, a);
	store<i32>(state, b, 4);
	store<i32>(state, c, 8);
	store<i32>(state, d, 12);
}

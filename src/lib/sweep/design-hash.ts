/**
 * The identity of a sweep: a hash of the validated design (in its canonical form, so
 * spacing, key order within the file's objects and a title make no difference) together with
 * the resolved base scenario it runs on. Every shard's header carries it, and merge refuses
 * shards whose hashes differ: they were cut from different sweeps, or from the same design file
 * on a base scenario that changed between runs. Not a security measure; 64 bits keep
 * accidental collisions out of reach.
 */
import type { SweepDesign } from './design';

/** Design and base scenario as one canonical text; `scenario` is the resolved base scenario's text. */
export function canonicalSweep(design: SweepDesign, scenario: string, baseSeed: number): string {
	// The validated design has its keys in a fixed order; the file name of the base scenario is
	// left out (where a file sits on each machine does not matter; its content does).
	const { scenario: _name, ...rest } = design;
	void _name;
	return JSON.stringify({ design: rest, baseSeed, scenario });
}

/** 16 hexadecimal digits: two 32-bit multiplicative hashes of the UTF-16 code units (cyrb53's mixing). */
export function hash64(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

export function designHash(design: SweepDesign, scenario: string, baseSeed: number): string {
	return hash64(canonicalSweep(design, scenario, baseSeed));
}

// Citizens' fading memories as the kernels bring them up to date (AssemblyScript; ../citizen-memory.ts
// says what they are): from the decay tables, calling back for memories older than the tables.

import { MEMORY_TABLE_MONTHS } from './constants';
import { capability, capabilityKeep, capabilityMonth, baseCapability, cellTrust, f32At, f64At, i16At, month, setF32, setI16, addF64, trust, trustBaseline, trustKeep, trustMonth } from './world';

// Memories older than the tables, worked out by ../citizen-memory.ts (which stores them).
@external("env", "trustLongAgo")
export declare function trustLongAgo(i: i32): f64;
@external("env", "capabilityLongAgo")
export declare function capabilityLongAgo(i: i32): f64;

/** A memory `gap` months on: `base + (value - base) * table[gap]`; for a gap below zero what JavaScript gives (undefined makes the sum NaN). */
@inline
export function decayed(base: f64, value: f64, table: usize, gap: i32): f64 {
	return gap < 0 ? NaN : base + (value - base) * f64At(table, gap);
}

/** capabilityNow: citizen i's capability brought up to this month, and stored. */
export function capabilityNow(i: i32): f64 {
	const gap = month - i16At(capabilityMonth, i);
	if (gap == 0) return f32At(capability, i);
	if (gap >= MEMORY_TABLE_MONTHS) return capabilityLongAgo(i);
	const value = decayed(f32At(baseCapability, i), f32At(capability, i), capabilityKeep, gap);
	setF32(capability, i, value);
	setI16(capabilityMonth, i, month);
	return value;
}

/** adjustTrust: citizen i's trust brought up to this month, changed by `delta`, clamped, and its cell's sum kept in step. */
export function adjustTrust(i: i32, cell: i32, delta: f64): void {
	let before: f64;
	const gap = month - i16At(trustMonth, i);
	if (gap == 0) before = f32At(trust, i);
	else if (gap >= MEMORY_TABLE_MONTHS) before = trustLongAgo(i);
	else {
		before = decayed(trustBaseline, f32At(trust, i), trustKeep, gap);
		setI16(trustMonth, i, month);
	}
	let after = before + delta;
	after = after < 0 ? 0 : after > 1 ? 1 : after;
	setF32(trust, i, after);
	addF64(cellTrust, cell, after - before);
}

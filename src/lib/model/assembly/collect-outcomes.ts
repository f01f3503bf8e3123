// The outcomes' count of a provider's staff (AssemblyScript, compiled by scripts/build-kernels.ts;
// ../mechanisms/collect-outcomes.ts tallies the counts by area). Sums in slot order, single-precision
// columns widened as typed arrays do, so the numbers are the TypeScript's (tally-kernel.spec.ts
// compares them).

import { f32At, readWorld, setF64, u8At, workerActive, workerBurnout, workerFte, workerGaming, workerMotivation, workerSkill, workerSums } from './world';

/** Read the world's tables, once a month before workersTally. */
export function beginTally(columns: usize, scalars: usize): void {
	readWorld(columns, scalars);
}

/**
 * The staff in slots [start, end) of one provider, into workerSums: heads, full-time equivalents,
 * and the sums of burnt out (burnout above a half), gaming, motivation and skill.
 */
export function workersTally(start: i32, end: i32): void {
	let staff: i32 = 0;
	let fte: f64 = 0;
	let burnt: f64 = 0;
	let gaming: f64 = 0;
	let motivation: f64 = 0;
	let skill: f64 = 0;
	for (let i = start; i < end; i++) {
		if (u8At(workerActive, i) == 0) continue;
		staff++;
		fte += f32At(workerFte, i);
		burnt += <f64>(f32At(workerBurnout, i) > 0.5);
		gaming += <f64>u8At(workerGaming, i);
		motivation += f32At(workerMotivation, i);
		skill += f32At(workerSkill, i);
	}
	setF64(workerSums, 0, <f64>staff);
	setF64(workerSums, 1, fte);
	setF64(workerSums, 2, burnt);
	setF64(workerSums, 3, gaming);
	setF64(workerSums, 4, motivation);
	setF64(workerSums, 5, skill);
}

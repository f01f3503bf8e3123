// The frontline decisions' loop over a provider's slots (AssemblyScript, compiled by
// scripts/build-kernels.ts; ../mechanisms/effort-split.ts says what it models and works out each
// provider's pressure and prescribed practice; ../kernel-tables.ts lays out what this reads). The
// arithmetic follows the TypeScript it replaced (kept as the reference in effort-kernel.spec.ts)
// operation for operation, single-precision columns widened on reading and rounded on writing as
// typed arrays do, so the numbers are the same. It draws nothing.

import {
	f32At,
	readWorld,
	scalar,
	setF32,
	setF64,
	u8At,
	workerActive,
	workerBurnout,
	workerEffort,
	workerFte,
	workerGaming,
	workerMotivation,
	workerSkill,
	workerSums
} from './world';

// The month's effort scalars (../kernel-tables.ts's EFFORT, read in that order after readWorld's).
let discretion: f64 = 0;
let salience: f64 = 0;
let relationalPreference: f64 = 0;
let outreachPreference: f64 = 0;
let knightEffort: f64 = 0;
let imposed: f64 = 0;
let shirk: f64 = 0;
let burnoutProductivity: f64 = 0;
let overheadTime: f64 = 0;
let gamingTime: f64 = 0;

/** Read the world's tables and the month's effort scalars, once a month before workersEffort. */
export function beginEffort(columns: usize, scalars: usize): void {
	readWorld(columns, scalars);
	discretion = scalar();
	salience = scalar();
	relationalPreference = scalar();
	outreachPreference = scalar();
	knightEffort = scalar();
	imposed = scalar();
	shirk = scalar();
	burnoutProductivity = scalar();
	overheadTime = scalar();
	gamingTime = scalar();
}

/**
 * This month's decisions of the staff in slots [start, end) of one provider, whose own terms are
 * `incentiveWeight`, `extrinsicPush` (the extrinsic effort per unit of extrinsic motivation),
 * `waitingGap` and `prescribed` (effort-split.ts's): each worker's weight on the long-term outcome,
 * relational intensity, outreach and effort (stored), and the work those give. Into workerSums:
 * heads, full-time equivalents, and the sums of motivation, skill, burnt out, gaming, effort,
 * casework, relational casework and outreach.
 */
export function workersEffort(start: i32, end: i32, incentiveWeight: f64, extrinsicPush: f64, waitingGap: f64, prescribed: f64): void {
	let heads: i32 = 0;
	let fte: f64 = 0;
	let motivation: f64 = 0;
	let skill: f64 = 0;
	let burnt: f64 = 0;
	let gaming: f64 = 0;
	let effortSum: f64 = 0;
	let casework: f64 = 0;
	let relational: f64 = 0;
	let outreach: f64 = 0;
	for (let i = start; i < end; i++) {
		if (u8At(workerActive, i) == 0) continue;
		const m = f32At(workerMotivation, i);
		const own = m * salience;
		const extrinsic = incentiveWeight * (1 - m);
		const lambda = own + extrinsic > 0 ? own / (own + extrinsic) : 0.5;
		const rho = (1 - discretion) * prescribed + discretion * relationalPreference * lambda;
		const outreachShare = discretion * outreachPreference * lambda;

		let effort = 1 + extrinsicPush * (1 - m) + knightEffort * m * waitingGap + imposed - shirk * (1 - m);
		if (effort < 0.3) effort = 0.3;
		setF32(workerEffort, i, effort);

		// Burnt out and gaming (each 0 or 1) scale their terms, as the TypeScript's did.
		const burntOut = <f64>(f32At(workerBurnout, i) > 0.5);
		const s = f32At(workerSkill, i);
		const share = f32At(workerFte, i);
		const games = <f64>u8At(workerGaming, i);
		const work = effort * (0.6 + 0.8 * s) * (1 - burntOut * burnoutProductivity) * share;
		let caseShare = 1 - overheadTime - outreachShare - games * gamingTime;
		if (caseShare < 0.1) caseShare = 0.1;
		casework += work * caseShare;
		relational += work * caseShare * rho;
		outreach += work * outreachShare;

		heads++;
		fte += share;
		motivation += m;
		skill += s;
		gaming += games;
		effortSum += effort;
		burnt += burntOut;
	}
	setF64(workerSums, 0, <f64>heads);
	setF64(workerSums, 1, fte);
	setF64(workerSums, 2, motivation);
	setF64(workerSums, 3, skill);
	setF64(workerSums, 4, burnt);
	setF64(workerSums, 5, gaming);
	setF64(workerSums, 6, effortSum);
	setF64(workerSums, 7, casework);
	setF64(workerSums, 8, relational);
	setF64(workerSums, 9, outreach);
}

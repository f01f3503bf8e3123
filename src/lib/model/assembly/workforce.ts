// The workforce step's loop over a provider's slots (AssemblyScript, compiled by
// scripts/build-kernels.ts; ../mechanisms/workforce.ts says what it models, works out each
// provider's demands and fills and releases posts; ../kernel-tables.ts lays out what this reads).
// The arithmetic follows the TypeScript it replaced (kept as the reference in
// workforce-kernel.spec.ts) operation for operation, single-precision columns widened on reading
// and rounded on writing as typed arrays do, and it draws from the world's workers stream in the
// same order, so the numbers are the same.

import { HALF, STEPS_PER_UNIT } from './constants';
import { nextDraw } from './rng';
import {
	expLower,
	expUpper,
	f32At,
	f64At,
	i32At,
	powersOfTwo,
	readWorld,
	scalar,
	setF32,
	setF64,
	setI32,
	setU8,
	twoToJ64ths,
	u8At,
	workerActive,
	workerBurnout,
	workerEffort,
	workerFte,
	workerIntrinsic,
	workerMotivation,
	workerSkill,
	workerStrain,
	workerTenure,
	workersBlock,
	workersState,
	workerSums
} from './world';

// detExp (../det-math.ts) where its result would overflow, underflow or be NaN (never reached by
// the registry's ranges): the special cases stay in one place.
@external("env", "detExp")
declare function detExp(x: f64): f64;

// The month's workforce scalars (../kernel-tables.ts's WORKFORCE, read in that order after readWorld's).
let burnoutBase: f64 = 0;
let demandEffort: f64 = 0;
let resources: f64 = 0;
let resourceSkill: f64 = 0;
let resourceMotivation: f64 = 0;
let burnoutRate: f64 = 0;
let crowding: f64 = 0;
let motivationGain: f64 = 0;
let motivationBurnout: f64 = 0;
let motivationRising: f64 = 0;
let motivationFalling: f64 = 0;
let skillBurnoutLoss: f64 = 0;
let quitBurnout: f64 = 0;
let quitMotivation: f64 = 0;
let quitBase: f64 = 0;
let career: f64 = 0;
let ln2By64Hi: f64 = 0;
let ln2By64Lo: f64 = 0;
let invLn2By64: f64 = 0;
let expRange: f64 = 0;

/** Read the world's tables and the month's workforce scalars, once a month before workersMonth. */
export function beginWorkforce(columns: usize, scalars: usize): void {
	readWorld(columns, scalars);
	burnoutBase = scalar();
	demandEffort = scalar();
	resources = scalar();
	resourceSkill = scalar();
	resourceMotivation = scalar();
	burnoutRate = scalar();
	crowding = scalar();
	motivationGain = scalar();
	motivationBurnout = scalar();
	motivationRising = scalar();
	motivationFalling = scalar();
	skillBurnoutLoss = scalar();
	quitBurnout = scalar();
	quitMotivation = scalar();
	quitBase = scalar();
	career = scalar();
	ln2By64Hi = scalar();
	ln2By64Lo = scalar();
	invLn2By64 = scalar();
	expRange = scalar();
}

/**
 * A month of the staff in slots [start, end) of one provider, whose own terms are `demands`,
 * `success`, `skillGrowth` and `quitProvider` (the workforce step's): burnout toward its target,
 * motivation toward its own, skill, tenure, and leaving (retiring after a working life, or a draw
 * below the leaving hazard). Returns the full-time equivalents of those staying; the staying and
 * leaving heads and the first vacant slot (`end` if none) go to workerSums.
 */
export function workersMonth(start: i32, end: i32, demands: f64, success: f64, skillGrowth: f64, quitProvider: f64): f64 {
	let heads: i32 = 0;
	let leavers: i32 = 0;
	let staffFte: f64 = 0;
	let firstVacant = end;
	for (let i = start; i < end; i++) {
		if (u8At(workerActive, i) == 0) {
			if (firstVacant == end) firstVacant = i;
			continue;
		}
		const m = f32At(workerMotivation, i);
		const effort = f32At(workerEffort, i);
		const overwork = effort > 1 ? effort - 1 : 0.0;
		const target = logistic(
			burnoutBase +
				demands +
				demandEffort * overwork -
				resources -
				resourceSkill * (f32At(workerSkill, i) - 0.5) -
				resourceMotivation * (m - 0.5) +
				f32At(workerStrain, i)
		);
		const before = f32At(workerBurnout, i);
		const b = before + (target - before) * burnoutRate;
		setF32(workerBurnout, i, b);

		let mTarget = f32At(workerIntrinsic, i) - crowding + motivationGain + success - motivationBurnout * b;
		mTarget = mTarget < 0 ? 0 : mTarget > 1 ? 1 : mTarget;
		setF32(workerMotivation, i, m + (mTarget - m) * (mTarget < m ? motivationFalling : motivationRising));

		const s = f32At(workerSkill, i);
		const nextSkill = s + skillGrowth * (1 - s) - <f64>(b > 0.5) * skillBurnoutLoss;
		setF32(workerSkill, i, nextSkill < 0 ? 0 : nextSkill);
		const tenure = i32At(workerTenure, i) + 1;
		setI32(workerTenure, i, tenure);

		// Motivation as stored (single precision), as the step read it back.
		const x = quitBurnout * (b - 0.35) - quitMotivation * (f32At(workerMotivation, i) - 0.6) + quitProvider;
		if (<f64>tenure >= career || belowScaledExp(nextDraw(workersState, workersBlock), quitBase, x)) {
			setU8(workerActive, i, 0);
			if (firstVacant == end) firstVacant = i;
			leavers++;
		} else {
			heads++;
			staffFte += f32At(workerFte, i);
		}
	}
	setF64(workerSums, 0, <f64>heads);
	setF64(workerSums, 1, <f64>leavers);
	setF64(workerSums, 2, <f64>firstVacant);
	return staffFte;
}

/** logistic (../det-math.ts): 1 / (1 + e^-x). */
@inline
function logistic(x: f64): f64 {
	return 1 / (1 + exp(-x));
}

/** Exactly `u < scale * detExp(x)` (belowScaledExp, ../lazy-compare.ts): the bounds tables settle almost every draw. */
@inline
function belowScaledExp(u: f64, scale: f64, x: f64): bool {
	const g = x * STEPS_PER_UNIT;
	if (g >= <f64>-HALF && g < <f64>HALF && scale >= 0) {
		const j = <i32>Math.floor(g) + HALF;
		if (u < scale * f64At(expLower, j)) return true;
		if (u >= scale * f64At(expUpper, j + 1)) return false;
	}
	return u < scale * exp(x);
}

/**
 * detExp (../det-math.ts), bit for bit: within ±expRange no special case arises and e^x is worked
 * out here as detExpPair works out each of its two (assembly/access.ts's expPair); beyond, by detExp.
 */
@inline
function exp(x: f64): f64 {
	if (!(x >= -expRange && x <= expRange)) return detExp(x);
	// Math.round rounds halves up, as JavaScript's does.
	const n = Math.round(x * invLn2By64);
	const r = x - n * ln2By64Hi - n * ln2By64Lo;
	const r2 = r * r;
	const p = f64At(twoToJ64ths, <i32>n & 63) * (1 + (r + r2 * (0.5 + r * (1.0 / 6) + r2 * (1.0 / 24 + r * (1.0 / 120)))));
	return p * f64At(powersOfTwo, 1022 + (<i32>n >> 6));
}

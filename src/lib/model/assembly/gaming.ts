// The gaming step's loop over a provider's slots (AssemblyScript, compiled by
// scripts/build-kernels.ts; ../mechanisms/gaming.ts says what it models and works out the part of
// the log-odds a provider's staff share; ../kernel-tables.ts lays out what this reads). The
// arithmetic follows the TypeScript it replaced (kept as the reference in gaming-kernel.spec.ts)
// operation for operation, and it draws from the world's workers stream in the same order, so the
// numbers are the same.

import { belowLogistic } from './lazy-compare';
import { nextDraw } from './rng';
import { f32At, readWorld, scalar, setU8, u8At, workerActive, workerGaming, workerMotivation, workersBlock, workersState } from './world';

// The month's gaming scalars (../kernel-tables.ts's GAMING, read in that order after readWorld's).
let motivationWeight: f64 = 0;
let auditTerm: f64 = 0;

/** Read the world's tables and the month's gaming scalars, once a month before workersGaming. */
export function beginGaming(columns: usize, scalars: usize): void {
	readWorld(columns, scalars);
	motivationWeight = scalar();
	auditTerm = scalar();
}

/**
 * Whether each of the staff in slots [start, end) of one provider misrecords this month: a draw
 * below the logistic of `shared` (the provider's part of the log-odds) less the worker's
 * motivation's and audit's terms (workerGamingLogit). Vacant slots do not game.
 */
export function workersGaming(start: i32, end: i32, shared: f64): void {
	for (let i = start; i < end; i++) {
		if (u8At(workerActive, i) == 0) {
			setU8(workerGaming, i, 0);
			continue;
		}
		const logit = shared - motivationWeight * (f32At(workerMotivation, i) - 0.5) - auditTerm;
		setU8(workerGaming, i, belowLogistic(nextDraw(workersState, workersBlock), logit) ? 1 : 0);
	}
}

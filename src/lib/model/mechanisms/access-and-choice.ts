import { registerKernelImports } from '../arena';
import { MAX_ALLOWANCE_DAYS } from '../constants';
import { detExp, detExpPair, detLog } from '../det-math';
import { layOutAccess } from '../kernel-tables';
import { onWorld } from '../kernel-world';
import type { AssumptionValues } from '../parameters/registry';
import { normalFromUniform, type Rng } from '../rng';
import type { World } from '../world';

/**
 * Process 3 — access and allocation. Each presenting citizen:
 * - uses the local provider unless, with probability choice × their capacity to choose, they
 *   choose this time, between the local provider, the one they used last and another, usually
 *   of their own area and sometimes of another. Choosers judge providers by published inspection ratings (the
 *   league table of reported performance) as far as inspection publishes them, and otherwise by
 *   word of mouth about true success, heard with noise; the least deprived choose most;
 * - may be turned away at the eligibility threshold, which rises with the provider's backlog
 *   (they return later, often worse: failure demand);
 * - if their need is complex, may be declined by a provider paid by results under financial
 *   pressure (cream-skimming at entry; parking while waiting is in service.ts);
 * - otherwise joins the provider's waiting list on a day of the month. The case has a clinical
 *   allowance (how long it can safely wait, log-normal from urgent to routine) and work that
 *   varies around its type's mean (log-normal). It is booked for the day its allowance runs out;
 *   under target pressure, providers book cases that would run past the target date before it
 *   (threshold-chasing) and stream quick cases through first (see-and-treat, shortest job
 *   first), both at the expense of clinical priority: more cases meet the target with the same
 *   capacity, and long, complex cases wait longer.
 *
 * The loop over those presenting runs compiled (assembly/access.ts) on the world's columns; here
 * are each provider's threshold and selection this month. bookCase below books the cases a world
 * starts with (settled-start.ts) as the kernel books each month's.
 */
export function stepAccess(world: World): void {
	const pr = world.providers;
	const p = world.p;
	for (let k = 0; k < pr.n; k++) {
		const relational = 1 + p.relationalTime * pr.relational[k];
		// Before a provider's capacity is first known it has no backlog unless people are waiting.
		const backlogMonths =
			pr.capacity[k] > 0 ? (pr.queueUnits[k] * relational) / pr.capacity[k] : pr.queueLength[k] > 0 ? 2 : 0;
		const rise = p.thresholdResponse * (backlogMonths - 1);
		pr.turnAway[k] = rise <= 0 ? 0 : rise > p.maxTurnAway ? p.maxTurnAway : rise;
		const decline = p.selectionBase * resultsPressure(world, k);
		pr.declineRate[k] = decline > 1 ? 1 : decline;
	}
	layOutAccess(world);
	const arena = world.arena;
	const kernels = arena.kernels;
	onWorld(world, () => kernels.accessPresenting(world.presentingCount, arena.at(world.kernelColumns), arena.at(world.kernelScalars)));
}

registerKernelImports({ detExp });

/**
 * Per-month constants of bookCase, passed in a typed array: a fractional number passed to a
 * function that is not inlined is boxed, a heap allocation each.
 */
const BOOKING = new Float64Array(2);
const WORK_SIGMA = 0;
const WORK_SHIFT = 1;
/** bookCase's two exponentials, written by detExpPair. */
const EXPONENTIALS = new Float64Array(2);

/** Work out bookCase's constants from the world's assumptions, before it books any case. */
export function prepareBooking(world: World): void {
	const workSigma = caseWorkSigma(world.p);
	BOOKING[WORK_SIGMA] = workSigma;
	BOOKING[WORK_SHIFT] = -0.5 * workSigma * workSigma;
}

/** The log-normal sigma of a case's work around its type's mean. */
export function caseWorkSigma(p: AssumptionValues): number {
	return Math.sqrt(detLog(1 + p.caseWorkSpread * p.caseWorkSpread));
}

/**
 * Draw case i's clinical allowance and its work, and book it at provider k for its arrival day
 * (after prepareBooking), drawing from `rng`: the cases a world starts with (settled-start.ts),
 * booked as the access kernel books each month's (assembly/access.ts), and the reference of
 * access-kernel.spec.ts. A function of its own, which V8 optimises with its own inlining budget:
 * as part of stepAccess, the draws and exponentials here were called, not inlined, and each
 * returned a boxed number (6.6 of the 18.8 MB a re-run allocated; it allocates 12.2 MB since).
 */
export function bookCase(world: World, i: number, k: number, arrival: number, rng: Rng): void {
	const c = world.citizens;
	const pr = world.providers;
	const p = world.p;
	// Cases booked to beat the target are booked a little ahead of it.
	const targetBooking = 0.85 * p.targetDays;
	// The two exponentials side by side: each alone is a long chain of dependent operations.
	detExpPair(
		p.allowanceSpread * normalFromUniform(rng.next()),
		BOOKING[WORK_SHIFT] + BOOKING[WORK_SIGMA] * normalFromUniform(rng.next()),
		EXPONENTIALS
	);
	const drawn = p.allowanceMedianDays * EXPONENTIALS[0];
	const allowance = drawn > MAX_ALLOWANCE_DAYS ? MAX_ALLOWANCE_DAYS : drawn;
	const meanWork = c.complex[i] === 1 ? p.complexUnits : 1;
	c.caseUnits[i] = meanWork * EXPONENTIALS[1];
	c.allowance[i] = allowance;
	const pressure = pr.targetPressure[k] < 1 ? pr.targetPressure[k] : 1;
	const focus = p.targetFocus * pressure;
	const clinical = allowance > targetBooking ? allowance - focus * (allowance - targetBooking) : allowance;
	// Streaming: quick cases go through first, booked by their work as well as their priority.
	const streaming = p.targetStreaming * pressure;
	const booked = (1 - streaming) * clinical + streaming * p.allowanceMedianDays * c.caseUnits[i];
	c.arrivalDay[i] = arrival;
	c.dueDay[i] = arrival + Math.floor(booked);
}

/**
 * How hard payment by results pushes provider k to avoid cases unlikely to pay: the share of
 * income paid by results, raised by financial pressure and in outsourced providers, restrained
 * by a mission. Shared by selection at entry here and parking in service.ts.
 */
export function resultsPressure(world: World, k: number): number {
	const p = world.p;
	const L = world.levers;
	const pr = world.providers;
	return (
		L.competition *
		(1 + p.creamPressure * pr.financialPressure[k]) *
		(pr.outsourced[k] === 1 ? p.outsourcedCream : 1) *
		(1 - p.missionRestraint * L.mission)
	);
}

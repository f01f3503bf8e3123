import {
	AT_RISK,
	DAYS_PER_MONTH,
	F_FAILURE,
	F_TURNED_AWAY,
	F_UNRESOLVED,
	MAX_ALLOWANCE_DAYS,
	QUINTILES,
	REPEAT_WINDOW_MONTHS,
	WAITING
} from '../constants';
import { detExp, detExpPair, detLog } from '../det-math';
import { addArrival } from '../queue';
import { normalFromUniform, type Rng } from '../rng';
import { T, tallyCitizen } from '../tallies';
import type { World } from '../world';
import { adjustTrust } from '../citizen-memory';

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
 */
export function stepAccess(world: World): void {
	const c = world.citizens;
	const pr = world.providers;
	const p = world.p;
	const L = world.levers;
	const rng = world.streams.events;
	const tallies = world.tallies.cells;
	const month = world.month;
	const monthStart = month * DAYS_PER_MONTH;
	const recentMonth = month - REPEAT_WINDOW_MONTHS;
	prepareBooking(world);

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

	for (let j = 0; j < world.presentingCount; j++) {
		const i = world.presenting[j];
		const a = c.area[i];
		const q = c.quintile[i];
		const repeatContact = (c.flags[i] & F_UNRESOLVED) !== 0 && c.lastContactMonth[i] >= recentMonth;
		tallyCitizen(tallies, T.contacts, q, a, 1);
		if (repeatContact) tallyCitizen(tallies, T.failureContacts, q, a, 1);

		const k = chooseProvider(world, i);
		c.lastContactMonth[i] = month;
		pr.monthPresented[k]++;

		if (rng.next() < pr.turnAway[k]) {
			refuse(world, i);
			pr.monthTurnedAway[k]++;
			tallyCitizen(tallies, T.turnedAway, q, a, 1);
			adjustTrust(world, i, -1.6 * p.trustExperience);
			continue;
		}
		if (c.complex[i] === 1) {
			tallyCitizen(tallies, T.complexReferrals, q, a, 1);
			if (pr.declineRate[k] > 0 && rng.next() < pr.declineRate[k]) {
				refuse(world, i);
				pr.monthDeclined[k]++;
				tallyCitizen(tallies, T.declined, q, a, 1);
				adjustTrust(world, i, -1.6 * p.trustExperience);
				continue;
			}
		}

		const day = Math.floor(rng.next() * DAYS_PER_MONTH);
		bookCase(world, i, k, monthStart + day, world.streams.events);
		c.state[i] = WAITING;
		c.flags[i] = (c.flags[i] & ~(F_FAILURE | F_TURNED_AWAY)) | (repeatContact ? F_FAILURE : 0);
		addArrival(c, pr, k, day, i);
		world.cellWaiting[a * QUINTILES + q]++;
	}
}

/**
 * Per-month constants of bookCase, passed in a typed array: a fractional number passed to a
 * function that is not inlined is boxed, a heap allocation each.
 */
const BOOKING = new Float64Array(2);
const WORK_SIGMA = 0;
const WORK_SHIFT = 1;
/** bookCase's two exponentials, written by detExpPair. */
const EXPONENTIALS = new Float64Array(2);

/** Work out bookCase's constants from the world's assumptions: before booking any case in a month. */
export function prepareBooking(world: World): void {
	const p = world.p;
	const workSigma = Math.sqrt(detLog(1 + p.caseWorkSpread * p.caseWorkSpread));
	BOOKING[WORK_SIGMA] = workSigma;
	BOOKING[WORK_SHIFT] = -0.5 * workSigma * workSigma;
}

/**
 * Draw case i's clinical allowance and its work, and book it at provider k for its arrival day
 * (after prepareBooking), drawing from `rng` (the events stream; a world's start draws its own).
 * A function of its own, which V8 optimises with its own inlining budget:
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

/** Turned away or declined: the need stays unmet and the citizen may come back, often worse. */
function refuse(world: World, i: number): void {
	const c = world.citizens;
	c.state[i] = AT_RISK;
	c.flags[i] |= F_UNRESOLVED | F_TURNED_AWAY;
}

/** The provider citizen i uses this time, keeping the registrations behind the sorting index. */
function chooseProvider(world: World, i: number): number {
	const c = world.citizens;
	const L = world.levers;
	const rng = world.streams.events;
	const perArea = world.population.providersPerArea;
	// Users go to their local provider unless they choose this time; a chooser weighs the local
	// provider, the one they used last and another, usually local and sometimes in another area.
	let k = c.homeProvider[i];
	if (L.choice > 0 && rng.next() < L.choice * c.choiceCapacity[i]) {
		const elsewhere = rng.next() < world.p.choiceReach;
		const area = elsewhere ? Math.floor(rng.next() * world.areas.n) : c.area[i];
		const candidate = area * perArea + Math.floor(rng.next() * perArea);
		k = better(world, better(world, k, c.provider[i]), candidate);
	}
	const previous = c.provider[i];
	if (k !== previous) {
		world.registeredDeprivation[previous] -= c.deprivation[i];
		world.registeredCount[previous]--;
		world.registeredDeprivation[k] += c.deprivation[i];
		world.registeredCount[k]++;
		c.provider[i] = k;
	}
	return k;
}

/**
 * The better of two providers as a chooser sees them: the published rating as far as inspection
 * publishes one, otherwise word of mouth about true success. A chooser moves only for a clear gain.
 */
function better(world: World, current: number, candidate: number): number {
	if (candidate === current) return current;
	const pr = world.providers;
	const published = world.levers.inspection;
	const rng = world.streams.events;
	const noise = world.p.wordOfMouthNoise;
	const heardCandidate = pr.trueQuality[candidate] + noise * normalFromUniform(rng.next());
	const heardCurrent = pr.trueQuality[current] + noise * normalFromUniform(rng.next());
	const gain =
		published * (pr.reportedPerformance[candidate] - pr.reportedPerformance[current]) +
		(1 - published) * (heardCandidate - heardCurrent);
	return gain > world.p.switchMargin ? candidate : current;
}

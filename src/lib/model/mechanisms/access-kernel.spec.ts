import { describe, expect, test } from 'vitest';
import { adjustTrust, MEMORY_TABLE_MONTHS } from '../citizen-memory';
import { AT_RISK, DAYS_PER_MONTH, F_FAILURE, F_TURNED_AWAY, F_UNRESOLVED, QUINTILES, REPEAT_WINDOW_MONTHS, WAITING } from '../constants';
import { addArrival } from '../queue';
import { createStream, normalFromUniform } from '../rng';
import { T, tallyCitizen } from '../tallies';
import type { World } from '../world';
import { compareSteps, doubleBelow, stepsAfter, stepsBefore, testWorld, type TestWorldOptions } from './_test-world';
import { bookCase, prepareBooking, resultsPressure, stepAccess } from './access-and-choice';
import { detExpPair } from '../det-math';
import { layOutAccess } from '../kernel-tables';

/*
 * The access step as JavaScript had it before its loop over those presenting was compiled (model
 * 0.3.2, verbatim but for the names): the kernel (assembly/access.ts) must give exactly its
 * numbers, in every column, drawing the same numbers from the same stream. It books cases with
 * bookCase, which still books the cases a world starts with.
 */

function referenceStepAccess(world: World): void {
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

		const k = referenceChooseProvider(world, i);
		c.lastContactMonth[i] = month;
		pr.monthPresented[k]++;

		if (rng.next() < pr.turnAway[k]) {
			referenceRefuse(world, i);
			pr.monthTurnedAway[k]++;
			tallyCitizen(tallies, T.turnedAway, q, a, 1);
			adjustTrust(world, i, -1.6 * p.trustExperience);
			continue;
		}
		if (c.complex[i] === 1) {
			tallyCitizen(tallies, T.complexReferrals, q, a, 1);
			if (pr.declineRate[k] > 0 && rng.next() < pr.declineRate[k]) {
				referenceRefuse(world, i);
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

/** Turned away or declined: the need stays unmet and the citizen may come back, often worse. */
function referenceRefuse(world: World, i: number): void {
	const c = world.citizens;
	c.state[i] = AT_RISK;
	c.flags[i] |= F_UNRESOLVED | F_TURNED_AWAY;
}

/** The provider citizen i uses this time, keeping the registrations behind the sorting index. */
function referenceChooseProvider(world: World, i: number): number {
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
		k = referenceBetter(world, referenceBetter(world, k, c.provider[i]), candidate);
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
function referenceBetter(world: World, current: number, candidate: number): number {
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

/** Take this month's presenting citizens with the kernel in `world` and with the reference in a copy; the columns that differ. */
const compareMonth = (world: World): string[] => compareSteps(world, stepAccess, referenceStepAccess);

/** What the access months compared did: so a test knows each branch ran. */
interface Exercised {
	presented: number;
	turnedAway: number;
	declined: number;
	moved: number;
}

function exercised(): Exercised {
	return { presented: 0, turnedAway: 0, declined: 0, moved: 0 };
}

/** Compare this month's access step (compareMonth), expect no difference, and count what it did into `seen`. */
function compareAndCount(world: World, seen: Exercised): void {
	const providers = Array.from(world.citizens.provider);
	expect(compareMonth(world), `month ${world.month}`).toEqual([]);
	const pr = world.providers;
	for (let k = 0; k < pr.n; k++) {
		seen.presented += pr.monthPresented[k];
		seen.turnedAway += pr.monthTurnedAway[k];
		seen.declined += pr.monthDeclined[k];
	}
	seen.moved += providers.filter((k, i) => k !== world.citizens.provider[i]).length;
}

/** Compare `months` access steps of a world run with these options, running the whole model in between. */
function compareRun(options: TestWorldOptions, warmUp: number, months: number): Exercised {
	const world = testWorld(options);
	const seen = exercised();
	for (let m = 0; m < warmUp + months; m++) {
		stepsBefore(world, stepAccess);
		if (m < warmUp) stepAccess(world);
		else compareAndCount(world, seen);
		stepsAfter(world, stepAccess);
	}
	return seen;
}

describe('the compiled access step gives the JavaScript step\'s numbers exactly', () => {
	test.each([
		['default levers', 1, {}],
		['choice, league tables, competition, targets', 2, { choice: 1, inspection: 0.6, competition: 1, targets: 1, outsourcing: 0.5 }],
		['choice by word of mouth, efficiency', 3, { choice: 0.8, inspection: 0, efficiency: 0.8 }]
	])('a running world, month after month: %s', (_, seed, levers) => {
		const seen = compareRun({ seed, levers }, 6, 12);
		expect(seen.presented).toBeGreaterThan(500);
		expect(seen.turnedAway).toBeGreaterThan(0);
		if (seed !== 1) {
			expect(seen.moved).toBeGreaterThan(0);
		}
		if (seed === 2) expect(seen.declined).toBeGreaterThan(0);
	});

	test('draws exactly on every threshold, and a hair below it: the comparisons agree to the last bit', () => {
		// Choosing, looking elsewhere, being turned away and being declined are each decided against
		// exactly one half here, and published ratings a quarter apart meet the switching margin of a
		// quarter exactly.
		const assumptions = {
			maxTurnAway: 0.5, thresholdResponse: 1e9, selectionBase: 0.5, creamPressure: 0, outsourcedCream: 1, missionRestraint: 0,
			choiceReach: 0.5, switchMargin: 0.25
		};
		const world = testWorld({ seed: 12, assumptions, levers: { choice: 1, inspection: 1, competition: 1 } });
		const halves = [0.5, doubleBelow(0.5)];
		const pattern = createStream(12, 0, 'halves');
		const seen = exercised();
		for (let m = 0; m < 10; m++) {
			stepsBefore(world, stepAccess);
			world.citizens.choiceCapacity.fill(0.5);
			const pr = world.providers;
			for (let k = 0; k < pr.n; k++) pr.reportedPerformance[k] = 0.25 * ((k * 3 + m) % 4);
			const events = world.streams.events.columns;
			for (let j = 0; j < events.block.length; j++) events.block[j] = halves[pattern.next() < 0.5 ? 0 : 1];
			events.state[4] = 0;
			compareAndCount(world, seen);
			expect(events.state[4]).toBeGreaterThan(0);
			stepsAfter(world, stepAccess);
		}
		// Draws on one half pass no threshold, those a hair below pass every one: both happened.
		expect(seen.turnedAway).toBeGreaterThan(0);
		expect(seen.turnedAway).toBeLessThan(seen.presented);
		expect(seen.declined).toBeGreaterThan(0);
		expect(seen.moved).toBeGreaterThan(0);
	});

	test('memories older than the decay tables, and months stored ahead of the world\'s', () => {
		const world = testWorld({ seed: 13, assumptions: { maxTurnAway: 0.6, thresholdResponse: 1e9 } });
		for (let m = 0; m < 4; m++) {
			stepsBefore(world, stepAccess);
			stepAccess(world);
			stepsAfter(world, stepAccess);
		}
		stepsBefore(world, stepAccess);
		const c = world.citizens;
		const rng = createStream(13, 0, 'spec');
		const kinds = new Set<string>();
		const month = 1000;
		for (let j = 0; j < world.presentingCount; j++) {
			const u = rng.next();
			const gap = u < 0.2 ? MEMORY_TABLE_MONTHS + 7 : u < 0.4 ? MEMORY_TABLE_MONTHS : u < 0.5 ? MEMORY_TABLE_MONTHS - 1 : u < 0.7 ? 3 : u < 0.8 ? -5 : 0;
			kinds.add(gap >= MEMORY_TABLE_MONTHS ? 'long ago' : gap < 0 ? 'ahead' : gap > 0 ? 'recent' : 'now');
			c.trustMonth[world.presenting[j]] = month - gap;
		}
		world.month = month;
		expect([...kinds].sort()).toEqual(['ahead', 'long ago', 'now', 'recent']);
		const turnedAway = () => Array.from(world.providers.monthTurnedAway).reduce((s, x) => s + x, 0);
		expect(compareMonth(world)).toEqual([]);
		expect(turnedAway()).toBeGreaterThan(10);
		expect(Array.from(c.trust).some(Number.isNaN)).toBe(true);
	});

	test('bookings far ahead, where the booked day shows each case\'s work as stored, in single precision', () => {
		// Quick cases streamed by their work alone, at 2^24 days a unit of work: the booked day's
		// integer part then holds the work to its last single-precision bit.
		const world = testWorld({ seed: 14, assumptions: { allowanceMedianDays: 2 ** 24, targetStreaming: 1, inspectionStakes: 0 }, levers: { targets: 1 } });
		let booked = 0;
		for (let m = 0; m < 4; m++) {
			stepsBefore(world, stepAccess);
			expect(compareMonth(world), `month ${world.month}`).toEqual([]);
			booked += world.citizens.dueDay.filter((d) => d > 2 ** 24).length;
			stepsAfter(world, stepAccess);
		}
		expect(booked).toBeGreaterThan(50);
	});
});

describe('the access kernel\'s deterministic maths', () => {
	const world = testWorld();
	stepsBefore(world, stepAccess);
	layOutAccess(world);
	const arena = world.arena;
	const maths = (x1: number, x2: number, which: number) => arena.kernels.accessMaths(arena.at(world.kernelColumns), arena.at(world.kernelScalars), x1, x2, which);

	test('detExpPair bit for bit, over its range and beyond it', () => {
		const rng = createStream(15, 0, 'exp');
		const out = new Float64Array(2);
		const xs = [0, -0, 1e-300, -1e-300, 700, -700, 700.0000001, -745.2, 709.8, Math.LN2 / 128, -Math.LN2 / 128, 0.5 * Math.LN2 / 64, NaN];
		for (let j = 0; j < 20000; j++) xs.push((rng.next() - 0.5) * (j < 10000 ? 4 : 1500));
		for (let j = 0; j < xs.length; j++) {
			const x1 = xs[j];
			const x2 = xs[(j * 7 + 3) % xs.length];
			detExpPair(x1, x2, out);
			expect(Object.is(maths(x1, x2, 0), out[0]), `e^${x1}`).toBe(true);
			expect(Object.is(maths(x1, x2, 1), out[1]), `e^${x2}`).toBe(true);
		}
	});

	test('normalFromUniform bit for bit, across the table and at its ends', () => {
		const rng = createStream(16, 0, 'normal');
		const us = [0, 0.5, doubleBelow(0.5), 1 / 8192, doubleBelow(1 / 8192), 1 - 1 / 8192, doubleBelow(1), 0.25, 0.75];
		for (let j = 0; j < 20000; j++) us.push(rng.next());
		for (const u of us) expect(Object.is(maths(u, 0, 2), normalFromUniform(u)), `u = ${u}`).toBe(true);
	});
});

import { describe, expect, test } from 'vitest';
import { recordResults } from '../area-flows';
import { adjustTrust, capabilityNow, MEMORY_TABLE_MONTHS, setCapability, setFragility } from '../citizen-memory';
import { AT_RISK, DAYS_PER_MONTH, F_UNRESOLVED, QUINTILES, WAITING, WELL } from '../constants';
import { LOGISTIC_LOWER, LOGISTIC_UPPER, belowLogistic } from '../lazy-compare';
import { logistic } from '../det-math';
import { admitArrivals, dequeue, earliestCase, enqueue } from '../queue';
import { cloneWorld } from '../settled-cache';
import { T, tallyCitizen } from '../tallies';
import { countWait } from '../wait-bins';
import { warmArea } from '../warm-area';
import { fit, HISTOGRAM_BIN_DAYS, HISTOGRAM_BINS, type World } from '../world';
import { createStream } from '../rng';
import { clearQueues, compareSteps, doubleBelow, stepsAfter, stepsBefore, testWorld, type TestWorldOptions } from './_test-world';
import { resultsPressure } from './access-and-choice';
import { decideEffort } from './effort-split';
import { stepService } from './service';

/*
 * The service step as JavaScript had it before its loop over cases was compiled (model 0.3.2,
 * verbatim but for the names): the kernel (assembly/service.ts) must give exactly its numbers, in
 * every column, drawing the same numbers from the same stream. The one line added: a spec may
 * collect each case's logit as it is worked out (resultLogits).
 */

/** Where referenceServeCase puts each case's logit, when a spec asks. */
let resultLogits: number[] | undefined;

/** No trial under way; a trial's arms are 0 (current practice) and 1 (the variant). */
const NO_TRIAL = -1;

/**
 * The fractional arguments of serveCase, passed in a typed array: V8 does not inline serveCase,
 * and a fractional number passed to a function that is not inlined is boxed, a heap allocation
 * each (five per case served). The model's hot loops allocate nothing.
 */
const CASE = new Float64Array(6);
const SERVICE_DAY = 0;
const PROVIDER_LOGIT = 1;
const RHO = 2;
const HIDE = 3;
const TARGET_DAYS = 4;
const UNITS = 5;

function referenceStepService(world: World): void {
	decideEffort(world);
	const pr = world.providers;
	const areas = world.areas;
	const p = world.p;
	for (let k = 0; k < pr.n; k++) {
		// Providers are stored area by area: warm each area's citizens before its first provider.
		if (world.warmServiceAreas && (k === 0 || pr.area[k] !== pr.area[k - 1])) warmArea(world, pr.area[k]);
		const park = p.creamBase * resultsPressure(world, k);
		pr.parkRate[k] = park > 1 ? 1 : park;
		referenceServeQueue(world, k, areas.context[pr.area[k]]);
	}
}

function referenceServeQueue(world: World, k: number, context: number): void {
	const c = world.citizens;
	const pr = world.providers;
	const p = world.p;
	const L = world.levers;
	const rng = world.streams.events;
	const tallies = world.tallies.cells;
	const monthStart = world.month * DAYS_PER_MONTH;
	const monthEnd = monthStart + DAYS_PER_MONTH;
	const targetDays = p.targetDays;

	const rho = pr.relational[k];
	const integrationSaving = 1 - p.integrationEfficiency * L.integration;
	const crisisWork = p.crisisUnits * world.crisesByProvider[k];
	const available = pr.capacity[k] - crisisWork;
	const daysPerUnit = available > 0 ? DAYS_PER_MONTH / available : Infinity;
	const pressure = pr.targetPressure[k] < 1 ? pr.targetPressure[k] : 1;
	const deferBreach = p.breachDeferral * pressure;
	const park = pr.parkRate[k];
	const hide = pr.hideChance[k];
	const practiceFit = fit(pr.practice[k], context);
	const teamLogit =
		p.successBase +
		pr.management[k] +
		p.successSkill * (pr.meanSkill[k] - 0.5) +
		p.successMotivation * (pr.meanMotivation[k] - 0.5) -
		p.successBurnout * pr.burnoutShare[k];

	// Each arm's practice: [0] current, [1] the variant under trial (if any).
	const inTrial = pr.trialMonths[k] > 0;
	const rhoArm0 = rho;
	let rhoArm1 = rho;
	let fitArm1 = practiceFit;
	if (inTrial) {
		const r = rho - pr.relationalOffset[k] + pr.trialOffset[k];
		rhoArm1 = r < 0 ? 0 : r > 1 ? 1 : r;
		fitArm1 = fit(pr.trialPractice[k], context);
	}
	const simpleLogit0 = teamLogit + p.successFit * (practiceFit - 0.5) + 0.5 * p.successRelational * rhoArm0;
	const complexLogit0 =
		teamLogit + p.successFit * (practiceFit - 0.5) + p.successRelational * rhoArm0 - p.successComplex + p.successIntegration * L.integration;
	const simpleLogit1 = teamLogit + p.successFit * (fitArm1 - 0.5) + 0.5 * p.successRelational * rhoArm1;
	const complexLogit1 =
		teamLogit + p.successFit * (fitArm1 - 0.5) + p.successRelational * rhoArm1 - p.successComplex + p.successIntegration * L.integration;
	const time0 = 1 + p.relationalTime * rhoArm0;
	const time1 = 1 + p.relationalTime * rhoArm1;

	// With no capacity left after firefighting, nothing planned is seen this month. The server
	// first finishes the case it was serving at the end of last month.
	let clock = available > 0 ? monthStart + pr.carryUnits[k] * daysPerUnit : monthEnd;
	let day = 0;
	let unitsServed = 0;
	// Deferred cases (parked or past the target) wait in their own list, served only when no one else is.
	let deferredHead = -1;
	let deferredTail = -1;
	while (clock < monthEnd) {
		while (day < DAYS_PER_MONTH && monthStart + day <= clock) admitArrivals(c, pr, k, day++);
		let i = earliestCase(pr, k);
		if (i === -1) {
			if (deferredHead !== -1) {
				i = deferredHead;
				deferredHead = c.next[i];
				if (deferredHead === -1) deferredTail = -1;
				c.next[i] = -1;
				c.prev[i] = -1;
			} else if (day < DAYS_PER_MONTH) {
				clock = monthStart + day;
				continue;
			} else break;
		} else {
			dequeue(c, pr, k, i);
			let defer = false;
			if (c.complex[i] === 1) {
				pr.monthComplexConsidered[k]++;
				tallyCitizen(tallies, T.complexConsidered, c.quintile[i], c.area[i], 1);
				if (park > 0 && rng.next() < park) {
					defer = true;
					pr.monthParked[k]++;
					tallyCitizen(tallies, T.parked, c.quintile[i], c.area[i], 1);
				}
			}
			if (!defer && deferBreach > 0 && clock - c.arrivalDay[i] > targetDays && rng.next() < deferBreach) defer = true;
			if (defer) {
				c.next[i] = -1;
				c.prev[i] = deferredTail;
				if (deferredTail === -1) deferredHead = i;
				else c.next[deferredTail] = i;
				deferredTail = i;
				continue;
			}
		}
		const arm = inTrial ? (rng.next() < 0.5 ? 1 : 0) : NO_TRIAL;
		const isComplex = c.complex[i] === 1;
		const variant = arm === 1;
		const units = c.caseUnits[i] * (variant ? time1 : time0) * (isComplex ? integrationSaving : 1);
		const logit = isComplex ? (variant ? complexLogit1 : complexLogit0) : variant ? simpleLogit1 : simpleLogit0;
		CASE[SERVICE_DAY] = clock;
		CASE[PROVIDER_LOGIT] = logit;
		CASE[RHO] = variant ? rhoArm1 : rhoArm0;
		CASE[HIDE] = hide;
		CASE[TARGET_DAYS] = targetDays;
		CASE[UNITS] = units;
		referenceServeCase(world, k, i, arm);
		unitsServed += units;
		clock += units * daysPerUnit;
	}
	// Work past the month's end is done next month, so a small team gains no free capacity from
	// its last case; with no capacity this month, what was carried waits.
	if (available > 0) pr.carryUnits[k] = clock > monthEnd ? (clock - monthEnd) / daysPerUnit : 0;
	// Arrivals of days not reached join the list; deferred cases go back under their booked day.
	while (day < DAYS_PER_MONTH) admitArrivals(c, pr, k, day++);
	for (let d = deferredHead; d !== -1; ) {
		const next = c.next[d];
		enqueue(c, pr, k, d);
		d = next;
	}

	const capacity = pr.capacity[k] > 1e-9 ? pr.capacity[k] : 1e-9;
	pr.workPressure[k] = (unitsServed + pr.queueUnits[k] * time0 + crisisWork) / capacity;
	pr.crisisLoad[k] = crisisWork / capacity;
}

/** Serve citizen i at provider k on CASE[SERVICE_DAY] (the other arguments in CASE too). */
function referenceServeCase(world: World, k: number, i: number, arm: number): void {
	const serviceDay = CASE[SERVICE_DAY];
	const providerLogit = CASE[PROVIDER_LOGIT];
	const rho = CASE[RHO];
	const hide = CASE[HIDE];
	const targetDays = CASE[TARGET_DAYS];
	const units = CASE[UNITS];
	const c = world.citizens;
	const pr = world.providers;
	const p = world.p;
	const rng = world.streams.events;
	const tallies = world.tallies.cells;
	const q = c.quintile[i];
	const a = c.area[i];
	const wait = serviceDay - c.arrivalDay[i];
	const within = wait <= targetDays;
	const recordedWithin = within || rng.next() < hide;
	const capability = capabilityNow(world, i);
	const logit =
		providerLogit - (p.successWait * wait) / DAYS_PER_MONTH + p.successCapability * (capability - 0.5);
	resultLogits?.push(logit);
	const resolved = belowLogistic(rng.next(), logit);
	// Payment by results pays for results as recorded: some unresolved cases are claimed.
	const reportedResult = resolved || (hide > 0 && rng.next() < hide);

	world.cellWaiting[a * QUINTILES + q]--;
	pr.monthServed[k]++;
	if (within) pr.monthTrueWithin[k]++;
	if (recordedWithin) pr.monthRecordedWithin[k]++;
	if (resolved) pr.monthResolved[k]++;
	if (reportedResult) recordResults(world.areaFlows, a, k, 1);
	if (arm !== NO_TRIAL) {
		pr.trialServed[2 * k + arm]++;
		pr.trialUnits[2 * k + arm] += units;
		if (resolved) pr.trialResolved[2 * k + arm]++;
	}
	tallyCitizen(tallies, T.served, q, a, 1);
	if (within) tallyCitizen(tallies, T.trueWithin, q, a, 1);
	if (recordedWithin) tallyCitizen(tallies, T.recordedWithin, q, a, 1);
	if (wait > c.allowance[i]) tallyCitizen(tallies, T.clinicallyLate, q, a, 1);
	tallyCitizen(tallies, T.waitDaysSum, q, a, wait);
	countWait(world.waitGroups, q, a, wait);
	if (world.recordHistogram && world.waitHistogram) {
		const h = world.waitHistogram;
		h.trueWaits[Math.min(HISTOGRAM_BINS - 1, Math.floor(wait / HISTOGRAM_BIN_DAYS))]++;
		const recordedWait = recordedWithin && !within ? targetDays : wait;
		h.recordedWaits[Math.min(HISTOGRAM_BINS - 1, Math.floor(recordedWait / HISTOGRAM_BIN_DAYS))]++;
	}

	// One trust update for the whole experience: the wait, then the result.
	let experience = within ? 0 : -0.6;
	if (resolved) {
		tallyCitizen(tallies, T.resolved, q, a, 1);
		c.state[i] = WELL;
		c.flags[i] = 0;
		world.cellWell[a * QUINTILES + q]++;
		setFragility(world, i, p.relapseTransactional * (1 - rho));
		setCapability(world, i, capability + p.capabilityGain * rho * (1 - capability));
		experience += 1;
	} else {
		c.state[i] = AT_RISK;
		c.flags[i] = F_UNRESOLVED;
		experience -= 0.4;
	}
	adjustTrust(world, i, experience * p.trustExperience);
	c.lastContactMonth[i] = world.month;
}

/** Serve this month with the kernel in `world` and with the reference in a copy; the columns that differ. */
const compareMonth = (world: World): string[] => compareSteps(world, stepService, referenceStepService);

/** What the service months compared did, summed over providers: so a test knows each branch ran. */
interface Exercised {
	served: number;
	parked: number;
	hidden: number;
	resolved: number;
	unresolved: number;
	trialServed: number;
	carried: number;
}

function exercised(): Exercised {
	return { served: 0, parked: 0, hidden: 0, resolved: 0, unresolved: 0, trialServed: 0, carried: 0 };
}

function count(world: World, into: Exercised): void {
	const pr = world.providers;
	for (let k = 0; k < pr.n; k++) {
		into.served += pr.monthServed[k];
		into.parked += pr.monthParked[k];
		into.hidden += pr.monthRecordedWithin[k] - pr.monthTrueWithin[k];
		into.resolved += pr.monthResolved[k];
		into.unresolved += pr.monthServed[k] - pr.monthResolved[k];
		into.trialServed += pr.trialServed[2 * k] + pr.trialServed[2 * k + 1];
		if (pr.carryUnits[k] > 0) into.carried++;
	}
}

/** Compare `months` service steps of a world run with these options, running the whole model in between. */
function compareRun(options: TestWorldOptions, warmUp: number, months: number, prepare: (world: World) => void = () => {}): Exercised {
	const world = testWorld(options);
	const seen = exercised();
	for (let m = 0; m < warmUp + months; m++) {
		stepsBefore(world, stepService);
		if (m < warmUp) stepService(world);
		else {
			prepare(world);
			expect(compareMonth(world), `month ${world.month}`).toEqual([]);
			count(world, seen);
		}
		stepsAfter(world, stepService);
	}
	return seen;
}

describe('the compiled service step gives the JavaScript step\'s numbers exactly', () => {
	test.each([
		['default levers', 1, {}],
		['targets, league tables, competition, outsourcing, efficiency', 2, { targets: 1, inspection: 1, competition: 1, choice: 1, outsourcing: 0.8, efficiency: 0.6 }],
		['relational practice, integration, experimentation, peer learning', 3, { relational: 1, integration: 1, experimentation: 1, peerLearning: 1, autonomy: 1 }]
	])('a running world, month after month: %s', (_, seed, levers) => {
		const seen = compareRun({ seed, levers }, 6, 12);
		expect(seen.served).toBeGreaterThan(500);
		expect(seen.resolved).toBeGreaterThan(0);
		expect(seen.unresolved).toBeGreaterThan(0);
		expect(seen.carried).toBeGreaterThan(0);
		if (seed === 2) {
			expect(seen.parked).toBeGreaterThan(0);
			expect(seen.hidden).toBeGreaterThan(0);
		}
	});

	test('trials under way at every provider: both arms served, counted and timed', () => {
		const seen = compareRun({ seed: 7, levers: { experimentation: 1, relational: 0.5 } }, 4, 6, (world) => {
			const pr = world.providers;
			for (let k = 0; k < pr.n; k++) {
				pr.trialMonths[k] = 2;
				pr.trialPractice[k] = (pr.practice[k] + 0.3 + 0.1 * k) % 1;
				pr.trialOffset[k] = k % 2 === 0 ? 0.4 : -0.3;
			}
		});
		expect(seen.trialServed).toBeGreaterThan(100);
	});

	test('a detail run\'s wait histograms, and areas warmed before their providers', () => {
		const world = testWorld({ seed: 8, detail: true, levers: { targets: 1, inspection: 1 } });
		for (let m = 0; m < 8; m++) {
			stepsBefore(world, stepService);
			world.recordHistogram = m >= 4;
			world.warmServiceAreas = m % 2 === 0;
			expect(compareMonth(world), `month ${world.month}`).toEqual([]);
			stepsAfter(world, stepService);
		}
		const h = world.waitHistogram!;
		expect(h.trueWaits.reduce((s, x) => s + x, 0)).toBeGreaterThan(100);
		// Some breaches were recorded as within target: the two histograms differ.
		expect(Array.from(h.recordedWaits)).not.toEqual(Array.from(h.trueWaits));
	});

	test('memories older than the decay tables, and months stored ahead of the world\'s', () => {
		const world = testWorld({ seed: 4 });
		for (let m = 0; m < 5; m++) {
			stepsBefore(world, stepService);
			stepService(world);
			stepsAfter(world, stepService);
		}
		stepsBefore(world, stepService);
		const c = world.citizens;
		const rng = createStream(4, 0, 'spec');
		const kinds = new Set<string>();
		const gapOf = () => {
			const u = rng.next();
			const gap = u < 0.15 ? MEMORY_TABLE_MONTHS + 7 : u < 0.3 ? MEMORY_TABLE_MONTHS : u < 0.45 ? MEMORY_TABLE_MONTHS - 1 : u < 0.7 ? 3 : u < 0.8 ? -5 : 0;
			kinds.add(gap >= MEMORY_TABLE_MONTHS ? 'long ago' : gap < 0 ? 'ahead' : gap > 0 ? 'recent' : 'now');
			return gap;
		};
		// Every waiting citizen's memories set as if the world's month were 1,000 (the waiting list keeps its days).
		const month = 1000;
		for (let i = 0; i < c.n; i++) {
			if (c.state[i] !== WAITING) continue;
			c.trustMonth[i] = month - gapOf();
			c.capabilityMonth[i] = month - gapOf();
		}
		world.month = month;
		expect([...kinds].sort()).toEqual(['ahead', 'long ago', 'now', 'recent']);
		expect(compareMonth(world)).toEqual([]);
		expect(Array.from(c.trust).some(Number.isNaN)).toBe(true);
	});

	test('draws exactly on every threshold, and a hair below it: the comparisons agree to the last bit', () => {
		// Parking, deferring a breach, hiding a breach or a failure, a trial's arm and the result
		// are each decided against exactly one half here: every provider's logit is 0, whose
		// logistic is one half, and parking, deferral and hiding are one half each.
		const assumptions = {
			creamBase: 0.5, creamPressure: 0, outsourcedCream: 1, missionRestraint: 0,
			breachDeferral: 0.5, inspectionStakes: 0,
			successBase: 0, successSkill: 0, successMotivation: 0, successBurnout: 0, successFit: 0,
			successRelational: 0, successComplex: 0, successIntegration: 0, successWait: 0, successCapability: 0
		};
		const world = testWorld({ seed: 9, assumptions, levers: { competition: 1, targets: 1, experimentation: 1 } });
		const halves = [0.5, doubleBelow(0.5), LOGISTIC_LOWER[1024], LOGISTIC_UPPER[1025]];
		const seen = exercised();
		let placed = 0;
		for (let m = 0; m < 10; m++) {
			stepsBefore(world, stepService);
			const pr = world.providers;
			for (let k = 0; k < pr.n; k++) {
				pr.management[k] = 0;
				pr.culture[k] = 0.5;
				pr.trialMonths[k] = 1;
			}
			world.workers.gaming.fill(0);
			// The next block of the event stream: the first two of `halves` in turn, the bounds of the
			// logistic's table around one half now and then.
			const events = world.streams.events.columns;
			for (let j = 0; j < events.block.length; j++) events.block[j] = halves[j % 7 === 6 ? 2 + ((j >> 3) & 1) : (j * 5 + m) % 3 === 0 ? 0 : 1];
			events.state[4] = 0;
			placed += events.block.length;
			expect(compareMonth(world), `month ${world.month}`).toEqual([]);
			count(world, seen);
			// The block was used up, so every draw of it met a threshold.
			expect(events.state[4]).toBeGreaterThan(0);
			stepsAfter(world, stepService);
		}
		expect(placed).toBe(2560);
		// Draws on one half pass no threshold, those a hair below pass every one: both happened.
		expect(seen.parked).toBeGreaterThan(0);
		expect(seen.parked).toBeLessThan(seen.served);
		expect(seen.resolved).toBeGreaterThan(0);
		expect(seen.unresolved).toBeGreaterThan(0);
		expect(seen.hidden).toBeGreaterThan(0);
		expect(seen.trialServed).toBe(seen.served);
	});

	test('waits landing exactly on the target and on each citizen\'s allowance', () => {
		// Lists emptied before each month: a case arriving to an idle team is seen the day it arrives,
		// a wait of exactly 0 days, which a target and allowances of 0 days then meet exactly.
		const world = testWorld({ seed: 10, assumptions: { breachDeferral: 0.5, inspectionStakes: 0, targetDays: 0 }, levers: { targets: 1 } });
		let exact = 0;
		let late = 0;
		for (let m = 0; m < 6; m++) {
			clearQueues(world);
			stepsBefore(world, stepService);
			// After booking, which sets each case's allowance.
			world.citizens.allowance.fill(0);
			expect(compareMonth(world), `month ${world.month}`).toEqual([]);
			const pr = world.providers;
			for (let k = 0; k < pr.n; k++) {
				exact += pr.monthTrueWithin[k];
				late += pr.monthServed[k] - pr.monthTrueWithin[k];
			}
			stepsAfter(world, stepService);
		}
		// Within a target of 0 days means a wait of exactly 0: both kinds of case were served.
		expect(exact).toBeGreaterThan(20);
		expect(late).toBeGreaterThan(20);
	});

	test('each result drawn exactly on its case\'s logistic, or a hair below: the logits agree to the last bit', () => {
		// No parking, deferral, hiding or trial, and every wait within the target: one draw per case,
		// its result's, and cases served in an order no draw changes. A first run collects each
		// case's logit; the month is then served again with each draw placed on its logistic.
		const world = testWorld({ seed: 11, assumptions: { creamBase: 0, breachDeferral: 0, targetDays: 1e6 } });
		let placed = 0;
		let resolved = 0;
		for (let m = 0; m < 8; m++) {
			stepsBefore(world, stepService);
			world.providers.culture.fill(0);
			world.workers.gaming.fill(0);
			world.providers.trialMonths.fill(0);
			const first = cloneWorld(world);
			resultLogits = [];
			try {
				referenceStepService(first);
			} finally {
				const logits = resultLogits;
				resultLogits = undefined;
				const events = world.streams.events.columns;
				const n = Math.min(logits.length, events.block.length);
				for (let j = 0; j < n; j++) events.block[j] = j % 2 === 0 ? logistic(logits[j]) : doubleBelow(logistic(logits[j]));
				events.state[4] = events.block.length - n;
				if (n < events.block.length) events.block.copyWithin(events.block.length - n, 0, n);
				placed += n;
			}
			expect(compareMonth(world), `month ${world.month}`).toEqual([]);
			const pr = world.providers;
			for (let k = 0; k < pr.n; k++) resolved += pr.monthResolved[k];
			stepsAfter(world, stepService);
		}
		expect(placed).toBeGreaterThan(400);
		// A draw on its logistic does not resolve the case, one a hair below does.
		expect(resolved).toBeGreaterThan(0.3 * placed);
	});
});

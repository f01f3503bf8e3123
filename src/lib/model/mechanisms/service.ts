import { AT_RISK, DAYS_PER_MONTH, F_UNRESOLVED, QUINTILES, WELL } from '../constants';
import { adjustTrust, capabilityNow, setCapability, setFragility } from '../citizen-memory';
import { recordResults } from '../area-flows';
import { belowLogistic } from '../lazy-compare';
import { admitArrivals, dequeue, earliestCase, enqueue } from '../queue';
import { T, tallyCitizen } from '../tallies';
import { countWait } from '../wait-bins';
import { fit, HISTOGRAM_BIN_DAYS, HISTOGRAM_BINS, type World } from '../world';
import { resultsPressure } from './access-and-choice';
import { decideEffort } from './effort-split';
import { warmArea } from '../warm-area';

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

/**
 * Process 4 — service. Workers decide their effort and its split (effort-split.ts); each provider
 * then firefights this month's crises and works through its waiting list with the capacity left,
 * day by day (a fluid single-server queue), so each case has a true wait in days.
 * - Cases are taken in the order they are booked (clinical priority, then treat in turn), and
 *   only once they have arrived.
 * - Under target pressure, a case already past the target date is put behind those that can
 *   still meet it ("bubble" triage), each time it comes up; recording practices and gaming workers
 *   record some breaches as within target, so recorded and true waits differ case by case.
 * - Under payment by results, providers park complex cases behind easier ones, more so under
 *   financial pressure and when outsourced.
 * - A case takes its own work, longer in proportion to relational intensity; integration saves
 *   work on complex cases.
 * - Resolution depends on the provider's management, team skill, motivation and burnout; on how well practice fits the
 *   place; on relational intensity, integration, waiting and the citizen's own capability.
 *   Resolved needs relapse less the more relational the help was.
 * - During a trial (learning.ts), half the cases are served with the variant practice, and each
 *   arm's cases, results and work are counted, so the trial is judged by what it observed.
 */
export function stepService(world: World): void {
	decideEffort(world);
	const pr = world.providers;
	const areas = world.areas;
	const p = world.p;
	for (let k = 0; k < pr.n; k++) {
		// Providers are stored area by area: warm each area's citizens before its first provider.
		if (world.warmServiceAreas && (k === 0 || pr.area[k] !== pr.area[k - 1])) warmArea(world, pr.area[k]);
		const park = p.creamBase * resultsPressure(world, k);
		pr.parkRate[k] = park > 1 ? 1 : park;
		serveQueue(world, k, areas.context[pr.area[k]]);
	}
}

function serveQueue(world: World, k: number, context: number): void {
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
		serveCase(world, k, i, arm);
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
function serveCase(world: World, k: number, i: number, arm: number): void {
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

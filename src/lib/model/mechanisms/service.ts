import { AT_RISK, DAYS_PER_MONTH, F_UNRESOLVED, QUINTILES, WELL } from '../constants';
import { detExp } from '../det-math';
import { spliceArrivals, unlinkFromQueue } from '../queue';
import { T, tallyCitizen } from '../tallies';
import { fit, HISTOGRAM_BIN_DAYS, HISTOGRAM_BINS, type World } from '../world';
import { adjustTrust, setFragility } from '../citizen-memory';
import { summariseTeams } from './team-summary';

/**
 * Process 4 — service. Each provider works through its queue with the capacity its staff give,
 * after firefighting this month's crises. Cases are served one after another on the days
 * capacity allows (a fluid single-server queue), so each has a true wait in days; the access
 * target counts cases seen within T days.
 * - Under target pressure, cases already past T are put behind those that can still make it
 *   ("bubble" triage), and providers' recording practices and gaming workers record some
 *   breaches as within target: recorded and true waits differ case by case.
 * - Under competition, providers park complex cases behind easy ones (cream-skimming), more so
 *   under financial pressure and when outsourced.
 * - Resolution depends on team skill, motivation and burnout; on how well practice fits the
 *   place and, when devolved, on the place's capacity to govern; on competition for users who
 *   can choose; on relational intensity (which costs time), integration, waiting and the
 *   citizen's own capability. Resolved needs relapse less the more relational the help was.
 */
export function stepService(world: World): void {
	summariseTeams(world);
	const pr = world.providers;
	const areas = world.areas;
	const p = world.p;
	const L = world.levers;

	// Devolved places do as well as they can govern: capacity, stretched by funding shortfalls.
	const governance = world.areaScratch;
	let meanCapacity = 0;
	for (let a = 0; a < areas.n; a++) {
		governance[a] = areas.capacity[a] * Math.min(1, areas.fundingAdequacy[a]);
		meanCapacity += governance[a] / areas.n;
	}
	for (let a = 0; a < areas.n; a++) governance[a] = p.localGovernance * L.devolution * (governance[a] - meanCapacity);

	for (let k = 0; k < pr.n; k++) {
		const backlogMonths = pr.capacity[k] > 0 ? pr.queueUnits[k] / pr.capacity[k] : 2;
		const squeeze = p.targetSqueeze * L.targets + p.backlogSqueeze * Math.max(0, backlogMonths - 1);
		const lean = L.devolution * p.localDivergence * areas.leanRelational[pr.area[k]];
		const rho = L.relational + lean + pr.relationalOffset[k] - squeeze;
		pr.relational[k] = rho < 0 ? 0 : rho > 1 ? 1 : rho;
		const pressure = 1 + p.creamPressure * pr.financialPressure[k];
		const cream =
			p.creamBase * L.competition * pressure * (pr.outsourced[k] ? p.outsourcedCream : 1) *
			(1 - p.missionRestraint * L.mission);
		pr.creamRate[k] = cream > 1 ? 1 : cream;
		serveQueue(world, k, fit(pr.practice[k], areas.context[pr.area[k]]), governance[pr.area[k]]);
	}
}

function serveQueue(world: World, k: number, practiceFit: number, localGovernance: number): void {
	const c = world.citizens;
	const pr = world.providers;
	const p = world.p;
	const L = world.levers;
	const rng = world.streams.events;
	const tallies = world.tallies.cells;
	const month = world.month;
	const monthStart = month * DAYS_PER_MONTH;
	const monthEnd = monthStart + DAYS_PER_MONTH;
	const targetDays = p.targetDays;

	spliceArrivals(c, pr, k);

	const rho = pr.relational[k];
	const unitRelational = 1 + p.relationalTime * rho;
	const unitSimple = unitRelational * (1 - p.targetStreaming * Math.min(1, pr.targetPressure[k]));
	const unitComplex = p.complexUnits * unitRelational * (1 - p.integrationEfficiency * L.integration);
	const crisisWork = p.crisisUnits * world.crisesByProvider[k];
	const available = pr.capacity[k] - crisisWork;
	const daysPerUnit = available > 0 ? DAYS_PER_MONTH / available : Infinity;
	const focus = p.targetFocus * Math.min(1, pr.targetPressure[k]);
	const cream = pr.creamRate[k];
	const hide = pr.hideChance[k];
	const baseLogit =
		p.successBase +
		p.successSkill * (pr.meanSkill[k] - 0.5) +
		p.successMotivation * (pr.meanMotivation[k] - 0.5) -
		p.successBurnout * pr.burnoutShare[k] +
		p.successFit * (practiceFit - 0.5) +
		localGovernance +
		p.competitionQuality * L.competition * L.choice -
		(pr.trialMonths[k] > 0 ? p.trialFailureCost : 0);
	const simpleLogit = baseLogit + 0.5 * p.successRelational * rho;
	const complexLogit =
		baseLogit + p.successRelational * rho - p.successComplex + p.successIntegration * L.integration;

	// With no capacity left after firefighting, nothing planned is seen this month.
	let clock = available > 0 ? monthStart : monthEnd;
	let unitsServed = 0;
	// Deferred cases (parked or past the target) wait in their own list behind the rest.
	let deferredHead = -1;
	let deferredTail = -1;
	let i = pr.queueHead[k];
	while (i !== -1 && clock < monthEnd) {
		const nextInQueue = c.next[i];
		const arrival = c.arrivalDay[i];
		const start = clock > arrival ? clock : arrival;
		if (start >= monthEnd) break;
		const isComplex = c.complex[i] === 1;
		let defer = false;
		if (isComplex) {
			pr.monthComplexConsidered[k]++;
			tallyCitizen(tallies, T.complexConsidered, c.quintile[i], c.area[i], 1);
			if (cream > 0 && rng.next() < cream) {
				defer = true;
				pr.monthParked[k]++;
				tallyCitizen(tallies, T.parked, c.quintile[i], c.area[i], 1);
			}
		}
		if (!defer && focus > 0 && start - arrival > targetDays && rng.next() < focus) defer = true;
		if (defer) {
			unlinkFromQueue(c, pr, k, i);
			// Keep the counts: the case is still waiting for this provider.
			pr.queueLength[k]++;
			if (isComplex) pr.queueComplex[k]++;
			if (deferredTail === -1) deferredHead = i;
			else c.next[deferredTail] = i;
			c.prev[i] = deferredTail;
			deferredTail = i;
		} else {
			const units = isComplex ? unitComplex : unitSimple;
			unlinkFromQueue(c, pr, k, i);
			serveCase(world, k, i, start, isComplex ? complexLogit : simpleLogit, rho, hide, targetDays);
			unitsServed += units;
			clock = start + units * daysPerUnit;
		}
		i = nextInQueue;
	}
	// Deferred cases are seen only if capacity remains; then they rejoin the queue at its end.
	let d = deferredHead;
	while (d !== -1 && clock < monthEnd) {
		const nextDeferred = c.next[d];
		const arrival = c.arrivalDay[d];
		const start = clock > arrival ? clock : arrival;
		if (start >= monthEnd) break;
		const isComplex = c.complex[d] === 1;
		const units = isComplex ? unitComplex : unitSimple;
		pr.queueLength[k]--;
		if (isComplex) pr.queueComplex[k]--;
		c.next[d] = -1;
		c.prev[d] = -1;
		serveCase(world, k, d, start, isComplex ? complexLogit : simpleLogit, rho, hide, targetDays);
		unitsServed += units;
		clock = start + units * daysPerUnit;
		d = nextDeferred;
	}
	if (d !== -1) {
		c.prev[d] = pr.queueTail[k];
		if (pr.queueTail[k] === -1) pr.queueHead[k] = d;
		else c.next[pr.queueTail[k]] = d;
		pr.queueTail[k] = deferredTail;
	}

	const waitingComplex = pr.queueComplex[k];
	const queueUnits = (pr.queueLength[k] - waitingComplex) * unitSimple + waitingComplex * unitComplex;
	pr.queueUnits[k] = queueUnits;
	const capacity = pr.capacity[k] > 1e-9 ? pr.capacity[k] : 1e-9;
	pr.workPressure[k] = (unitsServed + queueUnits + crisisWork) / capacity;
	pr.crisisLoad[k] = crisisWork / capacity;
}

function serveCase(
	world: World,
	k: number,
	i: number,
	serviceDay: number,
	providerLogit: number,
	rho: number,
	hide: number,
	targetDays: number
): void {
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
	const logit =
		providerLogit -
		(p.successWait * wait) / DAYS_PER_MONTH +
		p.successCapability * (c.capability[i] - 0.5);
	const resolved = rng.next() < 1 / (1 + detExp(-logit));

	world.cellWaiting[a * QUINTILES + q]--;
	pr.monthServed[k]++;
	if (within) pr.monthTrueWithin[k]++;
	if (recordedWithin) pr.monthRecordedWithin[k]++;
	if (resolved) pr.monthResolved[k]++;
	world.monthFlows[a * pr.n + k] += 1;
	tallyCitizen(tallies, T.served, q, a, 1);
	if (within) tallyCitizen(tallies, T.trueWithin, q, a, 1);
	if (recordedWithin) tallyCitizen(tallies, T.recordedWithin, q, a, 1);
	tallyCitizen(tallies, T.waitDaysSum, q, a, wait);
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
		setFragility(world, i, p.relapseTransactional * (1 - rho));
		const cap = c.capability[i];
		c.capability[i] = cap + p.capabilityGain * rho * (1 - cap);
		experience += 1;
	} else {
		c.state[i] = AT_RISK;
		c.flags[i] = F_UNRESOLVED;
		experience -= 0.4;
	}
	adjustTrust(world, i, experience * p.trustExperience);
	c.lastContactMonth[i] = world.month;
}

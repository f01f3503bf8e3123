// The service step's loop over every provider's cases (AssemblyScript, compiled by
// scripts/build-kernels.ts; ../mechanisms/service.ts says what it models and decides the month's
// effort and parking; ../kernel-tables.ts lays out what this reads). The arithmetic follows the
// TypeScript it replaced (kept as the reference in service-kernel.spec.ts) operation for
// operation, single-precision columns widened on reading and rounded on writing as typed arrays
// do, and it draws from the world's event stream in the same order, so the numbers are the same.

import { AT_RISK, DAYS_PER_MONTH, F_UNRESOLVED, FINE_DAYS, GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, QUINTILES, T_CLINICALLY_LATE, T_COMPLEX_CONSIDERED, T_PARKED, T_RECORDED_WITHIN, T_RESOLVED, T_SERVED, T_TRUE_WITHIN, T_WAIT_DAYS_SUM, WAIT_BINS, WAIT_BINS_CAP_DAYS, WEEK, WELL } from './constants';
import { adjustTrust, capabilityNow } from './citizen-memory';
import { belowLogistic } from './lazy-compare';
import { admitArrivals, dequeue, earliestCase, enqueue } from './queue';
import {
	addF64,
	allowance,
	area,
	arrivalDay,
	burnoutShare,
	capability,
	capabilityMonth,
	capacity,
	carryUnits,
	cellOf,
	cellWaiting,
	cellWell,
	complex,
	context,
	crisesByProvider,
	crisisLoad,
	draw,
	f32At,
	f64At,
	flags,
	fragility,
	fragilityMonth,
	hideChance,
	i16At,
	i32At,
	lastContactMonth,
	management,
	meanMotivation,
	meanSkill,
	month,
	monthComplexConsidered,
	monthParked,
	monthRecordedWithin,
	monthResolved,
	monthServed,
	monthTrueWithin,
	next,
	parkRate,
	practice,
	prev,
	providerArea,
	quintile,
	queueUnits,
	readWorld,
	relational,
	relationalOffset,
	scalar,
	setF32,
	setF64,
	setI16,
	setI32,
	setU8,
	state,
	tally,
	targetPressure,
	trialMonths,
	trialOffset,
	trialPractice,
	trialResolved,
	trialServed,
	trialUnits,
	caseUnits,
	u16At,
	u8At,
	waitGroups,
	workPressure
} from './world';

// What the loop hands back to ../mechanisms/service.ts: money following results (kept in sparse
// lists that grow), the detail run's wait histogram, and warming a large area's columns.
@external("env", "serviceResult")
declare function serviceResult(area: i32, provider: i32, results: i32): void;
@external("env", "serviceHistogram")
declare function serviceHistogram(wait: f64, recordedWait: f64): void;
@external("env", "serviceWarmArea")
declare function serviceWarmArea(area: i32): void;

// The month's service scalars (../kernel-tables.ts's SERVICE, read in that order after readWorld's).
let monthStart: f64 = 0;
let targetDays: f64 = 0;
let integrationSaving: f64 = 0;
let crisisUnits: f64 = 0;
let breachDeferral: f64 = 0;
let successBase: f64 = 0;
let successSkill: f64 = 0;
let successMotivation: f64 = 0;
let successBurnout: f64 = 0;
let successFit: f64 = 0;
let successRelational: f64 = 0;
let successComplex: f64 = 0;
let integrationBonus: f64 = 0;
let relationalTime: f64 = 0;
let successWait: f64 = 0;
let successCapability: f64 = 0;
let trustExperience: f64 = 0;
let relapseTransactional: f64 = 0;
let capabilityGain: f64 = 0;
let recordHistogram: bool = false;
let warmAreas: bool = false;

function readServiceScalars(): void {
	monthStart = scalar();
	targetDays = scalar();
	integrationSaving = scalar();
	crisisUnits = scalar();
	breachDeferral = scalar();
	successBase = scalar();
	successSkill = scalar();
	successMotivation = scalar();
	successBurnout = scalar();
	successFit = scalar();
	successRelational = scalar();
	successComplex = scalar();
	integrationBonus = scalar();
	relationalTime = scalar();
	successWait = scalar();
	successCapability = scalar();
	trustExperience = scalar();
	relapseTransactional = scalar();
	capabilityGain = scalar();
	recordHistogram = scalar() != 0;
	warmAreas = scalar() != 0;
}

/**
 * Results reported this month at the provider being served by residents of its own area: handed
 * back once, when its list is done (each other area's at once, as they come). A count of whole
 * results, so adding it in one gives the sum of adding each: the same number.
 */
let ownAreaResults: i32 = 0;

/** No trial under way; a trial's arms are 0 (current practice) and 1 (the variant). */
const NO_TRIAL: i32 = -1;

/**
 * Serve every provider's waiting list this month (serveQueue of the TypeScript), in provider
 * order; `columns` and `scalars` are the world's tables (../kernel-tables.ts).
 */
export function serveProviders(providers: i32, columns: usize, scalars: usize): void {
	readWorld(columns, scalars);
	readServiceScalars();
	for (let k: i32 = 0; k < providers; k++) {
		const a = i16At(providerArea, k);
		// Providers are stored area by area: warm each area's citizens before its first provider.
		if (warmAreas && (k == 0 || a != i16At(providerArea, k - 1))) serviceWarmArea(a);
		ownAreaResults = 0;
		serveQueue(k, f64At(context, a));
		if (ownAreaResults > 0) serviceResult(a, k, ownAreaResults);
	}
}

function serveQueue(k: i32, areaContext: f64): void {
	const monthEnd = monthStart + <f64>DAYS_PER_MONTH;
	const rho = f64At(relational, k);
	const crisisWork = crisisUnits * f64At(crisesByProvider, k);
	const available = f64At(capacity, k) - crisisWork;
	const daysPerUnit = available > 0 ? <f64>DAYS_PER_MONTH / available : Infinity;
	const pressure = f64At(targetPressure, k) < 1 ? f64At(targetPressure, k) : 1.0;
	const deferBreach = breachDeferral * pressure;
	const park = f64At(parkRate, k);
	const hide = f64At(hideChance, k);
	const practiceFit = fit(f64At(practice, k), areaContext);
	const teamLogit =
		successBase +
		f64At(management, k) +
		successSkill * (f64At(meanSkill, k) - 0.5) +
		successMotivation * (f64At(meanMotivation, k) - 0.5) -
		successBurnout * f64At(burnoutShare, k);

	// Each arm's practice: [0] current, [1] the variant under trial (if any).
	const inTrial = i16At(trialMonths, k) > 0;
	const rhoArm0 = rho;
	let rhoArm1 = rho;
	let fitArm1 = practiceFit;
	if (inTrial) {
		const r = rho - f64At(relationalOffset, k) + f64At(trialOffset, k);
		rhoArm1 = r < 0 ? 0 : r > 1 ? 1 : r;
		fitArm1 = fit(f64At(trialPractice, k), areaContext);
	}
	const simpleLogit0 = teamLogit + successFit * (practiceFit - 0.5) + 0.5 * successRelational * rhoArm0;
	const complexLogit0 = teamLogit + successFit * (practiceFit - 0.5) + successRelational * rhoArm0 - successComplex + integrationBonus;
	const simpleLogit1 = teamLogit + successFit * (fitArm1 - 0.5) + 0.5 * successRelational * rhoArm1;
	const complexLogit1 = teamLogit + successFit * (fitArm1 - 0.5) + successRelational * rhoArm1 - successComplex + integrationBonus;
	const time0 = 1 + relationalTime * rhoArm0;
	const time1 = 1 + relationalTime * rhoArm1;

	// With no capacity left after firefighting, nothing planned is seen this month. The server
	// first finishes the case it was serving at the end of last month.
	let clock = available > 0 ? monthStart + f64At(carryUnits, k) * daysPerUnit : monthEnd;
	let day: i32 = 0;
	let unitsServed: f64 = 0;
	// Deferred cases (parked or past the target) wait in their own list, served only when no one else is.
	let deferredHead: i32 = -1;
	let deferredTail: i32 = -1;
	while (clock < monthEnd) {
		while (day < DAYS_PER_MONTH && monthStart + <f64>day <= clock) admitArrivals(k, day++);
		let i = earliestCase(k);
		if (i == -1) {
			if (deferredHead != -1) {
				i = deferredHead;
				deferredHead = i32At(next, i);
				if (deferredHead == -1) deferredTail = -1;
				setI32(next, i, -1);
				setI32(prev, i, -1);
			} else if (day < DAYS_PER_MONTH) {
				clock = monthStart + <f64>day;
				continue;
			} else break;
		} else {
			dequeue(k, i);
			let defer = false;
			if (u8At(complex, i) == 1) {
				addF64(monthComplexConsidered, k, 1);
				tally(cellOf(i), T_COMPLEX_CONSIDERED, 1);
				if (park > 0 && draw() < park) {
					defer = true;
					addF64(monthParked, k, 1);
					tally(cellOf(i), T_PARKED, 1);
				}
			}
			if (!defer && deferBreach > 0 && clock - <f64>i32At(arrivalDay, i) > targetDays && draw() < deferBreach) defer = true;
			if (defer) {
				setI32(next, i, -1);
				setI32(prev, i, deferredTail);
				if (deferredTail == -1) deferredHead = i;
				else setI32(next, deferredTail, i);
				deferredTail = i;
				continue;
			}
		}
		const arm = inTrial ? (draw() < 0.5 ? 1 : 0) : NO_TRIAL;
		const isComplex = u8At(complex, i) == 1;
		const variant = arm == 1;
		const units = f32At(caseUnits, i) * (variant ? time1 : time0) * (isComplex ? integrationSaving : 1.0);
		const logit = isComplex ? (variant ? complexLogit1 : complexLogit0) : variant ? simpleLogit1 : simpleLogit0;
		serveCase(k, i, arm, clock, logit, variant ? rhoArm1 : rhoArm0, hide, units);
		unitsServed += units;
		clock += units * daysPerUnit;
	}
	// Work past the month's end is done next month, so a small team gains no free capacity from
	// its last case; with no capacity this month, what was carried waits.
	if (available > 0) setF64(carryUnits, k, clock > monthEnd ? (clock - monthEnd) / daysPerUnit : 0);
	// Arrivals of days not reached join the list; deferred cases go back under their booked day.
	while (day < DAYS_PER_MONTH) admitArrivals(k, day++);
	for (let d = deferredHead; d != -1; ) {
		const after = i32At(next, d);
		enqueue(k, d);
		d = after;
	}

	const cap = f64At(capacity, k) > 1e-9 ? f64At(capacity, k) : 1e-9;
	setF64(workPressure, k, (unitsServed + f64At(queueUnits, k) * time0 + crisisWork) / cap);
	setF64(crisisLoad, k, crisisWork / cap);
}

/** Serve citizen i at provider k on `serviceDay`. */
function serveCase(k: i32, i: i32, arm: i32, serviceDay: f64, providerLogit: f64, rho: f64, hide: f64, units: f64): void {
	const q = u8At(quintile, i);
	const a = u16At(area, i);
	const cell = a * QUINTILES + q;
	const wait = serviceDay - <f64>i32At(arrivalDay, i);
	const within = wait <= targetDays;
	const recordedWithin = within || draw() < hide;
	const capabilityBefore = capabilityNow(i);
	const logit = providerLogit - (successWait * wait) / <f64>DAYS_PER_MONTH + successCapability * (capabilityBefore - 0.5);
	const resolved = belowLogistic(draw(), logit);
	// Payment by results pays for results as recorded: some unresolved cases are claimed.
	const reportedResult = resolved || (hide > 0 && draw() < hide);

	addF64(cellWaiting, cell, -1);
	addF64(monthServed, k, 1);
	if (within) addF64(monthTrueWithin, k, 1);
	if (recordedWithin) addF64(monthRecordedWithin, k, 1);
	if (resolved) addF64(monthResolved, k, 1);
	if (reportedResult) {
		if (a == i16At(providerArea, k)) ownAreaResults++;
		else serviceResult(a, k, 1);
	}
	if (arm != NO_TRIAL) {
		addF64(trialServed, 2 * k + arm, 1);
		addF64(trialUnits, 2 * k + arm, units);
		if (resolved) addF64(trialResolved, 2 * k + arm, 1);
	}
	tally(cell, T_SERVED, 1);
	if (within) tally(cell, T_TRUE_WITHIN, 1);
	if (recordedWithin) tally(cell, T_RECORDED_WITHIN, 1);
	if (wait > f32At(allowance, i)) tally(cell, T_CLINICALLY_LATE, 1);
	tally(cell, T_WAIT_DAYS_SUM, wait);
	countWait(q, a, wait);
	if (recordHistogram) serviceHistogram(wait, recordedWithin && !within ? targetDays : wait);

	// One trust update for the whole experience: the wait, then the result.
	let experience: f64 = within ? 0 : -0.6;
	if (resolved) {
		tally(cell, T_RESOLVED, 1);
		setU8(state, i, WELL);
		setU8(flags, i, 0);
		addF64(cellWell, cell, 1);
		// setFragility and setCapability (citizen-memory.ts).
		const f = relapseTransactional * (1 - rho);
		setF32(fragility, i, f > 0 ? f : 0);
		setI16(fragilityMonth, i, month);
		const c = capabilityBefore + capabilityGain * rho * (1 - capabilityBefore);
		setF32(capability, i, c < 0 ? 0 : c > 1 ? 1 : c);
		setI16(capabilityMonth, i, month);
		experience += 1;
	} else {
		setU8(state, i, AT_RISK);
		setU8(flags, i, F_UNRESOLVED);
		experience -= 0.4;
	}
	adjustTrust(i, cell, experience * trustExperience);
	setI16(lastContactMonth, i, month);
}

/** countWait and waitBin (wait-bins.ts): a wait of a citizen of quintile q in area a, in its groups' bins. */
function countWait(q: i32, a: i32, wait: f64): void {
	// `wait | 0` in JavaScript; the waits here are small and never NaN, where the two would differ.
	const bin =
		wait < <f64>FINE_DAYS ? <i32>wait : wait >= WAIT_BINS_CAP_DAYS ? WAIT_BINS - 1 : FINE_DAYS + <i32>((wait - <f64>FINE_DAYS) / <f64>WEEK);
	addF64(waitGroups, bin, 1);
	addF64(waitGroups, (GROUP_FIRST_QUINTILE + q) * WAIT_BINS + bin, 1);
	addF64(waitGroups, (GROUP_FIRST_AREA + a) * WAIT_BINS + bin, 1);
}

/** fit and circularDelta (world.ts): 1 when the practice matches the context, 0 when opposite. */
@inline
function fit(practiceAt: f64, areaContext: f64): f64 {
	let d = areaContext - practiceAt;
	d -= Math.floor(d + 0.5);
	return 1 - 2 * Math.abs(d);
}

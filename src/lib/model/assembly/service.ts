// The service step's loop over every provider's cases (AssemblyScript, compiled by
// scripts/build-kernels.ts; ../mechanisms/service.ts says what it models, decides the month's
// effort and parking and lays out what this reads: service-layout.ts). The arithmetic follows the
// TypeScript it replaced (kept as the reference in service-kernel.spec.ts) operation for
// operation, single-precision columns widened on reading and rounded on writing as typed arrays
// do, and it draws from the world's event stream in the same order, so the numbers are the same.

import {
	AT_RISK,
	DAYS_PER_MONTH,
	F_UNRESOLVED,
	FINE_DAYS,
	GROUP_FIRST_AREA,
	GROUP_FIRST_QUINTILE,
	HALF,
	MEMORY_TABLE_MONTHS,
	QUEUE_DAYS,
	QUINTILES,
	STEPS_PER_UNIT,
	T_CLINICALLY_LATE,
	T_COMPLEX_CONSIDERED,
	T_PARKED,
	T_RECORDED_WITHIN,
	T_RESOLVED,
	T_SERVED,
	T_TRUE_WITHIN,
	T_WAIT_DAYS_SUM,
	TALLY_KEYS,
	WAIT_BINS,
	WAIT_BINS_CAP_DAYS,
	WEEK,
	WELL
} from './constants';
import { nextDraw } from './rng';

// What the loop hands back to ../mechanisms/service.ts: money following results (kept in sparse
// lists that grow), the detail run's wait histogram, warming a large area's columns, the rare
// comparisons the bounds tables leave open, and memories older than the decay tables.
@external("env", "serviceResult")
declare function serviceResult(area: i32, provider: i32): void;
@external("env", "serviceHistogram")
declare function serviceHistogram(wait: f64, recordedWait: f64): void;
@external("env", "serviceWarmArea")
declare function serviceWarmArea(area: i32): void;
@external("env", "belowLogisticExactly")
declare function belowLogisticExactly(u: f64, x: f64): bool;
@external("env", "trustLongAgo")
declare function trustLongAgo(i: i32): f64;
@external("env", "capabilityLongAgo")
declare function capabilityLongAgo(i: i32): f64;

// The columns' byte offsets, read from the world's table (service-layout.ts's SERVICE_COLUMNS, in
// that order) at the start of each call.
// Citizens'.
let next: usize = 0;
let prev: usize = 0;
let dueDay: usize = 0;
let caseUnits: usize = 0;
let complex: usize = 0;
let arrivalDay: usize = 0;
let quintile: usize = 0;
let area: usize = 0;
let allowance: usize = 0;
let capability: usize = 0;
let capabilityMonth: usize = 0;
let baseCapability: usize = 0;
let trust: usize = 0;
let trustMonth: usize = 0;
let fragilityMonth: usize = 0;
let state: usize = 0;
let flags: usize = 0;
let lastContactMonth: usize = 0;
// Providers'.
let providerArea: usize = 0;
let capacity: usize = 0;
let targetPressure: usize = 0;
let parkRate: usize = 0;
let hideChance: usize = 0;
let practice: usize = 0;
let management: usize = 0;
let meanSkill: usize = 0;
let meanMotivation: usize = 0;
let burnoutShare: usize = 0;
let trialMonths: usize = 0;
let relational: usize = 0;
let relationalOffset: usize = 0;
let trialOffset: usize = 0;
let trialPractice: usize = 0;
let carryUnits: usize = 0;
let ringHead: usize = 0;
let ringTail: usize = 0;
let earliestDue: usize = 0;
let latestDue: usize = 0;
let queueLength: usize = 0;
let queueComplex: usize = 0;
let queueUnits: usize = 0;
let bucketHead: usize = 0;
let bucketTail: usize = 0;
let monthComplexConsidered: usize = 0;
let monthParked: usize = 0;
let monthServed: usize = 0;
let monthTrueWithin: usize = 0;
let monthRecordedWithin: usize = 0;
let monthResolved: usize = 0;
let trialServed: usize = 0;
let trialUnits: usize = 0;
let trialResolved: usize = 0;
let workPressure: usize = 0;
let crisisLoad: usize = 0;
// Areas' and the world's.
let context: usize = 0;
let crisesByProvider: usize = 0;
let cellWaiting: usize = 0;
let cellWell: usize = 0;
let cellTrust: usize = 0;
let tallies: usize = 0;
let waitGroups: usize = 0;
let fragility: usize = 0;
let trustKeep: usize = 0;
let capabilityKeep: usize = 0;
let logisticLower: usize = 0;
let logisticUpper: usize = 0;
let eventsState: usize = 0;
let eventsBlock: usize = 0;

// The month's scalars, read from the world's scalar table (SERVICE_SCALARS, in that order).
let month: i32 = 0;
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
let trustBaseline: f64 = 0;
let recordHistogram: bool = false;
let warmAreas: bool = false;

let cursor: usize = 0;
@inline
function column(): usize {
	const at = <usize>load<i32>(cursor);
	cursor += 4;
	return at;
}
@inline
function scalar(): f64 {
	const value = load<f64>(cursor);
	cursor += 8;
	return value;
}

function readTables(columns: usize, scalars: usize): void {
	cursor = columns;
	next = column();
	prev = column();
	dueDay = column();
	caseUnits = column();
	complex = column();
	arrivalDay = column();
	quintile = column();
	area = column();
	allowance = column();
	capability = column();
	capabilityMonth = column();
	baseCapability = column();
	trust = column();
	trustMonth = column();
	fragilityMonth = column();
	state = column();
	flags = column();
	lastContactMonth = column();
	providerArea = column();
	capacity = column();
	targetPressure = column();
	parkRate = column();
	hideChance = column();
	practice = column();
	management = column();
	meanSkill = column();
	meanMotivation = column();
	burnoutShare = column();
	trialMonths = column();
	relational = column();
	relationalOffset = column();
	trialOffset = column();
	trialPractice = column();
	carryUnits = column();
	ringHead = column();
	ringTail = column();
	earliestDue = column();
	latestDue = column();
	queueLength = column();
	queueComplex = column();
	queueUnits = column();
	bucketHead = column();
	bucketTail = column();
	monthComplexConsidered = column();
	monthParked = column();
	monthServed = column();
	monthTrueWithin = column();
	monthRecordedWithin = column();
	monthResolved = column();
	trialServed = column();
	trialUnits = column();
	trialResolved = column();
	workPressure = column();
	crisisLoad = column();
	context = column();
	crisesByProvider = column();
	cellWaiting = column();
	cellWell = column();
	cellTrust = column();
	tallies = column();
	waitGroups = column();
	fragility = column();
	trustKeep = column();
	capabilityKeep = column();
	logisticLower = column();
	logisticUpper = column();
	eventsState = column();
	eventsBlock = column();

	cursor = scalars;
	month = <i32>scalar();
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
	trustBaseline = scalar();
	recordHistogram = scalar() != 0;
	warmAreas = scalar() != 0;
}

// Typed loads and stores of column elements.
@inline function f64At(column: usize, j: i32): f64 { return load<f64>(column + (<usize>j << 3)); }
@inline function setF64(column: usize, j: i32, value: f64): void { store<f64>(column + (<usize>j << 3), value); }
@inline function addF64(column: usize, j: i32, value: f64): void { const at = column + (<usize>j << 3); store<f64>(at, load<f64>(at) + value); }
@inline function f32At(column: usize, j: i32): f64 { return <f64>load<f32>(column + (<usize>j << 2)); }
@inline function setF32(column: usize, j: i32, value: f64): void { store<f32>(column + (<usize>j << 2), <f32>value); }
@inline function i32At(column: usize, j: i32): i32 { return load<i32>(column + (<usize>j << 2)); }
@inline function setI32(column: usize, j: i32, value: i32): void { store<i32>(column + (<usize>j << 2), value); }
@inline function i16At(column: usize, j: i32): i32 { return <i32>load<i16>(column + (<usize>j << 1)); }
@inline function setI16(column: usize, j: i32, value: i32): void { store<i16>(column + (<usize>j << 1), <i16>value); }
@inline function u16At(column: usize, j: i32): i32 { return <i32>load<u16>(column + (<usize>j << 1)); }
@inline function u8At(column: usize, j: i32): i32 { return <i32>load<u8>(column + <usize>j); }
@inline function setU8(column: usize, j: i32, value: u8): void { store<u8>(column + <usize>j, value); }

/** No trial under way; a trial's arms are 0 (current practice) and 1 (the variant). */
const NO_TRIAL: i32 = -1;

/**
 * Serve every provider's waiting list this month (serveQueue of the TypeScript), in provider
 * order; `columns` and `scalars` are the world's tables (service-layout.ts).
 */
export function serveProviders(providers: i32, columns: usize, scalars: usize): void {
	readTables(columns, scalars);
	for (let k: i32 = 0; k < providers; k++) {
		const a = i16At(providerArea, k);
		// Providers are stored area by area: warm each area's citizens before its first provider.
		if (warmAreas && (k == 0 || a != i16At(providerArea, k - 1))) serviceWarmArea(a);
		serveQueue(k, f64At(context, a));
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
				tally(T_COMPLEX_CONSIDERED, i, 1);
				if (park > 0 && nextDraw(eventsState, eventsBlock) < park) {
					defer = true;
					addF64(monthParked, k, 1);
					tally(T_PARKED, i, 1);
				}
			}
			if (!defer && deferBreach > 0 && clock - <f64>i32At(arrivalDay, i) > targetDays && nextDraw(eventsState, eventsBlock) < deferBreach) defer = true;
			if (defer) {
				setI32(next, i, -1);
				setI32(prev, i, deferredTail);
				if (deferredTail == -1) deferredHead = i;
				else setI32(next, deferredTail, i);
				deferredTail = i;
				continue;
			}
		}
		const arm = inTrial ? (nextDraw(eventsState, eventsBlock) < 0.5 ? 1 : 0) : NO_TRIAL;
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
	const recordedWithin = within || nextDraw(eventsState, eventsBlock) < hide;
	const capabilityBefore = capabilityNow(i);
	const logit = providerLogit - (successWait * wait) / <f64>DAYS_PER_MONTH + successCapability * (capabilityBefore - 0.5);
	const resolved = belowLogistic(nextDraw(eventsState, eventsBlock), logit);
	// Payment by results pays for results as recorded: some unresolved cases are claimed.
	const reportedResult = resolved || (hide > 0 && nextDraw(eventsState, eventsBlock) < hide);

	addF64(cellWaiting, cell, -1);
	addF64(monthServed, k, 1);
	if (within) addF64(monthTrueWithin, k, 1);
	if (recordedWithin) addF64(monthRecordedWithin, k, 1);
	if (resolved) addF64(monthResolved, k, 1);
	if (reportedResult) serviceResult(a, k);
	if (arm != NO_TRIAL) {
		addF64(trialServed, 2 * k + arm, 1);
		addF64(trialUnits, 2 * k + arm, units);
		if (resolved) addF64(trialResolved, 2 * k + arm, 1);
	}
	tally(T_SERVED, i, 1);
	if (within) tally(T_TRUE_WITHIN, i, 1);
	if (recordedWithin) tally(T_RECORDED_WITHIN, i, 1);
	if (wait > f32At(allowance, i)) tally(T_CLINICALLY_LATE, i, 1);
	tally(T_WAIT_DAYS_SUM, i, wait);
	countWait(q, a, wait);
	if (recordHistogram) serviceHistogram(wait, recordedWithin && !within ? targetDays : wait);

	// One trust update for the whole experience: the wait, then the result.
	let experience: f64 = within ? 0 : -0.6;
	if (resolved) {
		tally(T_RESOLVED, i, 1);
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

/** Add `amount` to tally key `key` of citizen i's (area, quintile) cell (tallyCitizen). */
@inline
function tally(key: i32, i: i32, amount: f64): void {
	addF64(tallies, (u16At(area, i) * QUINTILES + u8At(quintile, i)) * TALLY_KEYS + key, amount);
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

/** Exactly `u < logistic(x)` (belowLogistic, lazy-compare.ts): the bounds tables settle almost every draw. */
@inline
function belowLogistic(u: f64, x: f64): bool {
	const g = x * STEPS_PER_UNIT;
	if (g >= <f64>-HALF && g < <f64>HALF) {
		const j = <i32>Math.floor(g) + HALF;
		if (u < f64At(logisticLower, j)) return true;
		if (u >= f64At(logisticUpper, j + 1)) return false;
	}
	return belowLogisticExactly(u, x);
}

/** fit and circularDelta (world.ts): 1 when the practice matches the context, 0 when opposite. */
@inline
function fit(practiceAt: f64, areaContext: f64): f64 {
	let d = areaContext - practiceAt;
	d -= Math.floor(d + 0.5);
	return 1 - 2 * Math.abs(d);
}

/** What `table[gap]` is in JavaScript for a gap below zero: undefined, which makes the sum NaN. */
@inline
function decayed(base: f64, value: f64, table: usize, gap: i32): f64 {
	return gap < 0 ? NaN : base + (value - base) * f64At(table, gap);
}

/** capabilityNow (citizen-memory.ts): brought up to this month and stored. */
function capabilityNow(i: i32): f64 {
	const gap = month - i16At(capabilityMonth, i);
	if (gap == 0) return f32At(capability, i);
	if (gap >= MEMORY_TABLE_MONTHS) return capabilityLongAgo(i);
	const value = decayed(f32At(baseCapability, i), f32At(capability, i), capabilityKeep, gap);
	setF32(capability, i, value);
	setI16(capabilityMonth, i, month);
	return value;
}

/** adjustTrust (citizen-memory.ts): trust brought up to this month, changed, clamped, and the cell's sum kept in step. */
function adjustTrust(i: i32, cell: i32, delta: f64): void {
	let before: f64;
	const gap = month - i16At(trustMonth, i);
	if (gap == 0) before = f32At(trust, i);
	else if (gap >= MEMORY_TABLE_MONTHS) before = trustLongAgo(i);
	else {
		before = decayed(trustBaseline, f32At(trust, i), trustKeep, gap);
		setI16(trustMonth, i, month);
	}
	let after = before + delta;
	after = after < 0 ? 0 : after > 1 ? 1 : after;
	setF32(trust, i, after);
	addF64(cellTrust, cell, after - before);
}

// The waiting lists (queue.ts): calendar queues of day buckets, doubly linked through the citizens' next and prev.

/** Put citizen i on provider k's waiting list under its booked day. */
function enqueue(k: i32, i: i32): void {
	let due = i32At(dueDay, i);
	if (i32At(queueLength, k) == 0) {
		setI32(earliestDue, k, due);
		setI32(latestDue, k, due);
	} else {
		// Bookings must span less than the calendar (queue.ts).
		if (due > i32At(earliestDue, k) + QUEUE_DAYS - 1) due = i32At(earliestDue, k) + QUEUE_DAYS - 1;
		if (due < i32At(latestDue, k) - QUEUE_DAYS + 1) due = i32At(latestDue, k) - QUEUE_DAYS + 1;
		setI32(dueDay, i, due);
		if (due < i32At(earliestDue, k)) setI32(earliestDue, k, due);
		if (due > i32At(latestDue, k)) setI32(latestDue, k, due);
	}
	const b = k * QUEUE_DAYS + (due & (QUEUE_DAYS - 1));
	const tail = i32At(ringTail, b);
	setI32(next, i, -1);
	setI32(prev, i, tail);
	if (tail == -1) setI32(ringHead, b, i);
	else setI32(next, tail, i);
	setI32(ringTail, b, i);
	setI32(queueLength, k, i32At(queueLength, k) + 1);
	addF64(queueUnits, k, f32At(caseUnits, i));
	if (u8At(complex, i) == 1) setI32(queueComplex, k, i32At(queueComplex, k) + 1);
}

/** Take citizen i off provider k's waiting list. */
function dequeue(k: i32, i: i32): void {
	const b = k * QUEUE_DAYS + (i32At(dueDay, i) & (QUEUE_DAYS - 1));
	const before = i32At(prev, i);
	const after = i32At(next, i);
	if (before == -1) setI32(ringHead, b, after);
	else setI32(next, before, after);
	if (after == -1) setI32(ringTail, b, before);
	else setI32(prev, after, before);
	setI32(next, i, -1);
	setI32(prev, i, -1);
	const length = i32At(queueLength, k) - 1;
	setI32(queueLength, k, length);
	const units = f64At(queueUnits, k) - f32At(caseUnits, i);
	setF64(queueUnits, k, length == 0 || units < 0 ? 0 : units);
	if (u8At(complex, i) == 1) setI32(queueComplex, k, i32At(queueComplex, k) - 1);
}

/** The waiting case booked earliest at provider k (first come first served within a day), or -1. */
function earliestCase(k: i32): i32 {
	if (i32At(queueLength, k) == 0) return -1;
	let day = i32At(earliestDue, k);
	const base = k * QUEUE_DAYS;
	for (let step: i32 = 0; step < QUEUE_DAYS; step++, day++) {
		const head = i32At(ringHead, base + (day & (QUEUE_DAYS - 1)));
		if (head != -1) {
			setI32(earliestDue, k, day);
			return head;
		}
	}
	return -1;
}

/** Move the arrivals of day d of this month onto provider k's waiting list. */
function admitArrivals(k: i32, d: i32): void {
	const b = k * DAYS_PER_MONTH + d;
	let i = i32At(bucketHead, b);
	setI32(bucketHead, b, -1);
	setI32(bucketTail, b, -1);
	while (i != -1) {
		const after = i32At(next, i);
		enqueue(k, i);
		i = after;
	}
}

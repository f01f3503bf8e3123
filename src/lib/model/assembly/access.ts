// The access step's loop over the citizens presenting this month (AssemblyScript, compiled by
// scripts/build-kernels.ts; ../mechanisms/access-and-choice.ts says what it models and decides
// each provider's threshold and selection; ../kernel-tables.ts lays out what this reads). The
// arithmetic follows the TypeScript it replaced (kept as the reference in access-kernel.spec.ts)
// operation for operation, including detExpPair's exponentials and normalFromUniform's
// interpolation, and it draws from the world's event stream in the same order, so the numbers are
// the same.

import { AT_RISK, DAYS_PER_MONTH, F_FAILURE, F_TURNED_AWAY, F_UNRESOLVED, T_COMPLEX_REFERRALS, T_CONTACTS, T_DECLINED, T_FAILURE_CONTACTS, T_TURNED_AWAY, WAITING } from './constants';
import { adjustTrust } from './citizen-memory';
import { addArrival } from './queue';
import {
	addF64,
	allowance,
	arrivalDay,
	caseUnits,
	cellOf,
	cellWaiting,
	choiceCapacity,
	complex,
	declineRate,
	deprivation,
	draw,
	dueDay,
	f32At,
	f64At,
	flags,
	homeProvider,
	i16At,
	i32At,
	lastContactMonth,
	month,
	monthDeclined,
	monthPresented,
	monthTurnedAway,
	normalQuantiles,
	powersOfTwo,
	presenting,
	provider,
	readWorld,
	registeredCount,
	registeredDeprivation,
	reportedPerformance,
	scalar,
	setF32,
	setI16,
	setI32,
	setU8,
	state,
	tally,
	targetPressure,
	trueQuality,
	turnAway,
	twoToJ64ths,
	u16At,
	u8At,
	area
} from './world';

// What the loop hands back to ../mechanisms/access-and-choice.ts: an exponential beyond the range
// detExpPair works out without special cases (never reached by the registry's ranges).
@external("env", "detExp")
declare function detExp(x: f64): f64;

// The month's access scalars (../kernel-tables.ts's ACCESS, read in that order after readWorld's).
let monthStart: f64 = 0;
let recentMonth: i32 = 0;
let choice: f64 = 0;
let choiceReach: f64 = 0;
let areas: f64 = 0;
let perArea: i32 = 0;
let published: f64 = 0;
let wordOfMouthNoise: f64 = 0;
let switchMargin: f64 = 0;
let refusalTrust: f64 = 0;
let allowanceSpread: f64 = 0;
let allowanceMedianDays: f64 = 0;
let maxAllowanceDays: f64 = 0;
let complexUnits: f64 = 0;
let workSigma: f64 = 0;
let workShift: f64 = 0;
let targetBooking: f64 = 0;
let targetFocus: f64 = 0;
let targetStreaming: f64 = 0;
let ln2By64Hi: f64 = 0;
let ln2By64Lo: f64 = 0;
let invLn2By64: f64 = 0;
let pairRange: f64 = 0;

function readAccessScalars(): void {
	monthStart = scalar();
	recentMonth = <i32>scalar();
	choice = scalar();
	choiceReach = scalar();
	areas = scalar();
	perArea = <i32>scalar();
	published = scalar();
	wordOfMouthNoise = scalar();
	switchMargin = scalar();
	refusalTrust = scalar();
	allowanceSpread = scalar();
	allowanceMedianDays = scalar();
	maxAllowanceDays = scalar();
	complexUnits = scalar();
	workSigma = scalar();
	workShift = scalar();
	targetBooking = scalar();
	targetFocus = scalar();
	targetStreaming = scalar();
	ln2By64Hi = scalar();
	ln2By64Lo = scalar();
	invLn2By64 = scalar();
	pairRange = scalar();
}

/**
 * Each citizen presenting this month (world.presenting[0..count)), in turn: a contact, the choice
 * of provider, the threshold and selection, then booking onto the provider's list for a day of the
 * month. `columns` and `scalars` are the world's tables (../kernel-tables.ts).
 */
export function accessPresenting(count: i32, columns: usize, scalars: usize): void {
	readWorld(columns, scalars);
	readAccessScalars();
	for (let j: i32 = 0; j < count; j++) {
		const i = i32At(presenting, j);
		const cell = cellOf(i);
		const repeatContact = (u8At(flags, i) & F_UNRESOLVED) != 0 && i16At(lastContactMonth, i) >= recentMonth;
		tally(cell, T_CONTACTS, 1);
		if (repeatContact) tally(cell, T_FAILURE_CONTACTS, 1);

		const k = chooseProvider(i);
		setI16(lastContactMonth, i, month);
		addF64(monthPresented, k, 1);

		if (draw() < f64At(turnAway, k)) {
			refuse(i);
			addF64(monthTurnedAway, k, 1);
			tally(cell, T_TURNED_AWAY, 1);
			adjustTrust(i, cell, refusalTrust);
			continue;
		}
		if (u8At(complex, i) == 1) {
			tally(cell, T_COMPLEX_REFERRALS, 1);
			if (f64At(declineRate, k) > 0 && draw() < f64At(declineRate, k)) {
				refuse(i);
				addF64(monthDeclined, k, 1);
				tally(cell, T_DECLINED, 1);
				adjustTrust(i, cell, refusalTrust);
				continue;
			}
		}

		const day = <i32>Math.floor(draw() * <f64>DAYS_PER_MONTH);
		bookCase(i, k, monthStart + <f64>day);
		setU8(state, i, WAITING);
		setU8(flags, i, (u8At(flags, i) & ~(F_FAILURE | F_TURNED_AWAY)) | (repeatContact ? F_FAILURE : 0));
		addArrival(k, day, i);
		addF64(cellWaiting, cell, 1);
	}
}

/** Turned away or declined: the need stays unmet and the citizen may come back, often worse. */
@inline
function refuse(i: i32): void {
	setU8(state, i, AT_RISK);
	setU8(flags, i, u8At(flags, i) | F_UNRESOLVED | F_TURNED_AWAY);
}

/** The provider citizen i uses this time, keeping the registrations behind the sorting index. */
function chooseProvider(i: i32): i32 {
	let k = i16At(homeProvider, i);
	if (choice > 0 && draw() < choice * f32At(choiceCapacity, i)) {
		const elsewhere = draw() < choiceReach;
		const chosenArea = elsewhere ? <i32>Math.floor(draw() * areas) : u16At(area, i);
		const candidate = chosenArea * perArea + <i32>Math.floor(draw() * <f64>perArea);
		k = better(better(k, i16At(provider, i)), candidate);
	}
	const previous = i16At(provider, i);
	if (k != previous) {
		const d = f32At(deprivation, i);
		addF64(registeredDeprivation, previous, -d);
		addF64(registeredCount, previous, -1);
		addF64(registeredDeprivation, k, d);
		addF64(registeredCount, k, 1);
		setI16(provider, i, k);
	}
	return k;
}

/** The better of two providers as a chooser sees them: the published rating as far as it is published, otherwise word of mouth. */
function better(current: i32, candidate: i32): i32 {
	if (candidate == current) return current;
	const heardCandidate = f64At(trueQuality, candidate) + wordOfMouthNoise * normalFromUniform(draw());
	const heardCurrent = f64At(trueQuality, current) + wordOfMouthNoise * normalFromUniform(draw());
	const gain =
		published * (f64At(reportedPerformance, candidate) - f64At(reportedPerformance, current)) +
		(1 - published) * (heardCandidate - heardCurrent);
	return gain > switchMargin ? candidate : current;
}

/** Draw case i's clinical allowance and its work, and book it at provider k for its arrival day (bookCase). */
function bookCase(i: i32, k: i32, arrival: f64): void {
	const allowanceDraw = allowanceSpread * normalFromUniform(draw());
	const workDraw = workShift + workSigma * normalFromUniform(draw());
	expPair(allowanceDraw, workDraw);
	const drawn = allowanceMedianDays * exp0;
	const allowed = drawn > maxAllowanceDays ? maxAllowanceDays : drawn;
	const meanWork = u8At(complex, i) == 1 ? complexUnits : 1.0;
	setF32(caseUnits, i, meanWork * exp1);
	setF32(allowance, i, allowed);
	const tp = f64At(targetPressure, k);
	const pressure = tp < 1 ? tp : 1.0;
	const focus = targetFocus * pressure;
	const clinical = allowed > targetBooking ? allowed - focus * (allowed - targetBooking) : allowed;
	// Streaming: quick cases go through first, booked by their work (as stored) as well as their priority.
	const streaming = targetStreaming * pressure;
	const booked = (1 - streaming) * clinical + streaming * allowanceMedianDays * f32At(caseUnits, i);
	setI32(arrivalDay, i, toInt32(arrival));
	setI32(dueDay, i, toInt32(arrival + Math.floor(booked)));
}

/** A number stored into an Int32Array in JavaScript: truncated and wrapped modulo 2^32 (for |x| < 2^63; NaN gives 0). */
@inline
function toInt32(x: f64): i32 {
	return <i32><i64>x;
}

/** normalFromUniform (../rng.ts): a standard normal deviate from one uniform draw, by interpolating the quantile table. */
function normalFromUniform(u: f64): f64 {
	const points = 4096.0;
	const x = u * points - 0.5;
	if (x <= 0) return f64At(normalQuantiles, 0);
	if (x >= points - 1) return f64At(normalQuantiles, 4095);
	const j = <i32>x;
	const f = x - <f64>j;
	return f64At(normalQuantiles, j) + f * (f64At(normalQuantiles, j + 1) - f64At(normalQuantiles, j));
}

// detExpPair's results.
let exp0: f64 = 0;
let exp1: f64 = 0;

/** detExpPair (../det-math.ts): e^x1 and e^x2, bit for bit, into exp0 and exp1. */
function expPair(x1: f64, x2: f64): void {
	if (!(x1 >= -pairRange && x1 <= pairRange && x2 >= -pairRange && x2 <= pairRange)) {
		exp0 = detExp(x1);
		exp1 = detExp(x2);
		return;
	}
	// Math.round rounds halves up, as JavaScript's does.
	const n1 = Math.round(x1 * invLn2By64);
	const n2 = Math.round(x2 * invLn2By64);
	const p1 = f64At(twoToJ64ths, <i32>n1 & 63) * expShort(x1 - n1 * ln2By64Hi - n1 * ln2By64Lo);
	const p2 = f64At(twoToJ64ths, <i32>n2 & 63) * expShort(x2 - n2 * ln2By64Hi - n2 * ln2By64Lo);
	exp0 = p1 * f64At(powersOfTwo, 1022 + (<i32>n1 >> 6));
	exp1 = p2 * f64At(powersOfTwo, 1022 + (<i32>n2 >> 6));
}

/** e^r for |r| <= ln2/128 (expShort, ../det-math.ts). */
@inline
function expShort(r: f64): f64 {
	const r2 = r * r;
	return 1 + (r + r2 * (0.5 + r * (1.0 / 6) + r2 * (1.0 / 24 + r * (1.0 / 120))));
}

/**
 * The kernel's detExpPair (`which` 0 or 1: its first or second result) and normalFromUniform
 * (`which` 2, of x1), for access-kernel.spec.ts to compare with det-math.ts and rng.ts bit for
 * bit over many arguments: a last-bit slip in either would show in a run only at a rounding tie.
 */
export function accessMaths(columns: usize, scalars: usize, x1: f64, x2: f64, which: i32): f64 {
	readWorld(columns, scalars);
	readAccessScalars();
	if (which == 2) return normalFromUniform(x1);
	expPair(x1, x2);
	return which == 0 ? exp0 : exp1;
}

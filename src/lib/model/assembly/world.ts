// The world as the kernels see it (AssemblyScript): the byte offsets of its columns and the
// month's scalars every kernel uses, read from the world's tables at the start of each kernel
// call (../kernel-tables.ts lays them out, in the order `readWorld` reads them), with typed loads
// and stores of column elements, the event stream, and the tallies.

import { QUINTILES, TALLY_KEYS } from './constants';
import { nextDraw } from './rng';

// Citizens' columns.
export let next: usize = 0;
export let prev: usize = 0;
export let dueDay: usize = 0;
export let caseUnits: usize = 0;
export let complex: usize = 0;
export let arrivalDay: usize = 0;
export let quintile: usize = 0;
export let area: usize = 0;
export let allowance: usize = 0;
export let capability: usize = 0;
export let capabilityMonth: usize = 0;
export let baseCapability: usize = 0;
export let trust: usize = 0;
export let trustMonth: usize = 0;
export let fragilityMonth: usize = 0;
export let state: usize = 0;
export let flags: usize = 0;
export let lastContactMonth: usize = 0;
export let provider: usize = 0;
export let homeProvider: usize = 0;
export let choiceCapacity: usize = 0;
export let deprivation: usize = 0;
// Providers'.
export let providerArea: usize = 0;
export let capacity: usize = 0;
export let targetPressure: usize = 0;
export let parkRate: usize = 0;
export let hideChance: usize = 0;
export let practice: usize = 0;
export let management: usize = 0;
export let meanSkill: usize = 0;
export let meanMotivation: usize = 0;
export let burnoutShare: usize = 0;
export let trialMonths: usize = 0;
export let relational: usize = 0;
export let relationalOffset: usize = 0;
export let trialOffset: usize = 0;
export let trialPractice: usize = 0;
export let carryUnits: usize = 0;
export let ringHead: usize = 0;
export let ringTail: usize = 0;
export let earliestDue: usize = 0;
export let latestDue: usize = 0;
export let queueLength: usize = 0;
export let queueComplex: usize = 0;
export let queueUnits: usize = 0;
export let bucketHead: usize = 0;
export let bucketTail: usize = 0;
export let monthPresented: usize = 0;
export let monthTurnedAway: usize = 0;
export let monthDeclined: usize = 0;
export let monthComplexConsidered: usize = 0;
export let monthParked: usize = 0;
export let monthServed: usize = 0;
export let monthTrueWithin: usize = 0;
export let monthRecordedWithin: usize = 0;
export let monthResolved: usize = 0;
export let trialServed: usize = 0;
export let trialUnits: usize = 0;
export let trialResolved: usize = 0;
export let workPressure: usize = 0;
export let crisisLoad: usize = 0;
export let turnAway: usize = 0;
export let declineRate: usize = 0;
export let trueQuality: usize = 0;
export let reportedPerformance: usize = 0;
// Areas' and the world's.
export let context: usize = 0;
export let presenting: usize = 0;
export let registeredDeprivation: usize = 0;
export let registeredCount: usize = 0;
export let crisesByProvider: usize = 0;
export let cellWaiting: usize = 0;
export let cellWell: usize = 0;
export let cellTrust: usize = 0;
export let tallies: usize = 0;
export let waitGroups: usize = 0;
export let fragility: usize = 0;
export let trustKeep: usize = 0;
export let capabilityKeep: usize = 0;
export let logisticLower: usize = 0;
export let logisticUpper: usize = 0;
export let normalQuantiles: usize = 0;
export let twoToJ64ths: usize = 0;
export let powersOfTwo: usize = 0;
export let eventsState: usize = 0;
export let eventsBlock: usize = 0;
// Workers' (slot by slot), and what the worker kernels need besides: the exponential's bounds,
// where they hand back a provider's sums, and the workers stream.
export let workerActive: usize = 0;
export let workerIntrinsic: usize = 0;
export let workerMotivation: usize = 0;
export let workerBurnout: usize = 0;
export let workerSkill: usize = 0;
export let workerTenure: usize = 0;
export let workerStrain: usize = 0;
export let workerEffort: usize = 0;
export let workerGaming: usize = 0;
export let workerFte: usize = 0;
export let expLower: usize = 0;
export let expUpper: usize = 0;
export let workerSums: usize = 0;
export let workersState: usize = 0;
export let workersBlock: usize = 0;

// The month's scalars every kernel reads first.
export let month: i32 = 0;
export let trustBaseline: f64 = 0;

let cursor: usize = 0;
@inline
function column(): usize {
	const at = <usize>load<i32>(cursor);
	cursor += 4;
	return at;
}

/** The next of a kernel's scalars (after readWorld, in the order its table lists them). */
@inline
export function scalar(): f64 {
	const value = load<f64>(cursor);
	cursor += 8;
	return value;
}

/** Read the world's column table and the scalars every kernel uses; `scalar` then reads the kernel's own. */
export function readWorld(columns: usize, scalars: usize): void {
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
	provider = column();
	homeProvider = column();
	choiceCapacity = column();
	deprivation = column();
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
	monthPresented = column();
	monthTurnedAway = column();
	monthDeclined = column();
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
	turnAway = column();
	declineRate = column();
	trueQuality = column();
	reportedPerformance = column();
	context = column();
	presenting = column();
	registeredDeprivation = column();
	registeredCount = column();
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
	normalQuantiles = column();
	twoToJ64ths = column();
	powersOfTwo = column();
	eventsState = column();
	eventsBlock = column();
	workerActive = column();
	workerIntrinsic = column();
	workerMotivation = column();
	workerBurnout = column();
	workerSkill = column();
	workerTenure = column();
	workerStrain = column();
	workerEffort = column();
	workerGaming = column();
	workerFte = column();
	expLower = column();
	expUpper = column();
	workerSums = column();
	workersState = column();
	workersBlock = column();

	cursor = scalars;
	month = <i32>scalar();
	trustBaseline = scalar();
}

// Typed loads and stores of column elements: single precision widened on reading and rounded on writing, as typed arrays do.
@inline export function f64At(column: usize, j: i32): f64 { return load<f64>(column + (<usize>j << 3)); }
@inline export function setF64(column: usize, j: i32, value: f64): void { store<f64>(column + (<usize>j << 3), value); }
@inline export function addF64(column: usize, j: i32, value: f64): void { const at = column + (<usize>j << 3); store<f64>(at, load<f64>(at) + value); }
@inline export function f32At(column: usize, j: i32): f64 { return <f64>load<f32>(column + (<usize>j << 2)); }
@inline export function setF32(column: usize, j: i32, value: f64): void { store<f32>(column + (<usize>j << 2), <f32>value); }
@inline export function i32At(column: usize, j: i32): i32 { return load<i32>(column + (<usize>j << 2)); }
@inline export function setI32(column: usize, j: i32, value: i32): void { store<i32>(column + (<usize>j << 2), value); }
@inline export function i16At(column: usize, j: i32): i32 { return <i32>load<i16>(column + (<usize>j << 1)); }
@inline export function setI16(column: usize, j: i32, value: i32): void { store<i16>(column + (<usize>j << 1), <i16>value); }
@inline export function u16At(column: usize, j: i32): i32 { return <i32>load<u16>(column + (<usize>j << 1)); }
@inline export function u8At(column: usize, j: i32): i32 { return <i32>load<u8>(column + <usize>j); }
@inline export function setU8(column: usize, j: i32, value: i32): void { store<u8>(column + <usize>j, <u8>value); }

/** The next draw of the world's event stream. */
@inline
export function draw(): f64 {
	return nextDraw(eventsState, eventsBlock);
}

/** Add `amount` to tally key `key` of (area, quintile) cell `cell` (tallyCitizen, ../tallies.ts). */
@inline
export function tally(cell: i32, key: i32, amount: f64): void {
	addF64(tallies, cell * TALLY_KEYS + key, amount);
}

/** Citizen i's (area, quintile) cell. */
@inline
export function cellOf(i: i32): i32 {
	return u16At(area, i) * QUINTILES + u8At(quintile, i);
}

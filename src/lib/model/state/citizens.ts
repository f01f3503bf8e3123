import { Arena, measureColumns, type ColumnSource } from '../arena';

/** Citizens as struct-of-arrays: citizen i is index i in every column. */
export interface CitizenState {
	n: number;
	area: Uint16Array;
	/** Deprivation quintile 0..4 by rank of individual deprivation (4 = most deprived). */
	quintile: Uint8Array;
	deprivation: Float32Array;
	/** 1 if the citizen's needs are complex (not simple or routine). */
	complex: Uint8Array;
	/** Capability and self-efficacy, 0–1, as of `capabilityMonth` (see citizen-memory). */
	capability: Float32Array;
	capabilityMonth: Int16Array;
	/** The capability a citizen returns to over time without crises or good help. */
	baseCapability: Float32Array;
	/** Social ties, 0–1. */
	ties: Float32Array;
	/** Trust in services, 0–1, as of `trustMonth` (see citizen-memory). */
	trust: Float32Array;
	trustMonth: Int16Array;
	/** Month the extra relapse hazard was set. */
	fragilityMonth: Int16Array;
	/** Capacity to exercise choice, 0–1 (higher for the less deprived). */
	choiceCapacity: Float32Array;
	/** Monthly hazard of becoming at risk, from the citizen's fixed traits. */
	onsetBase: Float32Array;
	/** Need state: WELL, AT_RISK or WAITING. */
	state: Uint8Array;
	flags: Uint8Array;
	/** Provider of the current or last contact. */
	provider: Int16Array;
	/** The local provider a citizen uses when not choosing. */
	homeProvider: Int16Array;
	/** Absolute day on which the current waiting episode began. */
	arrivalDay: Int32Array;
	/** The current case: days it can safely wait (clinical priority), the day it is booked for, and its work in units. */
	allowance: Float32Array;
	dueDay: Int32Array;
	caseUnits: Float32Array;
	lastContactMonth: Int16Array;
	lastCrisisMonth: Int16Array;
	/** Doubly linked lists of the waiting lists' day buckets: next and previous citizen, -1 for none. */
	next: Int32Array;
	prev: Int32Array;
}

/** The columns of `n` citizens, in `arena` (by default one of their own). */
export function allocateCitizens(n: number, arena: ColumnSource = new Arena(measureColumns((source) => allocateCitizens(n, source)))): CitizenState {
	const c: CitizenState = {
		n,
		area: arena.column(Uint16Array, n),
		quintile: arena.column(Uint8Array, n),
		deprivation: arena.column(Float32Array, n),
		complex: arena.column(Uint8Array, n),
		capability: arena.column(Float32Array, n),
		capabilityMonth: arena.column(Int16Array, n),
		baseCapability: arena.column(Float32Array, n),
		ties: arena.column(Float32Array, n),
		trust: arena.column(Float32Array, n),
		trustMonth: arena.column(Int16Array, n),
		fragilityMonth: arena.column(Int16Array, n),
		choiceCapacity: arena.column(Float32Array, n),
		onsetBase: arena.column(Float32Array, n),
		state: arena.column(Uint8Array, n),
		flags: arena.column(Uint8Array, n),
		provider: arena.column(Int16Array, n),
		homeProvider: arena.column(Int16Array, n),
		arrivalDay: arena.column(Int32Array, n),
		allowance: arena.column(Float32Array, n),
		dueDay: arena.column(Int32Array, n),
		caseUnits: arena.column(Float32Array, n),
		lastContactMonth: arena.column(Int16Array, n),
		lastCrisisMonth: arena.column(Int16Array, n),
		next: arena.column(Int32Array, n),
		prev: arena.column(Int32Array, n)
	};
	c.next.fill(-1);
	c.prev.fill(-1);
	return c;
}

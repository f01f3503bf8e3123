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

export function allocateCitizens(n: number): CitizenState {
	return {
		n,
		area: new Uint16Array(n),
		quintile: new Uint8Array(n),
		deprivation: new Float32Array(n),
		complex: new Uint8Array(n),
		capability: new Float32Array(n),
		capabilityMonth: new Int16Array(n),
		baseCapability: new Float32Array(n),
		ties: new Float32Array(n),
		trust: new Float32Array(n),
		trustMonth: new Int16Array(n),
		fragilityMonth: new Int16Array(n),
		choiceCapacity: new Float32Array(n),
		onsetBase: new Float32Array(n),
		state: new Uint8Array(n),
		flags: new Uint8Array(n),
		provider: new Int16Array(n),
		homeProvider: new Int16Array(n),
		arrivalDay: new Int32Array(n),
		allowance: new Float32Array(n),
		dueDay: new Int32Array(n),
		caseUnits: new Float32Array(n),
		lastContactMonth: new Int16Array(n),
		lastCrisisMonth: new Int16Array(n),
		next: new Int32Array(n).fill(-1),
		prev: new Int32Array(n).fill(-1)
	};
}

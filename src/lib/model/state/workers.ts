/**
 * Frontline workers as struct-of-arrays. Each provider owns a fixed range of slots; an inactive
 * slot is a post that is vacant or unfunded.
 */
export interface WorkerState {
	n: number;
	provider: Int16Array;
	active: Uint8Array;
	/** Trait: how far the worker is a "knight" (1) rather than a "knave" (0) (Le Grand 2003). */
	intrinsic: Float32Array;
	/** Current intrinsic motivation, 0–1. */
	motivation: Float32Array;
	/** Burnout, 0–1; above 0.5 counts as burnt out. */
	burnout: Float32Array;
	skill: Float32Array;
	tenure: Int32Array;
	/** Trait: personal vulnerability to job strain (logit shift, mean 0). */
	strain: Float32Array;
	/** 1 if the worker misrecorded data this month. */
	gaming: Uint8Array;
	/** Share of a full-time post worked (the last hire into a provider's funded posts may be part-time). */
	fte: Float32Array;
	/** Working intensity this month relative to normal hours (see effort-split). */
	effort: Float32Array;
}

export function allocateWorkers(n: number): WorkerState {
	return {
		n,
		provider: new Int16Array(n),
		active: new Uint8Array(n),
		intrinsic: new Float32Array(n),
		motivation: new Float32Array(n),
		burnout: new Float32Array(n),
		skill: new Float32Array(n),
		tenure: new Int32Array(n),
		strain: new Float32Array(n),
		gaming: new Uint8Array(n),
		fte: new Float32Array(n),
		effort: new Float32Array(n)
	};
}

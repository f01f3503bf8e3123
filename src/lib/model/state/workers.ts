import { separateColumns, type ColumnSource } from '../arena';

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

/** The columns of `n` worker slots from `source`: a world keeps them in its arena, where the workforce kernel works on them (assembly/workforce.ts). */
export function allocateWorkers(n: number, source: ColumnSource = separateColumns): WorkerState {
	return {
		n,
		provider: source.column(Int16Array, n),
		active: source.column(Uint8Array, n),
		intrinsic: source.column(Float32Array, n),
		motivation: source.column(Float32Array, n),
		burnout: source.column(Float32Array, n),
		skill: source.column(Float32Array, n),
		tenure: source.column(Int32Array, n),
		strain: source.column(Float32Array, n),
		gaming: source.column(Uint8Array, n),
		fte: source.column(Float32Array, n),
		effort: source.column(Float32Array, n)
	};
}

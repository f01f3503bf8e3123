/**
 * What crosses between the page and the model workers: plain data and typed arrays only, so
 * structured cloning is cheap and results can be transferred instead of copied.
 */
import type { AssumptionValues, Population, RunOutput } from '../model/index';

/** One replicate to run: a fully resolved scenario (no expressions) and the replicate's seed. */
export interface RunJob {
	/** Lever id → value for each month 0..months-1. */
	schedules: Record<string, Float64Array>;
	assumptions: AssumptionValues;
	population: Population;
	months: number;
	/** The replicate's own seed, already derived from (base seed, replicate index). */
	seed: number;
	detail: boolean;
}

/** One replicate's output, exactly as the model returned it. */
export type RunResult = RunOutput;

/** The API of a model worker. */
export interface ModelWorkerApi {
	/** Run a job; `id` names it for `stop`. */
	run(job: RunJob, id?: number): RunResult | Promise<RunResult>;
	/** Ask the run named `id`, if it is still running, to stop at its next pause between months. */
	stop(id: number): void;
}

/** Every ArrayBuffer a result holds, to hand over with `transfer` rather than copy. */
export function resultBuffers(result: RunResult): ArrayBuffer[] {
	const buffers: ArrayBuffer[] = [result.series.buffer as ArrayBuffer];
	const detail = result.detail as Record<string, unknown> | undefined;
	if (detail)
		for (const value of Object.values(detail))
			if (ArrayBuffer.isView(value) && !buffers.includes(value.buffer as ArrayBuffer)) buffers.push(value.buffer as ArrayBuffer);
	return buffers;
}

/**
 * The analyses' model runs on Node worker threads: levers sweep's pool of model threads
 * (sweep/thread-pool.ts) behind the ModelRuns of model-evaluator.ts. Node only, so not
 * exported from index.ts, which stays pure.
 */
import type { RunInput } from '../model/index';
import type { RunJob } from '../runner/protocol';
import { startModelThreads } from '../sweep/thread-pool';
import type { ModelRuns } from './model-evaluator';

/** Model runs on `threads` worker threads; close() stops them. */
export async function threadRuns(threads: number): Promise<ModelRuns> {
	const pool = await startModelThreads(threads);
	return {
		width: threads,
		// `after` (progress) runs here, in the order runs finish; results are placed by replicate.
		run: (input, after) => pool.run(toJob(input)).then(after),
		close: () => pool.close()
	};
}

function toJob(input: RunInput): RunJob {
	const { levers, assumptions, population, months, seed, detail } = input;
	return { schedules: levers as Record<string, Float64Array>, assumptions, population, months, seed, detail: detail ?? false };
}

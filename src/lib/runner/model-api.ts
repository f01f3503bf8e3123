/**
 * The model worker's API: run one replicate. A plain object that tests call directly; the
 * worker file only exposes it. The same `runModel` as the command line, so the same numbers.
 */
import { transfer } from 'comlink';
import { runModel, type LeverId } from '../model/index';
import { resultBuffers, type ModelWorkerApi, type RunJob, type RunResult } from './protocol';

export function runJob(job: RunJob): RunResult {
	return runModel({
		levers: job.schedules as Record<LeverId, Float64Array>,
		assumptions: job.assumptions,
		population: job.population,
		months: job.months,
		seed: job.seed,
		detail: job.detail
	});
}

export const modelApi: ModelWorkerApi = {
	run(job: RunJob): RunResult {
		const result = runJob(job);
		// Hand the buffers over rather than copying them (comlink reads this mark when posting).
		return transfer(result, resultBuffers(result));
	}
};

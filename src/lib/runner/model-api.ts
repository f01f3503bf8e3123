/**
 * The model worker's API: run one replicate, and stop one nobody wants any more. A plain object
 * that tests call directly; the worker file only exposes it. The same `runModel` as the command
 * line, so the same numbers.
 */
import { transfer } from 'comlink';
import { runModel, runMonths, type LeverId, type RunInput } from '../model/index';
import { resultBuffers, type ModelWorkerApi, type RunJob, type RunResult } from './protocol';

/**
 * How long a worker computes before it reads its messages (ms). A run cannot be interrupted
 * from outside, so it pauses between months about this often: a request to stop it then takes
 * effect within about this long, instead of when the run ends (a default run takes ~130 ms).
 */
export const SLICE_MS = 10;

/** A run stopped at the pool's request: its result would have been thrown away. */
export class RunStopped extends Error {
	constructor() {
		super('the run was stopped: its result is no longer wanted');
		this.name = 'RunStopped';
	}
}

function inputOf(job: RunJob): RunInput {
	return {
		levers: job.schedules as Record<LeverId, Float64Array>,
		assumptions: job.assumptions,
		population: job.population,
		months: job.months,
		seed: job.seed,
		detail: job.detail
	};
}

/** Run a job in one go (in-process runners: the command line, sweeps, specs). */
export function runJob(job: RunJob): RunResult {
	return runModel(inputOf(job));
}

/** The run this thread is working on, and whether it has been asked to stop. */
let current: { id: number; stop: boolean } | undefined;

/** Resolve on a later task, so that messages waiting (a stop) are handled first. */
function nextTask(): Promise<void> {
	if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

export const modelApi: ModelWorkerApi = {
	/**
	 * Run a job, pausing between months every SLICE_MS to read messages; rejects with RunStopped
	 * if `stop(id)` arrives meanwhile. Pausing never changes the numbers (runMonths).
	 */
	async run(job: RunJob, id = 0): Promise<RunResult> {
		const own = { id, stop: false };
		current = own;
		try {
			const months = runMonths(inputOf(job));
			let sliceStart = performance.now();
			for (;;) {
				const next = months.next();
				if (next.done) return transfer(next.value, resultBuffers(next.value));
				if (performance.now() - sliceStart < SLICE_MS) continue;
				await nextTask();
				// Throwing into the run ends it as an error would: a recorded run's world goes back to the cache.
				if (own.stop) months.throw(new RunStopped());
				sliceStart = performance.now();
			}
		} finally {
			if (current === own) current = undefined;
		}
	},

	/** Ask run `id` to stop at its next pause (ignored if it is not the one running). */
	stop(id: number): void {
		if (current?.id === id) current.stop = true;
	}
};

/**
 * The command line's pool of model worker threads: the browser's WorkerPool (runner/pool.ts)
 * over ThreadWorker (threads.ts), for `levers sweep`, `levers sensitivity` and `levers explain`
 * (and the benchmark). The pool sends a re-run to the thread that cached its seed's spin-up;
 * which thread runs a job never changes its numbers. Node only.
 */
import { availableParallelism } from 'node:os';
import type { RunOutput } from '../model/index';
import { WorkerFailure } from '../runner/guarded-worker';
import { WorkerPool } from '../runner/pool';
import type { RunJob } from '../runner/protocol';

/** Long enough for any single run; a thread silent for longer is taken to have hung. */
const RUN_TIMEOUT_MS = 2 ** 31 - 1;

/** Threads when --threads is not given: one fewer than the cores (the user's shell keeps one), at least one. */
export function defaultThreads(): number {
	return Math.max(1, availableParallelism() - 1);
}

export interface ModelThreads {
	readonly threads: number;
	/** Runs one job on the next free thread; jobs start in the order given. */
	run(job: RunJob): Promise<RunOutput>;
	/** Stops every thread; jobs not yet done are rejected. */
	close(): void;
}

/** Starts `threads` model worker threads. */
export async function startModelThreads(threads: number): Promise<ModelThreads> {
	// Imported here so that the worker (which loads the module holding ThreadWorker) stays a small chunk of its own.
	const { ThreadWorker } = await import('./threads');
	const pool = new WorkerPool(() => new ThreadWorker(), threads, { maxConsecutiveDeaths: 2 });
	return {
		threads,
		run: (job) =>
			pool.submit('cli', 0, job, RUN_TIMEOUT_MS).catch((error: unknown) => {
				// The pool's own words are for the browser ("reload the page"); say what happened here.
				if (error instanceof WorkerFailure) throw new Error(`a model thread failed (${error.kind}): ${error.message.replace(/; reload the page to try again$/, '')}`);
				throw error;
			}),
		close: () => pool.dispose()
	};
}

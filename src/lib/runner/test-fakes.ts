/** Fake workers and jobs for the runner's specs: controllable, deterministic, no threads. */
import type { PoolWorker } from './guarded-worker';
import { WorkerFailure } from './guarded-worker';
import type { RunJob, RunResult } from './protocol';

/** A job whose synthetic result depends only on its seed (and a shape). */
export function fakeJob(seed: number, shape = { outcomes: 3, groups: 2, months: 6 }): RunJob {
	return {
		schedules: {},
		assumptions: { outcomes: shape.outcomes, groups: shape.groups } as never,
		population: { citizens: 100, areas: 1, providersPerArea: 1 },
		months: shape.months,
		seed,
		detail: false
	};
}

/** Deterministic pseudo-random numbers from a seed (a small LCG), with NaNs and ties sprinkled in. */
export function syntheticResult(job: RunJob): RunResult {
	const { outcomes, groups } = job.assumptions as unknown as { outcomes: number; groups: number };
	const months = job.months;
	const series = new Float64Array(outcomes * groups * months);
	let x = (job.seed * 2654435761) >>> 0;
	for (let i = 0; i < series.length; i++) {
		x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
		const u = x / 4294967296;
		series[i] = u < 0.03 ? NaN : u < 0.1 ? 0.5 : u * 10 - 3;
	}
	// Only what the runner reads; the model's output may carry more (e.g. spin-up facts).
	return { months, groups, series } as RunResult;
}

/** A worker the test drives: each run waits until the test finishes or fails it. */
export class FakeWorker implements PoolWorker {
	dead = false;
	readonly jobs: RunJob[] = [];
	private waiting: { job: RunJob; resolve(r: RunResult): void; reject(e: unknown): void }[] = [];

	/** Times the pool asked this worker to stop its run. */
	interrupts = 0;

	constructor(
		readonly name: string,
		private readonly mode: 'manual' | 'auto' = 'manual',
		/** Whether a request to stop ends the running job (as the model worker's does at its next pause). */
		private readonly interruptible = false
	) {}

	interrupt(): void {
		this.interrupts++;
		if (this.interruptible) for (const w of this.waiting.splice(0)) w.reject(new Error('the run was stopped'));
	}

	run(job: RunJob): Promise<RunResult> {
		if (this.dead) return Promise.reject(new WorkerFailure('stopped', 'stopped'));
		this.jobs.push(job);
		return new Promise((resolve, reject) => {
			if (this.mode === 'auto') queueMicrotask(() => (this.dead ? reject(new WorkerFailure('stopped', 'stopped')) : resolve(syntheticResult(job))));
			else this.waiting.push({ job, resolve, reject });
		});
	}

	get busy(): boolean {
		return this.waiting.length > 0;
	}

	/** Finish the running job with its synthetic result. */
	finish(): void {
		const next = this.waiting.shift();
		if (!next) throw new Error(`${this.name} has no job to finish`);
		next.resolve(syntheticResult(next.job));
	}

	/** Die under the running job, as a crashed worker does. */
	crash(): void {
		this.dead = true;
		for (const w of this.waiting.splice(0)) w.reject(new WorkerFailure('crashed', `${this.name} crashed`));
	}

	terminate(): void {
		if (this.dead) return;
		this.dead = true;
		for (const w of this.waiting.splice(0)) w.reject(new WorkerFailure('stopped', 'stopped'));
	}
}

/** Let queued microtasks and promise callbacks run. */
export async function settle(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

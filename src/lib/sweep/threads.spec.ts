import { describe, expect, test } from 'vitest';
import { WorkerFailure } from '../runner/guarded-worker';
import { runJob } from '../runner/model-api';
import type { RunJob } from '../runner/protocol';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import { resolveScenario } from '../scenario/index';
import { ThreadWorker } from './threads';

function job(seed: number): RunJob {
	const library = loadBuiltinScenarios();
	const r = resolveScenario(library.get('baseline-england-2023')!, library, { months: 12, citizens: 4000 });
	return { schedules: r.schedules, assumptions: r.assumptions, population: r.population, months: r.months, seed, detail: false };
}

describe('ThreadWorker', () => {
	test('runs a job in a worker thread with the same numbers as this thread; a job that throws rejects with its message and the thread goes on', async () => {
		const worker = new ThreadWorker();
		try {
			const broken = { ...job(1), schedules: undefined } as unknown as RunJob;
			await expect(worker.run(broken, 60_000)).rejects.toThrow(/./);
			expect(worker.dead).toBe(false);
			const result = await worker.run(job(3), 120_000);
			const here = runJob(job(3));
			expect(result.months).toBe(12);
			expect(Array.from(result.series)).toEqual(Array.from(here.series));
		} finally {
			worker.terminate();
		}
	});

	test('a stopped thread is dead and refuses work with a WorkerFailure', async () => {
		const worker = new ThreadWorker();
		worker.terminate();
		expect(worker.dead).toBe(true);
		await expect(worker.run(job(1), 1000)).rejects.toBeInstanceOf(WorkerFailure);
	});

	test('a thread that hangs past its time limit is stopped and its job fails as hung', async () => {
		const worker = new ThreadWorker();
		try {
			// Starting the thread and spinning up 4,000 citizens takes far longer than 50 ms.
			const error = await worker.run(job(1), 50).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(WorkerFailure);
			expect((error as WorkerFailure).kind).toBe('hung');
			expect(worker.dead).toBe(true);
		} finally {
			worker.terminate();
		}
	});
});

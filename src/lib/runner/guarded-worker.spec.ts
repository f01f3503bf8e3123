/** The guarded worker over real comlink, on an in-process MessageChannel (no threads, no build). */
import { expose, type Endpoint } from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { defaultAssumptions, LEVERS, type LeverId } from '../model/index';
import { GuardedWorker, WorkerFailure } from './guarded-worker';
import { modelApi, RunStopped, runJob } from './model-api';
import type { ModelWorkerApi, RunJob } from './protocol';

/** Expose an API on one end of a channel; the other end is the "worker". */
function spawn(api: ModelWorkerApi) {
	const { port1, port2 } = new MessageChannel();
	expose(api, port2 as unknown as Endpoint);
	let terminated = 0;
	const endpoint = port1 as unknown as Endpoint;
	const worker = new GuardedWorker({
		endpoint,
		terminate: () => {
			terminated++;
			port1.close();
			port2.close();
		}
	});
	return { worker, port1, terminations: () => terminated };
}

function smallJob(seed: number, months = 12): RunJob {
	const schedules: Record<string, Float64Array> = {};
	for (const lever of LEVERS) schedules[lever.id as LeverId] = new Float64Array(months).fill(lever.default);
	return { schedules, assumptions: defaultAssumptions(), population: { citizens: 2000, areas: 2, providersPerArea: 2 }, months, seed, detail: true };
}

/** A job long enough to pause many times: 20,000 citizens, a fresh spin-up and ten years. */
function longJob(seed: number): RunJob {
	return { ...smallJob(seed, 120), population: { citizens: 20_000, areas: 12, providersPerArea: 3 } };
}

describe('GuardedWorker over comlink', () => {
	test('a run through the worker gives exactly the numbers of a direct run, detail included', async () => {
		const { worker } = spawn(modelApi);
		const job = smallJob(42);
		const viaWorker = await worker.run(job, 60_000);
		const direct = runJob(smallJob(42));
		expect(viaWorker.series).toBeInstanceOf(Float64Array);
		expect(Array.from(viaWorker.series)).toEqual(Array.from(direct.series));
		expect(Array.from(viaWorker.detail!.trueWaits)).toEqual(Array.from(direct.detail!.trueWaits));
		worker.terminate();
	});

	test('a run asked to stop ends at a pause between months; the worker then runs the next exactly', async () => {
		const { worker } = spawn(modelApi);
		const stopped = worker.run(longJob(7), 60_000);
		worker.interrupt();
		await expect(stopped).rejects.toThrow(/stopped/);
		expect(worker.dead).toBe(false);
		// Whatever the stopped run left behind (a half-run world, the cache), the next run is exact.
		const next = await worker.run(smallJob(8), 60_000);
		expect(Array.from(next.series)).toEqual(Array.from(runJob(smallJob(8)).series));
		worker.terminate();
	});

	test('a stop meant for a run that has ended does not stop the next', async () => {
		const { worker } = spawn(modelApi);
		await worker.run(smallJob(9), 60_000);
		// Names the run that has ended; the worker gets it before the next run.
		worker.interrupt();
		const next = await worker.run(smallJob(10), 60_000);
		expect(Array.from(next.series)).toEqual(Array.from(runJob(smallJob(10)).series));
		worker.terminate();
	});

	test('a worker that never answers is stopped by the watchdog and the call rejects', async () => {
		const { worker, terminations } = spawn({ run: () => new Promise(() => {}), stop: () => {} });
		const call = worker.run(smallJob(1), 50);
		await expect(call).rejects.toMatchObject({ kind: 'hung' });
		expect(worker.dead).toBe(true);
		expect(terminations()).toBe(1);
		await expect(worker.run(smallJob(1), 50)).rejects.toBeInstanceOf(WorkerFailure);
	});

	test('an error event from the worker fails every pending call instead of leaving it hanging', async () => {
		const { worker, port1 } = spawn({ run: () => new Promise(() => {}), stop: () => {} });
		const a = worker.run(smallJob(1), 60_000);
		const b = worker.run(smallJob(2), 60_000);
		port1.dispatchEvent(new Event('error'));
		await expect(a).rejects.toMatchObject({ kind: 'crashed' });
		await expect(b).rejects.toMatchObject({ kind: 'crashed' });
		expect(worker.dead).toBe(true);
	});

	test('an error thrown by the model rejects the call but leaves the worker alive', async () => {
		const { worker } = spawn({
			run: (job) => {
				if (job.seed === 0) throw new Error('bad input');
				return runJob(job);
			},
			stop: () => {}
		});
		await expect(worker.run(smallJob(0), 60_000)).rejects.toThrow('bad input');
		expect(worker.dead).toBe(false);
		await expect(worker.run(smallJob(3), 60_000)).resolves.toMatchObject({ months: 12 });
		worker.terminate();
	});
});

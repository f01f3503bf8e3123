/** The model worker's API called directly: runs paused between months, and stopped. */
import { describe, expect, test } from 'vitest';
import { defaultAssumptions, LEVERS, runModel, runMonths, SettledStateCache, type LeverId, type RunInput } from '../model/index';
import { modelApi, RunStopped, runJob } from './model-api';
import type { RunJob } from './protocol';

function job(seed: number, citizens = 3000, months = 36): RunJob {
	const schedules: Record<string, Float64Array> = {};
	for (const lever of LEVERS) schedules[lever.id as LeverId] = new Float64Array(months).fill(lever.id === 'targets' ? 0.7 : lever.default);
	return { schedules, assumptions: defaultAssumptions(), population: { citizens, areas: 3, providersPerArea: 2 }, months, seed, detail: true };
}

function input(j: RunJob): RunInput {
	return { levers: j.schedules as Record<LeverId, Float64Array>, assumptions: j.assumptions, population: j.population, months: j.months, seed: j.seed, detail: j.detail };
}

describe('runMonths: the run, pausing between months', () => {
	test("pauses after every month of the spin-up and of the run but the last, and ends with runModel's output", () => {
		const j = job(3);
		const steps = runMonths(input(j), { cache: null });
		let pauses = 0;
		let next = steps.next();
		for (; !next.done; next = steps.next()) pauses++;
		const output = next.value;
		expect(pauses).toBe(output.spinUp.months + j.months - 1);
		const direct = runModel(input(j), { cache: null });
		expect(Array.from(output.series)).toEqual(Array.from(direct.series));
		expect(output.detail).toEqual(direct.detail);
	});

	test('two runs stepped in turn on one thread give the numbers each gives alone', () => {
		const cache = new SettledStateCache();
		const a = runMonths(input(job(4)), { cache });
		const b = runMonths(input(job(5)), { cache });
		let doneA: IteratorResult<void, unknown> = { done: false, value: undefined };
		let doneB: IteratorResult<void, unknown> = { done: false, value: undefined };
		while (!doneA.done || !doneB.done) {
			if (!doneA.done) doneA = a.next();
			if (!doneB.done) doneB = b.next();
		}
		for (const [done, seed] of [[doneA, 4], [doneB, 5]] as const) {
			const alone = runModel(input(job(seed)), { cache: null });
			expect(Array.from((done.value as typeof alone).series)).toEqual(Array.from(alone.series));
		}
	});

	test('a run stopped in its recorded months hands its world back: the next run from the cache is exact', () => {
		const cache = new SettledStateCache();
		runModel(input(job(6)), { cache });
		const steps = runMonths(input(job(6)), { cache });
		for (let m = 0; m < 10; m++) steps.next();
		expect(() => steps.throw(new RunStopped())).toThrow(RunStopped);
		const again = runModel(input(job(6)), { cache });
		expect(Array.from(again.series)).toEqual(Array.from(runModel(input(job(6)), { cache: null }).series));
	});
});

describe('modelApi', () => {
	test("run gives runJob's numbers exactly, however often it pauses", async () => {
		const j = job(11, 20_000, 60);
		const viaApi = await modelApi.run(j, 1);
		expect(Array.from(viaApi.series)).toEqual(Array.from(runJob(job(11, 20_000, 60)).series));
	});

	test('stop(id) ends the run named id at its next pause with RunStopped; other ids are ignored', async () => {
		const running = modelApi.run(job(12, 20_000, 120), 2);
		modelApi.stop(1);
		modelApi.stop(3);
		modelApi.stop(2);
		await expect(running).rejects.toBeInstanceOf(RunStopped);
		// A stop for a run that is not running changes nothing.
		modelApi.stop(4);
		const after = await modelApi.run(job(13), 4);
		expect(after.months).toBe(36);
	});
});

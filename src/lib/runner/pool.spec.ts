import { afterEach, describe, expect, test, vi } from 'vitest';
import { WorkerFailure } from './guarded-worker';
import { Cancelled, WorkerPool, poolSizeFor, settledStateKey, type PoolOptions } from './pool';
import { FakeWorker, fakeJob, settle } from './test-fakes';

function fakePool(size: number, options: PoolOptions = {}, interruptible = false) {
	const made: FakeWorker[] = [];
	const pool = new WorkerPool(() => {
		const w = new FakeWorker(`w${made.length}`, 'manual', interruptible);
		made.push(w);
		return w;
	}, size, options);
	return { pool, made };
}

/**
 * Two workers with four tasks queued: `first` finishes its task and takes the next, then the
 * other does, then both finish their second.
 */
async function finishTwoRounds(made: FakeWorker[], first: number): Promise<void> {
	await settle();
	made[first].finish();
	await settle();
	made[1 - first].finish();
	await settle();
	made[0].finish();
	made[1].finish();
}

/** How each tracked task ended: "name done", "name cancelled" or "name failed". */
function outcomeTracker() {
	const outcomes: string[] = [];
	const track = (p: Promise<unknown>, name: string) =>
		p.then(() => outcomes.push(`${name} done`), (e) => outcomes.push(`${name} ${e instanceof Cancelled ? 'cancelled' : 'failed'}`));
	return { outcomes, track };
}

describe('poolSizeFor', () => {
	test('every core of a machine with two or fewer, one fewer than the cores above that', () => {
		expect(poolSizeFor(1)).toBe(1);
		expect(poolSizeFor(2)).toBe(2);
		expect(poolSizeFor(3)).toBe(2);
		expect(poolSizeFor(8)).toBe(7);
		// Unknown or nonsense: taken as two cores.
		expect(poolSizeFor(undefined)).toBe(2);
		expect(poolSizeFor(0)).toBe(2);
		expect(poolSizeFor(Number.NaN)).toBe(2);
	});
});

describe('WorkerPool with drainMs: a cancelled run finishes in its worker', () => {
	afterEach(() => {
		vi.useRealTimers();
	});
	const tick = () => vi.advanceTimersByTimeAsync(0);

	test('the worker is kept (not stopped), its late result dropped, and it then takes new work', async () => {
		vi.useFakeTimers();
		const { pool, made } = fakePool(2, { spare: true, drainMs: 2000 });
		const { outcomes, track } = outcomeTracker();
		track(pool.submit('old', 0, fakeJob(1), 60_000), 'old1');
		track(pool.submit('old', 0, fakeJob(2), 60_000), 'old2');
		track(pool.submit('old', 0, fakeJob(3), 60_000), 'old3');
		await tick();
		made[1].finish();
		await tick();
		expect(outcomes).toEqual(['old2 done']);
		// w0 runs seed 1, w1 seed 3; both are cancelled, and the new tasks wait for a worker.
		pool.cancel('old');
		track(pool.submit('new', 0, fakeJob(4), 60_000), 'new4');
		track(pool.submit('new', 0, fakeJob(5), 60_000), 'new5');
		await tick();
		expect(outcomes.sort()).toEqual(['old1 cancelled', 'old2 done', 'old3 cancelled']);
		expect(made.every((w) => !w.dead)).toBe(true);
		expect(pool.load).toEqual({ queued: 2, running: 0 });
		// w1's cancelled run ends: its result is dropped and it takes the first new task.
		made[1].finish();
		await tick();
		expect(made[1].jobs.map((j) => j.seed)).toEqual([2, 3, 4]);
		expect(pool.load).toEqual({ queued: 1, running: 1 });
		made[0].finish();
		await tick();
		expect(made[0].jobs.map((j) => j.seed)).toEqual([1, 5]);
		made[0].finish();
		made[1].finish();
		await tick();
		expect(outcomes.sort()).toEqual(['new4 done', 'new5 done', 'old1 cancelled', 'old2 done', 'old3 cancelled']);
		// No worker was stopped, so none was started beyond the two and the spare.
		expect(made).toHaveLength(3);
		pool.dispose();
	});

	test('a cancelled run is asked to stop; a worker that stops at once takes new work at once, none started', async () => {
		vi.useFakeTimers();
		const { pool, made } = fakePool(1, { drainMs: 2000 }, true);
		const old = pool.submit('old', 0, fakeJob(1), 60_000).catch((e: unknown) => e);
		await tick();
		expect(made[0].interrupts).toBe(0);
		pool.cancel('old');
		expect(await old).toBeInstanceOf(Cancelled);
		expect(made[0].interrupts).toBe(1);
		const next = pool.submit('new', 0, fakeJob(2), 60_000);
		await tick();
		// Long before drainMs: the same (warm) worker runs the new task.
		expect(made[0].jobs.map((j) => j.seed)).toEqual([1, 2]);
		expect(made).toHaveLength(1);
		made[0].finish();
		await expect(next).resolves.toMatchObject({ months: 6 });
		expect(made[0].interrupts).toBe(1);
		pool.dispose();
	});

	test('a cancelled run that outlasts drainMs is stopped and the warm spare takes its place', async () => {
		vi.useFakeTimers();
		const { pool, made } = fakePool(1, { spare: true, drainMs: 2000 });
		const warmUp = pool.submit('warm', 0, fakeJob(0), 60_000);
		await tick();
		made[0].finish();
		await warmUp;
		expect(made).toHaveLength(2);
		const old = pool.submit('old', 0, fakeJob(1), 60_000).catch((e: unknown) => e);
		await tick();
		pool.cancel('old');
		expect(await old).toBeInstanceOf(Cancelled);
		const next = pool.submit('new', 0, fakeJob(2), 60_000);
		await vi.advanceTimersByTimeAsync(1999);
		expect(made[0].dead).toBe(false);
		expect(made[1].jobs).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(made[0].dead).toBe(true);
		expect(made[1].jobs.map((j) => j.seed)).toEqual([2]);
		made[1].finish();
		await expect(next).resolves.toMatchObject({ months: 6 });
		pool.dispose();
	});

	test('a worker that crashes while draining is replaced, and dispose clears the drain timers', async () => {
		vi.useFakeTimers();
		const { pool, made } = fakePool(1, { drainMs: 2000 });
		const old = pool.submit('old', 0, fakeJob(1), 60_000).catch((e: unknown) => e);
		await tick();
		pool.cancel('old');
		await old;
		const next = pool.submit('new', 0, fakeJob(2), 60_000);
		made[0].crash();
		await tick();
		expect(made).toHaveLength(2);
		expect(made[1].jobs.map((j) => j.seed)).toEqual([2]);
		made[1].finish();
		await expect(next).resolves.toMatchObject({ months: 6 });
		const again = pool.submit('old', 0, fakeJob(3), 60_000).catch((e: unknown) => e);
		await tick();
		pool.cancel('old');
		await again;
		pool.dispose();
		expect(vi.getTimerCount()).toBe(0);
	});
});

describe('WorkerPool', () => {
	test('runs as many tasks at once as it has workers, the lowest priority number first', async () => {
		const { pool, made } = fakePool(2);
		const order: number[] = [];
		for (const [seed, priority] of [[1, 5], [2, 1], [3, 3], [4, 0]] as const)
			void pool.submit('a', priority, fakeJob(seed), 1000).then(() => order.push(seed));
		await settle();
		expect(pool.load).toEqual({ queued: 2, running: 2 });
		// The first two submitted started at once (workers were idle); the rest wait by priority.
		made[0].finish();
		made[1].finish();
		await settle();
		expect(made.flatMap((w) => w.jobs.map((j) => j.seed))).toEqual([1, 4, 2, 3]);
		made[0].finish();
		made[1].finish();
		await settle();
		expect(order.sort()).toEqual([1, 2, 3, 4]);
	});

	test('a replicate run again goes to the worker that ran it (its settled state is cached there), within the first priority', async () => {
		const { pool, made } = fakePool(2);
		// Worker `first` finishes its task first and takes the next.
		const round = async (seeds: number[], first: number) => {
			const done = seeds.map((seed) => pool.submit('a', 0, fakeJob(seed), 1000));
			await finishTwoRounds(made, first);
			await Promise.all(done);
		};
		await round([1, 2, 3, 4], 1);
		expect(made.map((w) => w.jobs.map((j) => j.seed))).toEqual([
			[1, 4],
			[2, 3]
		]);
		// Without affinity worker 0, free first, would take seed 3.
		await round([1, 2, 3, 4], 0);
		expect(made.map((w) => w.jobs.map((j) => j.seed))).toEqual([
			[1, 4, 1, 4],
			[2, 3, 2, 3]
		]);
		// A more urgent task goes first, whoever ran it.
		for (const w of made) w.jobs.length = 0;
		const late = pool.submit('b', 5, fakeJob(1), 1000);
		const urgent = pool.submit('c', 0, fakeJob(9), 1000);
		await settle();
		expect(made[0].jobs.map((j) => j.seed)).toEqual([1]);
		expect(made[1].jobs.map((j) => j.seed)).toEqual([9]);
		made[0].finish();
		made[1].finish();
		await Promise.all([late, urgent]);
	});

	test("a lever change's re-runs go back to the workers that ran them though each replicate has its own priority", async () => {
		const { pool, made } = fakePool(2, { soloBelow: 16 });
		// As the scheduler submits an ensemble: replicate r at priority 16 (r + 1) here (none alone).
		// Both workers start at once; `firstFree` finishes first and takes the next task.
		const round = async (firstFree: number) => {
			const done = [1, 2, 3, 4].map((seed) => pool.submit('ensemble', 16 * seed, fakeJob(seed), 1000));
			await finishTwoRounds(made, firstFree);
			await Promise.all(done);
			const ran = made.map((w) => w.jobs.map((j) => j.seed));
			for (const w of made) w.jobs.length = 0;
			return ran;
		};
		expect(await round(0)).toEqual([
			[1, 3],
			[2, 4]
		]);
		// Now worker 1 is free first: it takes replicate 4, which it ran, not replicate 3, first in the queue.
		expect(await round(1)).toEqual([
			[1, 3],
			[2, 4]
		]);
	});

	test('a first run waiting to run alone is not overtaken by a later replicate an idle worker ran', async () => {
		const { pool, made } = fakePool(2, { soloBelow: 16 });
		// Worker 0 runs seed 2 and worker 1 seed 1.
		const warm = [pool.submit('old', 16, fakeJob(2), 1000), pool.submit('old', 32, fakeJob(1), 1000)];
		await settle();
		made[0].finish();
		made[1].finish();
		await Promise.all(warm);
		for (const w of made) w.jobs.length = 0;
		// Replicate 0 (seed 1, to run alone) and replicate 1 (seed 2) are queued with both workers idle.
		const next = [pool.submit('new', 0, fakeJob(1), 1000), pool.submit('new', 16, fakeJob(2), 1000)];
		await settle();
		expect(made.map((w) => w.jobs.map((j) => j.seed))).toEqual([[], [1]]);
		made[1].finish();
		await settle();
		expect(made[0].jobs.map((j) => j.seed)).toEqual([2]);
		made[0].finish();
		await Promise.all(next);
	});

	test('the affinity key is that of the settled state: seed, population and assumptions', () => {
		const a = fakeJob(1);
		expect(settledStateKey(a)).toBe(settledStateKey(fakeJob(1)));
		expect(settledStateKey(a)).not.toBe(settledStateKey(fakeJob(2)));
		expect(settledStateKey(a)).not.toBe(settledStateKey({ ...a, population: { ...a.population, citizens: a.population.citizens + 1 } }));
	});

	test('cancel drops queued tasks, stops running ones and puts the warm spare in their place', async () => {
		const { pool, made } = fakePool(1, { spare: true });
		// The spare starts once the pool is first idle, so it never slows the first runs.
		expect(made).toHaveLength(1);
		const warmUp = pool.submit('warm', 0, fakeJob(0), 1000);
		await settle();
		made[0].finish();
		await warmUp;
		expect(made).toHaveLength(2);
		made[0].jobs.length = 0;
		const { outcomes, track } = outcomeTracker();
		track(pool.submit('old', 0, fakeJob(1), 1000), 'old1');
		track(pool.submit('old', 1, fakeJob(2), 1000), 'old2');
		track(pool.submit('new', 2, fakeJob(3), 1000), 'new');
		await settle();
		pool.cancel('old');
		await settle();
		expect(made[0].dead).toBe(true);
		// The spare took over at once and runs the new task; a fresh spare was started.
		expect(made[1].jobs.map((j) => j.seed)).toEqual([3]);
		expect(made).toHaveLength(3);
		made[1].finish();
		await settle();
		expect(outcomes.sort()).toEqual(['new done', 'old1 cancelled', 'old2 cancelled']);
	});

	test('the spare starts only once the pool is idle: not while tasks wait or run', async () => {
		const { pool, made } = fakePool(1, { spare: true });
		const first = pool.submit('e', 0, fakeJob(0), 1000);
		const second = pool.submit('e', 1, fakeJob(1), 1000);
		await settle();
		made[0].finish();
		await first;
		await settle();
		// The second task now runs: no worker boots beside it.
		expect(made).toHaveLength(1);
		made[0].finish();
		await second;
		await settle();
		expect(made).toHaveLength(2);
		expect(made[1].jobs).toHaveLength(0);
	});

	test('with rampUp, one worker starts first and the others once it has finished a task', async () => {
		const { pool, made } = fakePool(3, { rampUp: true });
		const tasks = [1, 2, 3, 4].map((seed) => pool.submit('a', 0, fakeJob(seed), 1000));
		await settle();
		expect(made).toHaveLength(1);
		expect(pool.load).toEqual({ queued: 3, running: 1 });
		made[0].finish();
		await settle();
		expect(made).toHaveLength(3);
		expect(pool.load).toEqual({ queued: 0, running: 3 });
		expect(made.map((w) => w.jobs.map((j) => j.seed))).toEqual([[1, 2], [3], [4]]);
		for (const w of made) w.finish();
		await Promise.all(tasks);
	});

	test('with soloBelow, a first run runs alone: idle workers wait for it, except to run other first runs', async () => {
		const { pool, made } = fakePool(3, { soloBelow: 16 });
		const { outcomes, track } = outcomeTracker();
		track(pool.submit('a', 0, fakeJob(1), 1000), 'a1');
		track(pool.submit('a', 16, fakeJob(2), 1000), 'a2');
		track(pool.submit('a', 32, fakeJob(3), 1000), 'a3');
		await settle();
		expect(pool.load).toEqual({ queued: 2, running: 1 });
		// The first run of another ensemble may start beside it.
		track(pool.submit('b', 1, fakeJob(4), 1000), 'b1');
		await settle();
		expect(pool.load).toEqual({ queued: 2, running: 2 });
		expect(made.map((w) => w.jobs.map((j) => j.seed))).toEqual([[1], [4], []]);
		made[0].finish();
		await settle();
		// One first run still runs: the rest still wait.
		expect(pool.load).toEqual({ queued: 2, running: 1 });
		made[1].finish();
		await settle();
		expect(pool.load).toEqual({ queued: 0, running: 2 });
		expect(made.map((w) => w.jobs.map((j) => j.seed))).toEqual([[1, 2], [4, 3], []]);
		made[0].finish();
		made[1].finish();
		await settle();
		expect(outcomes.sort()).toEqual(['a1 done', 'a2 done', 'a3 done', 'b1 done']);
	});

	test('without soloBelow, every idle worker takes a task whatever its priority', async () => {
		const { pool, made } = fakePool(3);
		const tasks = [[0, 1], [16, 2], [32, 3]].map(([priority, seed]) => pool.submit('a', priority, fakeJob(seed), 1000));
		await settle();
		expect(pool.load).toEqual({ queued: 0, running: 3 });
		for (const w of made) w.finish();
		await Promise.all(tasks);
	});

	test('a worker that crashes fails its task with the reason and is replaced', async () => {
		const { pool, made } = fakePool(1);
		const first = pool.submit('a', 0, fakeJob(1), 1000);
		const second = pool.submit('a', 1, fakeJob(2), 1000);
		await settle();
		made[0].crash();
		await expect(first).rejects.toBeInstanceOf(WorkerFailure);
		await settle();
		expect(made).toHaveLength(2);
		expect(made[1].jobs.map((j) => j.seed)).toEqual([2]);
		made[1].finish();
		await expect(second).resolves.toMatchObject({ months: 6 });
	});

	test('when workers keep dying it stops replacing them and fails what waits, instead of looping', async () => {
		const { pool, made } = fakePool(1);
		const tasks = [1, 2, 3, 4].map((seed) => pool.submit('a', seed, fakeJob(seed), 1000).catch((e: Error) => e.message));
		for (let i = 0; i < 3; i++) {
			await settle();
			made[made.length - 1].crash();
		}
		const messages = await Promise.all(tasks);
		expect(messages[3]).toMatch(/keep failing/);
		expect(made).toHaveLength(3);
		await expect(pool.submit('b', 0, fakeJob(9), 1000)).rejects.toThrow(/keep failing/);
	});

	test('a worker that died while idle is replaced before it is given work; if all keep dying, tasks fail', async () => {
		const made: FakeWorker[] = [];
		const pool = new WorkerPool(() => {
			const w = new FakeWorker(`w${made.length}`);
			made.push(w);
			return w;
		}, 1, { spare: true });
		made[0].crash();
		const task = pool.submit('a', 0, fakeJob(1), 1000);
		await settle();
		const live = made.find((w) => !w.dead && w.busy)!;
		expect(live).toBeDefined();
		live.finish();
		await expect(task).resolves.toMatchObject({ months: 6 });

		// Now every new worker is dead on arrival: the pool gives up after three, and says so.
		const doomed = new WorkerPool(() => {
			const w = new FakeWorker('doomed');
			w.dead = true;
			return w;
		}, 1, { spare: true });
		await expect(doomed.submit('a', 0, fakeJob(1), 1000)).rejects.toThrow(/keep failing/);
		await expect(doomed.submit('a', 0, fakeJob(1), 1000)).rejects.toThrow(/keep failing/);
		// Trying again starts afresh (and here fails afresh, after three more workers).
		const before = doomed.started;
		doomed.revive();
		await expect(doomed.submit('a', 0, fakeJob(1), 1000)).rejects.toThrow(/keep failing/);
		expect(doomed.started).toBeGreaterThan(before + 2);
	});
});

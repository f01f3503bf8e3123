import { describe, expect, test } from 'vitest';
import { replicateSeed } from '../model/index';
import { WorkerPool } from './pool';
import { EnsembleScheduler, type EnsembleSpec, type EnsembleUpdate } from './scheduler';
import { FakeWorker, fakeJob, settle } from './test-fakes';

const SHAPE = { outcomes: 3, groups: 2, months: 6 };

function spec(key: string, runs: number, baseSeed = 7): EnsembleSpec {
	return { key, runs, baseSeed, job: (seed) => fakeJob(seed, SHAPE), timeoutMs: 1000 };
}

function setup(size: number, mode: 'manual' | 'auto' = 'manual') {
	const made: FakeWorker[] = [];
	const pool = new WorkerPool(() => {
		const w = new FakeWorker(`w${made.length}`, mode);
		made.push(w);
		return w;
	}, size, { spare: true });
	const updates: EnsembleUpdate[] = [];
	const scheduler = new EnsembleScheduler(pool, (u) => updates.push(u), { outcomes: SHAPE.outcomes, rank: (p) => (p === 'current' ? 0 : 1) });
	return { pool, made, updates, scheduler };
}

const seedsRun = (made: FakeWorker[]) => made.flatMap((w) => w.jobs.map((j) => j.seed));

describe('EnsembleScheduler', () => {
	test('requests that arrive together are coalesced: only the latest runs', async () => {
		const { scheduler, made, updates } = setup(1, 'auto');
		scheduler.request('current', spec('a', 3));
		scheduler.request('current', spec('b', 3, 8));
		scheduler.request('current', spec('c', 2, 9));
		await settle();
		expect(seedsRun(made)).toEqual([replicateSeed(9, 0), replicateSeed(9, 1)]);
		expect(updates.every((u) => u.key === 'c')).toBe(true);
		expect(updates.at(-1)).toMatchObject({ done: 2, runs: 2 });
	});

	test('a new request cancels the old one mid-flight and the old results never arrive', async () => {
		const { scheduler, made, updates } = setup(1);
		scheduler.request('current', spec('old', 4));
		await settle();
		made[0].finish();
		await settle();
		expect(updates.at(-1)).toMatchObject({ key: 'old', done: 1 });
		scheduler.request('current', spec('new', 2, 3));
		await settle();
		// The worker running replicate 1 of "old" was stopped; the spare runs "new".
		expect(made[0].dead).toBe(true);
		const afterSwitch = updates.length;
		made[1].finish();
		await settle();
		made[1].finish();
		await settle();
		const later = updates.slice(afterSwitch);
		expect(later.map((u) => u.key)).toEqual(['new', 'new']);
		expect(later.at(-1)).toMatchObject({ done: 2, runs: 2 });
		expect(later.at(-1)!.requestId).toBeGreaterThan(updates.find((u) => u.key === 'old')!.requestId);
	});

	test('replicate r of every purpose runs before replicate r + 1 of any, current first', async () => {
		const { scheduler, made } = setup(1);
		scheduler.request('baseline', spec('base', 2, 100));
		scheduler.request('current', spec('cur', 2, 200));
		await settle();
		for (let i = 0; i < 4; i++) {
			made[0].finish();
			await settle();
		}
		// The first job started before the others were queued; after it, order is by replicate then rank.
		expect(seedsRun(made).slice(1)).toEqual([replicateSeed(200, 0), replicateSeed(200, 1), replicateSeed(100, 1)]);
	});

	test('a finished ensemble is cached: asking for it again answers at once without running', async () => {
		const { scheduler, made, updates } = setup(1, 'auto');
		scheduler.request('baseline', spec('base', 3));
		await settle();
		scheduler.request('baseline', spec('other', 1));
		await settle();
		const ran = seedsRun(made).length;
		scheduler.request('baseline', spec('base', 3));
		await settle();
		expect(seedsRun(made).length).toBe(ran);
		expect(updates.at(-1)).toMatchObject({ key: 'base', done: 3, runs: 3 });
		expect(updates.at(-1)!.ensemble!.complete).toBe(true);
	});

	test('two purposes asking for the same ensemble share one run', async () => {
		const { scheduler, made, updates } = setup(1, 'auto');
		scheduler.request('current', spec('same', 3));
		scheduler.request('baseline', spec('same', 3));
		await settle();
		expect(seedsRun(made)).toHaveLength(3);
		expect(updates.filter((u) => u.purpose === 'baseline').at(-1)).toMatchObject({ done: 3 });
		expect(updates.filter((u) => u.purpose === 'current').at(-1)).toMatchObject({ done: 3 });
	});

	test('a crash fails the ensemble with a message; asking again runs it afresh', async () => {
		const { scheduler, made, updates } = setup(1);
		scheduler.request('current', spec('x', 2));
		await settle();
		made[0].crash();
		await settle();
		expect(updates.at(-1)!.error).toMatch(/crashed/);
		scheduler.request('current', spec('x', 2));
		await settle();
		const live = made.find((w) => w.busy)!;
		live.finish();
		await settle();
		live.finish();
		await settle();
		expect(updates.at(-1)).toMatchObject({ key: 'x', done: 2, error: undefined });
	});

	test('the same ensemble gives identical numbers with one worker or four, whatever order runs finish in', async () => {
		const results: Float64Array[] = [];
		for (const size of [1, 4]) {
			const { scheduler, made, updates } = setup(size);
			scheduler.request('current', spec('det', 9, 5));
			await settle();
			// Finish in a scrambled order across workers.
			let k = 0;
			while (!updates.at(-1)?.ensemble?.complete) {
				const busy = made.filter((w) => w.busy);
				busy[(k++ * 7) % busy.length].finish();
				await settle();
			}
			const acc = updates.at(-1)!.ensemble!;
			results.push(Float64Array.from([...acc.band(1).p50, ...acc.band(2).mean, acc.final(0, 1).p95]));
		}
		expect(Array.from(results[0])).toEqual(Array.from(results[1]));
	});
});

describe('EnsembleScheduler timing', () => {
	test('a drag waits for a pause; a finished change starts at once', async () => {
		const made: FakeWorker[] = [];
		const pool = new WorkerPool(() => {
			const w = new FakeWorker(`w${made.length}`, 'auto');
			made.push(w);
			return w;
		}, 1);
		const scheduler = new EnsembleScheduler(pool, () => {}, { outcomes: SHAPE.outcomes, coalesceMs: 10_000 });
		scheduler.request('current', spec('drag-1', 1, 1));
		scheduler.request('current', spec('drag-2', 1, 2));
		await settle();
		expect(seedsRun(made)).toEqual([]);
		scheduler.request('current', spec('release', 1, 3), true);
		await settle();
		expect(seedsRun(made)).toEqual([replicateSeed(3, 0)]);
	});
});

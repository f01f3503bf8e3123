import { describe, expect, test } from 'vitest';
import { DAYS_PER_MONTH } from './constants';
import { addArrival, spliceArrivals, unlinkFromQueue } from './queue';
import { createStream } from './rng';
import { allocateCitizens, type CitizenState } from './state/citizens';
import { allocateProviders, type ProviderState } from './state/providers';

/** Citizens (some complex) and providers with empty queues. */
function setup(citizens: number, providers: number, complex: number[] = []) {
	const c = allocateCitizens(citizens);
	for (const i of complex) c.complex[i] = 1;
	const pr = allocateProviders(providers);
	return { c, pr };
}

/** The queue of provider k walked from the head by `next`. */
function forwards(c: CitizenState, pr: ProviderState, k: number): number[] {
	const out: number[] = [];
	for (let i = pr.queueHead[k]; i !== -1; i = c.next[i]) {
		out.push(i);
		if (out.length > c.n) throw new Error('cycle in next links');
	}
	return out;
}

/** The queue of provider k walked from the tail by `prev`, returned head first. */
function backwards(c: CitizenState, pr: ProviderState, k: number): number[] {
	const out: number[] = [];
	for (let i = pr.queueTail[k]; i !== -1; i = c.prev[i]) {
		out.push(i);
		if (out.length > c.n) throw new Error('cycle in prev links');
	}
	return out.reverse();
}

/**
 * Checks that provider k's queue is `expected` walking both ways, that its ends are right and
 * that queueLength and queueComplex count it (pending arrivals counted in `pending`).
 */
function expectQueue(c: CitizenState, pr: ProviderState, k: number, expected: number[], pending: number[] = []) {
	expect(forwards(c, pr, k)).toEqual(expected);
	expect(backwards(c, pr, k)).toEqual(expected);
	expect(pr.queueHead[k]).toBe(expected.length > 0 ? expected[0] : -1);
	expect(pr.queueTail[k]).toBe(expected.length > 0 ? expected[expected.length - 1] : -1);
	if (expected.length > 0) {
		expect(c.prev[expected[0]]).toBe(-1);
		expect(c.next[expected[expected.length - 1]]).toBe(-1);
	}
	const all = [...expected, ...pending];
	expect(pr.queueLength[k]).toBe(all.length);
	expect(pr.queueComplex[k]).toBe(all.filter((i) => c.complex[i] === 1).length);
}

function expectBucketsEmpty(pr: ProviderState, k: number) {
	for (let d = 0; d < DAYS_PER_MONTH; d++) {
		expect(pr.bucketHead[k * DAYS_PER_MONTH + d]).toBe(-1);
		expect(pr.bucketTail[k * DAYS_PER_MONTH + d]).toBe(-1);
	}
}

describe('addArrival and spliceArrivals', () => {
	test('arrivals added out of day order join the queue in day order, first come first served within a day', () => {
		const { c, pr } = setup(12, 2, [1, 4, 9]);
		// (citizen, day) in the order they arrive in the code, not by day.
		const arrivals: [number, number][] = [
			[0, 17], [1, 3], [2, 17], [3, 0], [4, 29], [5, 3], [6, 17], [7, 0], [8, 12], [9, 3]
		];
		for (const [i, d] of arrivals) addArrival(c, pr, 1, d, i);
		expect(pr.queueHead[1]).toBe(-1);
		expect(pr.queueLength[1]).toBe(arrivals.length);
		expect(pr.queueComplex[1]).toBe(3);

		spliceArrivals(c, pr, 1);
		// Stable sort by day gives day order with ties kept in arrival order.
		const expected = [...arrivals].sort((a, b) => a[1] - b[1]).map(([i]) => i);
		expect(expected).toEqual([3, 7, 1, 5, 9, 8, 0, 2, 6, 4]);
		expectQueue(c, pr, 1, expected);
		expectBucketsEmpty(pr, 1);
		expectQueue(c, pr, 0, []);
	});

	test('a splice appends this month\'s arrivals after the people already waiting', () => {
		const { c, pr } = setup(10, 1, [2]);
		addArrival(c, pr, 0, 5, 0);
		addArrival(c, pr, 0, 1, 1);
		spliceArrivals(c, pr, 0);
		expectQueue(c, pr, 0, [1, 0]);

		addArrival(c, pr, 0, 20, 2);
		addArrival(c, pr, 0, 0, 3);
		addArrival(c, pr, 0, 20, 4);
		expectQueue(c, pr, 0, [1, 0], [2, 3, 4]);
		spliceArrivals(c, pr, 0);
		expectQueue(c, pr, 0, [1, 0, 3, 2, 4]);
		expectBucketsEmpty(pr, 0);
	});

	test('a splice with no arrivals leaves the queue as it was', () => {
		const { c, pr } = setup(5, 1);
		addArrival(c, pr, 0, 2, 0);
		addArrival(c, pr, 0, 2, 1);
		spliceArrivals(c, pr, 0);
		spliceArrivals(c, pr, 0);
		expectQueue(c, pr, 0, [0, 1]);
	});

	test('arrivals at different providers stay in their own queues', () => {
		const { c, pr } = setup(9, 3, [0, 5]);
		const at: [number, number, number][] = [
			[0, 0, 4], [1, 2, 4], [2, 1, 0], [3, 0, 0], [4, 2, 29], [5, 1, 29], [6, 0, 4], [7, 2, 0], [8, 1, 15]
		];
		for (const [i, k, d] of at) addArrival(c, pr, k, d, i);
		for (let k = 0; k < 3; k++) spliceArrivals(c, pr, k);
		expectQueue(c, pr, 0, [3, 0, 6]);
		expectQueue(c, pr, 1, [2, 8, 5]);
		expectQueue(c, pr, 2, [7, 1, 4]);
		for (let k = 0; k < 3; k++) expectBucketsEmpty(pr, k);
	});

	test('the first and last days of the month both work', () => {
		const { c, pr } = setup(3, 1);
		addArrival(c, pr, 0, DAYS_PER_MONTH - 1, 0);
		addArrival(c, pr, 0, 0, 1);
		spliceArrivals(c, pr, 0);
		expectQueue(c, pr, 0, [1, 0]);
	});
});

describe('unlinkFromQueue', () => {
	function queueOf(order: number[], complex: number[] = []) {
		const { c, pr } = setup(10, 2, complex);
		order.forEach((i, pos) => addArrival(c, pr, 1, pos, i));
		spliceArrivals(c, pr, 1);
		expectQueue(c, pr, 1, order);
		return { c, pr };
	}

	test('removing the head makes the second the head', () => {
		const { c, pr } = queueOf([4, 2, 7, 1], [4]);
		unlinkFromQueue(c, pr, 1, 4);
		expectQueue(c, pr, 1, [2, 7, 1]);
		expect([c.next[4], c.prev[4]]).toEqual([-1, -1]);
	});

	test('removing from the middle joins its neighbours', () => {
		const { c, pr } = queueOf([4, 2, 7, 1], [7]);
		unlinkFromQueue(c, pr, 1, 7);
		expectQueue(c, pr, 1, [4, 2, 1]);
		expect([c.next[7], c.prev[7]]).toEqual([-1, -1]);
		expect(c.next[2]).toBe(1);
		expect(c.prev[1]).toBe(2);
	});

	test('removing the tail makes the one before it the tail', () => {
		const { c, pr } = queueOf([4, 2, 7, 1], [1, 2]);
		unlinkFromQueue(c, pr, 1, 1);
		expectQueue(c, pr, 1, [4, 2, 7]);
		expect([c.next[1], c.prev[1]]).toEqual([-1, -1]);
	});

	test('removing the only member empties the queue', () => {
		const { c, pr } = queueOf([3], [3]);
		unlinkFromQueue(c, pr, 1, 3);
		expectQueue(c, pr, 1, []);
		expect(pr.queueComplex[1]).toBe(0);
	});

	test('removing everyone in any order empties the queue, and the counts follow each step', () => {
		const order = [5, 0, 8, 3, 6, 1];
		const { c, pr } = queueOf(order, [0, 3, 6]);
		const remaining = [...order];
		for (const i of [8, 5, 1, 3, 6, 0]) {
			unlinkFromQueue(c, pr, 1, i);
			remaining.splice(remaining.indexOf(i), 1);
			expectQueue(c, pr, 1, remaining);
		}
		expectQueue(c, pr, 0, []);
	});

	test('a removed citizen can join again, at the end', () => {
		const { c, pr } = queueOf([4, 2, 7]);
		unlinkFromQueue(c, pr, 1, 4);
		addArrival(c, pr, 1, 0, 4);
		spliceArrivals(c, pr, 1);
		expectQueue(c, pr, 1, [2, 7, 4]);
	});
});

test('a long random mix of arrivals, splices and removals matches a plain array model', () => {
	const citizens = 300;
	const providers = 4;
	const complex = Array.from({ length: citizens }, (_, i) => i).filter((i) => i % 3 === 0);
	const { c, pr } = setup(citizens, providers, complex);
	const rng = createStream(1, 0, 'queue-spec');
	const pick = (n: number) => Math.floor(rng.next() * n);

	const queues: number[][] = Array.from({ length: providers }, () => []);
	const buckets: number[][][] = Array.from({ length: providers }, () => Array.from({ length: DAYS_PER_MONTH }, () => []));
	const where = new Int32Array(citizens).fill(-1); // provider whose queue (or bucket) holds i
	const spliced = new Uint8Array(citizens);

	for (let month = 0; month < 40; month++) {
		for (let step = 0; step < 60; step++) {
			const i = pick(citizens);
			if (where[i] === -1) {
				const k = pick(providers);
				const d = pick(DAYS_PER_MONTH);
				addArrival(c, pr, k, d, i);
				buckets[k][d].push(i);
				where[i] = k;
				spliced[i] = 0;
			} else if (spliced[i] === 1) {
				const k = where[i];
				unlinkFromQueue(c, pr, k, i);
				queues[k].splice(queues[k].indexOf(i), 1);
				where[i] = -1;
			}
		}
		for (let k = 0; k < providers; k++) {
			spliceArrivals(c, pr, k);
			for (const day of buckets[k]) {
				for (const i of day) spliced[i] = 1;
				queues[k].push(...day);
				day.length = 0;
			}
			expectQueue(c, pr, k, queues[k]);
			expectBucketsEmpty(pr, k);
		}
	}
	expect(queues.reduce((n, q) => n + q.length, 0)).toBeGreaterThan(0);
});

import { describe, expect, test } from 'vitest';
import { DAYS_PER_MONTH, QUEUE_DAYS } from './constants';
import { addArrival, admitArrivals, dequeue, earliestCase, enqueue } from './queue';
import { createStream } from './rng';
import { allocateCitizens, type CitizenState } from './state/citizens';
import { allocateProviders, type ProviderState } from './state/providers';

/** Citizens (some complex) and providers with empty waiting lists. */
function setup(citizens: number, providers: number, complex: number[] = []) {
	const c = allocateCitizens(citizens);
	for (const i of complex) c.complex[i] = 1;
	for (let i = 0; i < citizens; i++) c.caseUnits[i] = 1 + (i % 4) * 0.5;
	const pr = allocateProviders(providers);
	return { c, pr };
}

/** Book citizen i for `due` and put it on provider k's list. */
function book(c: CitizenState, pr: ProviderState, k: number, i: number, due: number): void {
	c.dueDay[i] = due;
	enqueue(c, pr, k, i);
}

/**
 * Provider k's list walked bucket by bucket from `earliestDue`, each bucket head to tail by
 * `next`, checking on the way that every bucket's `prev` links mirror its `next` links and that
 * each case sits in the bucket of its own booked day.
 */
function walk(c: CitizenState, pr: ProviderState, k: number): number[] {
	const out: number[] = [];
	if (pr.queueLength[k] === 0) return out;
	for (let step = 0; step < QUEUE_DAYS; step++) {
		const day = pr.earliestDue[k] + step;
		const b = k * QUEUE_DAYS + (day & (QUEUE_DAYS - 1));
		let before = -1;
		for (let i = pr.ringHead[b]; i !== -1; i = c.next[i]) {
			expect(c.prev[i]).toBe(before);
			expect(c.dueDay[i], `citizen ${i} in the bucket of day ${day}`).toBe(day);
			before = i;
			out.push(i);
			if (out.length > c.n) throw new Error('cycle in next links');
		}
		expect(pr.ringTail[b]).toBe(before);
	}
	return out;
}

/** Take every case off provider k's list in the order the list gives them. */
function drain(c: CitizenState, pr: ProviderState, k: number): number[] {
	const out: number[] = [];
	for (let i = earliestCase(pr, k); i !== -1; i = earliestCase(pr, k)) {
		dequeue(c, pr, k, i);
		out.push(i);
		if (out.length > c.n) throw new Error('the list does not empty');
	}
	return out;
}

/** Checks that provider k's list is `expected` in order and that its counts describe it. */
function expectList(c: CitizenState, pr: ProviderState, k: number, expected: number[]) {
	expect(walk(c, pr, k)).toEqual(expected);
	expect(pr.queueLength[k]).toBe(expected.length);
	expect(pr.queueComplex[k]).toBe(expected.filter((i) => c.complex[i] === 1).length);
	expect(pr.queueUnits[k]).toBeCloseTo(expected.reduce((s, i) => s + c.caseUnits[i], 0), 9);
	expect(earliestCase(pr, k)).toBe(expected.length > 0 ? expected[0] : -1);
}

function expectBucketsEmpty(pr: ProviderState, k: number) {
	for (let d = 0; d < DAYS_PER_MONTH; d++) {
		expect(pr.bucketHead[k * DAYS_PER_MONTH + d]).toBe(-1);
		expect(pr.bucketTail[k * DAYS_PER_MONTH + d]).toBe(-1);
	}
}

/** Cases in order of booked day, first come first served within a day (a stable sort). */
function byBookedDay(cases: [number, number][]): number[] {
	return [...cases].sort((a, b) => a[1] - b[1]).map(([i]) => i);
}

describe('enqueue and earliestCase: order of booked days', () => {
	test('cases booked out of order come off the list in order of booked day', () => {
		const { c, pr } = setup(12, 2, [1, 4, 9]);
		const cases: [number, number][] = [
			[0, 517], [1, 503], [2, 540], [3, 500], [4, 529], [5, 612], [6, 501], [7, 777], [8, 512], [9, 502]
		];
		for (const [i, due] of cases) book(c, pr, 1, i, due);
		expectList(c, pr, 1, byBookedDay(cases));
		expect(drain(c, pr, 1)).toEqual(byBookedDay(cases));
		expectList(c, pr, 1, []);
		expectList(c, pr, 0, []);
	});

	test('cases booked for the same day are served first come first served', () => {
		const { c, pr } = setup(10, 1, [2]);
		for (const i of [4, 1, 7, 2, 9]) book(c, pr, 0, i, 30);
		book(c, pr, 0, 3, 29);
		book(c, pr, 0, 0, 31);
		expectList(c, pr, 0, [3, 4, 1, 7, 2, 9, 0]);
		expect(drain(c, pr, 0)).toEqual([3, 4, 1, 7, 2, 9, 0]);
	});

	test('a case booked earlier than everyone waiting goes to the front', () => {
		const { c, pr } = setup(6, 1);
		book(c, pr, 0, 0, 200);
		book(c, pr, 0, 1, 210);
		book(c, pr, 0, 2, 150);
		expect(pr.earliestDue[0]).toBe(150);
		expectList(c, pr, 0, [2, 0, 1]);
	});

	test('booked days that wrap round the calendar keep their order', () => {
		const { c, pr } = setup(8, 1);
		const cases: [number, number][] = [
			[0, QUEUE_DAYS + 3], [1, QUEUE_DAYS - 2], [2, QUEUE_DAYS], [3, QUEUE_DAYS - 1], [4, 2 * QUEUE_DAYS - 600]
		];
		for (const [i, due] of cases) book(c, pr, 0, i, due);
		expect(drain(c, pr, 0)).toEqual(byBookedDay(cases));
	});

	test('lists at different providers are kept apart', () => {
		const { c, pr } = setup(9, 3, [0, 5]);
		const at: [number, number, number][] = [
			[0, 0, 14], [1, 2, 14], [2, 1, 10], [3, 0, 10], [4, 2, 39], [5, 1, 39], [6, 0, 14], [7, 2, 10], [8, 1, 25]
		];
		for (const [i, k, due] of at) book(c, pr, k, i, due);
		expectList(c, pr, 0, [3, 0, 6]);
		expectList(c, pr, 1, [2, 8, 5]);
		expectList(c, pr, 2, [7, 1, 4]);
	});

	test('an emptied list starts afresh: a later first booking sets where the calendar begins', () => {
		const { c, pr } = setup(4, 1);
		book(c, pr, 0, 0, 10);
		drain(c, pr, 0);
		book(c, pr, 0, 1, 10 + 3 * QUEUE_DAYS);
		book(c, pr, 0, 2, 10 + 3 * QUEUE_DAYS + 500);
		expect(c.dueDay[2]).toBe(10 + 3 * QUEUE_DAYS + 500);
		expectList(c, pr, 0, [1, 2]);
	});
});

describe('dequeue', () => {
	function listOf(cases: [number, number][], complex: number[] = []) {
		const { c, pr } = setup(10, 2, complex);
		for (const [i, due] of cases) book(c, pr, 1, i, due);
		return { c, pr };
	}
	const cases: [number, number][] = [[4, 100], [2, 100], [7, 101], [1, 103]];

	test('removing the earliest case makes the next one the earliest', () => {
		const { c, pr } = listOf(cases, [4]);
		dequeue(c, pr, 1, 4);
		expectList(c, pr, 1, [2, 7, 1]);
		expect([c.next[4], c.prev[4]]).toEqual([-1, -1]);
	});

	test('removing a case from the middle of a day joins its neighbours', () => {
		const { c, pr } = listOf([[4, 100], [2, 100], [5, 100], [1, 103]], [2]);
		dequeue(c, pr, 1, 2);
		expectList(c, pr, 1, [4, 5, 1]);
		expect(c.next[4]).toBe(5);
		expect(c.prev[5]).toBe(4);
	});

	test('removing the only case of a day empties that day and the list skips it', () => {
		const { c, pr } = listOf(cases, [7]);
		dequeue(c, pr, 1, 7);
		expectList(c, pr, 1, [4, 2, 1]);
	});

	test('removing the last case of the last day leaves the rest', () => {
		const { c, pr } = listOf(cases, [1, 2]);
		dequeue(c, pr, 1, 1);
		expectList(c, pr, 1, [4, 2, 7]);
	});

	test('removing the only case empties the list and its counts', () => {
		const { c, pr } = listOf([[3, 40]], [3]);
		dequeue(c, pr, 1, 3);
		expectList(c, pr, 1, []);
		expect(pr.queueUnits[1]).toBe(0);
		expect(pr.queueComplex[1]).toBe(0);
	});

	test('removing everyone in any order empties the list, and the counts follow each step', () => {
		const many: [number, number][] = [[5, 60], [0, 61], [8, 60], [3, 75], [6, 61], [1, 90]];
		const { c, pr } = listOf(many, [0, 3, 6]);
		const remaining = byBookedDay(many);
		for (const i of [8, 5, 1, 3, 6, 0]) {
			dequeue(c, pr, 1, i);
			remaining.splice(remaining.indexOf(i), 1);
			expectList(c, pr, 1, remaining);
		}
		expectList(c, pr, 0, []);
	});

	test('a removed case can be booked again, behind those already booked for its day', () => {
		const { c, pr } = listOf(cases);
		dequeue(c, pr, 1, 4);
		book(c, pr, 1, 4, 100);
		expectList(c, pr, 1, [2, 4, 7, 1]);
	});
});

describe('the work waiting', () => {
	test('queueUnits is the sum of the waiting cases’ own work, and never goes below zero', () => {
		const { c, pr } = setup(6, 1);
		[0.4, 2.5, 1, 0.7, 3.2, 1.1].forEach((u, i) => (c.caseUnits[i] = u));
		// The work as stored (single precision).
		const units = Array.from(c.caseUnits.subarray(0, 6));
		for (let i = 0; i < 6; i++) book(c, pr, 0, i, 10 + i);
		expect(pr.queueUnits[0]).toBeCloseTo(units.reduce((a, b) => a + b, 0), 12);
		dequeue(c, pr, 0, 1);
		expect(pr.queueUnits[0]).toBeCloseTo(units.reduce((a, b) => a + b, 0) - units[1], 12);
		for (const i of [0, 2, 3, 4]) dequeue(c, pr, 0, i);
		expect(pr.queueUnits[0]).toBeCloseTo(units[5], 12);
		dequeue(c, pr, 0, 5);
		// Rounding leaves no residue once the list is empty.
		expect(pr.queueUnits[0]).toBe(0);
	});
});

describe('bookings beyond the calendar', () => {
	test('a case booked further ahead than the calendar holds waits in its last day, behind every earlier booking', () => {
		const { c, pr } = setup(6, 1);
		book(c, pr, 0, 0, 100);
		book(c, pr, 0, 1, 100 + QUEUE_DAYS + 50);
		expect(c.dueDay[1]).toBe(100 + QUEUE_DAYS - 1);
		book(c, pr, 0, 2, 100 + QUEUE_DAYS - 1);
		book(c, pr, 0, 3, 100 + QUEUE_DAYS - 2);
		book(c, pr, 0, 4, 101);
		expectList(c, pr, 0, [0, 4, 3, 1, 2]);
		expect(drain(c, pr, 0)).toEqual([0, 4, 3, 1, 2]);
	});

	test('the last day the calendar holds is kept as booked', () => {
		const { c, pr } = setup(3, 1);
		book(c, pr, 0, 0, 7);
		book(c, pr, 0, 1, 7 + QUEUE_DAYS - 1);
		expect(c.dueDay[1]).toBe(7 + QUEUE_DAYS - 1);
		expectList(c, pr, 0, [0, 1]);
	});

	// A booking earlier than everyone waiting must not let a case booked at the far end of the
	// calendar share a bucket with a day scanned first (a regression: it was served before cases
	// booked up to QUEUE_DAYS − 1 days earlier). Bookings are kept within QUEUE_DAYS of the latest
	// too, so the early case waits in the calendar's first day, with the earliest case waiting.
	test('a case booked before everyone waiting does not let a far-off booking jump the list', () => {
		const { c, pr } = setup(4, 1);
		book(c, pr, 0, 0, 100);
		book(c, pr, 0, 1, 100 + QUEUE_DAYS - 1);
		book(c, pr, 0, 2, 50);
		expect(c.dueDay[2]).toBe(100);
		expect(drain(c, pr, 0)).toEqual([0, 2, 1]);
	});
});

describe('addArrival and admitArrivals', () => {
	test('this month’s arrivals wait in their day’s bucket, off the list, until their day is admitted', () => {
		const { c, pr } = setup(12, 2, [1]);
		book(c, pr, 1, 11, 5);
		const arrivals: [number, number][] = [[0, 17], [1, 3], [2, 17], [3, 0], [4, 29], [5, 3]];
		for (const [i, d] of arrivals) {
			c.dueDay[i] = 20 + i;
			addArrival(c, pr, 1, d, i);
		}
		expectList(c, pr, 1, [11]);
		admitArrivals(c, pr, 1, 3);
		expectList(c, pr, 1, [11, 1, 5]);
		admitArrivals(c, pr, 1, 17);
		expectList(c, pr, 1, [11, 0, 1, 2, 5]);
		for (let d = 0; d < DAYS_PER_MONTH; d++) admitArrivals(c, pr, 1, d);
		expectList(c, pr, 1, [11, 0, 1, 2, 3, 4, 5]);
		expectBucketsEmpty(pr, 1);
		expectList(c, pr, 0, []);
	});

	test('arrivals of one day booked for the same day join it in the order they arrived', () => {
		const { c, pr } = setup(6, 1);
		for (const i of [4, 0, 5, 2]) {
			c.dueDay[i] = 40;
			addArrival(c, pr, 0, 9, i);
		}
		admitArrivals(c, pr, 0, 9);
		expectList(c, pr, 0, [4, 0, 5, 2]);
		expectBucketsEmpty(pr, 0);
	});

	test('admitting a day with no arrivals changes nothing', () => {
		const { c, pr } = setup(5, 1);
		book(c, pr, 0, 0, 3);
		admitArrivals(c, pr, 0, 12);
		expectList(c, pr, 0, [0]);
	});

	test('the first and last days of the month both work, at every provider', () => {
		const { c, pr } = setup(6, 3);
		for (let k = 0; k < 3; k++) {
			c.dueDay[2 * k] = 100;
			c.dueDay[2 * k + 1] = 90;
			addArrival(c, pr, k, DAYS_PER_MONTH - 1, 2 * k);
			addArrival(c, pr, k, 0, 2 * k + 1);
		}
		for (let k = 0; k < 3; k++) {
			admitArrivals(c, pr, k, 0);
			expectList(c, pr, k, [2 * k + 1]);
			admitArrivals(c, pr, k, DAYS_PER_MONTH - 1);
			expectList(c, pr, k, [2 * k + 1, 2 * k]);
			expectBucketsEmpty(pr, k);
		}
	});
});

test('a long random mix of bookings, arrivals, admissions and removals matches a sorted array', () => {
	const citizens = 400;
	const providers = 3;
	const complex = Array.from({ length: citizens }, (_, i) => i).filter((i) => i % 3 === 0);
	const { c, pr } = setup(citizens, providers, complex);
	const rng = createStream(1, 0, 'queue-spec');
	const pick = (n: number) => Math.floor(rng.next() * n);

	// Reference: each provider's list as [citizen, booked day, joining order], kept sorted.
	const lists: [number, number, number][][] = Array.from({ length: providers }, () => []);
	const buckets: number[][][] = Array.from({ length: providers }, () => Array.from({ length: DAYS_PER_MONTH }, () => []));
	const where = new Int32Array(citizens).fill(-1);
	const listed = new Uint8Array(citizens);
	let joined = 0;
	const sortList = (list: [number, number, number][]) => list.sort((a, b) => a[1] - b[1] || a[2] - b[2]);

	for (let month = 0; month < 36; month++) {
		const today = month * DAYS_PER_MONTH;
		for (let d = 0; d < DAYS_PER_MONTH; d++) {
			for (let step = 0; step < 3; step++) {
				const i = pick(citizens);
				if (where[i] === -1) {
					const k = pick(providers);
					// Booked from the arrival day to a year ahead, as allowances are.
					c.dueDay[i] = today + d + pick(366);
					addArrival(c, pr, k, d, i);
					buckets[k][d].push(i);
					where[i] = k;
					listed[i] = 0;
				} else if (listed[i] === 1) {
					const k = where[i];
					dequeue(c, pr, k, i);
					lists[k].splice(lists[k].findIndex(([j]) => j === i), 1);
					where[i] = -1;
				}
			}
			for (let k = 0; k < providers; k++) {
				admitArrivals(c, pr, k, d);
				for (const i of buckets[k][d]) {
					lists[k].push([i, c.dueDay[i], joined++]);
					listed[i] = 1;
				}
				buckets[k][d].length = 0;
				sortList(lists[k]);
				// Serve the earliest-booked case now and then.
				if (pick(4) === 0) {
					const i = earliestCase(pr, k);
					expect(i).toBe(lists[k].length > 0 ? lists[k][0][0] : -1);
					if (i !== -1) {
						dequeue(c, pr, k, i);
						lists[k].shift();
						where[i] = -1;
					}
				}
			}
		}
		for (let k = 0; k < providers; k++) {
			expectList(c, pr, k, lists[k].map(([i]) => i));
			expectBucketsEmpty(pr, k);
		}
	}
	expect(lists.reduce((n, list) => n + list.length, 0)).toBeGreaterThan(50);
});

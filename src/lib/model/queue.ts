import type { CitizenState } from './state/citizens';
import type { ProviderState } from './state/providers';
import { DAYS_PER_MONTH, QUEUE_DAYS } from './constants';

/**
 * Waiting lists as calendar queues: each provider has QUEUE_DAYS day buckets, and a waiting case
 * sits in the bucket of the day it is booked for (its `dueDay`, modulo QUEUE_DAYS), behind the
 * cases booked earlier for that day. Buckets are doubly linked lists threaded through the citizen
 * columns `next` and `prev`, so joining, leaving and taking the next case cost O(1) (amortised)
 * and allocate nothing. Serving in booked-day order, first come first served within a day, is
 * "clinical priority, then treat in turn".
 *
 * `earliestDue` and `latestDue` bound the booked days waiting (loosely: they move only outward
 * until the list empties); bookings are kept within QUEUE_DAYS of both, so no two days waiting
 * share a bucket.
 *
 * This month's arrivals wait in per-day arrival buckets until their day comes, so no case is seen
 * before it arrives.
 */

/** Put citizen i on provider k's waiting list under its booked day. */
export function enqueue(c: CitizenState, pr: ProviderState, k: number, i: number): void {
	let due = c.dueDay[i];
	if (pr.queueLength[k] === 0) {
		pr.earliestDue[k] = due;
		pr.latestDue[k] = due;
	} else {
		// Bookings must span less than the calendar: one too far ahead waits in the calendar's last
		// day, and one too far before the latest waits in its first.
		if (due > pr.earliestDue[k] + QUEUE_DAYS - 1) due = pr.earliestDue[k] + QUEUE_DAYS - 1;
		if (due < pr.latestDue[k] - QUEUE_DAYS + 1) due = pr.latestDue[k] - QUEUE_DAYS + 1;
		c.dueDay[i] = due;
		if (due < pr.earliestDue[k]) pr.earliestDue[k] = due;
		if (due > pr.latestDue[k]) pr.latestDue[k] = due;
	}
	const b = k * QUEUE_DAYS + (due & (QUEUE_DAYS - 1));
	const tail = pr.ringTail[b];
	c.next[i] = -1;
	c.prev[i] = tail;
	if (tail === -1) pr.ringHead[b] = i;
	else c.next[tail] = i;
	pr.ringTail[b] = i;
	pr.queueLength[k]++;
	pr.queueUnits[k] += c.caseUnits[i];
	if (c.complex[i] === 1) pr.queueComplex[k]++;
}

/** Take citizen i off provider k's waiting list (served, in crisis, recovered or parked). */
export function dequeue(c: CitizenState, pr: ProviderState, k: number, i: number): void {
	const b = k * QUEUE_DAYS + (c.dueDay[i] & (QUEUE_DAYS - 1));
	const before = c.prev[i];
	const after = c.next[i];
	if (before === -1) pr.ringHead[b] = after;
	else c.next[before] = after;
	if (after === -1) pr.ringTail[b] = before;
	else c.prev[after] = before;
	c.next[i] = -1;
	c.prev[i] = -1;
	pr.queueLength[k]--;
	const units = pr.queueUnits[k] - c.caseUnits[i];
	pr.queueUnits[k] = pr.queueLength[k] === 0 || units < 0 ? 0 : units;
	if (c.complex[i] === 1) pr.queueComplex[k]--;
}

/** The waiting case booked earliest at provider k (first come first served within a day), or -1. */
export function earliestCase(pr: ProviderState, k: number): number {
	if (pr.queueLength[k] === 0) return -1;
	let day = pr.earliestDue[k];
	const base = k * QUEUE_DAYS;
	for (let step = 0; step < QUEUE_DAYS; step++, day++) {
		const head = pr.ringHead[base + (day & (QUEUE_DAYS - 1))];
		if (head !== -1) {
			pr.earliestDue[k] = day;
			return head;
		}
	}
	return -1;
}

/** Hold citizen i, arriving on day d of this month, until that day comes. */
export function addArrival(c: CitizenState, pr: ProviderState, k: number, d: number, i: number): void {
	const b = k * DAYS_PER_MONTH + d;
	const tail = pr.bucketTail[b];
	c.next[i] = -1;
	c.prev[i] = tail;
	if (tail === -1) pr.bucketHead[b] = i;
	else c.next[tail] = i;
	pr.bucketTail[b] = i;
}

/** Move the arrivals of day d of this month onto provider k's waiting list. */
export function admitArrivals(c: CitizenState, pr: ProviderState, k: number, d: number): void {
	const b = k * DAYS_PER_MONTH + d;
	let i = pr.bucketHead[b];
	pr.bucketHead[b] = -1;
	pr.bucketTail[b] = -1;
	while (i !== -1) {
		const next = c.next[i];
		enqueue(c, pr, k, i);
		i = next;
	}
}

import type { CitizenState } from './state/citizens';
import type { ProviderState } from './state/providers';
import { DAYS_PER_MONTH } from './constants';

/**
 * Provider queues as doubly linked lists threaded through the citizen columns `next` and
 * `prev`, so joining, leaving and splicing cost O(1) and allocate nothing.
 */

export function unlinkFromQueue(c: CitizenState, pr: ProviderState, k: number, i: number): void {
	const before = c.prev[i];
	const after = c.next[i];
	if (before === -1) pr.queueHead[k] = after;
	else c.next[before] = after;
	if (after === -1) pr.queueTail[k] = before;
	else c.prev[after] = before;
	c.next[i] = -1;
	c.prev[i] = -1;
	pr.queueLength[k]--;
	if (c.complex[i] === 1) pr.queueComplex[k]--;
}

/** Append citizen i to the arrivals of provider k on day d of this month. */
export function addArrival(c: CitizenState, pr: ProviderState, k: number, d: number, i: number): void {
	const b = k * DAYS_PER_MONTH + d;
	const tail = pr.bucketTail[b];
	c.next[i] = -1;
	c.prev[i] = tail;
	if (tail === -1) pr.bucketHead[b] = i;
	else c.next[tail] = i;
	pr.bucketTail[b] = i;
	pr.queueLength[k]++;
	if (c.complex[i] === 1) pr.queueComplex[k]++;
}

/** Move this month's arrivals onto the end of the queue, in day order, and empty the buckets. */
export function spliceArrivals(c: CitizenState, pr: ProviderState, k: number): void {
	for (let d = 0; d < DAYS_PER_MONTH; d++) {
		const b = k * DAYS_PER_MONTH + d;
		const head = pr.bucketHead[b];
		if (head === -1) continue;
		const tail = pr.queueTail[k];
		if (tail === -1) pr.queueHead[k] = head;
		else c.next[tail] = head;
		c.prev[head] = tail;
		pr.queueTail[k] = pr.bucketTail[b];
		pr.bucketHead[b] = -1;
		pr.bucketTail[b] = -1;
	}
}

// The waiting lists as the kernels keep them (AssemblyScript; ../queue.ts says how they work):
// calendar queues of day buckets, doubly linked through the citizens' next and prev, and each
// month's arrivals held by day until their day comes.

import { DAYS_PER_MONTH, QUEUE_DAYS } from './constants';
import {
	addF64,
	bucketHead,
	bucketTail,
	caseUnits,
	complex,
	dueDay,
	earliestDue,
	f32At,
	f64At,
	i32At,
	latestDue,
	next,
	prev,
	queueComplex,
	queueLength,
	queueUnits,
	ringHead,
	ringTail,
	setF64,
	setI32,
	u8At
} from './world';


/** Put citizen i on provider k's waiting list under its booked day. */
export function enqueue(k: i32, i: i32): void {
	let due = i32At(dueDay, i);
	if (i32At(queueLength, k) == 0) {
		setI32(earliestDue, k, due);
		setI32(latestDue, k, due);
	} else {
		// Bookings must span less than the calendar (queue.ts).
		if (due > i32At(earliestDue, k) + QUEUE_DAYS - 1) due = i32At(earliestDue, k) + QUEUE_DAYS - 1;
		if (due < i32At(latestDue, k) - QUEUE_DAYS + 1) due = i32At(latestDue, k) - QUEUE_DAYS + 1;
		setI32(dueDay, i, due);
		if (due < i32At(earliestDue, k)) setI32(earliestDue, k, due);
		if (due > i32At(latestDue, k)) setI32(latestDue, k, due);
	}
	const b = k * QUEUE_DAYS + (due & (QUEUE_DAYS - 1));
	const tail = i32At(ringTail, b);
	setI32(next, i, -1);
	setI32(prev, i, tail);
	if (tail == -1) setI32(ringHead, b, i);
	else setI32(next, tail, i);
	setI32(ringTail, b, i);
	setI32(queueLength, k, i32At(queueLength, k) + 1);
	addF64(queueUnits, k, f32At(caseUnits, i));
	if (u8At(complex, i) == 1) setI32(queueComplex, k, i32At(queueComplex, k) + 1);
}

/** Take citizen i off provider k's waiting list. */
export function dequeue(k: i32, i: i32): void {
	const b = k * QUEUE_DAYS + (i32At(dueDay, i) & (QUEUE_DAYS - 1));
	const before = i32At(prev, i);
	const after = i32At(next, i);
	if (before == -1) setI32(ringHead, b, after);
	else setI32(next, before, after);
	if (after == -1) setI32(ringTail, b, before);
	else setI32(prev, after, before);
	setI32(next, i, -1);
	setI32(prev, i, -1);
	const length = i32At(queueLength, k) - 1;
	setI32(queueLength, k, length);
	const units = f64At(queueUnits, k) - f32At(caseUnits, i);
	setF64(queueUnits, k, length == 0 || units < 0 ? 0 : units);
	if (u8At(complex, i) == 1) setI32(queueComplex, k, i32At(queueComplex, k) - 1);
}

/** The waiting case booked earliest at provider k (first come first served within a day), or -1. */
export function earliestCase(k: i32): i32 {
	if (i32At(queueLength, k) == 0) return -1;
	let day = i32At(earliestDue, k);
	const base = k * QUEUE_DAYS;
	for (let step: i32 = 0; step < QUEUE_DAYS; step++, day++) {
		const head = i32At(ringHead, base + (day & (QUEUE_DAYS - 1)));
		if (head != -1) {
			setI32(earliestDue, k, day);
			return head;
		}
	}
	return -1;
}

/** Move the arrivals of day d of this month onto provider k's waiting list. */
export function admitArrivals(k: i32, d: i32): void {
	const b = k * DAYS_PER_MONTH + d;
	let i = i32At(bucketHead, b);
	setI32(bucketHead, b, -1);
	setI32(bucketTail, b, -1);
	while (i != -1) {
		const after = i32At(next, i);
		enqueue(k, i);
		i = after;
	}
}

/** Hold citizen i, arriving on day d of this month, until that day comes. */
export function addArrival(k: i32, d: i32, i: i32): void {
	const b = k * DAYS_PER_MONTH + d;
	const tail = i32At(bucketTail, b);
	setI32(next, i, -1);
	setI32(prev, i, tail);
	if (tail == -1) setI32(bucketHead, b, i);
	else setI32(next, tail, i);
	setI32(bucketTail, b, i);
}

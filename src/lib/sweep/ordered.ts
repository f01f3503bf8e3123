/**
 * Runs items concurrently and hands their results on in the items' order, whatever order they
 * finish in: the output of a sweep is the same bytes with any number of threads. At most
 * `window` items are started and not yet handed on, so memory stays bounded however many
 * items there are and however slow the first one is.
 */
export async function runInOrder<T, R>(
	items: Iterable<T>,
	window: number,
	start: (item: T) => Promise<R>,
	done: (item: T, result: R) => void | Promise<void>
): Promise<void> {
	if (!Number.isInteger(window) || window < 1) throw new RangeError(`the window must be a whole number ≥ 1, not ${window}`);
	const iterator = items[Symbol.iterator]();
	/** Started and not yet handed on, in item order. */
	const pending: { item: T; result: Promise<R> }[] = [];
	let exhausted = false;
	const fill = () => {
		while (!exhausted && pending.length < window) {
			const next = iterator.next();
			if (next.done) {
				exhausted = true;
				break;
			}
			const result = start(next.value);
			// A failure is reported when its turn comes; until then it must not count as unhandled.
			result.catch(() => {});
			pending.push({ item: next.value, result });
		}
	};
	fill();
	while (pending.length > 0) {
		const head = pending.shift()!;
		await done(head.item, await head.result);
		fill();
	}
}

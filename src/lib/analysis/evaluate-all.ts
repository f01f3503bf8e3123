/**
 * Every evaluation of a design asked for at once, so that an evaluator running model runs on
 * worker threads keeps them all busy; the results come back in design order whatever order
 * they finish in, so every reduction over them happens in a fixed order.
 */
import { runInOrder } from '../sweep/ordered';

/**
 * Evaluations started and not yet handed on: enough to keep any pool busy (each is one or two
 * arms of an ensemble), few enough that a huge design does not queue all its runs at once.
 */
export const EVALUATIONS_IN_FLIGHT = 256;

/** Evaluates each item, starting them in order, and returns the results in the items' order. */
export async function evaluateAll<T, R>(items: readonly T[], evaluate: (item: T) => R | Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	await runInOrder(
		items.keys(),
		EVALUATIONS_IN_FLIGHT,
		async (i) => evaluate(items[i]),
		(i, result) => {
			results[i] = result;
		}
	);
	return results;
}

import { describe, expect, test } from 'vitest';
import { runInOrder } from './ordered';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('runInOrder', () => {
	test('hands results on in item order though later items finish first, with at most `window` in flight', async () => {
		const order: number[] = [];
		let inFlight = 0;
		let most = 0;
		await runInOrder([0, 1, 2, 3, 4, 5], 3, async (i) => {
			inFlight++;
			most = Math.max(most, inFlight);
			const r = await later(i * 10, (6 - i) * 3);
			return r;
		}, (i, r) => {
			inFlight--;
			expect(r).toBe(i * 10);
			order.push(i);
		});
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
		expect(most).toBe(3);
	});

	test('a failure rejects when its turn comes, after the items before it', async () => {
		const done: number[] = [];
		await expect(
			runInOrder([0, 1, 2], 3, async (i) => (i === 1 ? Promise.reject(new Error('boom')) : later(i, 5)), (i) => {
				done.push(i);
			})
		).rejects.toThrow('boom');
		expect(done).toEqual([0]);
	});

	test('refuses a window below 1', async () => {
		await expect(runInOrder([1], 0, async (i) => i, () => {})).rejects.toThrow(RangeError);
	});
});

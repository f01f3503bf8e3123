import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { UrlWriter } from './url-writer';

describe('UrlWriter', () => {
	let writes: [string, boolean][];
	let writer: UrlWriter;
	beforeEach(() => {
		vi.useFakeTimers();
		writes = [];
		writer = new UrlWriter((search, push) => writes.push([search, push]), '?s=a');
	});
	afterEach(() => vi.useRealTimers());

	test('a drag (many replace requests) becomes one replace with the last state', () => {
		for (const v of [0.1, 0.2, 0.3]) {
			writer.request(`?s=a&tg=${v}`, false);
			vi.advanceTimersByTime(30);
		}
		expect(writes).toEqual([]);
		vi.advanceTimersByTime(100);
		expect(writes).toEqual([['?s=a&tg=0.3', false]]);
	});

	test('a finished change in the window makes it a push, so Back returns to the state before', () => {
		writer.request('?s=a&tg=0.3', false);
		writer.request('?s=a&tg=0.4', true);
		vi.advanceTimersByTime(100);
		writer.request('?s=a&tg=0.5', false);
		vi.advanceTimersByTime(100);
		expect(writes).toEqual([
			['?s=a&tg=0.4', true],
			['?s=a&tg=0.5', false]
		]);
	});

	test('nothing is written when the address already shows the state, or after it changed from outside', () => {
		writer.request('?s=a', true);
		vi.advanceTimersByTime(100);
		writer.request('?s=b', true);
		writer.arrived('?s=c');
		vi.advanceTimersByTime(100);
		expect(writes).toEqual([]);
		expect(writer.shown).toBe('?s=c');
	});
});

import { describe, expect, test } from 'vitest';
import { drawAtOnce, RedrawPacer } from './redraw-pacer';

describe('RedrawPacer', () => {
	test('urgent updates are drawn at once; others wait until intervalMs after the last draw', () => {
		let now = 1000;
		const pacer = new RedrawPacer(250, () => now);
		// Nothing drawn yet: nothing to wait for.
		expect(pacer.delay(false)).toBe(0);
		pacer.drawn();
		now += 100;
		expect(pacer.delay(false)).toBe(150);
		expect(pacer.delay(true)).toBe(0);
		now += 150;
		expect(pacer.delay(false)).toBe(0);
		now += 1000;
		expect(pacer.delay(false)).toBe(0);
		pacer.drawn();
		now += 1;
		expect(pacer.delay(false)).toBe(249);
	});
});

describe('drawAtOnce', () => {
	test('the first run, the last run, no run yet and a failure are drawn at once; runs between are paced', () => {
		expect(drawAtOnce({ done: 0, runs: 32 })).toBe(true);
		expect(drawAtOnce({ done: 1, runs: 32 })).toBe(true);
		expect(drawAtOnce({ done: 2, runs: 32 })).toBe(false);
		expect(drawAtOnce({ done: 31, runs: 32 })).toBe(false);
		expect(drawAtOnce({ done: 32, runs: 32 })).toBe(true);
		expect(drawAtOnce({ done: 5, runs: 32, error: 'a model worker crashed' })).toBe(true);
	});
});

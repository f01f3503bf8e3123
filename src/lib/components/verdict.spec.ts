import { describe, expect, test } from 'vitest';
import { groupByVerdict, verdictOf } from './verdict';

describe('verdictOf', () => {
	test('direction and "which is better" decide; a range holding zero is no clear difference', () => {
		expect(verdictOf('higher', { p05: 0.01, p50: 0.02, p95: 0.03 })).toBe('better');
		expect(verdictOf('lower', { p05: 0.01, p50: 0.02, p95: 0.03 })).toBe('worse');
		expect(verdictOf('lower', { p05: -3, p50: -2, p95: -1 })).toBe('better');
		expect(verdictOf('neither', { p05: 1, p50: 2, p95: 3 })).toBe('changed');
		expect(verdictOf('higher', { p05: -0.01, p50: 0.02, p95: 0.03 })).toBe('none');
		expect(verdictOf('higher', { p05: NaN, p50: NaN, p95: NaN })).toBe('none');
	});

	test('groups keep a fixed order and drop empty ones', () => {
		const groups = groupByVerdict([
			{ label: 'a', verdict: 'none' },
			{ label: 'b', verdict: 'better' },
			{ label: 'c', verdict: 'none' }
		]);
		expect(groups).toEqual([
			{ verdict: 'better', labels: ['b'] },
			{ verdict: 'none', labels: ['a', 'c'] }
		]);
	});
});

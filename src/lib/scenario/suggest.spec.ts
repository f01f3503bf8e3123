import { expect, test } from 'vitest';
import { closeMatches, didYouMean } from './suggest';

const ids = ['targets', 'targetDays', 'targetFocus', 'inspection', 'audit', 'fundingGrowth', 'months'];

test('closest first, at most three', () => {
	expect(closeMatches('target', ids)).toEqual(['targets', 'targetDays', 'targetFocus']);
	expect(closeMatches('inspecton', ids)).toEqual(['inspection']);
	expect(closeMatches('AUDIT', ids)).toEqual(['audit']);
	expect(closeMatches('zzz', ids)).toEqual([]);
	expect(closeMatches('x'.repeat(10_000), ids)).toEqual([]);
});

test('didYouMean phrase', () => {
	expect(didYouMean('audt', ids)).toBe("; did you mean 'audit'?");
	expect(didYouMean('qqqqqq', ids)).toBe('');
});

import { describe, expect, test } from 'vitest';
import { leagueTable, waitDistribution } from './closer-data';

describe('waitDistribution', () => {
	test('pools runs and counts bins that end by the target as within it', () => {
		const d = waitDistribution([
			{ targetDays: 14, binDays: 7, trueWaits: [1, 1, 2, 0], recordedWaits: [2, 2, 0, 0] },
			{ targetDays: 14, binDays: 7, trueWaits: [1, 1, 0, 2], recordedWaits: [2, 2, 0, 0] }
		])!;
		expect(d.cases).toBe(8);
		expect(d.trueWithin).toBe(0.5);
		expect(d.recordedWithin).toBe(1);
		expect(d.trueShare).toEqual([0.25, 0.25, 0.25, 0.25]);
		expect(waitDistribution([])).toBeUndefined();
	});
});

describe('leagueTable', () => {
	const p = (id: number, reported: number, trueQuality: number) => ({ id, area: 0, end: { reportedPerformance: reported, trueQuality, caseloadPerWorker: 1, burnoutShare: 0, gamingShare: 0 } });

	test('ranks by reported performance and flags providers whose true rank is far away', () => {
		const rows = leagueTable([p(0, 0.9, 0.2), p(1, 0.8, 0.8), p(2, 0.7, 0.7), p(3, 0.6, 0.6), p(4, 0.5, 0.9)]);
		expect(rows.map((r) => r.id)).toEqual([0, 1, 2, 3, 4]);
		expect(rows.map((r) => r.trueRank)).toEqual([5, 2, 3, 4, 1]);
		expect(rows.filter((r) => r.misleads).map((r) => r.id)).toEqual([0, 4]);
	});

	test('missing figures sort last instead of breaking the order', () => {
		const rows = leagueTable([p(0, NaN, 0.5), p(1, 0.4, 0.4)]);
		expect(rows.map((r) => r.id)).toEqual([1, 0]);
	});
});

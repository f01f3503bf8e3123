import { describe, expect, test } from 'vitest';
import { OUTCOMES } from '../model/index';
import { LIMITS, describeEstimate, estimate, isLarge, overLimits } from './estimate';
import { cli } from './spec-io';

const work = (runs: number, citizens: number, months: number, areas = 12) => ({
	runs,
	citizens,
	months,
	simulatedMonths: months + 24,
	areas,
	providers: areas * 3
});
const json = { format: 'json' as const, detail: false, outcomes: OUTCOMES };

describe('estimate', () => {
	test('time grows with runs × citizens × months; kept memory does not grow with citizens', () => {
		const small = estimate([work(16, 20_000, 120)], json, OUTCOMES.length);
		const double = estimate([work(32, 20_000, 120)], json, OUTCOMES.length);
		expect(double.seconds / small.seconds).toBeCloseTo(2, 5);
		expect(small.seconds).toBeGreaterThan(1);
		expect(small.seconds).toBeLessThan(30);
		expect(isLarge(small)).toBe(false);
	});

	test('memory of a 1,000-run ensemble is per-run summaries, well under a gigabyte even at the largest groups and horizon', () => {
		const e = estimate([work(1000, 100, 360, 60), work(1000, 100, 360, 60)], json, OUTCOMES.length);
		expect(e.memoryBytes).toBeLessThan(1e9);
		expect(overLimits(e)).toBeUndefined();
	});

	test('the largest accepted settings are over the time limit; CSV of every run can be over the output limit', () => {
		const huge = estimate([work(1000, 2_000_000, 360)], json, OUTCOMES.length);
		expect(huge.seconds).toBeGreaterThan(LIMITS.seconds);
		expect(overLimits(huge)).toMatch(/^about \d[^(]* (h|days) [^(]*\(limit 1 h 00 min\)$/);
		const csv = estimate([work(1000, 100, 360, 60)], { ...json, format: 'csv' }, OUTCOMES.length);
		expect(csv.outputBytes).toBeGreaterThan(LIMITS.outputBytes);
		expect(overLimits(csv)).toContain('of output');
		expect(describeEstimate(csv)).toMatch(/^1,000 runs: about .*, .* MB of memory, .* GB of output$/);
	});
});

describe('levers run before a very large run', () => {
	test('refuses it above the limits, saying how long and how to go ahead, before running anything', async () => {
		const result = await cli(['run', 'baseline-england-2023', '--runs', '1000', '--citizens', '2000000', '--months', '360']);
		expect(result.code).toBe(2);
		expect(result.runs).toBe(0);
		expect(result.stderr).toMatch(/^levers: this would take about [^(]+ \(limit 1 h 00 min\) \(1,000 runs: about .*\); use fewer --runs, --months or --citizens, or add --force\n$/);
	});

	test('--force lets it through; --dry-run prints the estimate and the plan without running', async () => {
		const result = await cli(['run', 'baseline-england-2023', '--runs', '1000', '--citizens', '2000000', '--months', '360', '--force', '--dry-run']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.runs).toBe(0);
		expect(result.stdout).toContain('would run: baseline-england-2023');
		expect(result.stdout).toMatch(/estimate: 1,000 runs: about \d+ h/);
	});
});

/**
 * Validation across the plausible assumptions: the sample, the filtering that finds what breaks
 * a pattern, the verdicts and the report's regions, on data with known answers. The model runs
 * themselves are made by `npm run robustness`; tests/docs.spec.ts checks the saved file is this
 * model's and that the report shows it.
 */
import { describe, expect, test } from 'vitest';
import { ASSUMPTIONS, MODEL_VERSION } from '../../src/lib/model/index';
import { latinHypercube } from '../../src/lib/sweep/latin-hypercube';
import {
	calibratedAt,
	currentDesign,
	FRAGILE_SHARE,
	holdsAt,
	NOISE_SEEDS,
	ROBUST_SHARE,
	SAMPLED_CHECKS,
	staleness,
	summariseRobustness,
	type RobustnessData
} from '../../src/lib/validation/assumption-robustness';
import { fittedParameters, sampledParameters, samplePoints, SAMPLE_POINTS } from '../../src/lib/validation/assumption-sample';
import type { Bounds } from '../../src/lib/validation/checks';
import { filterParameters, ksPValue, ksStatistic } from '../../src/lib/validation/monte-carlo-filtering';
import { robustnessSection, robustnessSummary, SECTION_REGION, spliceRegion, SUMMARY_REGION } from '../../src/lib/validation/robustness-report';

describe('the sample', () => {
	test('samples every weak- or assumption-graded behavioural and cost parameter, and nothing fitted, contextual or better evidenced', () => {
		const sampled = sampledParameters();
		const fitted = fittedParameters();
		expect(fitted.size).toBeGreaterThan(0);
		for (const p of sampled) {
			expect(['weak', 'assumption'], p.id).toContain(p.grade);
			expect(['context', 'population'], p.id).not.toContain(p.group);
			expect(fitted.has(p.id), p.id).toBe(false);
		}
		const expected = ASSUMPTIONS.filter((a) => ['weak', 'assumption'].includes(a.grade) && a.group !== 'context' && a.group !== 'population' && !fitted.has(a.id));
		expect(sampled.map((p) => p.id)).toEqual(expected.map((p) => p.id));
		expect(SAMPLE_POINTS).toBeGreaterThanOrEqual(100);
	});

	test('each parameter covers its plausible range, one point per stratum, the same every time', () => {
		const parameters = sampledParameters();
		const points = samplePoints(parameters, 40, 3);
		expect(samplePoints(parameters, 40, 3)).toEqual(points);
		for (const p of parameters) {
			const strata = points.map((pt) => Math.floor(((pt[p.id] - p.min) / (p.max - p.min)) * 40)).sort((a, b) => a - b);
			expect(strata, p.id).toEqual(Array.from({ length: 40 }, (_, i) => i));
		}
	});
});

describe('Monte Carlo filtering', () => {
	test('the Kolmogorov–Smirnov statistic on samples with known answers', () => {
		expect(ksStatistic([1, 2, 3], [1, 2, 3])).toBe(0);
		expect(ksStatistic([1, 2], [3, 4, 5])).toBe(1);
		expect(ksStatistic([1, 2, 3, 4], [3, 4, 5, 6])).toBe(0.5);
		expect(ksStatistic([], [1])).toBeNaN();
	});

	test("its p-value follows Kolmogorov's distribution: about 0.05 at the tabulated critical value", () => {
		const n = 400;
		const ne = n / 2;
		// Critical value for α = 0.05 is 1.358 / (√ne + 0.12 + 0.11/√ne).
		const d = 1.358 / (Math.sqrt(ne) + 0.12 + 0.11 / Math.sqrt(ne));
		expect(ksPValue(d, n, n)).toBeCloseTo(0.05, 3);
		expect(ksPValue(0, n, n)).toBe(1);
		expect(ksPValue(1, n, n)).toBeLessThan(1e-12);
	});

	test('finds the one input a pattern depends on, and the end of its range where the pattern breaks', () => {
		const unit = latinHypercube(100, 4, 9);
		const holds = unit.map((u) => u[1] < 0.6);
		const ranked = filterParameters(['a', 'b', 'c', 'd'], unit, holds);
		expect(ranked[0]).toMatchObject({ id: 'b', breaksWhen: 'high', significant: true });
		expect(ranked[0].ks).toBeCloseTo(1, 6);
		for (const other of ranked.slice(1)) expect(other.significant, other.id).toBe(false);
		const low = filterParameters(['a', 'b', 'c', 'd'], unit, unit.map((u) => u[2] > 0.3));
		expect(low[0]).toMatchObject({ id: 'c', breaksWhen: 'low' });
	});

	test('says nothing when the pattern holds or breaks almost everywhere', () => {
		const unit = latinHypercube(100, 2, 9);
		expect(filterParameters(['a', 'b'], unit, unit.map((u) => u[0] < 0.97))).toEqual([]);
		expect(filterParameters(['a', 'b'], unit, unit.map(() => false))).toEqual([]);
	});
});

/** A figure inside or outside a check's bounds. */
function figure(b: Bounds, inside: boolean): number {
	if (b.above !== undefined && b.below !== undefined) return inside ? (b.above + b.below) / 2 : b.below + 1;
	if (b.above !== undefined) return inside ? b.above + 1 : b.above - 1;
	return inside ? b.below! - 1 : b.below! + 1;
}

/** Synthetic saved data: `holds(check, point)` decides each figure. */
function synthetic(holds: (checkId: string, point: number) => boolean): RobustnessData {
	const design = currentDesign();
	const at = (point: number) => SAMPLED_CHECKS.map((c) => figure(c.check.bounds, holds(c.id, point)));
	return {
		modelVersion: MODEL_VERSION,
		design,
		checks: SAMPLED_CHECKS.map((c) => c.id),
		figures: Array.from({ length: design.points }, (_, i) => at(i)),
		noise: NOISE_SEEDS.map((_, i) => at(i)),
		screens: {}
	};
}

describe('verdicts', () => {
	const reproduced = SAMPLED_CHECKS.find((c) => c.kind === 'validation' && !c.check.whyMissed)!;
	const missed = SAMPLED_CHECKS.find((c) => c.kind === 'validation' && c.check.whyMissed)!;
	const share = (n: number) => (id: string, point: number) => (id === reproduced.id || id === missed.id ? point < n : true);

	test.each([
		[100, 'robust'],
		[Math.round(ROBUST_SHARE * 100), 'robust'],
		[Math.round(ROBUST_SHARE * 100) - 1, 'holds in most of the range'],
		[Math.round(FRAGILE_SHARE * 100), 'holds in most of the range'],
		[Math.round(FRAGILE_SHARE * 100) - 1, 'fragile'],
		[3, 'fragile']
	])('a reproduced check holding at %i of 100 points is %s; a missed one stays missed', (n, verdict) => {
		const rows = summariseRobustness(synthetic(share(n)));
		const r = rows.find((x) => x.check.id === reproduced.id)!;
		expect(r.share).toBeCloseTo(n / 100, 10);
		expect(r.verdict).toBe(verdict);
		expect(rows.find((x) => x.check.id === missed.id)!.verdict).toBe('missed');
	});

	test('a point with an undefined figure breaks the check', () => {
		const data = synthetic(() => true);
		data.figures[0][data.checks.indexOf(reproduced.id)] = null;
		expect(summariseRobustness(data).find((x) => x.check.id === reproduced.id)!.share).toBeCloseTo(0.99, 10);
		expect(holdsAt({ above: 0 }, null)).toBe(false);
		expect(holdsAt({ above: 0, below: 1 }, 1)).toBe(false);
	});

	test('the share where calibration fits hold counts only those points', () => {
		const firstCalibration = SAMPLED_CHECKS.find((c) => c.kind === 'calibration')!;
		// Calibration holds at the first 40 points; the reproduced check at points 20–99.
		const data = synthetic((id, p) => (id === firstCalibration.id ? p < 40 : id === reproduced.id ? p >= 20 : true));
		expect(calibratedAt(data).filter(Boolean)).toHaveLength(40);
		const r = summariseRobustness(data).find((x) => x.check.id === reproduced.id)!;
		expect(r.share).toBeCloseTo(0.8, 10);
		expect(r.shareCalibrated).toBeCloseTo(0.5, 10);
	});

	test('saved data from another model version, design or set of checks is stale and not reported', () => {
		expect(staleness(synthetic(() => true))).toBeUndefined();
		expect(staleness({ ...synthetic(() => true), modelVersion: '0.0.1' })).toMatch(/model version 0\.0\.1/);
		const design = { ...currentDesign(), parameters: currentDesign().parameters.slice(1) };
		expect(staleness({ ...synthetic(() => true), design })).toMatch(/different sample design/);
		expect(staleness({ ...synthetic(() => true), checks: ['1.1'] })).toMatch(/different set of checks/);
		expect(robustnessSection({ ...synthetic(() => true), modelVersion: '0.0.1' }).join('\n')).toMatch(/Not reported: computed for model version 0\.0\.1/);
		expect(robustnessSummary(undefined).join('\n')).toMatch(/not reported\*\* \(not computed/);
	});
});

describe("the report's regions", () => {
	test('the section names every check with its share and verdict, and the summary counts fragile checks by id', () => {
		const fragile = SAMPLED_CHECKS.find((c) => c.kind === 'further' && !c.check.whyMissed)!;
		const data = synthetic((id, p) => (id === fragile.id ? p < 10 : true));
		const section = robustnessSection(data).join('\n');
		for (const c of SAMPLED_CHECKS) expect(section, c.id).toMatch(new RegExp(`\\| ${c.id.replace('.', '\\.')} \\| `));
		expect(section).toContain(`| ${fragile.id} | reproduced | 10% |`);
		expect(section).toContain('**fragile**');
		expect(robustnessSummary(data).join('\n')).toMatch(new RegExp(`, 1 fragile \\(${fragile.id.replace('.', '\\.')}\\)`));
	});

	test('splicing a region in replaces it in place, inserts it before its heading when missing, and is idempotent', () => {
		const doc = '# Report\n\nintro\n\n## Lever audit\n\ntext\n';
		const once = spliceRegion(doc, SECTION_REGION, ['<!-- robustness-section:start -->', 'A', '<!-- robustness-section:end -->'], '## Lever audit');
		expect(once).toBe('# Report\n\nintro\n\n<!-- robustness-section:start -->\nA\n<!-- robustness-section:end -->\n\n## Lever audit\n\ntext\n');
		const twice = spliceRegion(once, SECTION_REGION, ['<!-- robustness-section:start -->', 'B', '<!-- robustness-section:end -->'], '## Lever audit');
		expect(twice).toBe(once.replace('\nA\n', '\nB\n'));
		expect(spliceRegion(doc, SUMMARY_REGION, ['x'], '## Nowhere')).toBe('# Report\n\nintro\n\n## Lever audit\n\ntext\n\nx\n');
	});
});

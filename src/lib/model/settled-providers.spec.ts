import { describe, expect, test } from 'vitest';
import { targetPressure } from './mechanisms/effort-split';
import { cultureTarget } from './mechanisms/gaming';
import { defaultAssumptions, defaultLevers, type AssumptionValues, type LeverValues } from './parameters/registry';
import { createStream } from './rng';
import { HISTORY_MONTHS, SETTLED_PERFORMANCE, settledPerformance, settleProviders } from './settled-providers';
import { allocateProviders } from './state/providers';
import { allocateWorkers } from './state/workers';
import { createWorld } from './world';
import { SETTING_DEFAULTS } from '../scenario/types';

const STAFF_PER_PROVIDER = 3;
const CULTURE = 0.04;
const BLAME = 0.06;

/** `n` providers, each with three staff of different motivation, after settleProviders with `seed`. */
function settle(n: number, levers: Partial<LeverValues>, overrides: Partial<AssumptionValues> = {}, seed = 3) {
	const p = { ...defaultAssumptions(), ...overrides };
	const L = { ...defaultLevers(), ...levers };
	const pr = allocateProviders(n);
	const w = allocateWorkers(n * STAFF_PER_PROVIDER);
	for (let k = 0; k < n; k++) {
		pr.slotStart[k] = k * STAFF_PER_PROVIDER;
		pr.slotCount[k] = STAFF_PER_PROVIDER;
		for (let s = 0; s < STAFF_PER_PROVIDER; s++) {
			const i = k * STAFF_PER_PROVIDER + s;
			w.active[i] = 1;
			w.motivation[i] = 0.3 + 0.2 * s + 0.1 * ((k % 5) / 5);
		}
	}
	settleProviders(pr, w, p, L, 0, CULTURE, BLAME, createStream(seed, 0, 'settled-providers-spec'));
	return { pr, w, p, L };
}

describe('settledPerformance: providers spread as a long-running baseline spreads them', () => {
	test('passes through the percentiles read off and is flat beyond the outermost', () => {
		const q = SETTLED_PERFORMANCE;
		for (let j = 0; j < q.length; j++) expect(settledPerformance(0.05 + 0.1 * j)).toBeCloseTo(q[j], 12);
		expect(settledPerformance(0.1)).toBeCloseTo((q[0] + q[1]) / 2, 12);
		expect(settledPerformance(0)).toBe(q[0]);
		expect(settledPerformance(0.999)).toBe(q[q.length - 1]);
		for (let u = 0; u < 1; u += 0.01) expect(settledPerformance(u + 0.01)).toBeGreaterThanOrEqual(settledPerformance(u));
	});
});

describe('settleProviders: providers start as their recent ratings and audits left them', () => {
	test('with no inspection or audit, culture has relaxed toward the step\'s target at the step\'s rate and blame has faded', () => {
		const { pr, w, p, L } = settle(200, { inspection: 0, audit: 0 });
		const keep = (1 - 1 / p.cultureMonths) ** HISTORY_MONTHS;
		for (let k = 0; k < pr.n; k++) {
			let motivation = 0;
			for (let s = 0; s < STAFF_PER_PROVIDER; s++) motivation += w.motivation[k * STAFF_PER_PROVIDER + s];
			motivation /= STAFF_PER_PROVIDER;
			const shortfall = Math.max(0, p.targetStandard - pr.truePerformance[k]);
			const target = cultureTarget(p, L, targetPressure(p, L, false), shortfall, 0, motivation);
			expect(pr.failingMonths[k]).toBe(0);
			expect(pr.culture[k]).toBeCloseTo(target + (CULTURE - target) * keep, 12);
			expect(pr.blame[k]).toBeCloseTo(BLAME * p.blameMemory ** HISTORY_MONTHS, 12);
		}
	});

	test('failing ratings fall on the worst fifth, at the share inspecting them over a rating\'s length gives', () => {
		const overrides = { failingShare: 0.2, failingMonths: 12, inspectionRate: 1 };
		const L = { inspection: 0.5 };
		const rated = (L.inspection * overrides.inspectionRate) / 12;
		const expected = overrides.failingShare * (1 - (1 - rated) ** overrides.failingMonths);
		const line = settledPerformance(overrides.failingShare);
		let failing = 0;
		let total = 0;
		const left = new Set<number>();
		for (let seed = 1; seed <= 5; seed++) {
			const { pr } = settle(4000, L, overrides, seed);
			for (let k = 0; k < pr.n; k++) {
				total++;
				if (pr.failingMonths[k] === 0) continue;
				failing++;
				left.add(pr.failingMonths[k]);
				expect(pr.truePerformance[k]).toBeLessThanOrEqual(line);
			}
		}
		const se = Math.sqrt((expected * (1 - expected)) / total);
		expect(Math.abs(failing / total - expected)).toBeLessThan(4 * se);
		// Ratings given at every month of the last year: every length left, from a full year to one month.
		expect([...left].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, j) => j + 1));
	});

	test('failing providers carry more culture and blame than the rest; audit catches culture and adds blame', () => {
		const { pr } = settle(4000, { inspection: 1, audit: 0 });
		const split = (values: Float64Array) => {
			const sums = [0, 0];
			const counts = [0, 0];
			for (let k = 0; k < pr.n; k++) {
				const g = pr.failingMonths[k] > 0 ? 1 : 0;
				sums[g] += values[k];
				counts[g]++;
			}
			return [sums[0] / counts[0], sums[1] / counts[1]];
		};
		const [cultureUnrated, cultureFailing] = split(pr.culture);
		const [blameUnrated, blameFailing] = split(pr.blame);
		expect(cultureFailing).toBeGreaterThan(2 * cultureUnrated);
		expect(blameFailing).toBeGreaterThan(blameUnrated + 0.2);

		const mean = (values: Float64Array) => values.reduce((a, b) => a + b, 0) / values.length;
		const audited = settle(4000, { inspection: 1, audit: 1 }, { auditDetection: 0.5 });
		const unaudited = settle(4000, { inspection: 1, audit: 1 }, { auditDetection: 0 });
		expect(mean(audited.pr.culture)).toBeLessThan(0.9 * mean(unaudited.pr.culture));
		expect(mean(audited.pr.blame)).toBeGreaterThan(mean(unaudited.pr.blame) + 0.05);
	});

	test('a new world starts with its failing providers among its worst, carrying more culture than the rest', () => {
		let failing = 0;
		let cultureFailing = 0;
		let cultureRest = 0;
		let rest = 0;
		for (let seed = 1; seed <= 4; seed++) {
			const world = createWorld(defaultAssumptions(), defaultLevers(), SETTING_DEFAULTS.population, seed, 0, false, 0);
			const pr = world.providers;
			for (let k = 0; k < pr.n; k++) {
				if (pr.failingMonths[k] > 0) {
					failing++;
					cultureFailing += pr.culture[k];
					expect(pr.truePerformance[k]).toBeLessThanOrEqual(settledPerformance(world.p.failingShare));
				} else {
					rest++;
					cultureRest += pr.culture[k];
				}
			}
		}
		expect(failing).toBeGreaterThan(0);
		expect(cultureFailing / failing).toBeGreaterThan(2 * (cultureRest / rest));
	});
});

/**
 * Scale: results must not depend on how many citizens are simulated, beyond ensemble noise. The
 * baseline at 20,000 and at 100,000 citizens (same areas, providers and per-head funding) must give
 * the same final-year figures within three standard errors of their difference, outcome by
 * outcome, except the known scale effects listed below, each with what is known of it; and a
 * population too small for its providers is refused, naming the minimum.
 */
import { describe, expect, it } from 'vitest';
import { runEnsemble, finalValue } from '../src/lib/ensemble/index';
import { OUTCOME_INDEX, runModel, type OutcomeId } from '../src/lib/model/index';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';
import { resolveScenario, ScenarioError, toRunInput } from '../src/lib/scenario/index';

const library = loadBuiltinScenarios();
const baseline = library.get('baseline-england-2023')!;
const RUNS = 6;
/** Headline outcomes of every family whose level should not depend on the population size. */
const HEADLINES: OutcomeId[] = [
	'access.trueWithinTarget',
	'access.allNeedWithinTarget',
	'access.medianWaitDays',
	'gaming.gap',
	'workforce.burnoutShare',
	'workforce.leaverRate',
	'workforce.vacancyRate',
	'prevention.crisisRate',
	'prevention.failureDemandShare',
	'quality.true',
	'wellbeing.healthyMonths'
];

/** Final-year headlines of the baseline at `citizens`, optionally with other areas and providers per area. */
function finals(citizens: number, layout?: { areas: number; providersPerArea: number }): Record<string, number[]> {
	const file = layout ? { ...baseline, population: { citizens, ...layout } } : baseline;
	const s = resolveScenario(file, library, { citizens, runs: RUNS, seed: 77 });
	const e = runEnsemble((seed) => toRunInput(s, seed), s.runs, s.seed);
	return Object.fromEntries(HEADLINES.map((id) => [id, e.runs.map((r) => finalValue(r, OUTCOME_INDEX[id], 0))]));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1);

/**
 * Outcomes that still depend on the population size, with what is known of why. Each is tested
 * to differ still (beyond three standard errors), so a fix is noticed and the entry removed.
 */
const KNOWN_SCALE_EFFECTS: Partial<Record<OutcomeId, string>> = {
	'access.medianWaitDays':
		'At 100,000 citizens providers (about 139 posts each) carry about 2 more cases waiting per 1,000 citizens and work about 1% harder than at 20,000 (about 28 posts), with the same staff per head and vacancy rate, so the median wait is 1–2 days longer. It is an effect of the size of providers, not of the number of citizens: 100,000 citizens in providers of the default size agree with 20,000 (tested below), and 20,000 citizens in providers three times the size (one per area) show the longer wait too. The difference stays with choice, competition, experimentation, inspection, peer learning and targets off and with a 348-month spin-up, so it lies in how the core service and workforce loop responds to the noisier load of a small provider; which response is not yet found.'
};

/** The default: 20,000 citizens in 12 areas of 3 providers. */
const defaults = finals(20_000);

describe('results do not depend on the population size', () => {
	const small = defaults;
	const large = finals(100_000);
	for (const id of HEADLINES) {
		const known = KNOWN_SCALE_EFFECTS[id];
		const title = known
			? `${id}: still differs between 20,000 and 100,000 citizens (a known scale effect: ${known})`
			: `${id}: 20,000 and 100,000 citizens agree within three standard errors`;
		it(title, () => {
			const difference = mean(large[id]) - mean(small[id]);
			const se = Math.sqrt(variance(small[id]) / RUNS + variance(large[id]) / RUNS);
			expect(Number.isFinite(difference)).toBe(true);
			const message = `difference ${difference.toFixed(4)}, standard error ${se.toFixed(4)}`;
			if (known) expect(Math.abs(difference), `${message}: fixed? remove it from KNOWN_SCALE_EFFECTS`).toBeGreaterThan(3 * se);
			else expect(Math.abs(difference), message).toBeLessThanOrEqual(3 * se);
		});
	}
});

describe('with providers of the same size, results do not depend on the number of citizens', () => {
	// 100,000 citizens in 60 areas of 3 providers: areas and providers the size of the default 20,000 in 12 × 3.
	const small = defaults;
	const large = finals(100_000, { areas: 60, providersPerArea: 3 });
	for (const id of HEADLINES) {
		it(`${id}: 20,000 citizens in 12 areas and 100,000 in 60 agree within three standard errors`, () => {
			const difference = mean(large[id]) - mean(small[id]);
			const se = Math.sqrt(variance(small[id]) / RUNS + variance(large[id]) / RUNS);
			expect(Math.abs(difference), `difference ${difference.toFixed(4)}, standard error ${se.toFixed(4)}`).toBeLessThanOrEqual(3 * se);
		});
	}
});

describe('a population too small for its providers', () => {
	it('is refused by the scenario layer with the minimum named', () => {
		expect(() => resolveScenario(baseline, library, { citizens: 1000 })).toThrow(ScenarioError);
		expect(() => resolveScenario(baseline, library, { citizens: 1000 })).toThrow(/at least 3600 citizens/);
	});

	it('is refused by the model itself', () => {
		const s = resolveScenario(baseline, library, { citizens: 3600 });
		expect(() => runModel({ ...toRunInput(s, 1), population: { ...s.population, citizens: 3599 } })).toThrow(/minimum of 3600/);
	});
});

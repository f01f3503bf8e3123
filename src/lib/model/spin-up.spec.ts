import { describe, expect, test } from 'vitest';
import { testWorld } from './mechanisms/_test-world';
import { stepMonth } from './model';
import { defaultLevers, type LeverValues } from './parameters/registry';
import { createStream, normalFromUniform } from './rng';
import { MIN_SPIN_UP_MONTHS, SPIN_UP_BATCH, spinUp } from './spin-up';
import { SETTING_DEFAULTS } from '../scenario/types';
import type { World } from './world';

/**
 * The thirteen indicators the spin-up watches, written straight into a world's state: burnout,
 * motivation, skill, staff over posts, culture, waiting per citizen, well per citizen, trust per
 * citizen, true quality, true performance, crises per citizen, prevention effect, and how far
 * users have moved between providers (between-provider share of deprivation's sum of squares).
 */
const LEVELS = [0.3, 0.55, 0.6, 0.92, 0.2, 0.01, 0.7, 0.55, 0.6, 0.65, 0.002, 0.1, 0.2];
const NAMES = ['burnout', 'motivation', 'skill', 'staffing', 'culture', 'waiting', 'well', 'trust', 'quality', 'performance', 'crises', 'prevention', 'provider mix'];

function writeIndicators(world: World, values: number[]): void {
	const pr = world.providers;
	const n = world.citizens.n;
	pr.burnoutShare.fill(values[0]);
	pr.meanMotivation.fill(values[1]);
	pr.meanSkill.fill(values[2]);
	pr.staff.fill(10);
	pr.posts.fill(10 / values[3]);
	pr.culture.fill(values[4]);
	pr.queueLength.fill(0);
	pr.queueLength[0] = Math.round(values[5] * n);
	world.cellWell.fill(0);
	world.cellWell[0] = values[6] * n;
	world.cellTrust.fill(0);
	world.cellTrust[0] = values[7] * n;
	pr.trueQuality.fill(values[8]);
	pr.truePerformance.fill(values[9]);
	world.crisesByProvider.fill(0);
	world.crisesByProvider[0] = values[10] * n;
	world.areas.preventionEffect.fill(values[11]);
	world.areas.outreachEffect.fill(0);
	// One registered user at deviation √mix from a mean of 0, over a total sum of squares of 1.
	world.deprivationMean = 0;
	world.deprivationTotalSS = 1;
	world.registeredCount.fill(0);
	world.registeredDeprivation.fill(0);
	world.registeredCount[0] = 1;
	world.registeredDeprivation[0] = Math.sqrt(values[12]);
}

/** A step that sets the indicators to `path(month)` instead of running the model. */
function synthetic(path: (month: number) => number[]): (world: World, levers: LeverValues) => void {
	return (world) => writeIndicators(world, path(world.month));
}

/** Each indicator at its level times (1 + relative(month, j)). */
const around = (relative: (month: number, j: number) => number) => (month: number) => LEVELS.map((v, j) => v * (1 + relative(month, j)));

describe('spinUp: the settling criterion', () => {
	test('indicators that never change settle at the first check after the two windows', () => {
		const world = testWorld();
		const result = spinUp(world, defaultLevers(), 600, synthetic(() => LEVELS));
		expect(result).toEqual({ months: MIN_SPIN_UP_MONTHS, settled: true });
		expect(MIN_SPIN_UP_MONTHS).toBe(48);
		// The step runs once a month, and the world's month advances with it.
		expect(world.month).toBe(result.months);
	});

	test('a steady trend of 3% a year in any one indicator is not settling: the spin-up runs to its longest', () => {
		for (let j = 0; j < LEVELS.length; j++) {
			const trend = around((month, i) => (i === j ? (0.03 * month) / 12 : 0));
			const result = spinUp(testWorld(), defaultLevers(), 240, synthetic(trend));
			expect(result, NAMES[j]).toEqual({ months: 240, settled: false });
		}
	});

	test('a trend well within 1% of the level over three years counts as settled', () => {
		const slow = around((month) => (0.001 * month) / 12);
		expect(spinUp(testWorld(), defaultLevers(), 240, synthetic(slow)).settled).toBe(true);
	});

	test('month-to-month noise with no trend settles', () => {
		const rng = createStream(2, 0, 'spin-up-spec');
		const draws = Array.from({ length: 600 * LEVELS.length }, () => normalFromUniform(rng.next()));
		const noisy = around((month, j) => 0.05 * draws[month * LEVELS.length + j]);
		const result = spinUp(testWorld(), defaultLevers(), 600, synthetic(noisy));
		expect(result.settled).toBe(true);
		expect(result.months).toBeLessThan(240);
	});

	test('a slow swing that corrects itself counts as fluctuation, not as a trend', () => {
		// A five-year cycle of ±3% in every indicator.
		const swing = around((month) => 0.03 * Math.sin((2 * Math.PI * month) / 60));
		expect(spinUp(testWorld(), defaultLevers(), 600, synthetic(swing)).settled).toBe(true);
	});

	test('a trend that stops settles once the latest window has little or none of it, within two windows and a check or two', () => {
		const stopsAt = 100;
		const ramp = around((month) => (0.05 * Math.min(month, stopsAt)) / 12);
		const result = spinUp(testWorld(), defaultLevers(), 600, synthetic(ramp));
		expect(result.settled).toBe(true);
		// The earlier window may still hold the end of the trend: its spread of batch means counts as
		// noise. The trend's end bends the line the noise is measured about, so the check may pass a
		// batch or two before the latest window is clear of it, with a few months of it left.
		expect(result.months).toBeGreaterThanOrEqual(stopsAt + MIN_SPIN_UP_MONTHS / 2 - 2 * SPIN_UP_BATCH);
		expect(result.months).toBeLessThanOrEqual(stopsAt + MIN_SPIN_UP_MONTHS + 2 * SPIN_UP_BATCH);
		expect(result.months % SPIN_UP_BATCH).toBe(0);
	});

	test('a longest spin-up shorter than the two windows never settles', () => {
		const world = testWorld();
		const short = MIN_SPIN_UP_MONTHS - 1;
		expect(spinUp(world, defaultLevers(), short, synthetic(() => LEVELS))).toEqual({ months: short, settled: false });
		expect(world.month).toBe(short);
	});

	test('the levers passed are the ones each month is stepped with', () => {
		const seen: LeverValues[] = [];
		const levers = { ...defaultLevers(), targets: 0.123 };
		// Steady indicators settle at the first check: every month up to it is stepped.
		spinUp(testWorld(), levers, 600, (world, l) => {
			seen.push(l);
			writeIndicators(world, LEVELS);
		});
		expect(seen.length).toBe(MIN_SPIN_UP_MONTHS);
		expect(seen.every((l) => l.targets === 0.123)).toBe(true);
	});
});

describe('spinUp: a small world', () => {
	test('a small world under the status quo with no growth settles well before the longest spin-up, and stays settled', () => {
		const world = testWorld({ population: { citizens: 6000 } });
		const first = spinUp(world, defaultLevers(), 360, stepMonth);
		expect(first.settled).toBe(true);
		expect(first.months).toBeLessThan(360);
		// Spinning up again from the settled state settles again (how soon depends on the noise of a small world).
		const again = spinUp(world, defaultLevers(), 360, stepMonth);
		expect(again.settled).toBe(true);
	});

	test('a world whose demand keeps growing by 5% a year does not settle', () => {
		// At the default 20,000 citizens: in 2,000, windows of two years (since 0.4.0; three before)
		// let the noise hide the trend from one check or another within 240 months for most seeds.
		const world = testWorld({ assumptions: { demandGrowth: 0.05 }, population: SETTING_DEFAULTS.population });
		// Growth runs during the spin-up only if recording has begun; make it so.
		world.recordStart = 0;
		expect(spinUp(world, defaultLevers(), 240, stepMonth)).toEqual({ months: 240, settled: false });
	});
});

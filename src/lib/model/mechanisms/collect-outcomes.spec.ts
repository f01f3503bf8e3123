import { describe, expect, test } from 'vitest';
import { trustNow } from '../citizen-memory';
import { DAYS_PER_MONTH, GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, QUINTILES, WAITING } from '../constants';
import { OUTCOME_INDEX, OUTCOMES, type OutcomeId } from '../outcomes';
import type { LeverValues } from '../parameters/registry';
import { T, TALLY_KEYS, tallyCitizen } from '../tallies';
import type { World } from '../world';
import {
	citizensWhere,
	clearQueues,
	enqueue,
	keepStaff,
	register,
	resetMonth,
	runMonths,
	stepMonth,
	testWorld
} from './_test-world';
import { collectOutcomes } from './collect-outcomes';

/** One month's outcomes: read by outcome id and group. */
interface Month {
	world: World;
	get: (id: OutcomeId, group: number) => number;
}

function collect(world: World): Month {
	const groups = world.tallies.groups;
	const series = new Float64Array(OUTCOMES.length * groups);
	collectOutcomes(world, series, 1, 0);
	return { world, get: (id, group) => series[OUTCOME_INDEX[id] * groups + group] };
}

/** Warm a small world up for some months under the given levers, then step and collect one month. */
function monthAfter(warmUp: number, levers: Partial<LeverValues> = {}): Month {
	const world = testWorld({ levers, month: -warmUp });
	runMonths(world, warmUp);
	stepMonth(world);
	return collect(world);
}

function groupsOf(world: World): number[] {
	return [...Array(world.tallies.groups).keys()];
}

const isQuintile = (g: number) => g >= GROUP_FIRST_QUINTILE && g < GROUP_FIRST_AREA;

describe('collectOutcomes: which outcomes are defined', () => {
	const month = monthAfter(24);

	test('every outcome is defined overall', () => {
		for (const o of OUTCOMES) expect(Number.isFinite(month.get(o.id, 0)), o.id).toBe(true);
	});

	test('outcomes are NaN for quintiles and areas where the registry says they are undefined, and defined elsewhere', () => {
		for (const o of OUTCOMES) {
			for (const g of groupsOf(month.world).slice(1)) {
				const defined = isQuintile(g) ? o.byQuintile : o.byArea;
				expect(Number.isNaN(month.get(o.id, g)), `${o.id} in group ${g}`).toBe(!defined);
			}
		}
	});

	test('outcomes defined on cases served are NaN in a month when no case is served, while rates stay defined', () => {
		const world = testWorld({ month: -12 });
		runMonths(world, 12);
		for (let k = 0; k < world.providers.n; k++) keepStaff(world, k, 0);
		stepMonth(world);
		const month = collect(world);
		expect(world.tallies.values[T.served]).toBe(0);
		for (const id of ['access.trueWithinTarget', 'access.reportedWithinTarget', 'access.meanWaitDays', 'gaming.gap', 'quality.true'] as const) {
			for (const g of groupsOf(world)) expect(Number.isNaN(month.get(id, g)), `${id} in group ${g}`).toBe(true);
		}
		for (const id of ['prevention.crisisRate', 'trust.mean', 'wellbeing.healthyMonths'] as const) {
			for (const g of groupsOf(world)) expect(Number.isFinite(month.get(id, g)), `${id} in group ${g}`).toBe(true);
		}
	});
});

describe('collectOutcomes: values', () => {
	test('gaming.gap is 100 times reported minus true share within target, in every group', () => {
		const world = testWorld({ levers: { targets: 1, inspection: 1 }, month: -12 });
		runMonths(world, 12);
		world.providers.culture.fill(0.6);
		// A backlog that waited two months: breaches that the culture partly hides.
		const late = citizensWhere(world, (i) => world.citizens.state[i] !== WAITING && i % 10 === 0);
		for (const i of late) enqueue(world, i, world.citizens.provider[i], world.month * DAYS_PER_MONTH - 60);
		stepMonth(world);
		const month = collect(world);
		let positive = 0;
		for (const g of groupsOf(world)) {
			const gap = month.get('gaming.gap', g);
			const expected = 100 * (month.get('access.reportedWithinTarget', g) - month.get('access.trueWithinTarget', g));
			expect(gap).toBeCloseTo(expected, 9);
			if (gap > 0) positive++;
		}
		expect(positive).toBeGreaterThan(0);
	});

	test('shares and 0–1 scores lie within [0, 1] in every group, under the status quo and a heavy reform mix', () => {
		const heavy: Partial<LeverValues> = { targets: 1, inspection: 1, audit: 1, performancePay: 1, choice: 1, competition: 1, outsourcing: 1, efficiency: 1 };
		for (const levers of [{}, heavy]) {
			const world = testWorld({ levers, month: -12 });
			runMonths(world, 12);
			for (let m = 0; m < 6; m++) {
				stepMonth(world);
				const month = collect(world);
				world.month++;
				for (const o of OUTCOMES) {
					if (o.unit !== 'share' && o.unit !== '0–1') continue;
					for (const g of groupsOf(world)) {
						const v = month.get(o.id, g);
						if (Number.isNaN(v)) continue;
						expect(v, `${o.id} in group ${g}`).toBeGreaterThanOrEqual(0);
						expect(v, `${o.id} in group ${g}`).toBeLessThanOrEqual(1);
					}
				}
				for (const g of groupsOf(world)) {
					expect(month.get('wellbeing.healthyMonths', g)).toBeLessThanOrEqual(12);
					expect(month.get('wellbeing.healthyMonths', g)).toBeGreaterThanOrEqual(0);
				}
			}
		}
	});

	test('a crisis counts in the overall group, its quintile and its area, and in no other group', () => {
		const world = testWorld();
		resetMonth(world);
		clearQueues(world);
		tallyCitizen(world.tallies.cells, T.crises, 4, 2, 10);
		const month = collect(world);
		for (const g of groupsOf(world)) {
			const rate = month.get('prevention.crisisRate', g);
			const counted = g === 0 || g === GROUP_FIRST_QUINTILE + 4 || g === GROUP_FIRST_AREA + 2;
			if (counted) expect(rate, `group ${g}`).toBeGreaterThan(0);
			else expect(rate, `group ${g}`).toBe(0);
		}
		// The same ten crises weigh more in a smaller group.
		expect(month.get('prevention.crisisRate', GROUP_FIRST_AREA + 2)).toBeGreaterThan(month.get('prevention.crisisRate', 0));
	});

	test('the outcome gap is positive when the most deprived spend more months waiting, negative when the least deprived do', () => {
		function gapWithWaiting(quintile: number): number {
			const world = testWorld({ month: 3 });
			resetMonth(world);
			clearQueues(world);
			const waiting = citizensWhere(world, (i) => world.citizens.quintile[i] === quintile).slice(0, 200);
			for (const i of waiting) enqueue(world, i, world.citizens.homeProvider[i], 3 * DAYS_PER_MONTH - 5);
			return collect(world).get('inequality.outcomeGap', 0);
		}
		expect(gapWithWaiting(QUINTILES - 1)).toBeGreaterThan(0);
		expect(gapWithWaiting(0)).toBeLessThan(0);
	});

	test('the sorting index is about 0 when each area’s providers serve the same mix, and rises when users sort by deprivation', () => {
		const world = testWorld();
		resetMonth(world);
		const mixed = collect(world).get('access.sortingIndex', 0);
		expect(Math.abs(mixed)).toBeLessThan(0.02);
		// The less deprived half of each area move to the area's first provider.
		for (let a = 0; a < world.areas.n; a++) {
			const residents = citizensWhere(world, (i) => world.citizens.area[i] === a).sort(
				(x, y) => world.citizens.deprivation[x] - world.citizens.deprivation[y]
			);
			const half = Math.floor(residents.length / 2);
			residents.forEach((i, j) => register(world, i, world.areas.firstProvider[a] + (j < half ? 0 : 1)));
		}
		resetMonth(world);
		const sorted = collect(world).get('access.sortingIndex', 0);
		expect(sorted).toBeGreaterThan(0.3);
		expect(sorted).toBeLessThanOrEqual(1);
	});

	test('the postcode lottery is zero when every area resolves the same share and grows as they differ', () => {
		const world = testWorld();
		resetMonth(world);
		world.areas.qualitySmoothed.fill(0.6);
		expect(collect(world).get('inequality.areaSpread', 0)).toBeCloseTo(0, 12);
		resetMonth(world);
		world.areas.qualitySmoothed.set([0.5, 0.6, 0.7]);
		const some = collect(world).get('inequality.areaSpread', 0);
		resetMonth(world);
		world.areas.qualitySmoothed.set([0.3, 0.6, 0.9]);
		expect(collect(world).get('inequality.areaSpread', 0)).toBeGreaterThan(some);
		expect(some).toBeGreaterThan(0);
	});

	test('the cell tallies are folded into the groups once and then cleared', () => {
		const world = testWorld();
		resetMonth(world);
		tallyCitizen(world.tallies.cells, T.crises, 0, 0, 3);
		collect(world);
		expect(world.tallies.cells.every((x) => x === 0)).toBe(true);
		expect(world.tallies.values[T.crises]).toBe(3);
	});

	test('area groups account for every provider: the area workforce figures add up to the overall one', () => {
		const { world } = monthAfter(12);
		const v = world.tallies.values;
		const keys = [T.staff, T.burnt, T.posts, T.vacancies, T.providerServed];
		for (const k of keys) {
			let areas = 0;
			for (let a = 0; a < world.areas.n; a++) areas += v[(GROUP_FIRST_AREA + a) * TALLY_KEYS + k];
			expect(areas).toBeCloseTo(v[k], 9);
		}
	});

	test('mean trust is the mean of citizens’ trust in each quintile and each area', () => {
		const { world, get } = monthAfter(12);
		const c = world.citizens;
		const sums = new Float64Array(world.tallies.groups);
		const counts = new Float64Array(world.tallies.groups);
		for (let i = 0; i < c.n; i++) {
			const trust = trustNow(world, i);
			for (const g of [0, GROUP_FIRST_QUINTILE + c.quintile[i], GROUP_FIRST_AREA + c.area[i]]) {
				sums[g] += trust;
				counts[g]++;
			}
		}
		for (const g of groupsOf(world)) expect(get('trust.mean', g), `group ${g}`).toBeCloseTo(sums[g] / counts[g], 3);
	});
});

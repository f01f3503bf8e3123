import { describe, expect, test } from 'vitest';
import { trustNow } from '../citizen-memory';
import { AT_RISK, DAYS_PER_MONTH, GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, QUINTILES, WAITING, WELL } from '../constants';
import { OUTCOME_INDEX, OUTCOMES, type OutcomeId } from '../outcomes';
import type { LeverValues } from '../parameters/registry';
import { T, TALLY_KEYS, tallyCitizen } from '../tallies';
import { countWait } from '../wait-bins';
import type { World } from '../world';
import {
	activeWorkers,
	citizensWhere,
	clearQueues,
	enqueue,
	keepStaff,
	recountCells,
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
	const world = testWorld({ levers });
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
		const world = testWorld();
		runMonths(world, 12);
		for (let k = 0; k < world.providers.n; k++) keepStaff(world, k, 0);
		stepMonth(world);
		const month = collect(world);
		expect(world.tallies.values[T.served]).toBe(0);
		for (const id of [
			'access.trueWithinTarget',
			'access.reportedWithinTarget',
			'access.meanWaitDays',
			'access.medianWaitDays',
			'access.p92WaitDays',
			'access.clinicallyLateShare',
			'gaming.gap',
			'quality.true'
		] as const) {
			for (const g of groupsOf(world)) expect(Number.isNaN(month.get(id, g)), `${id} in group ${g}`).toBe(true);
		}
		for (const id of ['prevention.crisisRate', 'trust.mean', 'wellbeing.healthyMonths', 'access.waitingListPer1000'] as const) {
			for (const g of groupsOf(world)) expect(Number.isFinite(month.get(id, g)), `${id} in group ${g}`).toBe(true);
		}
	});
});

describe('collectOutcomes: values', () => {
	test('gaming.gap is 100 times reported minus true share within target, in every group', () => {
		const world = testWorld({ levers: { targets: 1, inspection: 1 } });
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
			const world = testWorld({ levers });
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
		const byArea = (values: number[]) => {
			const pr = world.providers;
			for (let k = 0; k < pr.n; k++) pr.trueQuality[k] = values[pr.area[k]];
		};
		resetMonth(world);
		byArea([0.6, 0.6, 0.6]);
		expect(collect(world).get('inequality.areaSpread', 0)).toBeCloseTo(0, 12);
		resetMonth(world);
		byArea([0.5, 0.6, 0.7]);
		const some = collect(world).get('inequality.areaSpread', 0);
		expect(some).toBeCloseTo(Math.sqrt(2 / 300), 12);
		resetMonth(world);
		byArea([0.3, 0.6, 0.9]);
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

describe('collectOutcomes: access, rationing and gaming outcomes from the month’s tallies', () => {
	/** A quiet world whose month's tallies are set by hand in one cell (area 1, quintile 2). */
	function tallied(counts: Partial<Record<keyof typeof T, number>>, waits: number[] = []): Month {
		const world = testWorld();
		resetMonth(world);
		clearQueues(world);
		for (const [key, n] of Object.entries(counts)) tallyCitizen(world.tallies.cells, T[key as keyof typeof T], 2, 1, n);
		for (const w of waits) countWait(world.waitGroups, 2, 1, w);
		return collect(world);
	}
	const cellGroups = (world: World) => [0, GROUP_FIRST_QUINTILE + 2, GROUP_FIRST_AREA + 1];

	test('everyone who sought help and was seen within target: over those served, turned away, declined or in crisis while waiting', () => {
		const month = tallied({ served: 10, trueWithin: 8, turnedAway: 5, declined: 3, crisesWhileWaiting: 2 });
		for (const g of cellGroups(month.world)) {
			expect(month.get('access.trueWithinTarget', g)).toBeCloseTo(0.8, 12);
			expect(month.get('access.allNeedWithinTarget', g)).toBeCloseTo(8 / 20, 12);
		}
		// Rationing raises the share of those served within target but not the share of all who needed help.
		const rationed = tallied({ served: 5, trueWithin: 5, turnedAway: 10, declined: 3, crisesWhileWaiting: 2 });
		expect(rationed.get('access.trueWithinTarget', 0)).toBeGreaterThan(month.get('access.trueWithinTarget', 0));
		expect(rationed.get('access.allNeedWithinTarget', 0)).toBeLessThan(month.get('access.allNeedWithinTarget', 0));
	});

	test('median and 92nd-percentile waits come from the waits counted in each group', () => {
		const waits = Array.from({ length: 100 }, (_, j) => j + 0.5);
		const month = tallied({ served: 100 }, waits);
		for (const g of cellGroups(month.world)) {
			expect(month.get('access.medianWaitDays', g)).toBeCloseTo(50, 9);
			expect(month.get('access.p92WaitDays', g)).toBeCloseTo(92, 9);
		}
		// Groups with no waits counted have no median.
		expect(month.get('access.medianWaitDays', GROUP_FIRST_QUINTILE)).toBeNaN();
		expect(month.get('access.p92WaitDays', GROUP_FIRST_AREA)).toBeNaN();
	});

	test('the share seen later than clinically advised is over cases served', () => {
		const month = tallied({ served: 40, clinicallyLate: 10 });
		expect(month.get('access.clinicallyLateShare', 0)).toBeCloseTo(0.25, 12);
	});

	test('parking is over complex cases considered; cream-skimming combines declining at entry and parking', () => {
		const month = tallied({ complexReferrals: 20, declined: 5, complexConsidered: 10, parked: 4 });
		expect(month.get('gaming.parkedShare', 0)).toBeCloseTo(0.4, 12);
		expect(month.get('gaming.creamedShare', 0)).toBeCloseTo(1 - (1 - 0.25) * (1 - 0.4), 12);
		const none = tallied({});
		expect(none.get('gaming.parkedShare', 0)).toBe(0);
		expect(none.get('gaming.creamedShare', 0)).toBe(0);
	});

	test('the waiting list per 1,000 and healthy months count citizens waiting and citizens well at the month’s end', () => {
		const world = testWorld();
		resetMonth(world);
		clearQueues(world);
		const c = world.citizens;
		const waiting = citizensWhere(world, (i) => i % 10 === 0);
		for (const i of waiting) enqueue(world, i, c.homeProvider[i], -3);
		const atRisk = citizensWhere(world, (i) => i % 10 === 1);
		for (const i of atRisk) c.state[i] = AT_RISK;
		recountCells(world);
		const month = collect(world);
		expect(month.get('access.waitingListPer1000', 0)).toBeCloseTo((1000 * waiting.length) / c.n, 9);
		const well = citizensWhere(world, (i) => c.state[i] === WELL).length;
		expect(well).toBeLessThan(c.n - waiting.length - atRisk.length);
		expect(month.get('wellbeing.healthyMonths', 0)).toBeCloseTo((12 * well) / c.n, 9);
		for (let a = 0; a < world.areas.n; a++) {
			const residents = citizensWhere(world, (i) => c.area[i] === a);
			const waitingHere = residents.filter((i) => c.state[i] === WAITING).length;
			expect(month.get('access.waitingListPer1000', GROUP_FIRST_AREA + a)).toBeCloseTo((1000 * waitingHere) / residents.length, 9);
		}
	});
});

describe('collectOutcomes: workforce outcomes', () => {
	test('relational intensity and outreach share are the staff’s own decisions this month', () => {
		const { world, get } = monthAfter(6, { targets: 1, relational: 0.4 });
		const v = world.tallies.values;
		expect(get('workforce.effort', 0)).toBeGreaterThan(1);
		expect(get('workforce.relationalIntensity', 0)).toBeCloseTo(v[T.relationalUnits] / v[T.caseworkUnits], 12);
		expect(get('workforce.outreachShare', 0)).toBeCloseTo(v[T.outreachUnits] / (v[T.caseworkUnits] + v[T.outreachUnits]), 12);
		expect(get('workforce.outreachShare', 0)).toBeGreaterThan(0);
		const calm = monthAfter(6, { targets: 0, relational: 0.4 });
		expect(calm.get('workforce.effort', 0)).toBeLessThan(get('workforce.effort', 0));
	});

	// workforce.effort divides the effort summed over the workers who decided it (at the start of
	// service) by the staff counted at the month's end, after leavers and hires. In a month when
	// staff leave, it overstates effort by the share who left (3 of 88 gives +3.5%).
	test('working intensity is the mean effort of the staff who decided it (demonstrates a bug)', () => {
		// Staff leave but no one is hired, so every decider's slot still holds the effort they chose.
		// 20,000 citizens (some 600 staff by then, 30 leaving a month): with 2,000, about one
		// month in twenty had no leaver at all.
		const world = testWorld({
			levers: { targets: 1 },
			assumptions: { quitBase: 0.05, vacancyFillMonths: 1e12 },
			population: { citizens: 20_000 }
		});
		runMonths(world, 6);
		const deciders = activeWorkers(world);
		stepMonth(world);
		const month = collect(world);
		const decided = deciders.map((i) => world.workers.effort[i]);
		expect(world.tallies.values[T.leavers]).toBeGreaterThan(0);
		expect(world.tallies.values[T.effortSum]).toBeCloseTo(decided.reduce((a, b) => a + b, 0), 4);
		expect(month.get('workforce.effort', 0)).toBeCloseTo(decided.reduce((a, b) => a + b, 0) / decided.length, 5);
	});

	test('vacancies are funded posts not filled, in full-time equivalents; throughput is per full-time equivalent', () => {
		const { world, get } = monthAfter(3);
		const pr = world.providers;
		let vacant = 0;
		let posts = 0;
		let fte = 0;
		for (let k = 0; k < pr.n; k++) {
			const staffed = activeWorkers(world, k).reduce((total, i) => total + world.workers.fte[i], 0);
			vacant += Math.max(0, pr.posts[k] - staffed);
			posts += pr.posts[k];
			fte += staffed;
		}
		expect(get('workforce.vacancyRate', 0)).toBeCloseTo(vacant / posts, 6);
		expect(get('workforce.throughput', 0)).toBeCloseTo(world.tallies.values[T.providerServed] / fte, 6);
	});

	test('the leaver rate counts staff released as well as those who quit', () => {
		const world = testWorld({ assumptions: { redundancyRate: 1 } });
		runMonths(world, 3);
		// Cut every provider's funded posts by a third before the workforce step of this month.
		const pr = world.providers;
		for (let k = 0; k < pr.n; k++) pr.posts[k] *= 0.66;
		stepMonth(world);
		const month = collect(world);
		const v = world.tallies.values;
		expect(v[T.redundancies]).toBeGreaterThan(0);
		expect(v[T.leavers]).toBeGreaterThanOrEqual(v[T.redundancies]);
		expect(month.get('workforce.leaverRate', 0)).toBeCloseTo((12 * v[T.leavers]) / v[T.staffBefore], 12);
		expect(month.get('workforce.leaverRate', 0)).toBeGreaterThan((12 * v[T.redundancies]) / v[T.staffBefore] - 1e-12);
	});
});

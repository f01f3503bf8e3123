import { describe, expect, test } from 'vitest';
import type { AssumptionValues, LeverValues } from '../parameters/registry';
import { GROUP_FIRST_AREA } from '../constants';
import { T, TALLY_KEYS } from '../tallies';
import type { World } from '../world';
import { resetMonth, setLevers, sum, testWorld } from './_test-world';
import { stepFunding } from './funding';

function fundingWorld(levers: Partial<LeverValues> = {}, assumptions: Partial<AssumptionValues> = {}, month = 0): World {
	const world = testWorld({ levers, assumptions, month });
	resetMonth(world);
	world.monthFlows.fill(0);
	return world;
}

function funded(levers: Partial<LeverValues> = {}, assumptions: Partial<AssumptionValues> = {}, month = 0): World {
	const world = fundingWorld(levers, assumptions, month);
	stepFunding(world);
	return world;
}

const last = (world: World) => world.areas.n - 1;

describe('stepFunding: areas', () => {
	test('need weighting shifts budget share toward deprived areas', () => {
		const perHead = funded({}, { needWeighting: 0 });
		const byNeed = funded({}, { needWeighting: 1 });
		expect(byNeed.areas.fundingShare[last(byNeed)]).toBeGreaterThan(perHead.areas.fundingShare[last(perHead)]);
		expect(byNeed.areas.fundingShare[0]).toBeLessThan(perHead.areas.fundingShare[0]);
		expect(sum(byNeed.areas.fundingShare)).toBeCloseTo(1, 12);
		expect(sum(perHead.areas.fundingShare)).toBeCloseTo(1, 12);
	});

	test('funding per head is adequate everywhere when it fully follows need, and short in deprived areas when it does not', () => {
		const perHead = funded({}, { needWeighting: 0 });
		const byNeed = funded({}, { needWeighting: 1 });
		for (let a = 0; a < byNeed.areas.n; a++) expect(byNeed.areas.fundingAdequacy[a]).toBeCloseTo(1, 9);
		expect(perHead.areas.fundingAdequacy[last(perHead)]).toBeLessThan(1);
		expect(perHead.areas.fundingAdequacy[0]).toBeGreaterThan(1);
	});

	test('vacancies fill more slowly in more deprived areas', () => {
		const world = funded();
		for (let a = 1; a < world.areas.n; a++) expect(world.areas.fillChance[a]).toBeLessThan(world.areas.fillChance[a - 1]);
	});

	test('funding growth raises the budget, and so the posts, in later months', () => {
		const early = funded({}, { fundingGrowth: 0.03 }, 0);
		const late = funded({}, { fundingGrowth: 0.03 }, 120);
		expect(sum(late.providers.posts)).toBeGreaterThan(sum(early.providers.posts) * 1.2);
	});

	test('spin-up months do not count funding growth', () => {
		const spinUp = funded({}, { fundingGrowth: 0.03 }, -12);
		const start = funded({}, { fundingGrowth: 0.03 }, 0);
		expect(sum(spinUp.providers.posts)).toBeCloseTo(sum(start.providers.posts), 9);
	});
});

describe('stepFunding: providers', () => {
	test('competition moves income toward the providers that served more of the area’s residents', () => {
		const world = fundingWorld({ competition: 1 });
		const nP = world.providers.n;
		for (let a = 0; a < world.areas.n; a++) world.monthFlows[a * nP + world.areas.firstProvider[a]] = 10;
		stepFunding(world);
		for (let a = 0; a < world.areas.n; a++) {
			const first = world.areas.firstProvider[a];
			expect(world.providers.income[first]).toBeGreaterThan(world.providers.income[first + 1]);
			expect(world.providers.posts[first]).toBeGreaterThan(world.providers.posts[first + 1]);
		}
	});

	test('money follows users gradually: a provider that keeps serving everyone keeps gaining', () => {
		const world = fundingWorld({ competition: 1 });
		const nP = world.providers.n;
		const incomes: number[] = [];
		for (let m = 0; m < 6; m++) {
			world.monthFlows.fill(0);
			world.monthFlows[0 * nP + 0] = 10;
			stepFunding(world);
			incomes.push(world.providers.income[0] / (world.providers.income[0] + world.providers.income[1]));
		}
		for (let m = 1; m < incomes.length; m++) expect(incomes[m]).toBeGreaterThan(incomes[m - 1]);
	});

	test('without competition an area’s providers get equal income whatever they served', () => {
		const world = fundingWorld({ competition: 0 });
		const nP = world.providers.n;
		world.monthFlows[0 * nP + 0] = 10;
		stepFunding(world);
		expect(world.providers.income[0]).toBeCloseTo(world.providers.income[1], 9);
	});

	test('this month’s flows are used once and cleared', () => {
		const world = fundingWorld({ competition: 1 });
		world.monthFlows[0] = 5;
		stepFunding(world);
		expect(sum(world.monthFlows)).toBe(0);
	});

	test('an efficiency drive cuts funded posts', () => {
		const none = funded({ efficiency: 0 });
		const drive = funded({ efficiency: 1 });
		expect(sum(drive.providers.posts)).toBeLessThan(sum(none.providers.posts));
		expect(sum(drive.providers.posts) / sum(none.providers.posts)).toBeCloseTo(1 - none.p.efficiencyCut, 9);
	});

	test('more prevention spending leaves less money for acute posts', () => {
		const little = funded({ prevention: 0.02 });
		const much = funded({ prevention: 0.3 });
		expect(sum(much.providers.posts)).toBeLessThan(sum(little.providers.posts));
	});

	test('pay premiums for autonomy and performance pay buy fewer posts from the same money', () => {
		const base = funded({ autonomy: 0, performancePay: 0 });
		expect(sum(funded({ autonomy: 1, performancePay: 0 }).providers.posts)).toBeLessThan(sum(base.providers.posts));
		expect(sum(funded({ autonomy: 0, performancePay: 1 }).providers.posts)).toBeLessThan(sum(base.providers.posts));
	});

	test('the number of outsourced providers follows the outsourcing lever, in a fixed order', () => {
		const outsourced = (share: number) => {
			const world = funded({ outsourcing: share });
			return new Set([...Array(world.providers.n).keys()].filter((k) => world.providers.outsourced[k] === 1));
		};
		expect(outsourced(0).size).toBe(0);
		expect(outsourced(0.5).size).toBe(3);
		expect(outsourced(1).size).toBe(6);
		const third = outsourced(1 / 3);
		const twoThirds = outsourced(2 / 3);
		expect(third.size).toBe(2);
		for (const k of third) expect(twoThirds.has(k)).toBe(true);
	});

	test('a provider whose staff cost more than its income is under financial pressure', () => {
		const world = fundingWorld();
		world.providers.staff[0] = world.providers.slotCount[0];
		world.providers.staff[1] = 1;
		stepFunding(world);
		expect(world.providers.financialPressure[0]).toBeGreaterThan(0);
		expect(world.providers.financialPressure[0]).toBeLessThanOrEqual(1);
		expect(world.providers.financialPressure[1]).toBe(0);
	});

	test('outsourced providers keep a margin of their income', () => {
		const world = fundingWorld({ outsourcing: 0.5 }, { outsourcedWageDiscount: 0 });
		stepFunding(world);
		// Equal income without competition between an area's providers; the outsourced spend less on posts.
		let compared = 0;
		for (let a = 0; a < world.areas.n; a++) {
			const [x, y] = [world.areas.firstProvider[a], world.areas.firstProvider[a] + 1];
			if (world.providers.outsourced[x] === world.providers.outsourced[y]) continue;
			const [out, inHouse] = world.providers.outsourced[x] ? [x, y] : [y, x];
			expect(world.providers.posts[out]).toBeLessThan(world.providers.posts[inHouse]);
			compared++;
		}
		expect(compared).toBeGreaterThan(0);
	});
});

describe('stepFunding: prevention', () => {
	test('the prevention stock approaches the spending share with a lag', () => {
		const world = fundingWorld({ prevention: 0.3, devolution: 0 }, { needWeighting: 0 });
		const start = world.areas.preventionStock[0];
		stepFunding(world);
		const afterOne = world.areas.preventionStock[0];
		expect(afterOne).toBeGreaterThanOrEqual(start);
		expect(afterOne).toBeLessThan(start + 0.01);
		for (let m = 1; m < 120; m++) stepFunding(world);
		for (let a = 0; a < world.areas.n; a++) {
			expect(world.areas.preventionStock[a]).toBeGreaterThan(0.29);
			expect(world.areas.preventionStock[a]).toBeLessThanOrEqual(0.3 + 1e-9);
		}
	});

	test('the prevention effect grows with the stock and stays below its maximum', () => {
		const world = fundingWorld({ prevention: 0.3, devolution: 0 }, { needWeighting: 0 });
		let previous = world.areas.preventionEffect[0];
		for (let m = 0; m < 36; m++) {
			stepFunding(world);
			expect(world.areas.preventionEffect[0]).toBeGreaterThan(previous);
			expect(world.areas.preventionEffect[0]).toBeLessThan(world.p.preventionMaxEffect);
			previous = world.areas.preventionEffect[0];
		}
	});

	test('a shorter prevention lag brings the effect sooner', () => {
		const slow = fundingWorld({ prevention: 0.3 }, { needWeighting: 0, preventionLag: 24 });
		const fast = fundingWorld({ prevention: 0.3 }, { needWeighting: 0, preventionLag: 3 });
		for (let m = 0; m < 12; m++) {
			stepFunding(slow);
			stepFunding(fast);
		}
		expect(fast.areas.preventionEffect[0]).toBeGreaterThan(slow.areas.preventionEffect[0]);
	});

	test('devolved places lean their own way on the share of their budget spent on prevention', () => {
		/** Each area's prevention spending relative to its share of the budget. */
		const shares = (world: World) =>
			Array.from({ length: world.areas.n }, (_, a) =>
				world.tallies.values[(GROUP_FIRST_AREA + a) * TALLY_KEYS + T.preventionSpend] / world.areas.fundingShare[a]
			);
		const spread = (x: number[]) => (Math.max(...x) - Math.min(...x)) / Math.max(...x);
		expect(spread(shares(funded({ prevention: 0.1, devolution: 0 })))).toBeLessThan(1e-9);
		expect(spread(shares(funded({ prevention: 0.1, devolution: 1 })))).toBeGreaterThan(0.05);
	});

	test('prevention spending is tallied as part of all spending', () => {
		const world = funded({ prevention: 0.2 });
		const v = world.tallies.values;
		expect(v[T.preventionSpend]).toBeGreaterThan(0);
		expect(v[T.spend]).toBeGreaterThan(v[T.preventionSpend]);
		setLevers(world, { prevention: 0 });
		resetMonth(world);
		stepFunding(world);
		expect(world.tallies.values[T.preventionSpend]).toBe(0);
	});
});

import { describe, expect, test } from 'vitest';
import type { AssumptionValues, LeverValues } from '../parameters/registry';
import { GROUP_FIRST_AREA } from '../constants';
import { T, TALLY_KEYS } from '../tallies';
import type { World } from '../world';
import { clearMonth, shareAt } from '../area-flows';
import { enqueue, keepStaff, monthTotal, quietCitizens, resetMonth, setLevers, setResults, setWorkers, sum, testWorld } from './_test-world';
import { stepService } from './service';
import { stepFunding } from './funding';

function fundingWorld(levers: Partial<LeverValues> = {}, assumptions: Partial<AssumptionValues> = {}, month = 0, recordStart?: number): World {
	const world = testWorld({ levers, assumptions, month, recordStart });
	resetMonth(world);
	clearMonth(world.areaFlows);
	return world;
}

function funded(levers: Partial<LeverValues> = {}, assumptions: Partial<AssumptionValues> = {}, month = 0, recordStart?: number): World {
	const world = fundingWorld(levers, assumptions, month, recordStart);
	stepFunding(world);
	return world;
}

/** The month's national budget as stepFunding sets it (no growth). */
function budget(world: World): number {
	const p = world.p;
	return ((world.population.citizens * p.postsPer1000) / 1000) * p.wageMonthly * p.fundingLevel;
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

	test('funding growth raises the budget, and so the posts, by (1 + growth) a year of recording', () => {
		const early = funded({}, { fundingGrowth: 0.03 }, 0, 0);
		const late = funded({}, { fundingGrowth: 0.03 }, 120, 0);
		expect(sum(late.providers.posts) / sum(early.providers.posts)).toBeCloseTo(Math.pow(1.03, 10), 6);
	});

	test('no funding grows while the world is not recording (the spin-up) or before recording starts', () => {
		const start = funded({}, { fundingGrowth: 0.03 }, 0);
		expect(sum(funded({}, { fundingGrowth: 0.03 }, 120).providers.posts)).toBeCloseTo(sum(start.providers.posts), 9);
		expect(sum(funded({}, { fundingGrowth: 0.03 }, 120, 200).providers.posts)).toBeCloseTo(sum(start.providers.posts), 9);
	});
});

describe('stepFunding: providers', () => {
	test('competition moves income toward the providers that served more of the area’s residents', () => {
		const world = fundingWorld({ competition: 1 });
		const nP = world.providers.n;
		for (let a = 0; a < world.areas.n; a++) setResults(world, a, world.areas.firstProvider[a], 10);
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
			clearMonth(world.areaFlows);
			setResults(world, 0, 0, 10);
			stepFunding(world);
			incomes.push(world.providers.income[0] / (world.providers.income[0] + world.providers.income[1]));
		}
		for (let m = 1; m < incomes.length; m++) expect(incomes[m]).toBeGreaterThan(incomes[m - 1]);
	});

	test('without competition an area’s providers get equal income whatever they served', () => {
		const world = fundingWorld({ competition: 0 });
		const nP = world.providers.n;
		setResults(world, 0, 0, 10);
		stepFunding(world);
		expect(world.providers.income[0]).toBeCloseTo(world.providers.income[1], 9);
	});

	test('this month’s flows are used once and cleared', () => {
		const world = fundingWorld({ competition: 1 });
		setResults(world, 0, 0, 5);
		stepFunding(world);
		expect(monthTotal(world)).toBe(0);
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

describe('stepFunding: posts, deficits and spending', () => {
	/** Levers whose money all goes on in-house acute posts at the standard wage, but for overheads and prevention. */
	const PLAIN: Partial<LeverValues> = { efficiency: 0, outsourcing: 0, autonomy: 0, performancePay: 0, competition: 0, devolution: 0 };

	test('funded posts are what the acute money buys at the month’s cost per worker, fractions of a post included', () => {
		const world = funded(PLAIN);
		const acuteShare = 1 - world.levers.prevention - world.p.experimentBudget * world.levers.experimentation - world.climate.overheadShare;
		expect(sum(world.providers.posts)).toBeCloseTo((budget(world) * acuteShare) / world.p.wageMonthly, 9);
		// 2,000 citizens: about 15 posts a provider, none of them a whole number.
		for (let k = 0; k < world.providers.n; k++) expect(world.providers.posts[k] % 1).not.toBe(0);
	});

	test('posts never go below zero or beyond the provider’s slots', () => {
		const world = fundingWorld({ ...PLAIN, competition: 1 });
		const nP = world.providers.n;
		// Every area's users all went to its first provider for a long time.
		for (let m = 0; m < 60; m++) {
			for (let a = 0; a < world.areas.n; a++) setResults(world, a, world.areas.firstProvider[a], 10);
			stepFunding(world);
		}
		for (let k = 0; k < nP; k++) {
			expect(world.providers.posts[k]).toBeGreaterThanOrEqual(0);
			expect(world.providers.posts[k]).toBeLessThanOrEqual(world.providers.slotCount[k] - 1);
		}
		expect(world.providers.posts[1]).toBeLessThan(world.providers.posts[0]);
	});

	test('a provider whose staff cost more than its income carries the deficit; money not spent is not carried', () => {
		const world = fundingWorld(PLAIN);
		const pr = world.providers;
		// Staffed equally, the least deprived area's providers (funded for fewer posts) run a deficit.
		const equal = pr.posts.reduce((a, b) => a + b, 0) / pr.n;
		pr.staff.fill(equal);
		stepFunding(world);
		expect(pr.balance[0]).toBeLessThan(0);
		pr.balance.fill(0);
		const income = Array.from(pr.income);
		pr.staff.set(pr.posts);
		pr.staff[0] = pr.posts[0] + 3;
		pr.staff[1] = pr.posts[1] - 3;
		resetMonth(world);
		stepFunding(world);
		expect(pr.balance[0]).toBeCloseTo(income[0] - pr.staff[0] * world.p.wageMonthly, 6);
		expect(pr.balance[0]).toBeLessThan(0);
		expect(pr.balance[1]).toBe(0);
		expect(pr.financialPressure[0]).toBeGreaterThan(0);
		expect(pr.financialPressure[1]).toBe(0);
	});

	test('a deficit is repaid out of the posts funded, over about deficitRecoveryMonths', () => {
		function run(deficitRecoveryMonths: number) {
			const world = fundingWorld(PLAIN, { deficitRecoveryMonths });
			const twin = fundingWorld(PLAIN, { deficitRecoveryMonths });
			const pr = world.providers;
			stepFunding(world);
			stepFunding(twin);
			pr.balance.fill(0);
			twin.providers.balance.fill(0);
			pr.balance[0] = -10 * world.p.wageMonthly;
			const balances: number[] = [];
			for (let m = 0; m < 36; m++) {
				// Staff fill exactly the posts funded last month.
				pr.staff.set(pr.posts);
				twin.providers.staff.set(twin.providers.posts);
				stepFunding(world);
				stepFunding(twin);
				// As a share of the starting deficit.
				balances.push(pr.balance[0] / (-10 * world.p.wageMonthly));
				if (m === 0) {
					// The month's repayment comes out of the posts funded.
					const repaid = (10 * world.p.wageMonthly) / deficitRecoveryMonths;
					expect(twin.providers.posts[0] - pr.posts[0]).toBeCloseTo(repaid / world.p.wageMonthly, 9);
					for (let k = 1; k < pr.n; k++) expect(pr.posts[k]).toBeCloseTo(twin.providers.posts[k], 9);
				}
			}
			return balances;
		}
		const left = run(12);
		for (let m = 1; m < left.length; m++) {
			expect(left[m]).toBeLessThan(left[m - 1]);
			expect(left[m]).toBeGreaterThanOrEqual(0);
		}
		// About a twelfth repaid each month (staff follow the posts a month later): after 12 months about (11/12)^12 = 35% is left.
		expect(Math.abs(left[11] - Math.pow(11 / 12, 12))).toBeLessThan(0.01);
		expect(run(3)[11]).toBeLessThan(0.01);
	});

	test('with staff filling the funded posts, spending is the budget: none beyond it, and an efficiency drive spends less', () => {
		function spendOf(levers: Partial<LeverValues>): { spend: number; world: World } {
			const world = fundingWorld(levers);
			stepFunding(world);
			world.providers.staff.set(world.providers.posts);
			resetMonth(world);
			stepFunding(world);
			return { spend: world.tallies.values[T.spend], world };
		}
		const plain = spendOf(PLAIN);
		expect(plain.spend).toBeCloseTo(budget(plain.world), 6);
		const prevention = spendOf({ ...PLAIN, prevention: 0.3 });
		expect(prevention.spend).toBeCloseTo(budget(prevention.world), 6);
		expect(spendOf({ ...PLAIN, efficiency: 1 }).spend).toBeLessThan(plain.spend);
	});
});

describe('stepFunding: payment by results', () => {
	test('with competition, income follows the results providers report for each area’s residents', () => {
		const world = fundingWorld({ competition: 1, devolution: 0 });
		const nP = world.providers.n;
		// The first provider of each area reports three times the results of the second, for many months.
		for (let m = 0; m < 60; m++) {
			for (let a = 0; a < world.areas.n; a++) {
				setResults(world, a, world.areas.firstProvider[a], 30);
				setResults(world, a, world.areas.firstProvider[a] + 1, 10);
			}
			stepFunding(world);
		}
		for (let a = 0; a < world.areas.n; a++) {
			const first = world.areas.firstProvider[a];
			expect(shareAt(world.areaFlows, a, first)).toBeCloseTo(0.75, 3);
			expect(world.providers.income[first] / world.providers.income[first + 1]).toBeCloseTo(3, 2);
		}
	});

	test('a provider that claims unresolved cases as results draws money from one that reports honestly', () => {
		const world = testWorld({ levers: { competition: 1, targets: 0, inspection: 0, audit: 0 }, month: 5 });
		quietCitizens(world);
		resetMonth(world);
		clearMonth(world.areaFlows);
		// Equal teams, so the two providers of an area see about as many cases and differ only in what they report.
		for (let k = 0; k < world.providers.n; k++) keepStaff(world, k, 10);
		setWorkers(world, { gaming: 0, intrinsic: 0.5, motivation: 0.5, skill: 0.5, burnout: 0, effort: 1 });
		const pr = world.providers;
		pr.culture.fill(0);
		// In each area the first provider's recording claims every case it serves as a result.
		for (let a = 0; a < world.areas.n; a++) pr.culture[world.areas.firstProvider[a]] = 1;
		for (let i = 0; i < world.citizens.n; i++) enqueue(world, i, world.citizens.homeProvider[i], 5 * 30 - 3);
		stepService(world);
		stepFunding(world);
		for (let a = 0; a < world.areas.n; a++) {
			const first = world.areas.firstProvider[a];
			expect(pr.income[first]).toBeGreaterThan(pr.income[first + 1]);
		}
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

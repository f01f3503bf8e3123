import { describe, expect, test } from 'vitest';
import { changeLeadership, leaderLeavingChance } from './leadership';
import { stepMonth, testWorld } from './_test-world';

/** Enough providers for shares and means to be read off one world: 10 areas of 20. */
const MANY_PROVIDERS = { citizens: 2000, areas: 10, providersPerArea: 20 };

describe('leaders leave at a base rate', () => {
	test('the monthly chance gives the median tenure asked for; leaders who never leave have a chance of 0', () => {
		for (const years of [1, 3, 10]) {
			const chance = leaderLeavingChance(years);
			expect((1 - chance) ** (12 * years)).toBeCloseTo(0.5, 12);
		}
		expect(leaderLeavingChance(1)).toBeGreaterThan(leaderLeavingChance(3));
		expect(leaderLeavingChance(Infinity)).toBe(0);
	});

	test('after one median tenure about half the leaders have gone, each replaced by management drawn afresh', () => {
		const world = testWorld({ population: MANY_PROVIDERS, assumptions: { leaderTenure: 2, managementSpread: 0.4 } });
		const pr = world.providers;
		pr.management.fill(7);
		for (let month = 0; month < 24; month++) changeLeadership(world);
		const replaced = pr.management.filter((m) => m !== 7);
		// 200 providers, each replaced with chance one half: 100 with a standard deviation of 7.
		expect(replaced.length).toBeGreaterThan(100 - 4 * 7);
		expect(replaced.length).toBeLessThan(100 + 4 * 7);
		for (const m of replaced) expect(Math.abs(m)).toBeLessThan(5 * 0.4);
	});

	test('management forgets where it started: after many tenures its mean and spread are those new leaders are drawn from', () => {
		const world = testWorld({ population: MANY_PROVIDERS, assumptions: { leaderTenure: 3, managementSpread: 0.3 } });
		const pr = world.providers;
		pr.management.fill(1);
		for (let month = 0; month < 20 * 36; month++) changeLeadership(world);
		const mean = pr.management.reduce((a, b) => a + b, 0) / pr.n;
		const sd = Math.sqrt(pr.management.reduce((a, m) => a + (m - mean) ** 2, 0) / (pr.n - 1));
		// A mean of 200 draws of N(0, 0.3) lies within 4 of its standard errors (0.021) of 0.
		expect(Math.abs(mean)).toBeLessThan(4 * (0.3 / Math.sqrt(200)));
		expect(sd).toBeGreaterThan(0.3 * 0.8);
		expect(sd).toBeLessThan(0.3 * 1.2);
	});

	test('the same leaders leave in the same months whatever the levers; only special measures add changes', () => {
		const options = { population: MANY_PROVIDERS, seed: 4 };
		const plain = testWorld({ ...options, levers: { inspection: 0, mission: 0, autonomy: 0.2 } });
		const reformed = testWorld({ ...options, levers: { inspection: 0, mission: 1, autonomy: 1, experimentation: 1 } });
		const inspected = testWorld({ ...options, levers: { inspection: 1, mission: 0, autonomy: 0.2 } });
		inspected.p = { ...inspected.p, inspectionRate: 4, turnaroundChance: 1 };
		const everFailing = new Uint8Array(plain.providers.n);
		const start = Float64Array.from(plain.providers.management);
		for (let month = 0; month < 36; month++) {
			for (const world of [plain, reformed, inspected]) {
				stepMonth(world);
				world.month++;
			}
			expect(Array.from(reformed.providers.management)).toEqual(Array.from(plain.providers.management));
			for (let k = 0; k < plain.providers.n; k++) {
				if (inspected.providers.failingMonths[k] > 0) everFailing[k] = 1;
				if (!everFailing[k]) expect(inspected.providers.management[k]).toBe(plain.providers.management[k]);
			}
		}
		const changed = plain.providers.management.filter((m, k) => m !== start[k]).length;
		expect(changed).toBeGreaterThan(0);
		const turnedRound = everFailing.reduce((a, b) => a + b, 0);
		expect(turnedRound).toBeGreaterThan(0);
		expect(inspected.providers.management.some((m, k) => everFailing[k] && m !== plain.providers.management[k])).toBe(true);
	});
});

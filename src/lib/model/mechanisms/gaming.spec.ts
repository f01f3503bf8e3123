import { describe, expect, test } from 'vitest';
import type { AssumptionValues, LeverValues } from '../parameters/registry';
import type { World } from '../world';
import { activeWorkers, resetMonth, setWorkers, sum, testWorld } from './_test-world';
import { stepGaming } from './gaming';

/** Levers with no audit, inspection, pay or mission, so each can be turned on alone. */
const QUIET: Partial<LeverValues> = { audit: 0, inspection: 0, performancePay: 0, mission: 0, targets: 0 };

/**
 * A world ready for gaming: nothing served this month (so the smoothed figures stay put),
 * every provider with the same culture, performance, motivation and target pressure.
 */
function gamingWorld(
	options: {
		levers?: Partial<LeverValues>;
		assumptions?: Partial<AssumptionValues>;
		pressure?: number;
		truePerformance?: number;
		motivation?: number;
		citizens?: number;
	} = {}
): World {
	const world = testWorld({
		levers: { ...QUIET, ...options.levers },
		assumptions: options.assumptions,
		population: options.citizens ? { citizens: options.citizens } : {}
	});
	resetMonth(world);
	const pr = world.providers;
	pr.culture.fill(0.1);
	pr.blame.fill(0);
	pr.failingMonths.fill(0);
	pr.financialPressure.fill(0);
	pr.truePerformance.fill(options.truePerformance ?? 0.95);
	pr.reportedPerformance.fill(0.95);
	pr.meanMotivation.fill(0.5);
	pr.targetPressure.fill(options.pressure ?? 0);
	pr.hideChance.fill(0.1);
	setWorkers(world, { motivation: options.motivation ?? 0.5, gaming: 0 });
	return world;
}

const meanCulture = (world: World) => sum(world.providers.culture) / world.providers.n;

/** Workers misrecording after one step, and the set of who did. */
function gamers(world: World): Set<number> {
	stepGaming(world);
	return new Set(activeWorkers(world).filter((i) => world.workers.gaming[i] === 1));
}

function isSubset(a: Set<number>, b: Set<number>): boolean {
	for (const x of a) if (!b.has(x)) return false;
	return true;
}

describe('stepGaming: recording culture', () => {
	test('recording culture rises with target pressure', () => {
		const calm = gamingWorld({ pressure: 0 });
		const pressed = gamingWorld({ pressure: 1 });
		stepGaming(calm);
		stepGaming(pressed);
		expect(meanCulture(pressed)).toBeGreaterThan(meanCulture(calm));
	});

	test('under pressure, a shortfall from the standard raises the culture; without pressure it does not', () => {
		const meeting = gamingWorld({ pressure: 1, truePerformance: 0.95 });
		const missing = gamingWorld({ pressure: 1, truePerformance: 0.6 });
		stepGaming(meeting);
		stepGaming(missing);
		expect(meanCulture(missing)).toBeGreaterThan(meanCulture(meeting));
		const calmMeeting = gamingWorld({ pressure: 0, truePerformance: 0.95 });
		const calmMissing = gamingWorld({ pressure: 0, truePerformance: 0.6 });
		stepGaming(calmMeeting);
		stepGaming(calmMissing);
		expect(meanCulture(calmMissing)).toBeCloseTo(meanCulture(calmMeeting), 12);
	});

	test('the culture moves toward its level gradually, over cultureMonths', () => {
		const fast = gamingWorld({ pressure: 1, truePerformance: 0.6, assumptions: { cultureMonths: 3 } });
		const slow = gamingWorld({ pressure: 1, truePerformance: 0.6, assumptions: { cultureMonths: 24 } });
		stepGaming(fast);
		stepGaming(slow);
		expect(meanCulture(slow)).toBeGreaterThan(0.1);
		expect(meanCulture(fast)).toBeGreaterThan(meanCulture(slow));
	});

	test('strong audit lowers the provider culture it detects', () => {
		const unaudited = gamingWorld({ pressure: 1, truePerformance: 0.6 });
		const audited = gamingWorld({ pressure: 1, truePerformance: 0.6, levers: { audit: 1 } });
		stepGaming(unaudited);
		stepGaming(audited);
		expect(meanCulture(audited)).toBeLessThan(meanCulture(unaudited));
	});

	test('a detected provider has its culture cut by the sanction and takes the blame', () => {
		// Certain detection: full audit, detection 1 and everything hidden.
		const world = gamingWorld({ levers: { audit: 1 }, assumptions: { auditDetection: 1 } });
		world.providers.hideChance.fill(1);
		world.providers.culture.fill(0.6);
		const twin = gamingWorld({ levers: { audit: 1 }, assumptions: { auditDetection: 0 } });
		twin.providers.culture.fill(0.6);
		stepGaming(world);
		stepGaming(twin);
		for (let k = 0; k < world.providers.n; k++) {
			expect(world.providers.culture[k]).toBeCloseTo(twin.providers.culture[k] * (1 - world.p.sanctionCut), 12);
			expect(world.providers.blame[k]).toBe(1);
			expect(twin.providers.blame[k]).toBe(0);
		}
	});

	test('audit detects nothing where nothing is hidden', () => {
		const world = gamingWorld({ levers: { audit: 1 }, assumptions: { auditDetection: 1 } });
		world.providers.hideChance.fill(0);
		stepGaming(world);
		expect(sum(world.providers.blame)).toBe(0);
	});

	test('a motivated team and a mission restrain the culture; financial pressure feeds it', () => {
		const base = gamingWorld({ pressure: 1, truePerformance: 0.6 });
		const motivated = gamingWorld({ pressure: 1, truePerformance: 0.6 });
		motivated.providers.meanMotivation.fill(0.9);
		const mission = gamingWorld({ pressure: 1, truePerformance: 0.6, levers: { mission: 1 } });
		const broke = gamingWorld({ pressure: 1, truePerformance: 0.6 });
		broke.providers.financialPressure.fill(1);
		for (const world of [base, motivated, mission, broke]) stepGaming(world);
		expect(meanCulture(motivated)).toBeLessThan(meanCulture(base));
		expect(meanCulture(mission)).toBeLessThan(meanCulture(base));
		expect(meanCulture(broke)).toBeGreaterThan(meanCulture(base));
	});

	test('blame fades month by month', () => {
		const world = gamingWorld();
		world.providers.blame.fill(1);
		stepGaming(world);
		const once = world.providers.blame[0];
		stepGaming(world);
		expect(once).toBeLessThan(1);
		expect(world.providers.blame[0]).toBeLessThan(once);
	});

	test('the smoothed reported and true performance move toward this month’s shares', () => {
		const world = gamingWorld();
		const pr = world.providers;
		pr.truePerformance.fill(0.7);
		pr.reportedPerformance.fill(0.7);
		pr.trueQuality.fill(0.5);
		pr.monthServed[0] = 10;
		pr.monthTrueWithin[0] = 4;
		pr.monthRecordedWithin[0] = 10;
		pr.monthResolved[0] = 8;
		stepGaming(world);
		expect(pr.truePerformance[0]).toBeLessThan(0.7);
		expect(pr.truePerformance[0]).toBeGreaterThan(0.4);
		expect(pr.reportedPerformance[0]).toBeGreaterThan(0.7);
		expect(pr.trueQuality[0]).toBeGreaterThan(0.5);
		// A provider that served nobody keeps its figures.
		expect(pr.truePerformance[1]).toBe(0.7);
	});
});

describe('stepGaming: workers', () => {
	test('worker misrecording rises with target pressure (every worker who games under low pressure also games under high)', () => {
		const low = gamers(gamingWorld({ pressure: 0, citizens: 20_000 }));
		const high = gamers(gamingWorld({ pressure: 1.5, citizens: 20_000 }));
		expect(high.size).toBeGreaterThan(low.size);
		expect(isSubset(low, high)).toBe(true);
	});

	test('worker misrecording falls with motivation', () => {
		const knaves = gamers(gamingWorld({ pressure: 1, motivation: 0.1, citizens: 20_000 }));
		const knights = gamers(gamingWorld({ pressure: 1, motivation: 0.9, citizens: 20_000 }));
		expect(knights.size).toBeLessThan(knaves.size);
		expect(isSubset(knights, knaves)).toBe(true);
	});

	test('worker misrecording rises with performance pay and with the provider culture', () => {
		const plain = gamers(gamingWorld({ pressure: 1, citizens: 20_000 }));
		const paid = gamers(gamingWorld({ pressure: 1, citizens: 20_000, levers: { performancePay: 1 } }));
		expect(paid.size).toBeGreaterThan(plain.size);
		const cultured = gamingWorld({ pressure: 1, citizens: 20_000 });
		cultured.providers.culture.fill(0.9);
		expect(gamers(cultured).size).toBeGreaterThan(plain.size);
	});

	test('audit deters worker misrecording', () => {
		const world = gamingWorld({ pressure: 1, citizens: 20_000, assumptions: { auditDetection: 0 } });
		const audited = gamingWorld({ pressure: 1, citizens: 20_000, levers: { audit: 1 }, assumptions: { auditDetection: 0 } });
		expect(gamers(audited).size).toBeLessThan(gamers(world).size);
	});

	test('audit deters individual workers directly (workerGamingAudit), with the provider culture held fixed', () => {
		// No effect of audit on the culture and no detections: the culture is the same with or without audit.
		function run(audit: number, workerGamingAudit: number) {
			const world = gamingWorld({
				pressure: 1,
				citizens: 20_000,
				levers: { audit },
				assumptions: { cultureAudit: 0, auditDetection: 0, workerGamingAudit }
			});
			const set = gamers(world);
			return { set, culture: Array.from(world.providers.culture) };
		}
		const unaudited = run(0, 1.5);
		const audited = run(1, 1.5);
		expect(audited.culture).toEqual(unaudited.culture);
		expect(isSubset(audited.set, unaudited.set)).toBe(true);
		expect(audited.set.size).toBeLessThan(unaudited.set.size * 0.5);
		// Without the coefficient, audit leaves individual gaming exactly as it was.
		expect([...run(1, 0).set]).toEqual([...run(0, 0).set]);
	});

	test('audit lowers the provider culture through cultureAudit alone, even when it detects nothing', () => {
		const culture = (audit: number, cultureAudit: number) => {
			const world = gamingWorld({ pressure: 1, truePerformance: 0.6, levers: { audit }, assumptions: { cultureAudit, auditDetection: 0 } });
			stepGaming(world);
			return meanCulture(world);
		};
		expect(culture(1, 2.5)).toBeLessThan(culture(0, 2.5));
		expect(culture(1, 0)).toBeCloseTo(culture(0, 0), 12);
	});

	test('deliberate misrecording is a minority even under strong pressure', () => {
		const world = gamingWorld({ pressure: 1.5, citizens: 20_000 });
		const share = gamers(world).size / activeWorkers(world).length;
		expect(share).toBeGreaterThan(0);
		expect(share).toBeLessThan(0.5);
	});

	test('vacant slots never game', () => {
		const world = gamingWorld({ pressure: 1.5 });
		const slot = activeWorkers(world)[0];
		world.workers.active[slot] = 0;
		world.workers.gaming[slot] = 1;
		stepGaming(world);
		expect(world.workers.gaming[slot]).toBe(0);
	});
});

describe('stepGaming: inspection and league tables', () => {
	/** Full inspection, inspected every month, providers reporting distinct performance. */
	function inspected(assumptions: Partial<AssumptionValues> = {}): World {
		const world = gamingWorld({ levers: { inspection: 1 }, assumptions: { inspectionRate: 12, ...assumptions } });
		const reported = [0.8, 0.5, 0.9, 0.65, 0.95, 0.7];
		reported.forEach((r, k) => (world.providers.reportedPerformance[k] = r));
		stepGaming(world);
		return world;
	}

	test('inspection rates the providers with the lowest reported performance failing, and only them', () => {
		const world = inspected();
		const pr = world.providers;
		const failing = [...Array(pr.n).keys()].filter((k) => pr.failingMonths[k] > 0);
		const passing = [...Array(pr.n).keys()].filter((k) => pr.failingMonths[k] === 0);
		expect(failing.length).toBeGreaterThan(0);
		expect(failing.length).toBeLessThanOrEqual(Math.ceil(world.p.failingShare * pr.n));
		const worstPassing = Math.min(...passing.map((k) => pr.reportedPerformance[k]));
		for (const k of failing) {
			expect(pr.reportedPerformance[k]).toBeLessThan(worstPassing);
			expect(pr.blame[k]).toBeGreaterThan(0);
		}
		expect(failing).toContain(1); // the lowest reported figure
	});

	test('a failing rating brings in new leadership with turnaroundChance, its management drawn afresh; passing providers keep theirs', () => {
		function managementAfter(turnaroundChance: number) {
			// Leaders who never leave otherwise (leadership.ts), so only special measures change them.
			const world = gamingWorld({ levers: { inspection: 1 }, assumptions: { inspectionRate: 12, turnaroundChance, managementSpread: 0.5, leaderTenure: Infinity } });
			world.providers.management.fill(7);
			[0.8, 0.5, 0.9, 0.65, 0.95, 0.7].forEach((r, k) => (world.providers.reportedPerformance[k] = r));
			stepGaming(world);
			return world.providers;
		}
		const pr = managementAfter(1);
		for (let k = 0; k < pr.n; k++) {
			if (pr.failingMonths[k] > 0) {
				expect(pr.management[k]).not.toBe(7);
				expect(Math.abs(pr.management[k])).toBeLessThan(5 * 0.5);
			} else expect(pr.management[k]).toBe(7);
		}
		expect(pr.failingMonths.filter((m) => m > 0).length).toBeGreaterThan(0);
		expect(managementAfter(0).management.every((m) => m === 7)).toBe(true);
	});

	test('a failing rating lasts failingMonths months', () => {
		const world = inspected({ failingMonths: 4 });
		world.levers.inspection = 0;
		const k = 1;
		let months = 1;
		while (world.providers.failingMonths[k] > 0 && months < 50) {
			stepGaming(world);
			if (world.providers.failingMonths[k] > 0) months++;
		}
		expect(months).toBe(4);
	});

	test('a larger failing share rates more providers failing', () => {
		const few = inspected({ failingShare: 0.2 }).providers.failingMonths.filter((m) => m > 0).length;
		const many = inspected({ failingShare: 0.5 }).providers.failingMonths.filter((m) => m > 0).length;
		expect(many).toBeGreaterThan(few);
	});

	test('without inspection nobody is rated failing', () => {
		const world = gamingWorld({ levers: { inspection: 0 }, assumptions: { inspectionRate: 12 } });
		world.providers.reportedPerformance[1] = 0.1;
		stepGaming(world);
		expect(world.providers.failingMonths.every((m) => m === 0)).toBe(true);
	});
});

describe('stepGaming: league table with a zero failing share', () => {
	// A regression test: the bottom failingShare of n providers fail, so a share of 0 fails none.
	test('with failingShare 0 inspection rates no provider failing', () => {
		const world = gamingWorld({ levers: { inspection: 1 }, assumptions: { inspectionRate: 12, failingShare: 0 } });
		[0.8, 0.5, 0.9, 0.65, 0.95, 0.7].forEach((r, k) => (world.providers.reportedPerformance[k] = r));
		stepGaming(world);
		expect(world.providers.failingMonths.filter((m) => m > 0).length).toBe(0);
	});
});

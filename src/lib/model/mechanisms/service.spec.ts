import { describe, expect, test } from 'vitest';
import { fragilityNow } from '../citizen-memory';
import { AT_RISK, DAYS_PER_MONTH, F_UNRESOLVED, QUINTILES, WAITING, WELL } from '../constants';
import type { AssumptionValues, LeverValues } from '../parameters/registry';
import { T } from '../tallies';
import type { World } from '../world';
import {
	cellTally,
	citizensWhere,
	enqueue,
	keepStaff,
	queueOf,
	quietCitizens,
	resetMonth,
	setWorkers,
	sum,
	testWorld
} from './_test-world';
import { stepService } from './service';

/** Levers that switch off every pressure on service, so each can be turned on alone. */
const NEUTRAL: Partial<LeverValues> = {
	targets: 0,
	inspection: 0,
	audit: 0,
	performancePay: 0,
	efficiency: 0,
	autonomy: 0,
	peerLearning: 0,
	competition: 0,
	choice: 0,
	mission: 0,
	devolution: 0,
	relational: 0,
	integration: 0,
	outsourcing: 0
};

/**
 * A world ready for service: empty queues, identical workers (no burnout, no gaming),
 * providers with no culture, failing rating, financial pressure, trial or backlog.
 */
function serviceWorld(levers: Partial<LeverValues> = {}, assumptions: Partial<AssumptionValues> = {}): World {
	const world = testWorld({ levers: { ...NEUTRAL, ...levers }, assumptions, month: 10 });
	quietCitizens(world);
	resetMonth(world);
	setWorkers(world, { intrinsic: 0.5, motivation: 0.5, skill: 0.5, burnout: 0, gaming: 0 });
	const pr = world.providers;
	pr.culture.fill(0);
	pr.failingMonths.fill(0);
	pr.financialPressure.fill(0);
	pr.relationalOffset.fill(0);
	pr.trialMonths.fill(0);
	pr.outsourced.fill(0);
	pr.queueUnits.fill(0);
	return world;
}

const monthStart = (world: World) => world.month * DAYS_PER_MONTH;

/** Citizens whose home is provider 0, simple or complex. */
function homeOfZero(world: World, complex: 0 | 1): number[] {
	return citizensWhere(world, (i) => world.citizens.homeProvider[i] === 0 && world.citizens.complex[i] === complex);
}

const served = (world: World, citizens: number[]) => citizens.filter((i) => world.citizens.state[i] !== WAITING);

describe('stepService: order of service', () => {
	test('without pressure, arrivals are served first come first served by arrival day, whatever order they joined in', () => {
		const world = serviceWorld();
		const cases = homeOfZero(world, 0).slice(0, 40);
		// Join in a scrambled order, on days 0..9 of the month.
		const order = cases.map((_, j) => (j * 17) % cases.length);
		for (const j of order) enqueue(world, cases[j], 0, monthStart(world) + (j % 10));
		stepService(world);
		const seen = served(world, cases);
		const unseen = cases.filter((i) => world.citizens.state[i] === WAITING);
		expect(seen.length).toBeGreaterThan(5);
		expect(unseen.length).toBeGreaterThan(5);
		const lastServed = Math.max(...seen.map((i) => world.citizens.arrivalDay[i]));
		const firstUnserved = Math.min(...unseen.map((i) => world.citizens.arrivalDay[i]));
		expect(lastServed).toBeLessThanOrEqual(firstUnserved);
		// Those left wait in arrival order.
		const left = queueOf(world, 0).map((i) => world.citizens.arrivalDay[i]);
		expect(left).toEqual([...left].sort((a, b) => a - b));
	});

	test('the backlog is served before this month’s arrivals', () => {
		const world = serviceWorld();
		const cases = homeOfZero(world, 0).slice(0, 45);
		const fresh = cases.slice(0, 30);
		const backlog = cases.slice(30);
		for (const i of fresh) enqueue(world, i, 0, monthStart(world));
		for (const i of backlog) enqueue(world, i, 0, monthStart(world) - 3);
		stepService(world);
		expect(served(world, backlog).length).toBe(backlog.length);
		expect(served(world, fresh).length).toBeLessThan(fresh.length);
	});

	test('with full target pressure, cases already past the target are served after those that can still make it', () => {
		function run(targets: number) {
			const world = serviceWorld({ targets, inspection: 1 }, { targetFocus: 1 });
			const cases = homeOfZero(world, 0).slice(0, 80);
			const breached = cases.slice(0, 40);
			const fresh = cases.slice(40);
			for (const i of breached) enqueue(world, i, 0, monthStart(world) - 60);
			for (const i of fresh) enqueue(world, i, 0, monthStart(world));
			stepService(world);
			return { breached: served(world, breached).length, fresh: served(world, fresh).length, world };
		}
		const calm = run(0);
		const pressed = run(1);
		// Without pressure the older, breached cases go first and take all the capacity.
		expect(calm.breached).toBeGreaterThan(20);
		expect(calm.fresh).toBe(0);
		// Under pressure the fresh cases go first.
		expect(pressed.fresh).toBeGreaterThan(25);
		expect(pressed.breached).toBeLessThan(calm.breached);
		expect(pressed.breached).toBeLessThanOrEqual(2);
		// Deferred cases stay in the queue, counted.
		expect(pressed.world.providers.queueLength[0]).toBe(queueOf(pressed.world, 0).length);
	});

	test('with competition, complex cases are parked behind simple ones and counted as parked', () => {
		function run(competition: number) {
			const world = serviceWorld({ competition }, { creamBase: 1 });
			const complex = homeOfZero(world, 1).slice(0, 20);
			const simple = homeOfZero(world, 0).slice(0, 20);
			for (const i of complex) enqueue(world, i, 0, monthStart(world) - 10);
			for (const i of simple) enqueue(world, i, 0, monthStart(world) - 10);
			stepService(world);
			return {
				complex: served(world, complex).length,
				simple: served(world, simple).length,
				parked: world.providers.monthParked[0],
				considered: world.providers.monthComplexConsidered[0],
				tallied: cellTally(world, T.parked)
			};
		}
		const fair = run(0);
		const creaming = run(1);
		expect(fair.parked).toBe(0);
		expect(fair.simple).toBe(0);
		expect(creaming.parked).toBe(20);
		expect(creaming.tallied).toBe(20);
		expect(creaming.considered).toBe(20);
		expect(creaming.simple).toBe(20);
		expect(creaming.complex).toBeLessThan(fair.complex);
	});

	test('parking rises with financial pressure and outsourcing, and a mission restrains it', () => {
		const world = serviceWorld({ competition: 1 });
		world.providers.financialPressure[1] = 1;
		world.providers.outsourced[2] = 1;
		stepService(world);
		const rate = world.providers.creamRate;
		expect(rate[0]).toBeGreaterThan(0);
		expect(rate[1]).toBeGreaterThan(rate[0]);
		expect(rate[2]).toBeGreaterThan(rate[0]);
		const withMission = serviceWorld({ competition: 1, mission: 1 });
		stepService(withMission);
		expect(withMission.providers.creamRate[0]).toBeLessThan(rate[0]);
		const noCompetition = serviceWorld({ competition: 0 });
		stepService(noCompetition);
		expect(noCompetition.providers.creamRate[0]).toBe(0);
	});
});

describe('stepService: capacity', () => {
	function backlogRun(staff: number, crises = 0) {
		const world = serviceWorld();
		keepStaff(world, 0, staff);
		const cases = homeOfZero(world, 0).slice(0, 150);
		for (const i of cases) enqueue(world, i, 0, monthStart(world) - 5);
		world.crisesByProvider[0] = crises;
		stepService(world);
		return { world, served: world.providers.monthServed[0], capacity: world.providers.capacity[0] };
	}

	test('with a long backlog of simple cases a provider serves about its capacity in work units, no more', () => {
		for (const staff of [7, 10, 13]) {
			const { served: n, capacity } = backlogRun(staff);
			expect(capacity).toBeGreaterThan(5);
			// The last case started before the month's end is finished, so at most one case more.
			expect(n).toBeLessThanOrEqual(capacity + 1);
			expect(n).toBeGreaterThanOrEqual(Math.floor(capacity));
		}
	});

	test('twice the staff serve about twice as many cases', () => {
		const few = backlogRun(6).served;
		const many = backlogRun(12).served;
		expect(many).toBeGreaterThan(few * 1.8);
		expect(many).toBeLessThan(few * 2.2);
	});

	test('crises consume capacity before the queue', () => {
		const calm = backlogRun(10);
		const busy = backlogRun(10, 4);
		expect(busy.served).toBeLessThan(calm.served);
		expect(calm.served - busy.served).toBeGreaterThanOrEqual(Math.floor(4 * busy.world.p.crisisUnits) - 1);
		const overwhelmed = backlogRun(10, 100);
		expect(overwhelmed.served).toBe(0);
		expect(overwhelmed.world.providers.crisisLoad[0]).toBeGreaterThan(1);
		expect(overwhelmed.world.providers.workPressure[0]).toBeGreaterThan(calm.world.providers.workPressure[0]);
	});

	test('a provider with no staff serves nobody and keeps its queue', () => {
		const { world, served: n } = backlogRun(0);
		expect(n).toBe(0);
		expect(world.providers.queueLength[0]).toBe(150);
	});

	test('the work left in the queue is remembered as the backlog for next month', () => {
		const { world } = backlogRun(10);
		const left = world.providers.queueLength[0];
		expect(left).toBeGreaterThan(0);
		// Simple cases at relational intensity 0 and no target pressure cost one unit each.
		expect(world.providers.queueUnits[0]).toBeCloseTo(left, 9);
		expect(world.providers.workPressure[0]).toBeGreaterThan(1);
	});
});

describe('stepService: waits and recording', () => {
	function breachRun(culture: number, detail = false) {
		const world = testWorld({ levers: { ...NEUTRAL, targets: 1, inspection: 1 }, month: 10, detail });
		quietCitizens(world);
		resetMonth(world);
		setWorkers(world, { gaming: 0, burnout: 0 });
		world.providers.culture.fill(culture);
		world.recordHistogram = detail;
		for (let i = 0; i < world.citizens.n; i += 3) {
			const k = world.citizens.homeProvider[i];
			enqueue(world, i, k, monthStart(world) - (i % 2 === 0 ? 50 : 2));
		}
		stepService(world);
		return world;
	}

	test('recorded waits equal true waits when there is no recording culture and no worker games', () => {
		const world = breachRun(0, true);
		const pr = world.providers;
		expect(sum(pr.monthTrueWithin)).toBeLessThan(sum(pr.monthServed));
		expect(Array.from(pr.monthRecordedWithin)).toEqual(Array.from(pr.monthTrueWithin));
		expect(cellTally(world, T.recordedWithin)).toBe(cellTally(world, T.trueWithin));
		expect(Array.from(world.waitHistogram!.recordedWaits)).toEqual(Array.from(world.waitHistogram!.trueWaits));
	});

	test('a culture that hides every breach records every case as within target', () => {
		const world = breachRun(1);
		const pr = world.providers;
		expect(sum(pr.monthTrueWithin)).toBeLessThan(sum(pr.monthServed));
		expect(Array.from(pr.monthRecordedWithin)).toEqual(Array.from(pr.monthServed));
	});

	test('a partial culture records some breaches, never fewer cases than truly within target', () => {
		const world = breachRun(0.5);
		const pr = world.providers;
		expect(sum(pr.monthRecordedWithin)).toBeGreaterThan(sum(pr.monthTrueWithin));
		expect(sum(pr.monthRecordedWithin)).toBeLessThan(sum(pr.monthServed));
		for (let k = 0; k < pr.n; k++) expect(pr.monthRecordedWithin[k]).toBeGreaterThanOrEqual(pr.monthTrueWithin[k]);
	});

	test('true waits run from the arrival day to the service day', () => {
		const world = serviceWorld();
		const cases = homeOfZero(world, 0).slice(0, 10);
		for (const i of cases) enqueue(world, i, 0, monthStart(world) - 40);
		stepService(world);
		const n = cellTally(world, T.served);
		expect(n).toBe(10);
		const meanWait = cellTally(world, T.waitDaysSum) / n;
		expect(meanWait).toBeGreaterThanOrEqual(40);
		expect(meanWait).toBeLessThan(40 + DAYS_PER_MONTH);
		expect(cellTally(world, T.trueWithin)).toBe(0);
	});

	test('served citizens leave the queue and are no longer counted as waiting', () => {
		const world = breachRun(0);
		const c = world.citizens;
		const cells = new Float64Array(world.areas.n * QUINTILES);
		for (let i = 0; i < c.n; i++) if (c.state[i] === WAITING) cells[c.area[i] * QUINTILES + c.quintile[i]]++;
		expect(Array.from(world.cellWaiting)).toEqual(Array.from(cells));
		for (let k = 0; k < world.providers.n; k++) {
			const queue = queueOf(world, k);
			expect(world.providers.queueLength[k]).toBe(queue.length);
			for (const i of queue) expect(c.state[i]).toBe(WAITING);
		}
	});
});

describe('stepService: resolution', () => {
	/** Every citizen waits briefly at home; capacity is ample, so everyone is served this month. */
	function resolveAll(levers: Partial<LeverValues>, traits: { skill?: number; motivation?: number } = {}) {
		const world = serviceWorld(levers, { casesPerWorker: 100 });
		setWorkers(world, traits);
		const everyone = citizensWhere(world, () => true);
		for (const i of everyone) enqueue(world, i, world.citizens.homeProvider[i], monthStart(world) - 2);
		stepService(world);
		expect(sum(world.providers.monthServed)).toBe(everyone.length);
		return { world, resolved: sum(world.providers.monthResolved) / everyone.length };
	}

	test('relational intensity lowers throughput', () => {
		function throughput(relational: number): number {
			const world = serviceWorld({ relational });
			for (const i of homeOfZero(world, 0).slice(0, 150)) enqueue(world, i, 0, monthStart(world) - 5);
			stepService(world);
			return world.providers.monthServed[0];
		}
		expect(throughput(1)).toBeLessThan(throughput(0) * 0.8);
	});

	test('relational intensity raises resolution', () => {
		expect(resolveAll({ relational: 1 }).resolved).toBeGreaterThan(resolveAll({ relational: 0 }).resolved + 0.05);
	});

	test('a more skilled and motivated team resolves more needs', () => {
		const strong = resolveAll({}, { skill: 0.9, motivation: 0.9 }).resolved;
		const weak = resolveAll({}, { skill: 0.1, motivation: 0.1 }).resolved;
		expect(strong).toBeGreaterThan(weak + 0.1);
	});

	test('integration raises the resolution of complex needs', () => {
		const complexShare = (integration: number) => {
			const { world } = resolveAll({ integration });
			const complex = citizensWhere(world, (i) => world.citizens.complex[i] === 1);
			return complex.filter((i) => world.citizens.state[i] === WELL).length / complex.length;
		};
		expect(complexShare(1)).toBeGreaterThan(complexShare(0));
	});

	test('a resolved citizen becomes well, and relapses less the more relational the help was', () => {
		for (const relational of [0, 1]) {
			const { world } = resolveAll({ relational });
			const resolved = citizensWhere(world, (i) => world.citizens.state[i] === WELL);
			expect(resolved.length).toBeGreaterThan(0);
			for (const i of resolved.slice(0, 50)) {
				expect(world.citizens.flags[i]).toBe(0);
				expect(fragilityNow(world, i)).toBeCloseTo(world.p.relapseTransactional * (1 - relational), 5);
			}
		}
	});

	test('an unresolved citizen returns to at risk with the need flagged unresolved (the revolving door)', () => {
		const { world } = resolveAll({});
		const unresolved = citizensWhere(world, (i) => world.citizens.state[i] !== WELL);
		expect(unresolved.length).toBeGreaterThan(0);
		for (const i of unresolved) {
			expect(world.citizens.state[i]).toBe(AT_RISK);
			expect(world.citizens.flags[i]).toBe(F_UNRESOLVED);
			expect(world.citizens.lastContactMonth[i]).toBe(world.month);
		}
		expect(cellTally(world, T.resolved)).toBe(sum(world.providers.monthResolved));
	});

	test('relational help builds capability', () => {
		const before = (world: World) => Float32Array.from(world.citizens.capability);
		const relationalWorld = serviceWorld({ relational: 1 }, { casesPerWorker: 100 });
		const capability = before(relationalWorld);
		const cases = homeOfZero(relationalWorld, 0);
		for (const i of cases) enqueue(relationalWorld, i, 0, monthStart(relationalWorld) - 2);
		stepService(relationalWorld);
		const resolved = cases.filter((i) => relationalWorld.citizens.state[i] === WELL);
		expect(resolved.length).toBeGreaterThan(0);
		for (const i of resolved) expect(relationalWorld.citizens.capability[i]).toBeGreaterThan(capability[i]);
	});
});

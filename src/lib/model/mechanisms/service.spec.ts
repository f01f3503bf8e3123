import { describe, expect, test } from 'vitest';
import { fragilityNow, setCapability } from '../citizen-memory';
import { AT_RISK, DAYS_PER_MONTH, F_UNRESOLVED, GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, QUINTILES, WAITING, WELL } from '../constants';
import { defaultAssumptions, type AssumptionValues, type LeverValues } from '../parameters/registry';
import { T } from '../tallies';
import { WAIT_BINS, waitBin } from '../wait-bins';
import type { World } from '../world';
import {
	cellTally,
	citizensWhere,
	enqueue,
	keepStaff,
	monthTotal,
	queueOf,
	quietCitizens,
	resetMonth,
	setWorkers,
	sum,
	testWorld,
	type Booking
} from './_test-world';
import { monthAt } from '../area-flows';
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
 * A world ready for service: empty queues, identical workers (no burnout, no gaming), providers
 * with no culture, failing rating, financial pressure, trial or backlog. Staff have no discretion
 * unless a test gives it (discretionBase 0), so relational intensity is what the lever prescribes.
 */
function serviceWorld(levers: Partial<LeverValues> = {}, assumptions: Partial<AssumptionValues> = {}): World {
	// Posts per head raised so that provider 0 (in the least deprived area, so funded for fewer posts) can see
	// some 25–30 routine cases a month, as these tests queue.
	const posts = { postsPer1000: 1.6 * defaultAssumptions().postsPer1000 };
	const world = testWorld({ levers: { ...NEUTRAL, ...levers }, assumptions: { discretionBase: 0, ...posts, ...assumptions }, month: 10 });
	quietCitizens(world);
	resetMonth(world);
	setWorkers(world, { intrinsic: 0.5, motivation: 0.5, skill: 0.5, burnout: 0, gaming: 0, effort: 1 });
	const pr = world.providers;
	pr.culture.fill(0);
	pr.failingMonths.fill(0);
	pr.financialPressure.fill(0);
	pr.relationalOffset.fill(0);
	pr.trialMonths.fill(0);
	pr.outsourced.fill(0);
	pr.queueUnits.fill(0);
	pr.workPressure.fill(1);
	pr.management.fill(0);
	// No capacity known from a month before, so the lists these tests fill squeeze no relational time.
	pr.capacity.fill(0);
	return world;
}

const monthStart = (world: World) => world.month * DAYS_PER_MONTH;

/** Citizens whose home is provider 0, simple or complex. */
function homeOfZero(world: World, complex: 0 | 1): number[] {
	return citizensWhere(world, (i) => world.citizens.homeProvider[i] === 0 && world.citizens.complex[i] === complex);
}

const served = (world: World, citizens: number[]) => citizens.filter((i) => world.citizens.state[i] !== WAITING);
const unserved = (world: World, citizens: number[]) => citizens.filter((i) => world.citizens.state[i] === WAITING);

describe('stepService: order of service', () => {
	test('cases are served in order of booked day, first come first served within a day, whatever order they joined in', () => {
		const world = serviceWorld();
		const cases = homeOfZero(world, 0).slice(0, 60);
		// All arrived last month; booked for one of six days, joining in a scrambled order.
		const order = cases.map((_, j) => (j * 37) % cases.length);
		const due = (j: number) => monthStart(world) + 5 * (j % 6);
		for (const j of order) enqueue(world, cases[j], 0, monthStart(world) - 10, { due: due(j) });
		stepService(world);
		const seen = served(world, cases);
		const left = unserved(world, cases);
		expect(seen.length).toBeGreaterThan(5);
		expect(left.length).toBeGreaterThan(5);
		const dueOf = (i: number) => world.citizens.dueDay[i];
		const lastServed = Math.max(...seen.map(dueOf));
		const firstLeft = Math.min(...left.map(dueOf));
		expect(lastServed).toBeLessThanOrEqual(firstLeft);
		// On the day the capacity ran out, those who joined first were served.
		const joined = (i: number) => order.indexOf(cases.indexOf(i));
		const boundary = seen.filter((i) => dueOf(i) === firstLeft).map(joined);
		const waitingOn = left.filter((i) => dueOf(i) === firstLeft).map(joined);
		if (boundary.length > 0) expect(Math.max(...boundary)).toBeLessThan(Math.min(...waitingOn));
		// Those left wait in booked order.
		const list = queueOf(world, 0);
		expect(list.length).toBe(left.length);
		for (let j = 1; j < list.length; j++) expect(dueOf(list[j])).toBeGreaterThanOrEqual(dueOf(list[j - 1]));
	});

	test('an urgent arrival is seen before routine cases that have waited longer', () => {
		const world = serviceWorld();
		const cases = homeOfZero(world, 0).slice(0, 61);
		const urgent = cases[0];
		const routine = cases.slice(1);
		for (const i of routine) enqueue(world, i, 0, monthStart(world) - 20, { due: monthStart(world) + 60 });
		// Arrives on day 5, to be seen within two days.
		enqueue(world, urgent, 0, monthStart(world) + 5, { due: monthStart(world) + 7 });
		stepService(world);
		expect(world.citizens.state[urgent]).not.toBe(WAITING);
		expect(unserved(world, routine).length).toBeGreaterThan(0);
	});

	test('nobody is seen before they arrive: with time to spare, each arrival is seen on its arrival day', () => {
		const world = serviceWorld();
		const cases = homeOfZero(world, 0).slice(0, 12);
		const backlog = cases[0];
		// A routine backlog case, booked far ahead, is the only one waiting at the start of the month.
		enqueue(world, backlog, 0, monthStart(world) - 40, { due: monthStart(world) + 300 });
		cases.slice(1).forEach((i, j) => enqueue(world, i, 0, monthStart(world) + 2 * j + 3, { due: monthStart(world) + 2 * j + 3 }));
		stepService(world);
		expect(served(world, cases).length).toBe(cases.length);
		// The backlog case is seen at the start of the month, each arrival on its day (no negative wait).
		expect(cellTally(world, T.waitDaysSum)).toBeCloseTo(40, 9);
		expect(cellTally(world, T.trueWithin)).toBe(cases.length - 1);
	});

	test('with full target pressure, cases already past the target are left behind those that can still meet it', () => {
		function run(levers: Partial<LeverValues>, breachDeferral: number) {
			const world = serviceWorld(levers, { breachDeferral });
			const cases = homeOfZero(world, 0).slice(0, 80);
			const breached = cases.slice(0, 40);
			const fresh = cases.slice(40);
			for (const i of breached) enqueue(world, i, 0, monthStart(world) - 60);
			for (const i of fresh) enqueue(world, i, 0, monthStart(world));
			stepService(world);
			return { breached: served(world, breached).length, fresh: served(world, fresh).length, world };
		}
		const pressed = { targets: 1, inspection: 1 };
		const calm = run({}, 1);
		const deferring = run(pressed, 1);
		const notDeferring = run(pressed, 0);
		// Without pressure, or with no deferral, the older, breached cases go first and take all the capacity.
		expect(calm.breached).toBeGreaterThan(20);
		expect(calm.fresh).toBe(0);
		expect(notDeferring.breached).toBeGreaterThan(20);
		expect(notDeferring.fresh).toBe(0);
		// Under pressure with deferral, the fresh cases go first.
		expect(deferring.fresh).toBeGreaterThan(25);
		expect(deferring.breached).toBeLessThanOrEqual(2);
		// Deferred cases stay on the list under their booked day, counted.
		const list = queueOf(deferring.world, 0);
		expect(deferring.world.providers.queueLength[0]).toBe(list.length);
		expect(list.length).toBe(80 - deferring.fresh - deferring.breached);
		for (let j = 1; j < list.length; j++) {
			expect(deferring.world.citizens.dueDay[list[j]]).toBeGreaterThanOrEqual(deferring.world.citizens.dueDay[list[j - 1]]);
		}
	});

	test('breach deferral acts through breachDeferral × target pressure: half the coefficient at full pressure is full deferral at half pressure', () => {
		function breachedServed(targets: number, breachDeferral: number): Set<number> {
			// No effort or time-use response to pressure, so capacity is the same at any pressure.
			const world = serviceWorld({ targets, inspection: 1 }, { breachDeferral, extrinsicEffort: 0, reportingTime: 0 });
			const cases = homeOfZero(world, 0).slice(0, 80);
			for (const i of cases.slice(0, 40)) enqueue(world, i, 0, monthStart(world) - 60);
			for (const i of cases.slice(40)) enqueue(world, i, 0, monthStart(world));
			stepService(world);
			return new Set(served(world, cases.slice(0, 40)));
		}
		const some = breachedServed(1, 0.5);
		expect([...breachedServed(0.5, 1)]).toEqual([...some]);
		expect(some.size).toBeLessThan(breachedServed(1, 0).size);
		expect(some.size).toBeGreaterThan(breachedServed(1, 1).size);
		expect([...breachedServed(0, 1)]).toEqual([...breachedServed(1, 0)]);
	});

	test('booking to the target (targetFocus) does not change who service sees: it acts at booking, in access', () => {
		const counts = [0, 1].map((targetFocus) => {
			const world = serviceWorld({ targets: 1, inspection: 1 }, { targetFocus, breachDeferral: 0 });
			const cases = homeOfZero(world, 0).slice(0, 80);
			cases.forEach((i, j) => enqueue(world, i, 0, monthStart(world) - (j % 50), { due: monthStart(world) + (j % 17) }));
			stepService(world);
			return [world.providers.monthServed[0], cellTally(world, T.waitDaysSum), world.providers.monthResolved[0]];
		});
		expect(counts[1]).toEqual(counts[0]);
	});

	test('with payment by results, complex cases are parked behind simple ones and counted as parked', () => {
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
				tallied: cellTally(world, T.parked),
				list: world.providers.queueLength[0],
				queueComplex: world.providers.queueComplex[0]
			};
		}
		const fair = run(0);
		const parking = run(1);
		expect(fair.parked).toBe(0);
		expect(fair.simple).toBe(0);
		expect(parking.parked).toBe(20);
		expect(parking.tallied).toBe(20);
		expect(parking.considered).toBe(20);
		expect(parking.simple).toBe(20);
		expect(parking.complex).toBeLessThan(fair.complex);
		// Parked cases go back on the list.
		expect(parking.queueComplex).toBe(20 - parking.complex);
		expect(parking.list).toBe(40 - parking.simple - parking.complex);
	});

	test('the parking rate is creamBase × results pressure: it rises with financial pressure and outsourcing, and a mission restrains it', () => {
		const world = serviceWorld({ competition: 1 });
		world.providers.financialPressure[1] = 1;
		world.providers.outsourced[2] = 1;
		stepService(world);
		const p = world.p;
		const rate = world.providers.parkRate;
		expect(rate[0]).toBeCloseTo(p.creamBase, 12);
		expect(rate[1]).toBeCloseTo(p.creamBase * (1 + p.creamPressure), 12);
		expect(rate[2]).toBeCloseTo(p.creamBase * p.outsourcedCream, 12);
		const withMission = serviceWorld({ competition: 1, mission: 1 });
		stepService(withMission);
		expect(withMission.providers.parkRate[0]).toBeCloseTo(p.creamBase * (1 - p.missionRestraint), 12);
		const noCompetition = serviceWorld({ competition: 0 });
		stepService(noCompetition);
		expect(noCompetition.providers.parkRate.every((r) => r === 0)).toBe(true);
		const capped = serviceWorld({ competition: 1 }, { creamBase: 1 });
		capped.providers.financialPressure.fill(1);
		stepService(capped);
		expect(capped.providers.parkRate.every((r) => r === 1)).toBe(true);
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
			// The last case started before the month's end is finished (its overrun carried to next month), so at most one case more.
			expect(n).toBeLessThanOrEqual(capacity + 1);
			expect(n).toBeGreaterThanOrEqual(Math.floor(capacity));
		}
	});

	test('cases take their own work: a list of double-work cases is served at half the rate', () => {
		const world = serviceWorld();
		keepStaff(world, 0, 10);
		for (const i of homeOfZero(world, 0).slice(0, 150)) enqueue(world, i, 0, monthStart(world) - 5, { units: 2 });
		stepService(world);
		const single = backlogRun(10);
		expect(world.providers.monthServed[0]).toBeLessThanOrEqual(single.capacity / 2 + 1);
		expect(world.providers.monthServed[0]).toBeGreaterThanOrEqual(Math.floor(single.capacity / 2));
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

	test('work past the month’s end is carried into the next month, so the last case brings no free capacity', () => {
		function carried(carry: number) {
			const world = serviceWorld();
			keepStaff(world, 0, 10);
			for (const i of homeOfZero(world, 0).slice(0, 150)) enqueue(world, i, 0, monthStart(world) - 5);
			world.providers.carryUnits[0] = carry;
			stepService(world);
			return { served: world.providers.monthServed[0], capacity: world.providers.capacity[0], carry: world.providers.carryUnits[0] };
		}
		const fresh = carried(0);
		// The month's last case overran by less than one case's work, and that is kept.
		expect(fresh.carry).toBeGreaterThanOrEqual(0);
		expect(fresh.carry).toBeLessThan(1);
		expect(fresh.served - fresh.carry).toBeCloseTo(fresh.capacity, 6);
		// Half a month's work carried in: about half as many cases started, and a whole month carried
		// in leaves none, carrying nothing further.
		const half = carried(fresh.capacity / 2);
		expect(half.served - half.carry).toBeCloseTo(fresh.capacity / 2, 6);
		const whole = carried(fresh.capacity + 3);
		expect(whole.served).toBe(0);
		expect(whole.carry).toBeCloseTo(3, 6);
	});

	test('a provider with no staff serves nobody and keeps its queue', () => {
		const { world, served: n } = backlogRun(0);
		expect(n).toBe(0);
		expect(world.providers.queueLength[0]).toBe(150);
	});

	test('the work left on the list is remembered as the backlog, and work pressure counts it at this month’s relational time', () => {
		const { world, capacity } = backlogRun(10);
		const left = world.providers.queueLength[0];
		expect(left).toBeGreaterThan(0);
		// Simple cases of one unit each, before relational time.
		expect(world.providers.queueUnits[0]).toBeCloseTo(left, 9);
		const served = world.providers.monthServed[0];
		expect(world.providers.workPressure[0]).toBeCloseTo((served + left) / capacity, 9);
		const relational = serviceWorld({ relational: 0.5 });
		keepStaff(relational, 0, 10);
		for (const i of homeOfZero(relational, 0).slice(0, 150)) enqueue(relational, i, 0, monthStart(relational) - 5);
		stepService(relational);
		const time = 1 + relational.p.relationalTime * 0.5;
		const pr = relational.providers;
		expect(pr.workPressure[0]).toBeCloseTo(((pr.monthServed[0] + pr.queueLength[0]) * time) / pr.capacity[0], 9);
	});
});

describe('stepService: waits, recording and results', () => {
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

	test('reported results go to the flows that pay by results: needs resolved, plus unresolved ones claimed where recording hides', () => {
		const honest = breachRun(0);
		expect(monthTotal(honest)).toBe(sum(honest.providers.monthResolved));
		const gamed = breachRun(1);
		expect(monthTotal(gamed)).toBe(sum(gamed.providers.monthServed));
		expect(sum(gamed.providers.monthResolved)).toBeLessThan(sum(gamed.providers.monthServed));
		const half = breachRun(0.5);
		expect(monthTotal(half)).toBeGreaterThan(sum(half.providers.monthResolved));
		expect(monthTotal(half)).toBeLessThan(sum(half.providers.monthServed));
		// Flows are by the residents' area and the provider that served them.
		const nP = honest.providers.n;
		for (let k = 0; k < nP; k++) {
			let column = 0;
			for (let a = 0; a < honest.areas.n; a++) column += monthAt(honest.areaFlows, a, k);
			expect(column).toBe(honest.providers.monthResolved[k]);
			const home = honest.providers.area[k];
			expect(monthAt(honest.areaFlows, home, k)).toBe(column);
		}
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

	test('each served case’s true wait is counted in the wait histograms of its groups: overall, its quintile’s and its area’s', () => {
		// So much capacity that every case is seen at the very start of the month.
		const world = serviceWorld({}, { casesPerWorker: 1e6 });
		const cases = citizensWhere(world, (i) => i % 4 === 0);
		cases.forEach((i, j) => enqueue(world, i, world.citizens.homeProvider[i], monthStart(world) - 3 - (j % 200)));
		stepService(world);
		expect(sum(world.providers.monthServed)).toBe(cases.length);
		// Each case once overall, once in its quintile and once in its area.
		expect(sum(world.waitGroups)).toBe(3 * cases.length);
		const c = world.citizens;
		const perGroup = new Float64Array(GROUP_FIRST_AREA + world.areas.n);
		const expected = Array.from(perGroup, () => new Float64Array(WAIT_BINS));
		cases.forEach((i, j) => {
			const bin = waitBin(3 + (j % 200));
			for (const g of [0, GROUP_FIRST_QUINTILE + c.quintile[i], GROUP_FIRST_AREA + c.area[i]]) {
				perGroup[g]++;
				expected[g][bin]++;
			}
		});
		for (let g = 0; g < perGroup.length; g++) {
			const row = world.waitGroups.subarray(g * WAIT_BINS, (g + 1) * WAIT_BINS);
			expect(sum(row), `group ${g}`).toBe(perGroup[g]);
			expect(Array.from(row), `group ${g}`).toEqual(Array.from(expected[g]));
		}
	});

	test('a case seen later than its clinical allowance is counted clinically late', () => {
		const world = serviceWorld({}, { casesPerWorker: 100 });
		const cases = homeOfZero(world, 0).slice(0, 40);
		// All wait about 20 days; half could safely wait only 10.
		cases.forEach((i, j) => enqueue(world, i, 0, monthStart(world) - 20, { allowance: j % 2 === 0 ? 10 : 60 }));
		stepService(world);
		expect(cellTally(world, T.served)).toBe(40);
		expect(cellTally(world, T.clinicallyLate)).toBe(20);
	});

	test('served citizens leave the queue and are no longer counted as waiting', () => {
		const world = breachRun(0);
		const c = world.citizens;
		const cells = new Float64Array(world.areas.n * QUINTILES);
		for (let i = 0; i < c.n; i++) if (c.state[i] === WAITING) cells[c.area[i] * QUINTILES + c.quintile[i]]++;
		expect(Array.from(world.cellWaiting)).toEqual(Array.from(cells));
		const well = new Float64Array(world.areas.n * QUINTILES);
		for (let i = 0; i < c.n; i++) if (c.state[i] === WELL) well[c.area[i] * QUINTILES + c.quintile[i]]++;
		expect(Array.from(world.cellWell)).toEqual(Array.from(well));
		for (let k = 0; k < world.providers.n; k++) {
			const queue = queueOf(world, k);
			expect(world.providers.queueLength[k]).toBe(queue.length);
			for (const i of queue) expect(c.state[i]).toBe(WAITING);
		}
	});
});

describe('stepService: resolution, one coefficient at a time', () => {
	/**
	 * Every citizen waits briefly at home; capacity is ample, so everyone is served this month.
	 * Two runs that differ in one coefficient see the same random numbers case by case, so
	 * raising the chance of resolution resolves everyone resolved before, and more.
	 */
	function resolveAll(
		levers: Partial<LeverValues> = {},
		assumptions: Partial<AssumptionValues> = {},
		setup: (world: World) => void = () => {},
		booking: (world: World, i: number) => Booking = () => ({})
	) {
		const world = serviceWorld(levers, { casesPerWorker: 100, ...assumptions });
		setup(world);
		const everyone = citizensWhere(world, () => true);
		for (const i of everyone) enqueue(world, i, world.citizens.homeProvider[i], monthStart(world) - 2, booking(world, i));
		stepService(world);
		expect(sum(world.providers.monthServed)).toBe(everyone.length);
		const resolved = new Set(citizensWhere(world, (i) => world.citizens.state[i] === WELL));
		return { world, resolved, share: resolved.size / everyone.length };
	}

	function isSubset(a: Set<number>, b: Set<number>): boolean {
		for (const x of a) if (!b.has(x)) return false;
		return true;
	}

	/** `more` resolves everyone `fewer` does, and clearly more. */
	function expectMore(more: Set<number>, fewer: Set<number>, margin = 20) {
		expect(isSubset(fewer, more)).toBe(true);
		expect(more.size).toBeGreaterThan(fewer.size + margin);
	}

	const same = (a: Set<number>, b: Set<number>) => expect([...a]).toEqual([...b]);

	test('successBase: a higher intercept resolves more', () => {
		expectMore(resolveAll({}, { successBase: 1 }).resolved, resolveAll({}, { successBase: 0 }).resolved);
	});

	test('management: a provider’s management shifts the log-odds of resolution', () => {
		const managed = (management: number) => resolveAll({}, {}, (w) => w.providers.management.fill(management)).resolved;
		expectMore(managed(0.5), managed(0));
		expectMore(managed(0), managed(-0.5));
	});

	test('successSkill: a skilled team resolves more, a team of average skill the same, and only through the coefficient', () => {
		const skilled = (successSkill: number, skill: number) =>
			resolveAll({}, { successSkill, successWait: 0 }, (w) => setWorkers(w, { skill })).resolved;
		expectMore(skilled(1.2, 0.9), skilled(0, 0.9));
		expectMore(skilled(0, 0.1), skilled(1.2, 0.1));
		same(skilled(1.2, 0.5), skilled(0, 0.5));
	});

	test('successMotivation: a motivated team resolves more, and only through the coefficient', () => {
		const motivated = (successMotivation: number, motivation: number) =>
			resolveAll({}, { successMotivation }, (w) => setWorkers(w, { motivation })).resolved;
		expectMore(motivated(0.8, 0.9), motivated(0, 0.9));
		same(motivated(0.8, 0.5), motivated(0, 0.5));
	});

	test('successBurnout: a burnt-out team resolves less; no burnout, no loss', () => {
		const burnt = (successBurnout: number, burnout: number) =>
			resolveAll({}, { successBurnout, successWait: 0 }, (w) => setWorkers(w, { burnout })).resolved;
		expectMore(burnt(0, 0.9), burnt(1, 0.9));
		same(burnt(1, 0.1), burnt(0, 0.1));
	});

	test('successFit: practice that fits the place resolves more, practice opposite it less', () => {
		const fitted = (successFit: number, offset: number) =>
			resolveAll({}, { successFit }, (w) => {
				for (let k = 0; k < w.providers.n; k++) w.providers.practice[k] = (w.areas.context[w.providers.area[k]] + offset + 1) % 1;
			}).resolved;
		expectMore(fitted(0.8, 0), fitted(0, 0));
		expectMore(fitted(0, 0.5), fitted(0.8, 0.5));
		// Fit one half (a quarter of the circle away) is neutral.
		same(fitted(0.8, 0.25), fitted(0, 0.25));
	});

	test('successRelational: relational intensity raises resolution, of a simple need half as much as of a complex one', () => {
		const relational = (successRelational: number, level: number) =>
			resolveAll({ relational: level }, { successRelational, successWait: 0 }).resolved;
		expectMore(relational(1, 0.8), relational(0, 0.8));
		same(relational(1, 0), relational(0, 0));
		// All simple with the coefficient doubled resolve exactly as all complex with it single
		// (with no other difference between simple and complex cases).
		const asType = (complex: 0 | 1, successRelational: number) =>
			resolveAll(
				{ relational: 0.8 },
				{ successRelational, successComplex: 0, successWait: 0 },
				(w) => w.citizens.complex.fill(complex),
				() => ({ units: 1 })
			).resolved;
		same(asType(0, 2), asType(1, 1));
		expect(asType(0, 1).size).toBeLessThan(asType(1, 1).size);
	});

	test('successComplex: complex needs resolve less; simple needs are untouched', () => {
		const typed = (complex: 0 | 1, successComplex: number) =>
			resolveAll({}, { successComplex }, (w) => w.citizens.complex.fill(complex), () => ({ units: 1 })).resolved;
		expectMore(typed(1, 0), typed(1, 0.7));
		same(typed(0, 0.7), typed(0, 0));
	});

	test('successIntegration: integration raises the resolution of complex needs only', () => {
		const integrated = (complex: 0 | 1, successIntegration: number) =>
			resolveAll({ integration: 1 }, { successIntegration }, (w) => w.citizens.complex.fill(complex), () => ({ units: 1 })).resolved;
		expectMore(integrated(1, 0.6), integrated(1, 0));
		same(integrated(0, 0.6), integrated(0, 0));
	});

	test('successWait: a longer wait lowers resolution, and more so the longer it was', () => {
		const afterWaiting = (successWait: number, days: number) => {
			const world = serviceWorld({}, { casesPerWorker: 100, successWait });
			const everyone = citizensWhere(world, () => true);
			for (const i of everyone) enqueue(world, i, world.citizens.homeProvider[i], monthStart(world) - days);
			stepService(world);
			return new Set(citizensWhere(world, (i) => world.citizens.state[i] === WELL));
		};
		expectMore(afterWaiting(0, 120), afterWaiting(0.2, 120));
		const shortLoss = afterWaiting(0, 2).size - afterWaiting(0.2, 2).size;
		const longLoss = afterWaiting(0, 120).size - afterWaiting(0.2, 120).size;
		expect(shortLoss).toBeGreaterThanOrEqual(0);
		expect(longLoss).toBeGreaterThan(shortLoss * 5);
	});

	test('successCapability: a more capable citizen is more often helped to resolve their need', () => {
		const capable = (successCapability: number, capability: number) =>
			resolveAll({}, { successCapability }, (w) => {
				for (let i = 0; i < w.citizens.n; i++) setCapability(w, i, capability);
			}).resolved;
		expectMore(capable(0.8, 0.9), capable(0, 0.9));
		expectMore(capable(0, 0.1), capable(0.8, 0.1));
		same(capable(0.8, 0.5), capable(0, 0.5));
	});

	test('a resolved citizen becomes well and is counted well, and relapses less the more relational the help was', () => {
		for (const relational of [0, 1]) {
			const { world, resolved } = resolveAll({ relational });
			expect(resolved.size).toBeGreaterThan(0);
			for (const i of [...resolved].slice(0, 50)) {
				expect(world.citizens.flags[i]).toBe(0);
				expect(fragilityNow(world, i)).toBeCloseTo(world.p.relapseTransactional * (1 - relational), 5);
			}
			expect(sum(world.cellWell)).toBe(resolved.size);
		}
	});

	test('an unresolved citizen returns to at risk with the need flagged unresolved (the revolving door)', () => {
		const { world } = resolveAll();
		const unresolved = citizensWhere(world, (i) => world.citizens.state[i] !== WELL);
		expect(unresolved.length).toBeGreaterThan(0);
		for (const i of unresolved) {
			expect(world.citizens.state[i]).toBe(AT_RISK);
			expect(world.citizens.flags[i]).toBe(F_UNRESOLVED);
			expect(world.citizens.lastContactMonth[i]).toBe(world.month);
		}
		expect(cellTally(world, T.resolved)).toBe(sum(world.providers.monthResolved));
		expect(sum(world.cellWaiting)).toBe(0);
	});

	test('relational help builds capability, by capabilityGain × intensity × the room left', () => {
		const world = serviceWorld({ relational: 1 }, { casesPerWorker: 100 });
		const cases = homeOfZero(world, 0);
		for (const i of cases) setCapability(world, i, 0.4);
		for (const i of cases) enqueue(world, i, 0, monthStart(world) - 2);
		stepService(world);
		const resolved = cases.filter((i) => world.citizens.state[i] === WELL);
		const unresolved = cases.filter((i) => world.citizens.state[i] !== WELL);
		expect(resolved.length).toBeGreaterThan(0);
		expect(unresolved.length).toBeGreaterThan(0);
		for (const i of resolved) expect(world.citizens.capability[i]).toBeCloseTo(0.4 + world.p.capabilityGain * 0.6, 6);
		for (const i of unresolved) expect(world.citizens.capability[i]).toBeCloseTo(0.4, 6);
	});
});

describe('stepService: trials', () => {
	/** A trial under way in every provider: the variant differs from current practice as asked. */
	function trialRun(variant: (world: World, k: number) => void, levers: Partial<LeverValues> = {}) {
		const world = serviceWorld({ relational: 0.3, ...levers }, { casesPerWorker: 100 });
		const pr = world.providers;
		for (let k = 0; k < pr.n; k++) {
			pr.trialMonths[k] = 2;
			pr.trialPractice[k] = pr.practice[k];
			pr.trialOffset[k] = pr.relationalOffset[k];
			variant(world, k);
		}
		for (const i of citizensWhere(world, () => true)) {
			enqueue(world, i, world.citizens.homeProvider[i], monthStart(world) - 2, { units: 1 });
		}
		stepService(world);
		const arm = (column: Float64Array, a: number) => {
			let total = 0;
			for (let k = 0; k < pr.n; k++) total += column[2 * k + a];
			return total;
		};
		return { world, arm };
	}

	test('during a trial about half the cases are served with the variant, and each arm’s cases, results and work are counted', () => {
		const { world, arm } = trialRun((w, k) => (w.providers.trialOffset[k] = 0.3));
		const pr = world.providers;
		for (let k = 0; k < pr.n; k++) {
			expect(pr.trialServed[2 * k] + pr.trialServed[2 * k + 1]).toBe(pr.monthServed[k]);
			expect(pr.trialResolved[2 * k] + pr.trialResolved[2 * k + 1]).toBe(pr.monthResolved[k]);
		}
		const share = arm(pr.trialServed, 1) / sum(pr.monthServed);
		expect(Math.abs(share - 0.5)).toBeLessThan(0.05);
		// Each case is one unit before relational time: the variant's extra relational time shows per case.
		const time = (rho: number) => 1 + world.p.relationalTime * rho;
		expect(arm(pr.trialUnits, 0) / arm(pr.trialServed, 0)).toBeCloseTo(time(0.3), 9);
		expect(arm(pr.trialUnits, 1) / arm(pr.trialServed, 1)).toBeCloseTo(time(0.6), 9);
	});

	test('a variant whose practice fits the place better resolves more in its arm', () => {
		const { world, arm } = trialRun((w, k) => {
			const context = w.areas.context[w.providers.area[k]];
			w.providers.practice[k] = (context + 0.5) % 1;
			w.providers.trialPractice[k] = context;
		});
		const pr = world.providers;
		const rate = (a: number) => arm(pr.trialResolved, a) / arm(pr.trialServed, a);
		expect(rate(1)).toBeGreaterThan(rate(0) + 0.08);
	});

	test('without a trial no arm is counted', () => {
		const world = serviceWorld({}, { casesPerWorker: 100 });
		for (const i of homeOfZero(world, 0)) enqueue(world, i, 0, monthStart(world) - 2);
		stepService(world);
		expect(world.providers.monthServed[0]).toBeGreaterThan(0);
		expect(sum(world.providers.trialServed)).toBe(0);
		expect(sum(world.providers.trialUnits)).toBe(0);
	});
});

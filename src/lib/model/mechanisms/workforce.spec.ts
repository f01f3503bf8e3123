import { describe, expect, test } from 'vitest';
import type { AssumptionValues, LeverValues } from '../parameters/registry';
import { T } from '../tallies';
import type { World } from '../world';
import { activeWorkers, mean, resetMonth, setWorkers, sum, testWorld } from './_test-world';
import { stepWorkforce } from './workforce';

/** Levers with no controlling climate, autonomy, mission, peer learning or efficiency drive. */
const QUIET: Partial<LeverValues> = {
	targets: 0,
	inspection: 0,
	audit: 0,
	performancePay: 0,
	autonomy: 0,
	mission: 0,
	peerLearning: 0,
	efficiency: 0,
	outsourcing: 0
};

/**
 * A world ready for the workforce step: identical workers, providers under ordinary pressure,
 * posts equal to staff (so nobody is hired or released) unless a test changes them.
 */
function workforceWorld(
	options: { levers?: Partial<LeverValues>; assumptions?: Partial<AssumptionValues>; citizens?: number } = {}
): World {
	const world = testWorld({
		levers: { ...QUIET, ...options.levers },
		assumptions: options.assumptions,
		population: options.citizens ? { citizens: options.citizens } : {}
	});
	resetMonth(world);
	setWorkers(world, { intrinsic: 0.6, motivation: 0.6, burnout: 0.3, skill: 0.5, strain: 0, fte: 1, effort: 1 });
	const pr = world.providers;
	pr.workPressure.fill(1);
	pr.crisisLoad.fill(0);
	pr.culture.fill(0);
	pr.blame.fill(0);
	pr.trueQuality.fill(0.6);
	pr.outsourced.fill(0);
	for (let k = 0; k < pr.n; k++) pr.posts[k] = activeWorkers(world, k).length;
	world.areas.fillChance.fill(0);
	return world;
}

/** Staff of provider k in full-time equivalents, counted from the workers. */
function fteOf(world: World, k: number): number {
	return sum(activeWorkers(world, k).map((i) => world.workers.fte[i]));
}

/** Mean of a worker column over the given slots. */
function meanOf(column: ArrayLike<number>, slots: number[]): number {
	return mean(slots.map((i) => column[i]));
}

describe('stepWorkforce: burnout', () => {
	function burnoutAfter(setup: (world: World) => void, levers: Partial<LeverValues> = {}): number {
		const world = workforceWorld({ levers });
		setup(world);
		const slots = activeWorkers(world);
		stepWorkforce(world);
		return meanOf(world.workers.burnout, slots);
	}

	test('higher work pressure raises burnout', () => {
		const calm = burnoutAfter((w) => w.providers.workPressure.fill(0.5));
		const pressed = burnoutAfter((w) => w.providers.workPressure.fill(2));
		expect(pressed).toBeGreaterThan(calm);
	});

	test('firefighting, moral injury, blame and a gaming culture raise burnout', () => {
		const base = burnoutAfter(() => {});
		expect(burnoutAfter((w) => w.providers.crisisLoad.fill(0.5))).toBeGreaterThan(base);
		expect(burnoutAfter((w) => w.providers.blame.fill(1))).toBeGreaterThan(base);
		expect(burnoutAfter((w) => w.providers.culture.fill(0.5))).toBeGreaterThan(base);
		expect(
			burnoutAfter((w) => {
				w.providers.monthPresented.fill(10);
				w.providers.monthTurnedAway.fill(5);
			})
		).toBeGreaterThan(base);
	});

	test('moral injury counts people turned away, declined at entry and parked, over those presenting and complex cases considered', () => {
		const world = workforceWorld();
		const pr = world.providers;
		pr.monthPresented[0] = 20;
		pr.monthComplexConsidered[0] = 10;
		pr.monthTurnedAway[0] = 3;
		pr.monthDeclined[0] = 2;
		pr.monthParked[0] = 4;
		pr.monthPresented[1] = 20;
		pr.monthDeclined[1] = 6;
		stepWorkforce(world);
		expect(pr.moralInjury[0]).toBeCloseTo(9 / 30, 12);
		expect(pr.moralInjury[1]).toBeCloseTo(6 / 20, 12);
		expect(pr.moralInjury[2]).toBe(0);
		const declining = burnoutAfter((w) => {
			w.providers.monthPresented.fill(10);
			w.providers.monthDeclined.fill(5);
		});
		const parking = burnoutAfter((w) => {
			w.providers.monthComplexConsidered.fill(10);
			w.providers.monthParked.fill(5);
		});
		const base = burnoutAfter(() => {});
		expect(declining).toBeGreaterThan(base);
		expect(parking).toBeGreaterThan(base);
	});

	test('reporting burden raises burnout', () => {
		const base = burnoutAfter(() => {});
		expect(burnoutAfter(() => {}, { targets: 1, inspection: 1, audit: 1 })).toBeGreaterThan(base);
	});

	test('working beyond normal hours raises burnout by demandEffort per unit of overwork; working less brings no relief', () => {
		function burnout(effort: number, demandEffort?: number): number {
			const world = workforceWorld({ assumptions: demandEffort === undefined ? {} : { demandEffort } });
			setWorkers(world, { effort });
			const slots = activeWorkers(world);
			stepWorkforce(world);
			return meanOf(world.workers.burnout, slots);
		}
		const normal = burnout(1);
		expect(burnout(1.3)).toBeGreaterThan(normal);
		expect(burnout(1.6)).toBeGreaterThan(burnout(1.3));
		expect(burnout(1.3, 0)).toBeCloseTo(burnout(1, 0), 6);
		expect(burnout(0.6)).toBeCloseTo(normal, 6);
		// One unit of overwork weighs as much as one unit of work pressure above capacity does at the same coefficient.
		const viaPressure = workforceWorld({ assumptions: { demandEffort: 0.7, demandCaseload: 0.7 } });
		viaPressure.providers.workPressure.fill(1.5);
		const viaEffort = workforceWorld({ assumptions: { demandEffort: 0.7, demandCaseload: 0.7 } });
		setWorkers(viaEffort, { effort: 1.5 });
		const slots = activeWorkers(viaPressure);
		stepWorkforce(viaPressure);
		stepWorkforce(viaEffort);
		expect(meanOf(viaEffort.workers.burnout, slots)).toBeCloseTo(meanOf(viaPressure.workers.burnout, slots), 6);
	});

	test('an efficiency drive burns staff out through the extra effort it imposes, not by decree', () => {
		expect(burnoutAfter(() => {}, { efficiency: 1 })).toBeCloseTo(burnoutAfter(() => {}), 9);
		expect(burnoutAfter((w) => setWorkers(w, { effort: 1 + w.p.efficiencyIntensity }))).toBeGreaterThan(burnoutAfter(() => {}));
	});

	test('autonomy, peer support and a mission lower burnout', () => {
		const base = burnoutAfter(() => {});
		expect(burnoutAfter(() => {}, { autonomy: 1 })).toBeLessThan(base);
		expect(burnoutAfter(() => {}, { peerLearning: 1 })).toBeLessThan(base);
		expect(burnoutAfter(() => {}, { mission: 1 })).toBeLessThan(base);
	});

	test('a controlling climate blunts the relief that autonomy brings', () => {
		const free = burnoutAfter(() => {}, { autonomy: 1 });
		const controlled = burnoutAfter(() => {}, { autonomy: 1, performancePay: 1 });
		expect(controlled).toBeGreaterThan(free);
	});

	test('burnout moves toward its level gradually, faster with a shorter burnoutMonths', () => {
		function after(burnoutMonths: number): number {
			const world = workforceWorld({ assumptions: { burnoutMonths } });
			world.providers.workPressure.fill(3);
			const slots = activeWorkers(world);
			stepWorkforce(world);
			return meanOf(world.workers.burnout, slots);
		}
		expect(after(2)).toBeGreaterThan(after(12));
		expect(after(12)).toBeGreaterThan(0.3);
	});
});

describe('stepWorkforce: motivation and skill', () => {
	function motivationAfter(levers: Partial<LeverValues>, setup: (world: World) => void = () => {}): number {
		const world = workforceWorld({ levers });
		setup(world);
		const slots = activeWorkers(world);
		stepWorkforce(world);
		return meanOf(world.workers.motivation, slots);
	}

	test('crowding out: performance pay lowers motivation', () => {
		expect(motivationAfter({ performancePay: 1 })).toBeLessThan(motivationAfter({ performancePay: 0 }));
	});

	test('targets and oversight crowd out motivation too, less than performance pay', () => {
		const base = motivationAfter({});
		const targets = motivationAfter({ targets: 1 });
		expect(targets).toBeLessThan(base);
		expect(motivationAfter({ performancePay: 1 })).toBeLessThan(targets);
	});

	test('autonomy and a mission raise motivation', () => {
		const base = motivationAfter({});
		expect(motivationAfter({ autonomy: 1 })).toBeGreaterThan(base);
		expect(motivationAfter({ mission: 1 })).toBeGreaterThan(base);
	});

	test('success raises motivation and burnout lowers it', () => {
		const base = motivationAfter({});
		expect(motivationAfter({}, (w) => w.providers.trueQuality.fill(0.95))).toBeGreaterThan(base);
		expect(motivationAfter({}, (w) => setWorkers(w, { burnout: 0.95 }))).toBeLessThan(base);
	});

	test('motivation falls faster than it recovers', () => {
		const falling = workforceWorld();
		const rising = workforceWorld();
		setWorkers(falling, { intrinsic: 0.2, motivation: 0.8 });
		setWorkers(rising, { intrinsic: 1, motivation: 0.2 });
		const fallSlots = activeWorkers(falling);
		const riseSlots = activeWorkers(rising);
		stepWorkforce(falling);
		stepWorkforce(rising);
		const fallen = 0.8 - meanOf(falling.workers.motivation, fallSlots);
		const risen = meanOf(rising.workers.motivation, riseSlots) - 0.2;
		expect(fallen).toBeGreaterThan(0);
		expect(risen).toBeGreaterThan(0);
		// The gaps to the target are similar, so the fall per month is the larger.
		expect(fallen).toBeGreaterThan(risen);
	});

	test('skill grows with experience, faster with peer learning, slower in outsourced providers', () => {
		function skillAfter(levers: Partial<LeverValues>, outsourced = false): number {
			const world = workforceWorld({ levers });
			if (outsourced) world.providers.outsourced.fill(1);
			const slots = activeWorkers(world);
			stepWorkforce(world);
			return meanOf(world.workers.skill, slots);
		}
		const base = skillAfter({});
		expect(base).toBeGreaterThan(0.5);
		expect(skillAfter({ peerLearning: 1 })).toBeGreaterThan(base);
		expect(skillAfter({ autonomy: 1 })).toBeGreaterThan(base);
		expect(skillAfter({}, true)).toBeLessThan(base);
	});

	test('burnt-out workers lose skill relative to those who are not', () => {
		const fresh = workforceWorld();
		const burnt = workforceWorld();
		setWorkers(burnt, { burnout: 0.95 });
		const slots = activeWorkers(fresh);
		stepWorkforce(fresh);
		stepWorkforce(burnt);
		expect(meanOf(burnt.workers.skill, slots)).toBeLessThan(meanOf(fresh.workers.skill, slots));
	});

	test('tenure grows by a month', () => {
		const world = workforceWorld();
		const slots = activeWorkers(world);
		const before = slots.map((i) => world.workers.tenure[i]);
		stepWorkforce(world);
		const stayed = slots.filter((i) => world.workers.active[i] === 1);
		for (const i of stayed) expect(world.workers.tenure[i]).toBe(before[slots.indexOf(i)] + 1);
	});
});

describe('stepWorkforce: leaving, hiring and releasing', () => {
	function leaversOver(months: number, burnout: number, levers: Partial<LeverValues> = {}): number {
		const world = workforceWorld({ citizens: 20_000, levers });
		let leavers = 0;
		for (let m = 0; m < months; m++) {
			resetMonth(world);
			setWorkers(world, { burnout });
			stepWorkforce(world);
			leavers += world.tallies.values[T.leavers];
		}
		return leavers;
	}

	test('burnout raises leaving', () => {
		const low = leaversOver(6, 0.1);
		const high = leaversOver(6, 0.9);
		expect(high).toBeGreaterThan(low * 2);
		expect(high).toBeGreaterThan(30);
	});

	test('autonomy and respect lower leaving', () => {
		expect(leaversOver(6, 0.9, { autonomy: 1 })).toBeLessThan(leaversOver(6, 0.9));
	});

	test('motivation keeps staff: quitMotivation alone lowers leaving among the motivated', () => {
		function leavers(motivation: number, quitMotivation: number): number {
			// Motivation does not buffer burnout here, so it acts on leaving only through quitMotivation.
			const world = workforceWorld({ citizens: 20_000, assumptions: { quitMotivation, resourceMotivation: 0, quitBase: 0.05 } });
			setWorkers(world, { intrinsic: motivation, motivation });
			stepWorkforce(world);
			return world.tallies.values[T.leavers];
		}
		expect(leavers(0.3, 2)).toBeGreaterThan(leavers(0.9, 2) * 2);
		expect(leavers(0.3, 0)).toBe(leavers(0.9, 0));
		expect(leavers(0.3, 0)).toBeGreaterThan(20);
	});

	test('burnout drives leaving through quitBurnout alone', () => {
		function leavers(burnout: number, quitBurnout: number): number {
			const world = workforceWorld({ citizens: 20_000, assumptions: { quitBurnout, motivationBurnout: 0, burnoutMonths: 1e6, quitBase: 0.05 } });
			setWorkers(world, { burnout });
			stepWorkforce(world);
			return world.tallies.values[T.leavers];
		}
		expect(leavers(0.9, 2.5)).toBeGreaterThan(leavers(0.1, 2.5) * 2);
		expect(leavers(0.9, 0)).toBe(leavers(0.1, 0));
	});

	test('leavers vacate their slots and are counted with the staff they left', () => {
		const world = workforceWorld({ citizens: 20_000 });
		setWorkers(world, { burnout: 1 });
		const before = activeWorkers(world).length;
		stepWorkforce(world);
		const leavers = world.tallies.values[T.leavers];
		expect(leavers).toBeGreaterThan(0);
		expect(activeWorkers(world).length).toBe(before - leavers);
		expect(world.tallies.values[T.staffBefore]).toBe(before);
		expect(world.tallies.values[T.redundancies]).toBe(0);
		expect(sum(world.providers.staff)).toBeCloseTo(before - leavers, 6);
	});

	test('staff retire at the end of a working life in post, whatever their leaving hazard, and count as leavers', () => {
		const world = workforceWorld({ citizens: 20_000, assumptions: { quitBase: 1e-12, careerMonths: 300 } });
		const slots = activeWorkers(world);
		const retiring = slots.filter((_, j) => j % 3 === 0);
		const staying = slots.filter((_, j) => j % 3 !== 0);
		for (const i of retiring) world.workers.tenure[i] = 299;
		for (const i of staying) world.workers.tenure[i] = 298;
		stepWorkforce(world);
		for (const i of retiring) expect(world.workers.active[i]).toBe(0);
		for (const i of staying) {
			expect(world.workers.active[i]).toBe(1);
			expect(world.workers.tenure[i]).toBe(299);
		}
		expect(world.tallies.values[T.leavers]).toBe(retiring.length);
	});

	function fillRun(fillChance: number, performancePay = 0) {
		const world = workforceWorld({ citizens: 40_000, assumptions: { quitBase: 1e-12 }, levers: { performancePay } });
		const pr = world.providers;
		// Vacate every other post and keep the posts funded.
		let vacancies = 0;
		for (const i of activeWorkers(world)) {
			if (i % 2 === 0) {
				world.workers.active[i] = 0;
				vacancies++;
			}
		}
		world.areas.fillChance.fill(fillChance);
		const before = new Set(activeWorkers(world));
		stepWorkforce(world);
		const hires = activeWorkers(world).filter((i) => !before.has(i));
		return { world, vacancies, hires, pr };
	}

	test('vacancies are filled at about the fill chance', () => {
		for (const chance of [0.2, 0.6]) {
			const { vacancies, hires } = fillRun(chance);
			const share = hires.length / vacancies;
			const se = Math.sqrt((chance * (1 - chance)) / vacancies);
			expect(vacancies).toBeGreaterThan(500);
			expect(Math.abs(share - chance)).toBeLessThan(4 * se);
		}
	});

	test('recruits start with little skill and no tenure, and nobody is hired beyond the funded posts', () => {
		const { world, hires, pr } = fillRun(1);
		for (const i of hires) {
			expect(world.workers.skill[i]).toBeCloseTo(world.p.newHireSkill, 6);
			expect(world.workers.tenure[i]).toBe(0);
		}
		for (let k = 0; k < pr.n; k++) {
			expect(pr.staff[k]).toBeLessThanOrEqual(pr.posts[k] + 0.5);
			expect(pr.staff[k]).toBeCloseTo(fteOf(world, k), 5);
		}
	});

	test('recruits under performance pay are less intrinsically motivated (selection)', () => {
		const plain = fillRun(1, 0);
		const paid = fillRun(1, 1);
		const a = mean(plain.hires.map((i) => plain.world.workers.intrinsic[i]));
		const b = mean(paid.hires.map((i) => paid.world.workers.intrinsic[i]));
		expect(b).toBeLessThan(a);
	});

	test('staff above funded posts are released down to the posts, and the released count as leavers and redundancies', () => {
		const world = workforceWorld({ assumptions: { redundancyRate: 1, quitBase: 1e-12 } });
		const pr = world.providers;
		const before = activeWorkers(world).length;
		for (let k = 0; k < pr.n; k++) pr.posts[k] = Math.floor(activeWorkers(world, k).length / 2) + 0.5;
		stepWorkforce(world);
		for (let k = 0; k < pr.n; k++) {
			// Full-timers are released whole: staff end within one post below the funded posts.
			expect(pr.staff[k]).toBeLessThanOrEqual(pr.posts[k]);
			expect(pr.staff[k]).toBeGreaterThan(pr.posts[k] - 1);
			expect(pr.staff[k]).toBeCloseTo(fteOf(world, k), 6);
		}
		const released = before - activeWorkers(world).length;
		expect(released).toBeGreaterThan(0);
		expect(world.tallies.values[T.redundancies]).toBe(released);
		expect(world.tallies.values[T.leavers]).toBe(released);
		expect(world.tallies.values[T.staffBefore]).toBe(before);
	});

	test('with a slow release rate, staff above posts fall gradually', () => {
		const world = workforceWorld({ citizens: 20_000, assumptions: { quitBase: 1e-12 } });
		const pr = world.providers;
		const before = activeWorkers(world).length;
		for (let k = 0; k < pr.n; k++) pr.posts[k] = 1;
		stepWorkforce(world);
		const after = activeWorkers(world).length;
		expect(after).toBeLessThan(before);
		expect(after).toBeGreaterThan(before * 0.8);
	});

	test('a gap of less than half a post is left open; half a post or more is recruited as a whole post', () => {
		const world = workforceWorld({ assumptions: { quitBase: 1e-12 } });
		const pr = world.providers;
		const slots = activeWorkers(world, 0);
		world.areas.fillChance.fill(1);
		pr.posts[0] = slots.length + 0.4;
		stepWorkforce(world);
		expect(activeWorkers(world, 0)).toEqual(slots);
		pr.posts[0] = slots.length + 0.6;
		stepWorkforce(world);
		const hired = activeWorkers(world, 0).filter((i) => !slots.includes(i));
		expect(hired).toHaveLength(1);
		expect(world.workers.fte[hired[0]]).toBe(1);
		// Nobody's hours moved to close the gap.
		for (const i of slots) expect(world.workers.fte[i]).toBe(1);
	});

	test('an excess of less than half a post is kept; half a post or more is released', () => {
		const world = workforceWorld({ assumptions: { quitBase: 1e-12, redundancyRate: 1 } });
		const pr = world.providers;
		const slots = activeWorkers(world, 0);
		pr.posts[0] = slots.length - 0.4;
		stepWorkforce(world);
		expect(activeWorkers(world, 0)).toEqual(slots);
		expect(world.tallies.values[T.redundancies]).toBe(0);
		pr.posts[0] = slots.length - 0.6;
		stepWorkforce(world);
		expect(activeWorkers(world, 0)).toHaveLength(slots.length - 1);
		expect(world.tallies.values[T.redundancies]).toBe(1);
	});

	test('with vacancies filled, staff converge to within half a post of the funded posts, in whole posts', () => {
		const world = workforceWorld({ citizens: 20_000, assumptions: { quitBase: 0.01 } });
		const pr = world.providers;
		for (let k = 0; k < pr.n; k++) pr.posts[k] = activeWorkers(world, k).length * 1.05 + 0.37 * (k + 1);
		world.areas.fillChance.fill(1);
		for (let m = 0; m < 6; m++) {
			resetMonth(world);
			stepWorkforce(world);
		}
		for (let k = 0; k < pr.n; k++) {
			// Anyone leaving this month is replaced next month.
			expect(fteOf(world, k)).toBeCloseTo(pr.staff[k], 5);
			expect(pr.staff[k]).toBeLessThanOrEqual(pr.posts[k] + 0.5);
			expect(pr.staff[k]).toBeGreaterThan(pr.posts[k] - 4);
			const ftes = activeWorkers(world, k).map((i) => world.workers.fte[i]);
			expect(ftes.filter((f) => f < 1).length).toBeLessThanOrEqual(1);
		}
		// With nobody leaving the last month, staff are the posts rounded to the nearest whole post.
		const still = workforceWorld({ assumptions: { quitBase: 1e-12 } });
		for (let k = 0; k < still.providers.n; k++) still.providers.posts[k] = activeWorkers(still, k).length + 2.37;
		still.areas.fillChance.fill(1);
		for (let m = 0; m < 3; m++) stepWorkforce(still);
		for (let k = 0; k < still.providers.n; k++) expect(still.providers.staff[k]).toBeCloseTo(still.providers.posts[k] - 0.37, 5);
	});

	test('nobody is released while staff are within the posts', () => {
		const world = workforceWorld({ assumptions: { redundancyRate: 1, quitBase: 1e-12 } });
		const before = activeWorkers(world).length;
		stepWorkforce(world);
		expect(activeWorkers(world).length).toBe(before);
	});
});

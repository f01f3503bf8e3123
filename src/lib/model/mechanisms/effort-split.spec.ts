import { describe, expect, test } from 'vitest';
import { GROUP_FIRST_AREA } from '../constants';
import type { AssumptionValues, LeverValues } from '../parameters/registry';
import { T, TALLY_KEYS } from '../tallies';
import type { World } from '../world';
import { activeWorkers, keepStaff, resetMonth, setWorkers, sum, testWorld } from './_test-world';
import { decideEffort } from './effort-split';

/** Levers with no incentives, autonomy, mission, overheads or relational practice, so each can be turned on alone. */
const NEUTRAL: Partial<LeverValues> = {
	targets: 0,
	inspection: 0,
	audit: 0,
	performancePay: 0,
	competition: 0,
	efficiency: 0,
	autonomy: 0,
	mission: 0,
	peerLearning: 0,
	integration: 0,
	devolution: 0,
	relational: 0
};

/**
 * A world ready for the frontline decisions: identical full-time workers (motivation 0.5, skill
 * 0.5, no burnout or gaming), providers with no backlog, work pressure at capacity, and no
 * culture, failing rating, financial pressure or learned offset.
 */
function effortWorld(levers: Partial<LeverValues> = {}, assumptions: Partial<AssumptionValues> = {}): World {
	const world = testWorld({ levers: { ...NEUTRAL, ...levers }, assumptions });
	resetMonth(world);
	setWorkers(world, { intrinsic: 0.5, motivation: 0.5, skill: 0.5, burnout: 0, gaming: 0, fte: 1, effort: 1 });
	const pr = world.providers;
	pr.workPressure.fill(1);
	pr.queueUnits.fill(0);
	pr.capacity.fill(50);
	pr.relational.fill(0);
	pr.relationalOffset.fill(0);
	pr.failingMonths.fill(0);
	pr.financialPressure.fill(0);
	pr.culture.fill(0);
	return world;
}

/** Decide with every worker at motivation m; return the world. */
function decided(
	m: number,
	levers: Partial<LeverValues> = {},
	assumptions: Partial<AssumptionValues> = {},
	setup: (world: World) => void = () => {}
): World {
	const world = effortWorld(levers, assumptions);
	setWorkers(world, { motivation: m });
	setup(world);
	decideEffort(world);
	return world;
}

/** The decision rules as the ODD+D states them, for one worker. */
function rule(p: AssumptionValues, m: number, o: { incentives: number; autonomy: number; mission: number; prescribed: number }) {
	const discretion = p.discretionBase + (1 - p.discretionBase) * o.autonomy;
	const own = m * (1 + p.missionSalience * o.mission);
	const extrinsic = p.incentiveWeight * o.incentives * (1 - m);
	const lambda = own / (own + extrinsic);
	return {
		discretion,
		lambda,
		relational: (1 - discretion) * o.prescribed + discretion * p.relationalPreference * lambda,
		outreachShare: discretion * p.outreachPreference * lambda
	};
}

describe('decideEffort: target pressure and incentives', () => {
	test('target pressure is the targets lever, raised by the stakes of inspection and by a failing rating', () => {
		const world = effortWorld({ targets: 0.8, inspection: 0.5 });
		world.providers.failingMonths[3] = 4;
		decideEffort(world);
		const p = world.p;
		const expected = 0.8 * (1 - p.inspectionStakes + p.inspectionStakes * 0.5);
		for (let k = 0; k < world.providers.n; k++) {
			const failing = k === 3 ? 1 + p.failingPressure : 1;
			expect(world.providers.targetPressure[k]).toBeCloseTo(expected * failing, 12);
		}
		expect(decided(0.5, { targets: 0, inspection: 1 }).providers.targetPressure.every((x) => x === 0)).toBe(true);
	});
});

describe('decideEffort: relational intensity and outreach', () => {
	test('without measured incentives every worker weighs only the outcome (λ = 1), whatever their motivation', () => {
		for (const m of [0.1, 0.5, 1]) {
			const world = decided(m, { relational: 0.2 });
			const want = rule(world.p, m, { incentives: 0, autonomy: 0, mission: 0, prescribed: 0.2 });
			expect(want.lambda).toBe(1);
			for (let k = 0; k < world.providers.n; k++) expect(world.providers.relational[k]).toBeCloseTo(want.relational, 12);
		}
	});

	test('incentives lower relational intensity by discretion × preference × (1 − λ): not at all for a wholly intrinsic worker, most for an extrinsic one', () => {
		const drops: number[] = [];
		for (const m of [1, 0.8, 0.5, 0.2]) {
			const calm = decided(m, { relational: 0.3 });
			const pressed = decided(m, { relational: 0.3, targets: 1, inspection: 1 });
			// Motivation as stored (single precision).
			const want = rule(pressed.p, Math.fround(m), { incentives: 1, autonomy: 0, mission: 0, prescribed: 0.3 });
			expect(pressed.providers.relational[0]).toBeCloseTo(want.relational, 12);
			const drop = calm.providers.relational[0] - pressed.providers.relational[0];
			expect(drop).toBeCloseTo(want.discretion * pressed.p.relationalPreference * (1 - want.lambda), 12);
			drops.push(drop);
		}
		expect(drops[0]).toBeCloseTo(0, 12);
		for (let j = 1; j < drops.length; j++) expect(drops[j]).toBeGreaterThan(drops[j - 1]);
	});

	test('the fall in relational intensity under incentives is in proportion to discretion, and none without it', () => {
		function drop(autonomy: number, discretionBase: number): number {
			const calm = decided(0.5, { relational: 0.3, autonomy }, { discretionBase });
			const pressed = decided(0.5, { relational: 0.3, autonomy, performancePay: 1 }, { discretionBase });
			return calm.providers.relational[0] - pressed.providers.relational[0];
		}
		const base = drop(0, 0.3);
		expect(base).toBeGreaterThan(0);
		expect(drop(1, 0.3) / base).toBeCloseTo(1 / 0.3, 9);
		expect(drop(0.5, 0.3) / base).toBeCloseTo((0.3 + 0.7 * 0.5) / 0.3, 9);
		expect(drop(0, 0)).toBeCloseTo(0, 12);
	});

	test('every measured incentive counts: target pressure, performance pay and financial pressure under payment by results', () => {
		const calm = decided(0.5).providers.relational[0];
		expect(decided(0.5, { targets: 1 }).providers.relational[0]).toBeLessThan(calm);
		expect(decided(0.5, { performancePay: 1 }).providers.relational[0]).toBeLessThan(calm);
		const paidByResults = decided(0.5, { competition: 1 }, {}, (w) => (w.providers.financialPressure[0] = 1));
		expect(paidByResults.providers.relational[0]).toBeLessThan(calm);
		// Payment by results with no financial pressure passes nothing down.
		expect(paidByResults.providers.relational[1]).toBeCloseTo(calm, 12);
		// With no weight on incentives they change nothing.
		expect(decided(0.5, { targets: 1, performancePay: 1 }, { incentiveWeight: 0 }).providers.relational[0]).toBeCloseTo(calm, 12);
	});

	test('autonomy raises discretion: with nothing prescribed, relational intensity and outreach rise from the street-level share to the whole', () => {
		const p = effortWorld().p;
		for (const autonomy of [0, 0.5, 1]) {
			const world = decided(0.6, { relational: 0, autonomy });
			const discretion = p.discretionBase + (1 - p.discretionBase) * autonomy;
			expect(world.providers.relational[0]).toBeCloseTo(discretion * p.relationalPreference, 12);
			const share = sum(world.providers.outreach) / (sum(world.providers.outreach) + sum(world.providers.capacity));
			expect(share).toBeCloseTo(discretion * p.outreachPreference, 9);
		}
	});

	test('autonomy moves practice toward what staff would choose: down where more is prescribed than they would give', () => {
		const p = effortWorld().p;
		const prescribedHigh = decided(0.6, { relational: 1, autonomy: 1 }).providers.relational[0];
		const prescribedLow = decided(0.6, { relational: 0, autonomy: 1 }).providers.relational[0];
		expect(prescribedHigh).toBeCloseTo(p.relationalPreference, 12);
		expect(prescribedLow).toBeCloseTo(p.relationalPreference, 12);
		expect(decided(0.6, { relational: 1, autonomy: 0 }).providers.relational[0]).toBeGreaterThan(prescribedHigh);
	});

	test('a mission raises λ, so relational intensity and outreach hold up better under incentives; without salience it does nothing', () => {
		const plain = decided(0.5, { targets: 1, inspection: 1, relational: 0.2 });
		const mission = decided(0.5, { targets: 1, inspection: 1, relational: 0.2, mission: 1 });
		const want = rule(mission.p, 0.5, { incentives: 1, autonomy: 0, mission: 1, prescribed: 0.2 });
		expect(mission.providers.relational[0]).toBeCloseTo(want.relational, 12);
		expect(mission.providers.relational[0]).toBeGreaterThan(plain.providers.relational[0]);
		expect(mission.providers.outreach[0]).toBeGreaterThan(plain.providers.outreach[0]);
		const noSalience = decided(0.5, { targets: 1, relational: 0.2, mission: 1 }, { missionSalience: 0 });
		expect(noSalience.providers.relational[0]).toBeCloseTo(decided(0.5, { targets: 1, relational: 0.2 }, { missionSalience: 0 }).providers.relational[0], 12);
	});

	test('outreach is discretion × preference × λ of working time, and comes out of casework', () => {
		const world = decided(0.5, { targets: 1, inspection: 1 });
		const want = rule(world.p, 0.5, { incentives: 1, autonomy: 0, mission: 0, prescribed: 0 });
		const w = world.workers;
		let outreach = 0;
		for (const i of activeWorkers(world, 0)) outreach += w.effort[i] * (0.6 + 0.8 * w.skill[i]) * w.fte[i] * want.outreachShare;
		expect(world.providers.outreach[0]).toBeCloseTo(outreach * world.p.casesPerWorker, 6);
		const none = decided(0.5, { targets: 1, inspection: 1 }, { outreachPreference: 0 });
		expect(sum(none.providers.outreach)).toBe(0);
		expect(sum(none.providers.capacity)).toBeGreaterThan(sum(world.providers.capacity));
	});

	test('prescribed practice is the relational lever plus the learned offset, cut by a backlog beyond a month, and shifted by local lean under devolution', () => {
		const p = effortWorld().p;
		// No discretion: relational intensity is exactly what is prescribed.
		const rigid = { discretionBase: 0 };
		expect(decided(0.5, { relational: 0.4 }, rigid).providers.relational[0]).toBeCloseTo(0.4, 12);
		const learned = decided(0.5, { relational: 0.4 }, rigid, (w) => (w.providers.relationalOffset[0] = 0.15));
		expect(learned.providers.relational[0]).toBeCloseTo(0.55, 12);
		// Three months of backlog (in work units at last month's relational intensity) squeeze it.
		const backlog = decided(0.5, { relational: 0.4 }, rigid, (w) => {
			w.providers.relational[0] = 0.4;
			w.providers.queueUnits[0] = (3 * w.providers.capacity[0]) / (1 + p.relationalTime * 0.4);
		});
		expect(backlog.providers.relational[0]).toBeCloseTo(0.4 - 2 * p.backlogSqueeze, 12);
		const oneMonth = decided(0.5, { relational: 0.4 }, rigid, (w) => (w.providers.queueUnits[0] = 0.9 * w.providers.capacity[0]));
		expect(oneMonth.providers.relational[0]).toBeCloseTo(0.4, 12);
		const devolved = decided(0.5, { relational: 0.4, devolution: 1 }, rigid);
		const area = devolved.providers.area[0];
		const lean = p.localDivergence * devolved.areas.leanRelational[area];
		expect(devolved.providers.relational[0]).toBeCloseTo(Math.min(1, Math.max(0, 0.4 + lean)), 12);
		// Prescribed practice stays within [0, 1].
		expect(decided(0.5, { relational: 1 }, rigid, (w) => (w.providers.relationalOffset[0] = 0.4)).providers.relational[0]).toBe(1);
	});
});

describe('decideEffort: effort', () => {
	const effortOf = (world: World, k = 0) => activeWorkers(world, k).map((i) => world.workers.effort[i]);

	test('with no incentives, no waiting, no efficiency drive and no autonomy everyone works normal hours', () => {
		for (const m of [0, 0.5, 1]) expect(effortOf(decided(m)).every((e) => e === 1)).toBe(true);
	});

	test('incentives draw extra effort from the extrinsically motivated only, in proportion to 1 − motivation', () => {
		const p = effortWorld().p;
		for (const m of [1, 0.7, 0.2]) {
			const world = decided(m, { targets: 1, inspection: 1 });
			for (const e of effortOf(world)) expect(e).toBeCloseTo(1 + p.extrinsicEffort * (1 - m), 6);
		}
		expect(effortOf(decided(0.2, { performancePay: 1 }, { extrinsicEffort: 0 })).every((e) => e === 1)).toBe(true);
	});

	test('work waiting draws extra effort from the intrinsically motivated, up to twice capacity', () => {
		const p = effortWorld().p;
		const at = (m: number, pressure: number) => effortOf(decided(m, {}, {}, (w) => w.providers.workPressure.fill(pressure)))[0];
		expect(at(0.8, 1.5)).toBeCloseTo(1 + p.knightEffort * 0.8 * 0.5, 6);
		expect(at(0.8, 2)).toBeCloseTo(1 + p.knightEffort * 0.8, 6);
		expect(at(0.8, 5)).toBeCloseTo(1 + p.knightEffort * 0.8, 6);
		expect(at(0.8, 0.7)).toBe(1);
		expect(at(0, 3)).toBe(1);
	});

	test('an efficiency drive raises everyone’s intensity', () => {
		const p = effortWorld().p;
		for (const m of [0, 1]) {
			for (const e of effortOf(decided(m, { efficiency: 1 }))) expect(e).toBeCloseTo(1 + p.efficiencyIntensity, 6);
		}
	});

	test('under autonomy only the extrinsically motivated ease off (shirking)', () => {
		const p = effortWorld().p;
		expect(effortOf(decided(1, { autonomy: 1 })).every((e) => e === 1)).toBe(true);
		for (const e of effortOf(decided(0.2, { autonomy: 1 }))) expect(e).toBeCloseTo(1 - p.autonomyShirk * 0.8, 6);
		for (const e of effortOf(decided(0.2, { autonomy: 0.5 }))) expect(e).toBeCloseTo(1 - p.autonomyShirk * 0.5 * 0.8, 6);
	});

	test('effort never falls below 0.3 of normal hours', () => {
		for (const e of effortOf(decided(0, { autonomy: 1 }, { autonomyShirk: 5 }))) expect(e).toBeCloseTo(0.3, 6);
	});

	test('each worker decides for themself: effort follows each worker’s own motivation', () => {
		const world = effortWorld({ targets: 1, inspection: 1 });
		const slots = activeWorkers(world, 0);
		slots.forEach((i, j) => (world.workers.motivation[i] = j / slots.length));
		decideEffort(world);
		for (let j = 1; j < slots.length; j++) expect(world.workers.effort[slots[j]]).toBeLessThan(world.workers.effort[slots[j - 1]]);
	});
});

describe('decideEffort: capacity, staff and team means', () => {
	test('capacity is the sum of each worker’s effort × productivity × hours × share of time on cases, in work units', () => {
		const world = effortWorld({ targets: 1, inspection: 1, audit: 1, peerLearning: 1, integration: 1 });
		const w = world.workers;
		const slots = activeWorkers(world, 0);
		slots.forEach((i, j) => {
			w.motivation[i] = 0.2 + (0.6 * j) / slots.length;
			w.skill[i] = 0.1 + (0.8 * ((j * 7) % slots.length)) / slots.length;
			w.burnout[i] = j % 3 === 0 ? 0.8 : 0.1;
			w.gaming[i] = j % 4 === 0 ? 1 : 0;
			w.fte[i] = j % 5 === 0 ? 0.5 : 1;
		});
		decideEffort(world);
		const p = world.p;
		const overhead = p.reportingTime * world.climate.reportingBurden + p.peerLearningTime + p.integrationTime;
		const pressure = world.providers.targetPressure[0];
		let capacity = 0;
		for (const i of slots) {
			const m = w.motivation[i];
			const want = rule(p, m, { incentives: pressure, autonomy: 0, mission: 0, prescribed: 0 });
			const effort = 1 + p.extrinsicEffort * pressure * (1 - m);
			expect(w.effort[i]).toBeCloseTo(effort, 6);
			const productivity = (0.6 + 0.8 * w.skill[i]) * (w.burnout[i] > 0.5 ? 1 - p.burnoutProductivity : 1);
			const caseShare = 1 - overhead - want.outreachShare - (w.gaming[i] === 1 ? p.gamingTime : 0);
			capacity += effort * productivity * w.fte[i] * caseShare;
		}
		expect(world.providers.capacity[0]).toBeCloseTo(capacity * p.casesPerWorker, 6);
	});

	test('half the hours give half the capacity; burnt-out and gaming workers give less', () => {
		const full = decided(0.5);
		const half = decided(0.5, {}, {}, (w) => setWorkers(w, { fte: 0.5 }));
		for (let k = 0; k < full.providers.n; k++) {
			expect(half.providers.capacity[k]).toBeCloseTo(full.providers.capacity[k] / 2, 6);
			expect(half.providers.staff[k]).toBeCloseTo(full.providers.staff[k] / 2, 6);
		}
		const burnt = decided(0.5, {}, {}, (w) => setWorkers(w, { burnout: 0.9 }));
		expect(burnt.providers.capacity[0]).toBeCloseTo(full.providers.capacity[0] * (1 - full.p.burnoutProductivity), 6);
		const gaming = decided(0.5, {}, {}, (w) => setWorkers(w, { gaming: 1 }));
		expect(gaming.providers.capacity[0]).toBeLessThan(full.providers.capacity[0]);
		// Burnout at 0.5 exactly does not yet count as burnt out.
		expect(decided(0.5, {}, {}, (w) => setWorkers(w, { burnout: 0.5 })).providers.capacity[0]).toBeCloseTo(full.providers.capacity[0], 9);
	});

	test('capacity rises with skill and in proportion to cases per worker; vacant slots add nothing and count in no team mean', () => {
		const base = decided(0.5);
		expect(decided(0.5, {}, {}, (w) => setWorkers(w, { skill: 0.9 })).providers.capacity[0]).toBeGreaterThan(base.providers.capacity[0]);
		const doubled = decided(0.5, {}, { casesPerWorker: 2 * base.p.casesPerWorker });
		expect(doubled.providers.capacity[0]).toBeCloseTo(2 * base.providers.capacity[0], 9);
		const world = effortWorld();
		keepStaff(world, 0, 6);
		const pr = world.providers;
		// A vacant slot with extreme values must not count.
		const vacant = pr.slotStart[0] + 7;
		expect(world.workers.active[vacant]).toBe(0);
		world.workers.motivation[vacant] = 1;
		world.workers.skill[vacant] = 1;
		world.workers.burnout[vacant] = 1;
		world.workers.gaming[vacant] = 1;
		world.workers.fte[vacant] = 1;
		decideEffort(world);
		const six = pr.capacity[0];
		expect(pr.staff[0]).toBe(6);
		expect(pr.meanMotivation[0]).toBeCloseTo(0.5, 6);
		expect(pr.burnoutShare[0]).toBe(0);
		expect(pr.gamingShare[0]).toBe(0);
		keepStaff(world, 0, 12);
		setWorkers(world, { motivation: 0.5, skill: 0.5, burnout: 0, gaming: 0 }, 0);
		decideEffort(world);
		expect(pr.capacity[0]).toBeCloseTo(2 * six, 6);
	});

	test('nothing is hidden with no culture and no gaming; everything when everyone games', () => {
		expect(decided(0.5).providers.hideChance.every((h) => h === 0)).toBe(true);
		const gaming = decided(0.5, {}, {}, (w) => setWorkers(w, { gaming: 1 }));
		expect(gaming.providers.hideChance.every((h) => h === 1)).toBe(true);
		const cultured = decided(0.5, {}, {}, (w) => w.providers.culture.fill(0.4));
		for (const h of cultured.providers.hideChance) expect(h).toBeCloseTo(0.4, 12);
	});

	test('reporting, peer learning and integration each take time from casework', () => {
		const base = sum(decided(0.5).providers.capacity);
		expect(sum(decided(0.5, { targets: 1 }, { extrinsicEffort: 0, incentiveWeight: 0 }).providers.capacity)).toBeLessThan(base);
		expect(sum(decided(0.5, { peerLearning: 1 }).providers.capacity)).toBeLessThan(base);
		expect(sum(decided(0.5, { integration: 1 }).providers.capacity)).toBeLessThan(base);
	});

	test('staff are counted in full-time equivalents; team means are per head; the hiding chance combines culture and gaming', () => {
		const world = effortWorld();
		keepStaff(world, 0, 10);
		const slots = activeWorkers(world, 0);
		slots.forEach((i, j) => {
			world.workers.fte[i] = j < 4 ? 0.5 : 1;
			world.workers.motivation[i] = j < 5 ? 0.2 : 0.8;
			world.workers.skill[i] = 0.3;
			world.workers.burnout[i] = j < 3 ? 0.9 : 0.1;
			world.workers.gaming[i] = j < 2 ? 1 : 0;
		});
		world.providers.culture[0] = 0.3;
		decideEffort(world);
		const pr = world.providers;
		expect(pr.staff[0]).toBeCloseTo(8, 6);
		expect(pr.meanMotivation[0]).toBeCloseTo(0.5, 6);
		expect(pr.meanSkill[0]).toBeCloseTo(0.3, 6);
		expect(pr.burnoutShare[0]).toBeCloseTo(0.3, 12);
		expect(pr.gamingShare[0]).toBeCloseTo(0.2, 12);
		expect(pr.hideChance[0]).toBeCloseTo(1 - 0.7 * 0.8, 12);
	});

	test('a provider with no staff has no capacity and keeps its prescribed practice', () => {
		const world = effortWorld({ relational: 0.35 });
		keepStaff(world, 0, 0);
		decideEffort(world);
		const pr = world.providers;
		expect(pr.capacity[0]).toBe(0);
		expect(pr.staff[0]).toBe(0);
		expect(pr.outreach[0]).toBe(0);
		expect(pr.relational[0]).toBeCloseTo(0.35, 12);
		expect(pr.meanMotivation[0]).toBe(0);
	});

	test('effort, casework, relational and outreach work are tallied by area and overall', () => {
		const world = decided(0.5, { targets: 1, relational: 0.3 });
		const v = world.tallies.values;
		const pr = world.providers;
		expect(v[T.effortSum]).toBeCloseTo(sum(activeWorkers(world).map((i) => world.workers.effort[i])), 4);
		expect(v[T.caseworkUnits] * world.p.casesPerWorker).toBeCloseTo(sum(pr.capacity), 6);
		expect(v[T.outreachUnits] * world.p.casesPerWorker).toBeCloseTo(sum(pr.outreach), 6);
		expect(v[T.relationalUnits] / v[T.caseworkUnits]).toBeCloseTo(pr.relational[0], 9);
		for (const key of [T.effortSum, T.caseworkUnits, T.relationalUnits, T.outreachUnits]) {
			let areas = 0;
			for (let a = 0; a < world.areas.n; a++) areas += v[(GROUP_FIRST_AREA + a) * TALLY_KEYS + key];
			expect(areas).toBeCloseTo(v[key], 9);
		}
	});
});

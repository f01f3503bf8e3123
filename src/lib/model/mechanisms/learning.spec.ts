import { describe, expect, test } from 'vitest';
import { DAYS_PER_MONTH } from '../constants';
import type { AssumptionValues, LeverValues } from '../parameters/registry';
import { circularDelta, type World } from '../world';
import { citizensWhere, enqueue, mean, quietCitizens, resetMonth, testWorld } from './_test-world';
import { stepLearning } from './learning';
import { stepService } from './service';

/** Levers with no trials, chaos, peer learning, targets or mission; centralised (no devolution). */
const STILL: Partial<LeverValues> = {
	experimentation: 0,
	autonomy: 0,
	mission: 0,
	peerLearning: 0,
	devolution: 0,
	targets: 0
};

function learningWorld(levers: Partial<LeverValues> = {}, assumptions: Partial<AssumptionValues> = {}, seed = 1): World {
	const world = testWorld({ levers: { ...STILL, ...levers }, assumptions, seed });
	world.areas.fundingAdequacy.fill(1);
	world.providers.trialMonths.fill(0);
	world.providers.relationalOffset.fill(0);
	return world;
}

/** Distance of each provider's practice from a point on the circle (per provider). */
function distances(world: World, to: (k: number) => number): number[] {
	return Array.from({ length: world.providers.n }, (_, k) => Math.abs(circularDelta(world.providers.practice[k], to(k))));
}

describe('stepLearning: devolution and standardisation', () => {
	test('with full devolution and full local capacity, practice moves toward the area’s context', () => {
		const world = learningWorld({ devolution: 1 });
		world.areas.capacity.fill(1);
		world.areas.context.set([0.3, 0.6, 0.85]);
		world.providers.practice.fill(0);
		const context = (k: number) => world.areas.context[world.providers.area[k]];
		const before = distances(world, context);
		for (let m = 0; m < 60; m++) stepLearning(world);
		const after = distances(world, context);
		after.forEach((d, k) => {
			expect(d).toBeLessThan(before[k] * 0.2);
		});
	});

	test('devolution adapts practice more where local capacity is greater', () => {
		const capable = learningWorld({ devolution: 1 });
		const weak = learningWorld({ devolution: 1 }, { devolutionDrift: 0 });
		capable.areas.capacity.fill(1);
		weak.areas.capacity.fill(0.2);
		for (const world of [capable, weak]) {
			world.areas.context.fill(0.3);
			world.providers.practice.fill(0);
			for (let m = 0; m < 12; m++) stepLearning(world);
		}
		expect(mean(distances(capable, () => 0.3))).toBeLessThan(mean(distances(weak, () => 0.3)));
	});

	test('devolution without local capacity makes practice drift at random; with full capacity it does not', () => {
		const capable = learningWorld({ devolution: 1 });
		const weak = learningWorld({ devolution: 1 });
		capable.areas.capacity.fill(1);
		weak.areas.capacity.fill(0);
		for (const world of [capable, weak]) {
			// Practice already fits the place, so adaptation has nothing to do.
			for (let k = 0; k < world.providers.n; k++) world.providers.practice[k] = world.areas.context[world.providers.area[k]];
			stepLearning(world);
		}
		const context = (world: World) => (k: number) => world.areas.context[world.providers.area[k]];
		expect(Math.max(...distances(capable, context(capable)))).toBeLessThan(1e-12);
		expect(mean(distances(weak, context(weak)))).toBeGreaterThan(0.005);
	});

	test('funding shortfalls stretch local capacity: devolution adapts less where funding falls short', () => {
		const funded = learningWorld({ devolution: 1 }, { devolutionDrift: 0 });
		const underfunded = learningWorld({ devolution: 1 }, { devolutionDrift: 0 });
		funded.areas.capacity.fill(1);
		underfunded.areas.capacity.fill(1);
		underfunded.areas.fundingAdequacy.fill(0.4);
		for (const world of [funded, underfunded]) {
			world.areas.context.fill(0.3);
			world.providers.practice.fill(0);
			for (let m = 0; m < 12; m++) stepLearning(world);
		}
		expect(mean(distances(funded, () => 0.3))).toBeLessThan(mean(distances(underfunded, () => 0.3)));
	});

	test('without devolution, practice is pulled toward the national standard and the relational offset toward zero', () => {
		const world = learningWorld({ devolution: 0 });
		world.providers.practice.set([0.2, 0.8, 0.1, 0.9, 0.3, 0.7]);
		world.providers.relationalOffset.set([0.3, -0.3, 0.2, -0.2, 0.1, -0.1]);
		const before = distances(world, () => 0);
		const offsets = Array.from(world.providers.relationalOffset, Math.abs);
		for (let m = 0; m < 24; m++) stepLearning(world);
		distances(world, () => 0).forEach((d, k) => expect(d).toBeLessThan(before[k]));
		Array.from(world.providers.relationalOffset, Math.abs).forEach((o, k) => expect(o).toBeLessThan(offsets[k]));
	});

	test('full devolution switches the pull to the national standard off', () => {
		const world = learningWorld({ devolution: 1 }, { localAdaptRate: 0, devolutionDrift: 0 });
		world.providers.practice.fill(0.2);
		world.providers.relationalOffset.fill(0.3);
		for (let m = 0; m < 12; m++) stepLearning(world);
		expect(Array.from(world.providers.practice).every((x) => Math.abs(x - 0.2) < 1e-12)).toBe(true);
		expect(Array.from(world.providers.relationalOffset).every((x) => Math.abs(x - 0.3) < 1e-12)).toBe(true);
	});
});

describe('stepLearning: autonomy and mission', () => {
	function drift(mission: number): number {
		const world = learningWorld({ autonomy: 1, mission }, { standardisationRate: 0 }, 4);
		world.providers.practice.fill(0.5);
		for (let m = 0; m < 12; m++) stepLearning(world);
		return mean(distances(world, () => 0.5));
	}

	test('with autonomy and no mission practice drifts more than with a mission', () => {
		const chaotic = drift(0);
		expect(chaotic).toBeGreaterThan(0.01);
		expect(drift(1)).toBeLessThan(chaotic);
		expect(drift(0.5)).toBeLessThan(chaotic);
		expect(drift(0.5)).toBeGreaterThan(drift(1));
	});

	test('without autonomy practice does not drift', () => {
		const world = learningWorld({ autonomy: 0 }, { standardisationRate: 0 });
		world.providers.practice.fill(0.5);
		for (let m = 0; m < 12; m++) stepLearning(world);
		expect(Math.max(...distances(world, () => 0.5))).toBeLessThan(1e-12);
	});
});

describe('stepLearning: peer learning', () => {
	test('peer learning copies a better peer’s relational offset, and never a worse one’s', () => {
		const world = learningWorld({ peerLearning: 1 }, { peerRate: 1, standardisationRate: 0 });
		const pr = world.providers;
		pr.trueQuality.fill(0.9);
		pr.trueQuality[0] = 0.2;
		pr.relationalOffset.fill(0.3);
		pr.relationalOffset[0] = 0;
		stepLearning(world);
		expect(pr.relationalOffset[0]).toBeCloseTo(world.p.peerStep * 0.3, 12);
		for (let k = 1; k < pr.n; k++) expect(pr.relationalOffset[k]).toBe(0.3);
	});

	test('peers are judged by true success where outcomes are visible, by reported access under target pressure, and not at all with neither', () => {
		function copied(peerData: number, pressure: number): number {
			const world = learningWorld({ peerLearning: 1 }, { peerRate: 1, standardisationRate: 0, peerData });
			const pr = world.providers;
			pr.targetPressure.fill(pressure);
			// Provider 0 is worse on true success but better on reported performance.
			pr.trueQuality.fill(0.6);
			pr.trueQuality[0] = 0.3;
			pr.reportedPerformance.fill(0.2);
			pr.reportedPerformance[0] = 1;
			pr.relationalOffset.fill(0.3);
			pr.relationalOffset[0] = 0;
			stepLearning(world);
			return pr.relationalOffset[0];
		}
		expect(copied(1, 0)).toBeGreaterThan(0);
		expect(copied(0, 1)).toBe(0);
		expect(copied(0, 0)).toBe(0);
		// Equal weights: true success lower by 0.3, reported higher by 0.8 — provider 0 looks better and copies no one.
		expect(copied(1, 1)).toBe(0);
	});

	test('with neither visible outcomes nor target pressure, nobody is copied however different peers are', () => {
		const world = learningWorld({ peerLearning: 1 }, { peerRate: 1, standardisationRate: 0, peerData: 0 });
		const pr = world.providers;
		pr.targetPressure.fill(0);
		pr.trueQuality.set([0.1, 0.9, 0.1, 0.9, 0.1, 0.9]);
		pr.relationalOffset.set([0, 0.3, 0, 0.3, 0, 0.3]);
		stepLearning(world);
		expect(Array.from(pr.relationalOffset)).toEqual([0, 0.3, 0, 0.3, 0, 0.3]);
	});

	test('a provider copies a peer’s position only as far as their places are alike', () => {
		const world = learningWorld({ peerLearning: 1 }, { peerRate: 1, standardisationRate: 0 });
		const pr = world.providers;
		pr.trueQuality.fill(0.9);
		pr.trueQuality[0] = 0.2;
		pr.practice.fill(0.3);
		pr.practice[0] = 0;
		// Provider 0's area is opposite every other area on the circle: nothing to copy.
		world.areas.context.set([0.5, 0, 0]);
		stepLearning(world);
		expect(pr.practice[0]).toBeCloseTo(0, 12);
		// With the same context everywhere, it moves toward its peer's position.
		const alike = learningWorld({ peerLearning: 1 }, { peerRate: 1, standardisationRate: 0 });
		alike.providers.trueQuality.fill(0.9);
		alike.providers.trueQuality[0] = 0.2;
		alike.providers.practice.fill(0.3);
		alike.providers.practice[0] = 0;
		alike.areas.context.fill(0.1);
		stepLearning(alike);
		expect(alike.providers.practice[0]).toBeCloseTo(alike.p.peerStep * 0.3, 12);
	});
});

describe('stepLearning: trial verdicts', () => {
	/**
	 * Every provider ends a trial this month with the arms' counts given (arm 0 current practice,
	 * arm 1 the variant); the variant's practice and offset differ from the current ones.
	 */
	function endTrial(
		arms: { served: [number, number]; resolved: [number, number]; units: [number, number] },
		options: { levers?: Partial<LeverValues>; assumptions?: Partial<AssumptionValues>; pressure?: number } = {}
	) {
		const world = learningWorld(options.levers ?? {}, {
			standardisationRate: 0,
			missionConservatism: 0,
			peerData: 0,
			missionData: 0,
			trialData: 0,
			...options.assumptions
		});
		const pr = world.providers;
		pr.targetPressure.fill(options.pressure ?? 0);
		for (let k = 0; k < pr.n; k++) {
			pr.trialMonths[k] = 1;
			pr.practice[k] = 0.1;
			pr.relationalOffset[k] = 0;
			pr.trialPractice[k] = 0.2;
			pr.trialOffset[k] = 0.1;
			for (const arm of [0, 1]) {
				pr.trialServed[2 * k + arm] = arms.served[arm];
				pr.trialResolved[2 * k + arm] = arms.resolved[arm];
				pr.trialUnits[2 * k + arm] = arms.units[arm];
			}
		}
		stepLearning(world);
		const adopted = Array.from({ length: pr.n }, (_, k) => pr.practice[k] === 0.2 && pr.relationalOffset[k] === 0.1);
		expect(new Set(adopted).size).toBe(1);
		return { world, adopted: adopted[0] };
	}

	/** The variant resolves more at the same speed. */
	const better = { served: [100, 100] as [number, number], resolved: [60, 75] as [number, number], units: [120, 120] as [number, number] };
	/** The variant closes cases faster (fewer units each) but resolves fewer. */
	const faster = { served: [100, 100] as [number, number], resolved: [70, 55] as [number, number], units: [140, 100] as [number, number] };

	test('a variant that resolves more is adopted where providers can see outcomes', () => {
		expect(endTrial(better, { levers: { peerLearning: 1 }, assumptions: { peerData: 1, peerRate: 0 } }).adopted).toBe(true);
		expect(endTrial(better, { levers: { mission: 1 }, assumptions: { missionData: 1 } }).adopted).toBe(true);
	});

	test('a trial shows the team its own cases’ results as far as trialData says, even with no other outcome data', () => {
		expect(endTrial(better, { assumptions: { trialData: 0.5 } }).adopted).toBe(true);
		expect(endTrial(better, { assumptions: { trialData: 0 } }).adopted).toBe(false);
	});

	test('with neither visible outcomes nor target pressure a provider has no basis to judge, and keeps its practice', () => {
		expect(endTrial(better).adopted).toBe(false);
		expect(endTrial(faster).adopted).toBe(false);
	});

	test('under pure target pressure the faster variant wins even though it resolves less; where outcomes are seen it loses', () => {
		expect(endTrial(faster, { pressure: 1 }).adopted).toBe(true);
		expect(endTrial(faster, { assumptions: { trialData: 1 } }).adopted).toBe(false);
		// A variant that resolves more but more slowly loses under pure pressure.
		const slowerBetter = { served: [100, 100] as [number, number], resolved: [60, 75] as [number, number], units: [100, 140] as [number, number] };
		expect(endTrial(slowerBetter, { pressure: 1 }).adopted).toBe(false);
		expect(endTrial(slowerBetter, { assumptions: { trialData: 1 } }).adopted).toBe(true);
	});

	test('the verdict weighs resolution by outcome visibility against speed by target pressure', () => {
		// Resolution −0.15, speed +0.4: speed wins at equal weights, resolution wins when it weighs four times more.
		expect(endTrial(faster, { pressure: 1, assumptions: { trialData: 1 } }).adopted).toBe(true);
		expect(endTrial(faster, { pressure: 0.25, assumptions: { trialData: 1 } }).adopted).toBe(false);
		// Pressure beyond 1 (a failing rating) weighs no more than 1.
		expect(endTrial(faster, { pressure: 2, assumptions: { trialData: 1 } }).adopted).toBe(endTrial(faster, { pressure: 1, assumptions: { trialData: 1 } }).adopted);
	});

	test('a mission makes providers conservative: a variant must beat current practice by missionConservatism', () => {
		const slightly = { served: [100, 100] as [number, number], resolved: [60, 61] as [number, number], units: [120, 120] as [number, number] };
		const clearly = { served: [100, 100] as [number, number], resolved: [60, 66] as [number, number], units: [120, 120] as [number, number] };
		const conservative = { levers: { mission: 1 }, assumptions: { trialData: 1, missionConservatism: 0.03 } };
		expect(endTrial(slightly, conservative).adopted).toBe(false);
		expect(endTrial(clearly, conservative).adopted).toBe(true);
		expect(endTrial(slightly, { assumptions: { trialData: 1, missionConservatism: 0.03 } }).adopted).toBe(true);
	});

	test('an arm with no cases gives no verdict', () => {
		const empty = { served: [100, 0] as [number, number], resolved: [60, 0] as [number, number], units: [120, 0] as [number, number] };
		expect(endTrial(empty, { pressure: 1, assumptions: { trialData: 1 } }).adopted).toBe(false);
	});

	test('when a trial ends its counts are cleared', () => {
		const { world } = endTrial(better, { assumptions: { trialData: 1 } });
		expect(Array.from(world.providers.trialServed).every((x) => x === 0)).toBe(true);
		expect(Array.from(world.providers.trialResolved).every((x) => x === 0)).toBe(true);
		expect(Array.from(world.providers.trialUnits).every((x) => x === 0)).toBe(true);
		expect(world.providers.trialMonths.every((t) => t === 0)).toBe(true);
	});
});

describe('stepLearning: trials run through service', () => {
	/**
	 * Each provider trials a variant for trialMonths months, serving everyone who waits each
	 * month; returns whether each provider adopted the variant.
	 */
	function trialThroughService(
		variant: (world: World, k: number) => void,
		options: { levers?: Partial<LeverValues>; assumptions?: Partial<AssumptionValues> } = {}
	): boolean[] {
		const world = testWorld({
			// Every case takes the same work but for relational time (no integration saving on complex cases).
			levers: { ...STILL, targets: 0, inspection: 0, audit: 0, performancePay: 0, competition: 0, integration: 0, relational: 0.3, ...options.levers },
			assumptions: {
				casesPerWorker: 100,
				discretionBase: 0,
				trialMonths: 3,
				standardisationRate: 0,
				missionConservatism: 0,
				trialData: 0,
				peerData: 0,
				missionData: 0,
				...options.assumptions
			},
			month: 12
		});
		const pr = world.providers;
		for (let k = 0; k < pr.n; k++) {
			pr.practice[k] = world.areas.context[pr.area[k]];
			pr.relationalOffset[k] = 0;
			pr.trialMonths[k] = 3;
			pr.trialPractice[k] = pr.practice[k];
			pr.trialOffset[k] = 0;
			variant(world, k);
		}
		const chosen = Array.from({ length: pr.n }, (_, k) => [pr.trialPractice[k], pr.trialOffset[k]]);
		for (let m = 0; m < 3; m++) {
			quietCitizens(world);
			resetMonth(world);
			for (const i of citizensWhere(world, () => true)) {
				enqueue(world, i, world.citizens.homeProvider[i], world.month * DAYS_PER_MONTH - 1, { units: 1 });
			}
			stepService(world);
			stepLearning(world);
			world.month++;
		}
		return Array.from({ length: pr.n }, (_, k) => pr.practice[k] === chosen[k][0] && pr.relationalOffset[k] === chosen[k][1]);
	}

	/** A variant whose practice fits the place better than current practice. */
	const betterFit = (world: World, k: number) => {
		const context = world.areas.context[world.providers.area[k]];
		world.providers.practice[k] = (context + 0.4) % 1;
		world.providers.trialPractice[k] = context;
	};

	test('a better-fitting variant is adopted where providers see the outcomes of their trials', () => {
		const adopted = trialThroughService(betterFit, { assumptions: { trialData: 1 } });
		expect(adopted.filter(Boolean).length).toBeGreaterThanOrEqual(5);
	});

	test('a better-fitting variant that takes a little more relational time is rejected under pure target pressure, and adopted where outcomes are seen', () => {
		const betterButSlower = (world: World, k: number) => {
			betterFit(world, k);
			world.providers.trialOffset[k] = 0.05;
		};
		const pressed = trialThroughService(betterButSlower, { levers: { targets: 1, inspection: 1 }, assumptions: { breachDeferral: 0 } });
		expect(pressed.every((a) => !a)).toBe(true);
		const seen = trialThroughService(betterButSlower, { assumptions: { trialData: 1 } });
		expect(seen.filter(Boolean).length).toBeGreaterThanOrEqual(5);
	});

	test('under target pressure a less relational variant is adopted for its speed, though it resolves less; seen outcomes reject it', () => {
		const lessRelational = (world: World, k: number) => (world.providers.trialOffset[k] = -0.3);
		const underPressure = trialThroughService(lessRelational, { levers: { targets: 1, inspection: 1 }, assumptions: { breachDeferral: 0 } });
		expect(underPressure.every(Boolean)).toBe(true);
		const seen = trialThroughService(lessRelational, { assumptions: { trialData: 1, successRelational: 3 } });
		expect(seen.filter((a) => !a).length).toBeGreaterThanOrEqual(5);
	});
});

describe('stepLearning: starting trials', () => {
	test('without experimentation no trial starts', () => {
		const world = learningWorld({ experimentation: 0 }, { trialRate: 1 });
		for (let m = 0; m < 12; m++) stepLearning(world);
		expect(world.providers.trialMonths.every((t) => t === 0)).toBe(true);
	});

	test('a trial lasts trialMonths months, with a variant near current practice', () => {
		const world = learningWorld({ experimentation: 1 }, { trialRate: 1, trialMonths: 4 });
		const practice = Array.from(world.providers.practice);
		stepLearning(world);
		expect(world.providers.trialMonths.every((t) => t === 4)).toBe(true);
		for (let k = 0; k < world.providers.n; k++) {
			const step = Math.abs(circularDelta(practice[k], world.providers.trialPractice[k]));
			expect(step).toBeGreaterThan(0);
			expect(step).toBeLessThan(5 * world.p.trialStep);
			expect(Math.abs(world.providers.trialOffset[k])).toBeLessThanOrEqual(0.4);
		}
		for (let m = 0; m < 4; m++) stepLearning(world);
		// The trial ended at the fourth month; a new one begins the month after.
		expect(world.providers.trialMonths.every((t) => t === 0)).toBe(true);
	});
});

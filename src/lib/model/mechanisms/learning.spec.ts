import { describe, expect, test } from 'vitest';
import type { AssumptionValues, LeverValues } from '../parameters/registry';
import { circularDelta, type World } from '../world';
import { mean, testWorld } from './_test-world';
import { stepLearning } from './learning';

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

	test('peers are judged by true quality without targets and partly by reported performance under targets', () => {
		function copied(targets: number): number {
			const world = learningWorld({ peerLearning: 1, targets }, { peerRate: 1, standardisationRate: 0 });
			const pr = world.providers;
			// Provider 0 looks worse on true quality but better on reported performance.
			pr.trueQuality.fill(0.6);
			pr.trueQuality[0] = 0.3;
			pr.reportedPerformance.fill(0.2);
			pr.reportedPerformance[0] = 1;
			pr.relationalOffset.fill(0.3);
			pr.relationalOffset[0] = 0;
			stepLearning(world);
			return pr.relationalOffset[0];
		}
		expect(copied(0)).toBeGreaterThan(0);
		expect(copied(1)).toBe(0);
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

describe('stepLearning: trials', () => {
	/** Run trials for years, keeping the service's relational intensity in step with the offset. */
	function trialOffsets(targets: number, mission = 0): number {
		const world = learningWorld(
			{ experimentation: 1, targets, mission, relational: 0.3 },
			{ trialRate: 1, evaluationNoise: 0, standardisationRate: 0, missionConservatism: 0 },
			3
		);
		const pr = world.providers;
		for (let m = 0; m < 120; m++) {
			for (let k = 0; k < pr.n; k++) pr.relational[k] = Math.min(1, Math.max(0, 0.3 + pr.relationalOffset[k]));
			stepLearning(world);
		}
		return mean(Array.from(pr.relationalOffset));
	}

	test('trials judged by the reported metric learn less relational practice than trials judged by true value', () => {
		const byReported = trialOffsets(1);
		const byTruth = trialOffsets(0);
		expect(byReported).toBeLessThan(0);
		expect(byTruth).toBeGreaterThan(0);
	});

	test('a mission restores judging by true value under targets', () => {
		expect(trialOffsets(1, 1)).toBeGreaterThan(trialOffsets(1, 0));
	});

	test('trials judged by true value improve fit to the place', () => {
		const world = learningWorld(
			{ experimentation: 1, targets: 0, relational: 0.3 },
			{ trialRate: 1, evaluationNoise: 0, standardisationRate: 0, missionConservatism: 0 }
		);
		world.areas.context.fill(0.25);
		world.providers.practice.fill(0);
		world.providers.relational.fill(0.3);
		for (let m = 0; m < 120; m++) stepLearning(world);
		expect(mean(distances(world, () => 0.25))).toBeLessThan(0.2);
	});

	test('without experimentation no trial starts', () => {
		const world = learningWorld({ experimentation: 0 }, { trialRate: 1 });
		for (let m = 0; m < 12; m++) stepLearning(world);
		expect(world.providers.trialMonths.every((t) => t === 0)).toBe(true);
	});

	test('a trial lasts trialMonths months', () => {
		const world = learningWorld({ experimentation: 1 }, { trialRate: 1, trialMonths: 4 });
		stepLearning(world);
		expect(world.providers.trialMonths.every((t) => t === 4)).toBe(true);
		for (let m = 0; m < 4; m++) stepLearning(world);
		// The trial ended at the fourth month; a new one begins the month after.
		expect(world.providers.trialMonths.every((t) => t === 0)).toBe(true);
	});
});

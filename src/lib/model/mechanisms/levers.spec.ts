import { describe, expect, test } from 'vitest';
import { defaultLevers, LEVERS, type LeverValues } from '../parameters/registry';
import { testWorld } from './_test-world';
import { applyLevers } from './levers';

function climateOf(changes: Partial<LeverValues>) {
	const world = testWorld();
	applyLevers(world, { ...defaultLevers(), ...changes });
	return { ...world.climate };
}

describe('applyLevers: climate', () => {
	test('applyLevers puts every lever value in force', () => {
		const world = testWorld();
		const values = { ...defaultLevers() };
		LEVERS.forEach((lever, j) => (values[lever.id] = lever.min + ((lever.max - lever.min) * (j + 1)) / (LEVERS.length + 1)));
		applyLevers(world, values);
		expect(world.levers).toEqual(values);
	});

	test('the climate is more controlling with performance pay', () => {
		expect(climateOf({ performancePay: 1 }).controlling).toBeGreaterThan(climateOf({ performancePay: 0 }).controlling);
	});

	test('the climate is more controlling with targets, and with inspection and audit', () => {
		expect(climateOf({ targets: 1 }).controlling).toBeGreaterThan(climateOf({ targets: 0 }).controlling);
		expect(climateOf({ inspection: 1 }).controlling).toBeGreaterThan(climateOf({ inspection: 0 }).controlling);
		expect(climateOf({ audit: 1 }).controlling).toBeGreaterThan(climateOf({ audit: 0 }).controlling);
	});

	test('performance pay is more controlling than the same intensity of targets', () => {
		const none = { performancePay: 0, targets: 0 };
		expect(climateOf({ ...none, performancePay: 1 }).controlling).toBeGreaterThan(climateOf({ ...none, targets: 1 }).controlling);
	});

	test('a regime without pay, targets, inspection or audit is not controlling and has no reporting burden', () => {
		const climate = climateOf({ performancePay: 0, targets: 0, inspection: 0, audit: 0 });
		expect(climate.controlling).toBe(0);
		expect(climate.reportingBurden).toBe(0);
	});

	test('reporting burden rises with each of targets, inspection and audit, up to 1', () => {
		const none = { targets: 0, inspection: 0, audit: 0 };
		for (const lever of ['targets', 'inspection', 'audit'] as const) {
			expect(climateOf({ ...none, [lever]: 1 }).reportingBurden).toBeGreaterThan(0);
		}
		expect(climateOf({ targets: 1, inspection: 1, audit: 1 }).reportingBurden).toBeCloseTo(1, 12);
	});

	test('providers see true outcomes as far as a mission and learning networks each supply data, independently', () => {
		const bare = { mission: 0, peerLearning: 0 };
		const world = testWorld();
		const { missionData, peerData } = world.p;
		expect(climateOf(bare).outcomeVisibility).toBe(0);
		expect(climateOf({ ...bare, mission: 1 }).outcomeVisibility).toBeCloseTo(missionData, 12);
		expect(climateOf({ ...bare, peerLearning: 1 }).outcomeVisibility).toBeCloseTo(peerData, 12);
		expect(climateOf({ mission: 0.5, peerLearning: 0.8 }).outcomeVisibility).toBeCloseTo(1 - (1 - 0.5 * missionData) * (1 - 0.8 * peerData), 12);
		expect(climateOf({ mission: 1, peerLearning: 1 }).outcomeVisibility).toBeGreaterThan(climateOf({ mission: 1, peerLearning: 0 }).outcomeVisibility);
		// Targets and inspection publish reported figures, not true outcomes.
		expect(climateOf({ ...bare, targets: 1, inspection: 1, audit: 1 }).outcomeVisibility).toBe(0);
	});

	test('with full data from a mission, outcomes are wholly visible', () => {
		const world = testWorld({ assumptions: { missionData: 1 } });
		applyLevers(world, { ...defaultLevers(), mission: 1, peerLearning: 0 });
		expect(world.climate.outcomeVisibility).toBe(1);
	});

	test('overheads rise with the reporting burden, competition, outsourcing and mission', () => {
		const base = { targets: 0, inspection: 0, audit: 0, competition: 0, outsourcing: 0, mission: 0 };
		const overhead = climateOf(base).overheadShare;
		for (const lever of ['targets', 'inspection', 'audit', 'competition', 'outsourcing', 'mission'] as const) {
			expect(climateOf({ ...base, [lever]: 1 }).overheadShare, lever).toBeGreaterThan(overhead);
		}
	});
});

describe('applyLevers: integration transition cost', () => {
	test('the integration step cost appears in overheads after a rise, lasts 24 months and is gone after', () => {
		const world = testWorld({ levers: { integration: 0.3 } });
		const twin = testWorld({ levers: { integration: 0.3 } });
		const steps: number[] = [];
		const extra: number[] = [];
		for (let m = 0; m < 48; m++) {
			world.month = m;
			twin.month = m;
			applyLevers(world, { ...world.levers, integration: m >= 12 ? 0.8 : 0.3 });
			applyLevers(twin, { ...twin.levers, integration: 0.3 });
			steps.push(world.climate.integrationStep);
			extra.push(world.climate.overheadShare - twin.climate.overheadShare);
		}
		for (let m = 0; m < 12; m++) expect(steps[m]).toBe(0);
		for (let m = 12; m < 36; m++) {
			expect(steps[m]).toBeCloseTo(0.5, 12);
			expect(extra[m]).toBeGreaterThan(0);
		}
		for (let m = 36; m < 48; m++) {
			expect(steps[m]).toBe(0);
			expect(extra[m]).toBeCloseTo(0, 12);
		}
	});

	test('a bigger rise in integration costs more while it lasts', () => {
		const small = testWorld({ levers: { integration: 0.2 } });
		const big = testWorld({ levers: { integration: 0.2 } });
		small.month = 5;
		big.month = 5;
		applyLevers(small, { ...small.levers, integration: 0.4 });
		applyLevers(big, { ...big.levers, integration: 0.9 });
		expect(big.climate.overheadShare).toBeGreaterThan(small.climate.overheadShare);
	});

	test('a fall in integration costs nothing', () => {
		const world = testWorld({ levers: { integration: 0.8 } });
		for (let m = 0; m < 30; m++) {
			world.month = m;
			applyLevers(world, { ...world.levers, integration: 0.2 });
			expect(world.climate.integrationStep).toBe(0);
		}
	});

	test('the history works in spin-up months (negative months) as in recorded ones', () => {
		const world = testWorld({ levers: { integration: 0.3 }, month: -24 });
		const seen: number[] = [];
		for (let m = -24; m < 10; m++) {
			world.month = m;
			applyLevers(world, { ...world.levers, integration: m >= -5 ? 0.6 : 0.3 });
			seen.push(world.climate.integrationStep);
		}
		// Rise at month -5: charged for months -5..9 (all within 24 months of the rise).
		expect(seen.slice(0, 19).every((s) => s === 0)).toBe(true);
		expect(seen.slice(19).every((s) => Math.abs(s - 0.3) < 1e-12)).toBe(true);
	});
});

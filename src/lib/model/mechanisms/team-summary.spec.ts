import { describe, expect, test } from 'vitest';
import type { LeverValues } from '../parameters/registry';
import type { World } from '../world';
import { activeWorkers, keepStaff, setLevers, setWorkers, sum, testWorld } from './_test-world';
import { summariseTeams } from './team-summary';

/** Levers that leave effort and frontline time untouched, so one can be changed at a time. */
const NEUTRAL: Partial<LeverValues> = {
	targets: 0,
	inspection: 0,
	audit: 0,
	performancePay: 0,
	efficiency: 0,
	autonomy: 0,
	peerLearning: 0
};

/** A world whose workers are all alike, with the given levers; returns it summarised. */
function team(
	traits: { intrinsic?: number; skill?: number; burnout?: number; gaming?: number },
	levers: Partial<LeverValues> = {}
): World {
	const world = testWorld({ levers: { ...NEUTRAL, ...levers } });
	setWorkers(world, { intrinsic: 0.5, motivation: 0.5, skill: 0.5, burnout: 0, gaming: 0, ...traits });
	world.providers.failingMonths.fill(0);
	summariseTeams(world);
	return world;
}

const capacity = (world: World) => sum(world.providers.capacity);

describe('summariseTeams: capacity', () => {
	test('capacity rises with skill', () => {
		expect(capacity(team({ skill: 0.9 }))).toBeGreaterThan(capacity(team({ skill: 0.3 })));
	});

	test('capacity falls with burnout (only once workers are burnt out)', () => {
		expect(capacity(team({ burnout: 0.8 }))).toBeLessThan(capacity(team({ burnout: 0.2 })));
		expect(capacity(team({ burnout: 0.45 }))).toBeCloseTo(capacity(team({ burnout: 0.05 })), 9);
	});

	test('capacity grows with the number of active staff; vacant slots add nothing', () => {
		const world = team({});
		const full = world.providers.capacity[0];
		keepStaff(world, 0, Math.floor(world.providers.staff[0] / 2));
		summariseTeams(world);
		expect(world.providers.capacity[0]).toBeLessThan(full * 0.6);
		keepStaff(world, 0, 0);
		summariseTeams(world);
		expect(world.providers.capacity[0]).toBe(0);
		expect(world.providers.staff[0]).toBe(0);
	});

	test('target pressure raises the effort of low-intrinsic workers more than that of high-intrinsic ones', () => {
		const knavesWith = capacity(team({ intrinsic: 0.1 }, { targets: 1, inspection: 1 }));
		const knavesWithout = capacity(team({ intrinsic: 0.1 }, { targets: 0, inspection: 1 }));
		const knightsWith = capacity(team({ intrinsic: 0.9 }, { targets: 1, inspection: 1 }));
		const knightsWithout = capacity(team({ intrinsic: 0.9 }, { targets: 0, inspection: 1 }));
		expect(knavesWith / knavesWithout).toBeGreaterThan(knightsWith / knightsWithout);
		expect(knavesWith).toBeGreaterThan(knavesWithout);
	});

	test('autonomy lets low-intrinsic workers ease off more than high-intrinsic ones', () => {
		const knaves = capacity(team({ intrinsic: 0.1 }, { autonomy: 1 })) / capacity(team({ intrinsic: 0.1 }));
		const knights = capacity(team({ intrinsic: 0.9 }, { autonomy: 1 })) / capacity(team({ intrinsic: 0.9 }));
		expect(knaves).toBeLessThan(knights);
		expect(knaves).toBeLessThan(1);
	});

	test('performance pay and an efficiency drive raise everyone’s effort', () => {
		const base = capacity(team({ intrinsic: 1 }));
		expect(capacity(team({ intrinsic: 1 }, { performancePay: 1 }))).toBeGreaterThan(base);
		expect(capacity(team({ intrinsic: 1 }, { efficiency: 1 }))).toBeGreaterThan(base);
	});

	test('reporting burden and peer learning take frontline time', () => {
		// Fully intrinsic workers: extrinsic pressure does not change their effort.
		const base = capacity(team({ intrinsic: 1 }));
		expect(capacity(team({ intrinsic: 1 }, { audit: 1 }))).toBeLessThan(base);
		expect(capacity(team({ intrinsic: 1 }, { targets: 1, inspection: 1, audit: 1 }))).toBeLessThan(
			capacity(team({ intrinsic: 1 }, { audit: 1 }))
		);
		expect(capacity(team({ intrinsic: 1 }, { peerLearning: 1 }))).toBeLessThan(base);
	});

	test('more cases per worker give proportionally more capacity', () => {
		const world = testWorld({ levers: NEUTRAL, assumptions: { casesPerWorker: 3.4 } });
		const other = testWorld({ levers: NEUTRAL, assumptions: { casesPerWorker: 1.7 } });
		summariseTeams(world);
		summariseTeams(other);
		expect(capacity(world) / capacity(other)).toBeCloseTo(2, 9);
	});
});

describe('summariseTeams: pressure and team means', () => {
	test('target pressure rises with targets and inspection stakes, and more for a provider rated failing', () => {
		const world = team({}, { targets: 0.5, inspection: 0 });
		const lowStakes = world.providers.targetPressure[0];
		setLevers(world, { inspection: 1 });
		world.providers.failingMonths[1] = 6;
		summariseTeams(world);
		expect(world.providers.targetPressure[0]).toBeGreaterThan(lowStakes);
		expect(world.providers.targetPressure[1]).toBeGreaterThan(world.providers.targetPressure[0]);
		setLevers(world, { targets: 0 });
		summariseTeams(world);
		expect(world.providers.targetPressure[1]).toBe(0);
	});

	test('team means count only active workers', () => {
		const world = team({ skill: 0.5, burnout: 0.1 });
		const slots = activeWorkers(world, 0);
		world.workers.active[slots[0]] = 0;
		world.workers.skill[slots[0]] = 0; // a vacant slot's stale values must not count
		world.workers.burnout[slots[0]] = 1;
		world.workers.burnout[slots[1]] = 0.9;
		summariseTeams(world);
		expect(world.providers.staff[0]).toBe(slots.length - 1);
		expect(world.providers.meanSkill[0]).toBeCloseTo(0.5, 6);
		expect(world.providers.burnoutShare[0]).toBeCloseTo(1 / (slots.length - 1), 12);
	});
});

describe('summariseTeams: hide chance', () => {
	function hideChance(culture: number, gamingShare: number): number {
		const world = team({ gaming: 0 });
		const slots = activeWorkers(world, 0);
		const gamers = Math.round(gamingShare * slots.length);
		slots.forEach((i, j) => (world.workers.gaming[i] = j < gamers ? 1 : 0));
		world.providers.culture[0] = culture;
		summariseTeams(world);
		return world.providers.hideChance[0];
	}

	test('nothing is hidden with no culture and no gaming', () => {
		expect(hideChance(0, 0)).toBe(0);
	});

	test('with no one gaming the hide chance is the recording culture', () => {
		expect(hideChance(0.3, 0)).toBeCloseTo(0.3, 12);
	});

	test('the hide chance combines culture and gaming: it rises with each, above either alone', () => {
		const both = hideChance(0.3, 0.5);
		expect(both).toBeGreaterThan(hideChance(0.3, 0));
		expect(both).toBeGreaterThan(hideChance(0, 0.5));
		expect(both).toBeLessThan(1);
	});

	test('everything is hidden when everyone games or the culture hides all breaches', () => {
		expect(hideChance(0.2, 1)).toBe(1);
		expect(hideChance(1, 0)).toBe(1);
	});
});

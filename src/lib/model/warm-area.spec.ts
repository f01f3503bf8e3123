import { describe, expect, test } from 'vitest';
import { differences, runMonths, testWorld } from './mechanisms/_test-world';
import { cloneWorld } from './settled-cache';
import { WARM_AREAS_FROM_CITIZENS, warmArea } from './warm-area';

describe('warming areas before service', () => {
	test('a world run with the service step warming every area ends exactly where the same world without it does', () => {
		const world = testWorld({ seed: 5, levers: { targets: 0.8, competition: 0.6, choice: 0.5 } });
		runMonths(world, 3);
		const warmed = cloneWorld(world);
		expect(world.warmServiceAreas).toBe(false);
		warmed.warmServiceAreas = true;
		runMonths(world, 6);
		runMonths(warmed, 6);
		expect(warmed.providers.monthServed.reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
		expect(differences(world, warmed)).toEqual([]);
	});

	test('warming an area reads its citizens and changes nothing', () => {
		const world = testWorld({ seed: 2 });
		runMonths(world, 2);
		const before = cloneWorld(world);
		for (let a = 0; a < world.areas.n; a++) warmArea(world, a);
		expect(differences(world, before)).toEqual([]);
	});

	test('only populations of WARM_AREAS_FROM_CITIZENS or more warm their areas', () => {
		expect(testWorld({ population: { citizens: 20_000, areas: 12 } }).warmServiceAreas).toBe(false);
		expect(testWorld({ population: { citizens: WARM_AREAS_FROM_CITIZENS, areas: 12 } }).warmServiceAreas).toBe(true);
	});
});

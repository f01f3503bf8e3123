/** Priming a thread's engine: it must leave every number, and the thread's cache, as they were. */
import { describe, expect, test } from 'vitest';
import { defaultAssumptions, LEVERS, runModel, sharedSettledCache, type LeverId, type RunInput } from '../model/index';
import { primeEngine } from './prime';

function input(seed: number): RunInput {
	const months = 24;
	const levers = {} as Record<LeverId, Float64Array>;
	for (const lever of LEVERS) levers[lever.id] = new Float64Array(months).fill(lever.id === 'autonomy' ? 0.6 : lever.default);
	return { levers, assumptions: defaultAssumptions(), population: { citizens: 3600, areas: 3, providersPerArea: 2 }, months, seed, detail: true };
}

describe('primeEngine', () => {
	test('builds two settled states and restores one, in a cache of its own', () => {
		runModel(input(41));
		const cached = sharedSettledCache.size;
		expect(primeEngine()).toBe(2);
		expect(sharedSettledCache.size).toBe(cached);
	});

	test('changes no number a run gives afterwards, fresh or from the cache', () => {
		const before = runModel(input(42), { cache: null });
		primeEngine();
		const fresh = runModel(input(42), { cache: null });
		expect(Array.from(fresh.series)).toEqual(Array.from(before.series));
		expect(fresh.detail).toEqual(before.detail);
		runModel(input(43));
		primeEngine();
		const restored = runModel(input(43));
		expect(Array.from(restored.series)).toEqual(Array.from(runModel(input(43), { cache: null }).series));
	});
});

/**
 * Prime a new thread's JavaScript engine for model runs, before its first real run.
 *
 * V8 records, for each object shape, what its fields hold ("always a Float64Array", "never
 * written since the object was made") and optimised code relies on those records. A thread's
 * first runs break them, each once: the second world built widens every column field to "any
 * object"; the first settled state copied into the cache, and the first restored from it, make
 * the fields writable. Each time, every mechanism optimised so far is thrown away in mid-run and
 * compiled again. Measured in Chromium workers, the first default run took 1.0–1.8 s, the second
 * fresh one 0.6–0.7 s and the first re-run 0.3 s, against 0.23 s, 0.23 s and 0.13 s warm.
 *
 * Priming does those three things once, on a world of 400 citizens with the shortest spin-up,
 * its re-run with every lever moved, so that the engine has also seen the levers' branches.
 * It uses a cache of its own, so the thread's cache of settled states and every number a real
 * run gives are untouched.
 */
import {
	ASSUMPTIONS,
	defaultAssumptions,
	defaultLevers,
	LEVERS,
	minimumCitizens,
	runModel,
	SettledStateCache,
	type LeverId,
	type RunInput
} from '../model/index';

const MONTHS = 2;

/** Run the three priming runs; returns the settled states built (2: one re-run came from the cache). */
export function primeEngine(): number {
	const spinUpMonths = ASSUMPTIONS.find((a) => a.id === 'spinUpMonths')!.min; // the shortest spin-up allowed
	const assumptions = { ...defaultAssumptions(), spinUpMonths };
	const population = { citizens: 0, areas: 2, providersPerArea: 2 };
	population.citizens = minimumCitizens(assumptions.postsPer1000, population);
	const statusQuo = defaultLevers();
	const schedules = (moved: boolean) =>
		Object.fromEntries(
			LEVERS.map((lever) => [lever.id, new Float64Array(MONTHS).fill(moved ? (lever.min + lever.max) / 2 : statusQuo[lever.id])])
		) as Record<LeverId, Float64Array>;
	const input = (seed: number, moved: boolean): RunInput => ({ levers: schedules(moved), assumptions, population, months: MONTHS, seed });
	const cache = new SettledStateCache();
	runModel(input(1, false), { cache }); // a world built, settled and copied into the cache
	runModel(input(1, true), { cache }); // restored from the cache, every lever moved
	runModel(input(2, false), { cache }); // a second world built
	return cache.size;
}

import { describe, expect, test } from 'vitest';
import { columns, differences, runMonths, testWorld } from './mechanisms/_test-world';
import { runModel, stepMonth, type RunInput, type RunOutput } from './model';
import { defaultAssumptions, defaultLevers, LEVERS, type LeverValues } from './parameters/registry';
import { cloneWorld, restoreInto, SettledStateCache, settledKey } from './settled-cache';
import { createWorld, type Population, type World } from './world';
import { MIN_SPIN_UP_MONTHS } from './spin-up';

/** The smallest population the default assumptions allow for 3 areas × 2 providers, for fast runs. */
const TINY: Population = { citizens: 600, areas: 3, providersPerArea: 2 };

function input(levers: Partial<LeverValues> = {}, options: { seed?: number; months?: number; detail?: boolean } = {}): RunInput {
	const months = options.months ?? 18;
	const values = { ...defaultLevers(), ...levers };
	const schedule = Object.fromEntries(LEVERS.map((l) => [l.id, new Float64Array(months).fill(values[l.id])])) as RunInput['levers'];
	return { levers: schedule, assumptions: defaultAssumptions(), population: TINY, months, seed: options.seed ?? 3, detail: options.detail };
}

/** Two runs agree bit for bit: every number of every series (NaN where NaN), and the spin-up. */
function expectIdentical(a: RunOutput, b: RunOutput): void {
	expect(b.spinUp).toEqual(a.spinUp);
	expect(b.series.length).toBe(a.series.length);
	let differ = 0;
	for (let j = 0; j < a.series.length; j++) if (!Object.is(a.series[j], b.series[j])) differ++;
	expect(differ).toBe(0);
}

/** Bytes of a world's typed arrays (what a cached copy costs, give or take its few plain numbers). */
function arrayBytes(world: World): number {
	let bytes = 0;
	for (const column of columns(world).values()) bytes += (column as unknown as ArrayBufferView).byteLength;
	return bytes;
}

describe('runModel with a cache of settled states', () => {
	test('a run that restores its settled state from the cache gives exactly the numbers of a run that spins up', () => {
		const cache = new SettledStateCache();
		const fresh = runModel(input(), { cache: null });
		const first = runModel(input(), { cache });
		expect(cache.size).toBe(1);
		const restored = runModel(input(), { cache });
		expect(cache.size).toBe(1);
		expectIdentical(fresh, first);
		expectIdentical(fresh, restored);
		expect(fresh.spinUp.months).toBeGreaterThanOrEqual(MIN_SPIN_UP_MONTHS);
	});

	test('runs of other levers on the same seed share the settled state, and still match runs without the cache', () => {
		const cache = new SettledStateCache();
		runModel(input(), { cache });
		const reform = { targets: 1, competition: 0.8, mission: 0.6 };
		expectIdentical(runModel(input(reform), { cache: null }), runModel(input(reform), { cache }));
		expect(cache.size).toBe(1);
		// With detail, the histograms and snapshots match too.
		const a = runModel(input(reform, { detail: true }), { cache: null });
		const b = runModel(input(reform, { detail: true }), { cache });
		expectIdentical(a, b);
		expect(Array.from(b.detail!.trueWaits)).toEqual(Array.from(a.detail!.trueWaits));
		expect(b.detail!.providers).toEqual(a.detail!.providers);
	});

	test('another seed is another settled state', () => {
		const cache = new SettledStateCache();
		const one = runModel(input({}, { seed: 3 }), { cache });
		const other = runModel(input({}, { seed: 4 }), { cache });
		expect(cache.size).toBe(2);
		expect(Array.from(other.series)).not.toEqual(Array.from(one.series));
		expectIdentical(runModel(input({}, { seed: 4 }), { cache: null }), other);
	});

	test('a population below the minimum for its providers is refused, naming the minimum', () => {
		const small = { ...input(), population: { ...TINY, citizens: TINY.citizens - 1 } };
		expect(() => runModel(small, { cache: null })).toThrow(RangeError);
		expect(() => runModel(small, { cache: null })).toThrow(/minimum of 600/);
		const run = runModel({ ...input(), months: 1 }, { cache: null });
		expect(run.months).toBe(1);
	});
});

describe('cloneWorld', () => {
	test('a clone is an exact copy, and the two go on identically when stepped alike', () => {
		const world = testWorld();
		runMonths(world, 6);
		const copy = cloneWorld(world);
		expect(differences(world, copy)).toEqual([]);
		expect(copy.month).toBe(world.month);
		runMonths(world, 3);
		runMonths(copy, 3);
		expect(differences(world, copy)).toEqual([]);
		expect(world.streams.events.next()).toBe(copy.streams.events.next());
	});

	test('a clone shares no state with its original: arrays, objects and random streams are its own', () => {
		const world = testWorld();
		runMonths(world, 2);
		const copy = cloneWorld(world);
		const before = cloneWorld(world);
		copy.citizens.trust.fill(0);
		copy.providers.culture.fill(1);
		copy.p.onsetRate = 1;
		copy.levers.targets = 0.99;
		copy.climate.controlling = 99;
		copy.streams.citizens.next();
		stepMonth(copy, { ...copy.levers });
		expect(differences(world, before)).toEqual([]);
		expect(world.p.onsetRate).toBe(before.p.onsetRate);
		expect(world.levers.targets).toBe(before.levers.targets);
		expect(world.climate.controlling).toBe(before.climate.controlling);
		expect(world.streams.citizens.next()).toBe(before.streams.citizens.next());
	});
});

describe('SettledStateCache', () => {
	const worlds = [1, 2, 3, 4].map((seed) => testWorld({ population: TINY, seed }));
	const size = arrayBytes(worlds[0]);

	test('get gives a fresh copy each time: changing it, or the world it was stored from, leaves the cache as it was', () => {
		const cache = new SettledStateCache();
		const world = testWorld({ population: TINY });
		const reference = cloneWorld(world);
		cache.set('a', world, 96, true);
		world.citizens.trust.fill(0);
		const first = cache.get('a')!;
		expect(first.months).toBe(96);
		expect(first.settled).toBe(true);
		expect(differences(reference, first.world)).toEqual([]);
		first.world.providers.culture.fill(1);
		expect(differences(reference, cache.get('a')!.world)).toEqual([]);
		expect(cache.get('missing')).toBeUndefined();
	});

	test('get restores into the world last released (the same objects), and only once', () => {
		const cache = new SettledStateCache();
		const settled = testWorld({ population: TINY, seed: 1 });
		cache.set('a', settled, 96, true);
		const finished = testWorld({ population: TINY, seed: 2 });
		const citizens = finished.citizens;
		cache.release(finished);
		const restored = cache.get('a')!.world;
		expect(restored).toBe(finished);
		expect(restored.citizens).toBe(citizens);
		expect(differences(settled, restored)).toEqual([]);
		// Nothing released since: the next is a copy of its own.
		const next = cache.get('a')!.world;
		expect(next).not.toBe(finished);
		expect(differences(settled, next)).toEqual([]);
	});

	test('storing under a key already held keeps the first', () => {
		const cache = new SettledStateCache();
		cache.set('a', worlds[0], 96, true);
		cache.set('a', worlds[1], 120, false);
		expect(cache.size).toBe(1);
		expect(cache.get('a')!.months).toBe(96);
		expect(differences(worlds[0], cache.get('a')!.world)).toEqual([]);
	});

	test('beyond its memory budget the least recently used state is dropped', () => {
		expect(size).toBeGreaterThan(100_000);
		// Room for two worlds, not three.
		const cache = new SettledStateCache(Math.floor(2.5 * size));
		cache.set('a', worlds[0], 1, true);
		cache.set('b', worlds[1], 2, true);
		expect(cache.size).toBe(2);
		cache.set('c', worlds[2], 3, true);
		expect(cache.size).toBe(2);
		expect(cache.get('a')).toBeUndefined();
		// Reading b makes c the least recently used.
		expect(cache.get('b')!.months).toBe(2);
		cache.set('d', worlds[3], 4, true);
		expect(cache.get('c')).toBeUndefined();
		expect(cache.get('b')!.months).toBe(2);
		expect(cache.get('d')!.months).toBe(4);
	});

	test('a state larger than the whole budget is not kept, and clear empties the cache', () => {
		const tight = new SettledStateCache(Math.floor(size / 2));
		tight.set('a', worlds[0], 1, true);
		expect(tight.size).toBe(0);
		const cache = new SettledStateCache();
		cache.set('a', worlds[0], 1, true);
		cache.set('b', worlds[1], 1, true);
		cache.clear();
		expect(cache.size).toBe(0);
		expect(cache.get('a')).toBeUndefined();
		// After clearing, the whole budget is free again.
		const two = new SettledStateCache(Math.floor(2.5 * size));
		two.set('a', worlds[0], 1, true);
		two.set('b', worlds[1], 1, true);
		two.clear();
		two.set('c', worlds[2], 1, true);
		two.set('d', worlds[3], 1, true);
		expect(two.size).toBe(2);
	});
});

describe('restoring into the world of a finished run', () => {
	test('restoreInto copies into the target\'s own objects and arrays, so the restored world equals the source', () => {
		const source = testWorld({ population: TINY, seed: 1 });
		runMonths(source, 4);
		const target = testWorld({ population: TINY, seed: 2 });
		runMonths(target, 9);
		const { citizens, providers, streams, tallies } = target;
		const trust = citizens.trust;
		const restored = restoreInto(target, source) as World;
		expect(restored).toBe(target);
		// The same objects (their hidden classes with them), now holding the source's values.
		expect(target.citizens).toBe(citizens);
		expect(target.citizens.trust).toBe(trust);
		expect(target.providers).toBe(providers);
		expect(target.streams.events).toBe(streams.events);
		expect(target.tallies).toBe(tallies);
		expect(differences(source, target)).toEqual([]);
		expect(target.month).toBe(source.month);
		// Nothing is shared with the source, and both go on alike.
		expect(target.citizens.trust).not.toBe(source.citizens.trust);
		runMonths(source, 3);
		runMonths(target, 3);
		expect(differences(source, target)).toEqual([]);
		expect(target.streams.citizens.next()).toBe(source.streams.citizens.next());
	});

	test('where shapes differ, the target gets a copy of the source\'s value', () => {
		const target = { a: new Float64Array(2), b: [new Int32Array(1)], c: { x: 1 }, d: null as unknown, e: 'kept?' };
		const source = { a: new Float64Array([1, 2, 3]), b: [new Int32Array([4, 5])], c: { x: 2, y: 3 }, d: { z: new Uint8Array([6]) }, e: 'replaced' };
		const out = restoreInto(target, source) as typeof source;
		expect(out).toBe(target);
		expect(Array.from(out.a)).toEqual([1, 2, 3]);
		expect(out.a).not.toBe(source.a);
		expect(Array.from(out.b[0])).toEqual([4, 5]);
		expect(out.c).toEqual({ x: 2, y: 3 });
		expect(out.c).not.toBe(source.c);
		expect(Array.from(out.d.z)).toEqual([6]);
		expect(out.d.z).not.toBe(source.d.z);
		expect(out.e).toBe('replaced');
		// A typed array of another type is not written into either.
		const mixed = restoreInto({ a: new Float32Array(3) }, { a: new Float64Array([0.1, 0.2, 0.3]) }) as { a: Float64Array };
		expect(mixed.a).toBeInstanceOf(Float64Array);
		expect(Array.from(mixed.a)).toEqual([0.1, 0.2, 0.3]);
	});

	test('a re-run restores into the world the last run released, and never writes into its caller\'s assumptions', () => {
		const cache = new SettledStateCache();
		// Another seed and another value of an assumption: a state of its own, spun up and cached.
		const other = input({}, { seed: 4 });
		other.assumptions = { ...other.assumptions, onsetRate: other.assumptions.onsetRate * 1.1 };
		const spunUp = runModel(other, { cache });
		// The first input's run is the last released: its world (holding the caller's objects) is restored into next.
		const first = input({}, { seed: 3 });
		runModel(first, { cache });
		const before = { ...first.assumptions };
		const population = { ...first.population };
		const again = { ...other, assumptions: { ...other.assumptions } };
		expectIdentical(spunUp, runModel(again, { cache }));
		expect(first.assumptions).toEqual(before);
		expect(first.population).toEqual(population);
		// And the first seed's state comes back exactly, into the world the last run released.
		expectIdentical(runModel(first, { cache: null }), runModel(first, { cache }));
	});
});

describe('a world built where a finished run worked', () => {
	/** Every byte of a world's arena. */
	const bytesOf = (world: World) => Array.from(new Uint8Array(world.arena.buffer, 0, world.arena.bytes));
	const build = (seed: number, population: Population, spare?: World['arena']) =>
		createWorld(defaultAssumptions(), defaultLevers(), population, seed, 0, false, 0, spare);

	test('is built in that arena, byte for byte as in a new one, and runs on as a world built anew does', () => {
		// A world run for some months: every column, the working ones too, holds something.
		const finished = testWorld({ population: TINY, seed: 2 });
		runMonths(finished, 4);
		const spare = finished.arena;
		expect(bytesOf(finished).some((b) => b !== 0)).toBe(true);
		const rebuilt = build(5, TINY, spare);
		const anew = build(5, TINY);
		expect(rebuilt.arena).toBe(spare);
		expect(anew.arena).not.toBe(spare);
		expect(bytesOf(rebuilt)).toEqual(bytesOf(anew));
		expect(differences(rebuilt, anew)).toEqual([]);
		// The arena's kernels, kept with it, run the new world's months.
		runMonths(rebuilt, 3);
		runMonths(anew, 3);
		expect(differences(rebuilt, anew)).toEqual([]);
		expect(bytesOf(rebuilt)).toEqual(bytesOf(anew));
	});

	test('an arena of another size, or a dormant one (a kept state), is not used', () => {
		const other = testWorld({ population: { ...TINY, citizens: 700 }, seed: 2 });
		expect(build(5, TINY, other.arena).arena).not.toBe(other.arena);
		const dormant = cloneWorld(testWorld({ population: TINY, seed: 2 }), false);
		expect(dormant.arena.live).toBe(false);
		expect(build(5, TINY, dormant.arena).arena).not.toBe(dormant.arena);
	});

	test('the cache hands the released world\'s arena out once, and no longer restores into that world', () => {
		const cache = new SettledStateCache();
		const settled = testWorld({ population: TINY, seed: 1 });
		cache.set('a', settled, 96, true);
		const finished = testWorld({ population: TINY, seed: 2 });
		cache.release(finished);
		expect(cache.takeSpareArena()).toBe(finished.arena);
		expect(cache.takeSpareArena()).toBeUndefined();
		const restored = cache.get('a')!.world;
		expect(restored).not.toBe(finished);
		expect(differences(settled, restored)).toEqual([]);
	});

	test('a new seed run after another with the cache gives exactly the numbers of a run on its own', () => {
		const cache = new SettledStateCache();
		runModel(input({ targets: 1 }, { seed: 6 }), { cache });
		const after = runModel(input({}, { seed: 7 }), { cache });
		expectIdentical(runModel(input({}, { seed: 7 }), { cache: null }), after);
	});
});

describe('settledKey', () => {
	const p = defaultAssumptions();

	test('the same assumptions, population and seed give the same key', () => {
		expect(settledKey({ ...p }, { ...TINY }, 5)).toBe(settledKey(p, TINY, 5));
	});

	test('any assumption, the population or the seed changes the key', () => {
		const base = settledKey(p, TINY, 5);
		expect(settledKey(p, TINY, 6)).not.toBe(base);
		expect(settledKey(p, { ...TINY, citizens: 601 }, 5)).not.toBe(base);
		expect(settledKey(p, { ...TINY, areas: 4 }, 5)).not.toBe(base);
		expect(settledKey(p, { ...TINY, providersPerArea: 3 }, 5)).not.toBe(base);
		const keys = new Set<string>([base]);
		for (const id of Object.keys(p) as (keyof typeof p)[]) keys.add(settledKey({ ...p, [id]: p[id] + 0.001 }, TINY, 5));
		expect(keys.size).toBe(Object.keys(p).length + 1);
	});
});

import { ASSUMPTIONS, type AssumptionValues } from './parameters/registry';
import type { Population, World } from './world';
import { Arena, type Column } from './arena';

/**
 * Settled states of the world, kept so that runs sharing assumptions, population and seed (every
 * lever change in the workbench, every paired baseline) skip the spin-up. A restored world is an
 * exact copy of the one the spin-up produced, so results are identical with or without the cache.
 * Least recently used entries are dropped beyond a memory budget.
 *
 * A settled state is restored into the world of a finished run, handed back with `release`, by
 * copying every column into it. A world rebuilt object by object would be as exact, but its
 * objects would not share hidden classes with those `createWorld` makes: every property read in
 * the model's compiled loops would then meet two shapes instead of one, which V8 handles with
 * slower, polymorphic code for the rest of the thread's life (re-runs measured about 10% slower).
 */
export class SettledStateCache {
	private readonly entries = new Map<string, { world: World; months: number; settled: boolean; bytes: number }>();
	private bytes = 0;
	/** A finished run's world, kept to restore the next settled state into. */
	private spare: World | undefined;

	constructor(readonly maxBytes = 256 * 1024 * 1024) {}

	/** A fresh copy of the settled world stored under `key` (restored into the released world if there is one), or undefined. */
	get(key: string): { world: World; months: number; settled: boolean } | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		this.entries.delete(key);
		this.entries.set(key, entry);
		const spare = this.spare;
		this.spare = undefined;
		const world = spare ? restoreWorld(spare, entry.world) : cloneWorld(entry.world, true);
		return { world, months: entry.months, settled: entry.settled };
	}

	/** Take back the world of a run that is over, to restore the next settled state into. */
	release(world: World): void {
		// The run's output holds its histograms: they are never written into again.
		world.waitHistogram = null;
		this.spare = world;
	}

	/** The released world's arena, for a world about to be built (createWorld); the world is no longer kept. */
	takeSpareArena(): Arena | undefined {
		const arena = this.spare?.arena;
		this.spare = undefined;
		return arena;
	}

	/** Keep a copy of `world` under `key` (the caller goes on changing its own). */
	set(key: string, world: World, months: number, settled: boolean): void {
		if (this.entries.has(key)) return;
		const bytes = sizeOf(world);
		if (bytes > this.maxBytes) return;
		// Dormant: a kept state's arena is a plain buffer, not a WebAssembly memory (arena.ts).
		this.entries.set(key, { world: cloneWorld(world, false), months, settled, bytes });
		this.bytes += bytes;
		for (const [oldest, entry] of this.entries) {
			if (this.bytes <= this.maxBytes) break;
			this.entries.delete(oldest);
			this.bytes -= entry.bytes;
		}
	}

	get size(): number {
		return this.entries.size;
	}

	clear(): void {
		this.entries.clear();
		this.bytes = 0;
		this.spare = undefined;
	}
}

/** The cache runs use unless told otherwise: one per thread. */
export const sharedSettledCache = new SettledStateCache();

/** What a settled state depends on: every assumption, the population and the seed. */
export function settledKey(p: AssumptionValues, population: Population, seed: number): string {
	const values = ASSUMPTIONS.map((a) => p[a.id]);
	return JSON.stringify([seed, population.citizens, population.areas, population.providersPerArea, values]);
}

/**
 * A deep copy of a world: typed arrays copied, objects (class instances too) rebuilt field by
 * field; its arena copied whole, live (able to run) or dormant (to keep), each of its columns
 * becoming the copy's column at the same place.
 */
export function cloneWorld(world: World, live = true): World {
	const arena = world.arena.copy(live);
	return cloneValue(world, { from: world.arena, to: arena }) as World;
}

/** An arena being copied, and its copy. */
interface ArenaCopy {
	from: Arena;
	to: Arena;
}

function cloneValue(value: unknown, arenas?: ArenaCopy): unknown {
	if (value === null || typeof value !== 'object') return value;
	if (value instanceof Arena) return value === arenas?.from ? arenas.to : value.copy(true);
	if (ArrayBuffer.isView(value)) {
		if (arenas?.from.holds(value)) return arenas.to.viewOf(value as unknown as Column);
		return (value as unknown as { slice(): unknown }).slice();
	}
	if (Array.isArray(value)) return value.map((item) => cloneValue(item, arenas));
	if (Object.getPrototypeOf(value) === Object.prototype) {
		// A spread copy keeps V8's fast properties; adding the world's fifty-odd properties one by
		// one to an empty object turns it into a dictionary, and every mechanism would then look
		// up world, citizen and provider columns by hash on every re-run.
		const copy = { ...(value as Record<string, unknown>) };
		for (const key of Object.keys(copy)) copy[key] = cloneValue(copy[key], arenas);
		return copy;
	}
	const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
	for (const key of Object.keys(value)) copy[key] = cloneValue((value as Record<string, unknown>)[key], arenas);
	return copy;
}

/** Restore `source` into `target`, a world whose run is over (or a copy of `source`, if their arenas are laid out differently). */
function restoreWorld(target: World, source: World): World {
	if (!target.arena.alike(source.arena)) return cloneWorld(source, true);
	// A world's assumptions and population are its caller's objects, so they are replaced, never written into.
	target.p = source.p;
	target.population = source.population;
	// The arena's columns in one copy; restoreInto then leaves them (and the arena) as they are.
	target.arena.restoreFrom(source.arena);
	return restoreInto(target, source, target.arena) as World;
}

type Columns = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/**
 * Copy `source` into `target` in place and return `target`: typed arrays with `set`, objects field
 * by field, so that `target`'s objects (and their hidden classes) are kept. Where the two differ in
 * shape (a column of another length, an object with other fields, one of them missing), the
 * target gets a copy of the source's value instead, so the result always equals `source`.
 */
export function restoreInto(target: unknown, source: unknown, restored?: Arena): unknown {
	if (source === null || typeof source !== 'object' || target === source) return source;
	// Columns of an arena already restored whole (restoreWorld), and that arena itself, stay as they are.
	if (restored && (target === restored || (ArrayBuffer.isView(target) && restored.holds(target)))) return target;
	if (source instanceof Arena) {
		if (!(target instanceof Arena) || !target.alike(source)) return source.copy(true);
		target.restoreFrom(source);
		return target;
	}
	if (ArrayBuffer.isView(source)) {
		const s = source as unknown as Columns;
		if (ArrayBuffer.isView(target) && target.constructor === s.constructor && (target as unknown as Columns).length === s.length) {
			(target as unknown as Columns).set(s);
			return target;
		}
		return s.slice();
	}
	if (Array.isArray(source)) {
		if (!Array.isArray(target) || target.length !== source.length) return cloneValue(source);
		for (let i = 0; i < source.length; i++) target[i] = restoreInto(target[i], source[i], restored);
		return target;
	}
	if (
		target === null ||
		typeof target !== 'object' ||
		ArrayBuffer.isView(target) ||
		Array.isArray(target) ||
		Object.getPrototypeOf(target) !== Object.getPrototypeOf(source)
	)
		return cloneValue(source);
	const t = target as Record<string, unknown>;
	const s = source as Record<string, unknown>;
	const keys = Object.keys(s);
	if (Object.keys(t).length !== keys.length || !keys.every((key) => key in t)) return cloneValue(source);
	for (const key of keys) t[key] = restoreInto(t[key], s[key], restored);
	return t;
}

function sizeOf(value: unknown): number {
	if (value === null || typeof value !== 'object') return 8;
	if (ArrayBuffer.isView(value)) return value.byteLength;
	let total = 0;
	for (const key of Object.keys(value)) total += sizeOf((value as Record<string, unknown>)[key]);
	return total;
}

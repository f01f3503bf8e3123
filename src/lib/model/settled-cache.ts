import { ASSUMPTIONS, type AssumptionValues } from './parameters/registry';
import type { Population, World } from './world';

/**
 * Settled states of the world, kept so that runs sharing assumptions, population and seed (every
 * lever change in the workbench, every paired baseline) skip the spin-up. A restored world is an
 * exact copy of the one the spin-up produced, so results are identical with or without the cache.
 * Least recently used entries are dropped beyond a memory budget.
 */
export class SettledStateCache {
	private readonly entries = new Map<string, { world: World; months: number; settled: boolean; bytes: number }>();
	private bytes = 0;

	constructor(readonly maxBytes = 256 * 1024 * 1024) {}

	/** A fresh copy of the settled world stored under `key`, or undefined. */
	get(key: string): { world: World; months: number; settled: boolean } | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		this.entries.delete(key);
		this.entries.set(key, entry);
		return { world: cloneWorld(entry.world), months: entry.months, settled: entry.settled };
	}

	/** Keep a copy of `world` under `key` (the caller goes on changing its own). */
	set(key: string, world: World, months: number, settled: boolean): void {
		if (this.entries.has(key)) return;
		const bytes = sizeOf(world);
		if (bytes > this.maxBytes) return;
		this.entries.set(key, { world: cloneWorld(world), months, settled, bytes });
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
	}
}

/** The cache runs use unless told otherwise: one per thread. */
export const sharedSettledCache = new SettledStateCache();

/** What a settled state depends on: every assumption, the population and the seed. */
export function settledKey(p: AssumptionValues, population: Population, seed: number): string {
	const values = ASSUMPTIONS.map((a) => p[a.id]);
	return JSON.stringify([seed, population.citizens, population.areas, population.providersPerArea, values]);
}

/** A deep copy of a world: typed arrays copied, objects (class instances too) rebuilt field by field. */
export function cloneWorld(world: World): World {
	return cloneValue(world) as World;
}

function cloneValue(value: unknown): unknown {
	if (value === null || typeof value !== 'object') return value;
	if (ArrayBuffer.isView(value)) return (value as unknown as { slice(): unknown }).slice();
	if (Array.isArray(value)) return value.map(cloneValue);
	if (Object.getPrototypeOf(value) === Object.prototype) {
		// A spread copy keeps V8's fast properties; adding the world's fifty-odd properties one by
		// one to an empty object turns it into a dictionary, and every mechanism would then look
		// up world, citizen and provider columns by hash on every re-run.
		const copy = { ...(value as Record<string, unknown>) };
		for (const key of Object.keys(copy)) copy[key] = cloneValue(copy[key]);
		return copy;
	}
	const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
	for (const key of Object.keys(value)) copy[key] = cloneValue((value as Record<string, unknown>)[key]);
	return copy;
}

function sizeOf(value: unknown): number {
	if (value === null || typeof value !== 'object') return 8;
	if (ArrayBuffer.isView(value)) return value.byteLength;
	let total = 0;
	for (const key of Object.keys(value)) total += sizeOf((value as Record<string, unknown>)[key]);
	return total;
}

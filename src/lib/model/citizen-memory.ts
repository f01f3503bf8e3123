import { QUINTILES } from './constants';
import { detPow } from './det-math';
import type { World } from './world';
import { registerKernelImports } from './arena';
import { kernelWorld } from './kernel-world';

/**
 * Slowly fading citizen memories, kept lazily so that the monthly pass over citizens touches
 * only what a citizen's state needs:
 * - trust relaxes toward its baseline each month; a citizen's value is brought up to date when
 *   it is read or changed, and the (area, quintile) sums are advanced in aggregate each month;
 * - the extra relapse hazard after a resolution halves every few months;
 * - capability returns toward each citizen's usual level after crises and good help.
 */

/** Longest gap covered by the precomputed decay tables; longer gaps use detPow. */
export const MEMORY_TABLE_MONTHS = 512;

export function decayTable(keepPerMonth: number): Float64Array {
	const table = new Float64Array(MEMORY_TABLE_MONTHS);
	table[0] = 1;
	for (let m = 1; m < MEMORY_TABLE_MONTHS; m++) table[m] = table[m - 1] * keepPerMonth;
	return table;
}

function keep(table: Float64Array, keepPerMonth: number, months: number): number {
	return months < MEMORY_TABLE_MONTHS ? table[months] : detPow(keepPerMonth, months);
}

/** Citizen i's trust this month. */
export function trustNow(world: World, i: number): number {
	const c = world.citizens;
	const gap = world.month - c.trustMonth[i];
	if (gap === 0) return c.trust[i];
	const base = world.p.trustBaseline;
	const value = base + (c.trust[i] - base) * keep(world.trustKeep, 1 - world.p.trustDrift, gap);
	c.trust[i] = value;
	c.trustMonth[i] = world.month;
	return value;
}

/** Change citizen i's trust by `delta` (clamped to 0–1) and keep the cell sums in step. */
export function adjustTrust(world: World, i: number, delta: number): void {
	const before = trustNow(world, i);
	let after = before + delta;
	after = after < 0 ? 0 : after > 1 ? 1 : after;
	world.citizens.trust[i] = after;
	world.cellTrust[world.citizens.area[i] * QUINTILES + world.citizens.quintile[i]] += after - before;
}

/**
 * Bring the cell sums of trust up to this month: relaxation toward the baseline for every month
 * since they were last brought up to date, so they always equal the sum of trustNow.
 */
export function driftTrustSums(world: World): void {
	const gap = world.month - world.trustSumsMonth;
	if (gap <= 0) return;
	const base = world.p.trustBaseline;
	const keepFactor = keep(world.trustKeep, 1 - world.p.trustDrift, gap);
	const sums = world.cellTrust;
	const counts = world.cellPopulation;
	for (let j = 0; j < sums.length; j++) sums[j] = base * counts[j] + (sums[j] - base * counts[j]) * keepFactor;
	world.trustSumsMonth = world.month;
}

/** Extra onset hazard of citizen i this month. */
export function fragilityNow(world: World, i: number): number {
	const f = world.fragility[i];
	if (f === 0) return 0;
	const gap = world.month - world.citizens.fragilityMonth[i];
	return f * keep(world.fragilityKeep, world.fragilityKeepPerMonth, gap);
}

/** Set citizen i's relapse risk (extra onset hazard) this month; a negative risk counts as none. */
export function setFragility(world: World, i: number, value: number): void {
	world.fragility[i] = value > 0 ? value : 0;
	world.citizens.fragilityMonth[i] = world.month;
}

/**
 * Citizen i's capability this month: it returns toward the citizen's usual level after crises
 * and good help move it, with time constant capabilityMemoryMonths.
 */
export function capabilityNow(world: World, i: number): number {
	const c = world.citizens;
	const gap = world.month - c.capabilityMonth[i];
	if (gap === 0) return c.capability[i];
	const base = c.baseCapability[i];
	const value = base + (c.capability[i] - base) * keep(world.capabilityKeep, 1 - 1 / world.p.capabilityMemoryMonths, gap);
	c.capability[i] = value;
	c.capabilityMonth[i] = world.month;
	return value;
}

/** Set citizen i's capability this month (clamped to 0–1). */
export function setCapability(world: World, i: number, value: number): void {
	world.citizens.capability[i] = value < 0 ? 0 : value > 1 ? 1 : value;
	world.citizens.capabilityMonth[i] = world.month;
}

registerKernelImports({
	/** Memories older than the decay tables, for the kernels (which have the tables only). */
	trustLongAgo: (i: number) => trustNow(kernelWorld(), i),
	capabilityLongAgo: (i: number) => capabilityNow(kernelWorld(), i)
});

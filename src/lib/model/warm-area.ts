import type { World } from './world';

/**
 * Populations from which the service step warms each area's citizen columns before serving its
 * providers (see warmArea). Measured with `bench:variants` on re-runs: nothing at 100,000
 * citizens, about −1% at 300,000, −7 to −10% at 1,000,000; below where it pays, it costs the pass.
 */
export const WARM_AREAS_FROM_CITIZENS = 400_000;

/** Sum of the reads, kept so the engine cannot drop them as unused. */
let sink = 0;

/**
 * Read area a's citizens' columns that serving a case touches, a read every 64 bytes (a cache
 * line), in order. A provider's waiting list holds its area's citizens in booking order, which is
 * random in citizen order; in a large population each served case then misses the caches once per
 * column (about twenty), while a pass in order streams the area's columns in (about 120 KB for an
 * area of 1,700 citizens) at the memory's full speed. It only reads, so results are the same with
 * or without it.
 */
export function warmArea(world: World, a: number): void {
	const c = world.citizens;
	const from = a > 0 ? world.areaCitizensEnd[a - 1] : 0;
	const to = world.areaCitizensEnd[a];
	let x = 0;
	// Four-byte columns: sixteen to a 64-byte line.
	for (let i = from; i < to; i += 16) {
		x +=
			c.next[i] + c.prev[i] + c.dueDay[i] + c.arrivalDay[i] + c.allowance[i] + c.caseUnits[i] +
			c.trust[i] + c.capability[i] + c.baseCapability[i] + world.fragility[i];
	}
	// Two-byte columns: thirty-two to a line.
	for (let i = from; i < to; i += 32) x += c.area[i] + c.trustMonth[i] + c.capabilityMonth[i] + c.fragilityMonth[i] + c.lastContactMonth[i];
	// One-byte columns: sixty-four to a line.
	for (let i = from; i < to; i += 64) x += c.state[i] + c.flags[i] + c.complex[i] + c.quintile[i];
	sink += x;
}

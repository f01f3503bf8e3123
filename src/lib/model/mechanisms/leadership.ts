import { detPow } from '../det-math';
import { normal, type Rng } from '../rng';
import type { AssumptionValues } from '../parameters/registry';
import type { World } from '../world';

/**
 * Leaders come and go. Each month a provider's leadership leaves with the chance that gives a
 * median tenure of `leaderTenure` years (a constant hazard), whatever the levers, and the new
 * leadership's quality of management is drawn afresh from the spread providers show. A failing
 * rating may bring new leadership sooner (special measures, gaming.ts).
 *
 * Until 0.4.0 special measures were the only way management changed: the worst by the league
 * table were replaced for ever and nothing replaced the best, so providers' mean management
 * climbed for decades of an unchanging status quo (by 0.08 logits, a quarter of its spread, over
 * 30 years) with no level to settle at, and quality, waits and trust drifted with it.
 *
 * The draws come from a stream of their own, one a provider a month (and a new leader's), so the
 * same leaders leave in the same months in every scenario.
 */
export function changeLeadership(world: World): void {
	const pr = world.providers;
	const p = world.p;
	const rng = world.streams.leaders;
	const chance = leaderLeavingChance(p.leaderTenure);
	for (let k = 0; k < pr.n; k++) {
		if (rng.next() < chance) pr.management[k] = newManagement(p, rng);
	}
}

/** Monthly chance that a leader leaves, for a constant hazard with a median tenure of `years`. */
export function leaderLeavingChance(years: number): number {
	return 1 - detPow(0.5, 1 / (12 * years));
}

/** A new leadership's quality of management, drawn from the spread between providers. */
export function newManagement(p: AssumptionValues, rng: Rng): number {
	return p.managementSpread * normal(rng);
}

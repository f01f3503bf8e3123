import { AT_RISK, DAYS_PER_MONTH, F_TURNED_AWAY, F_UNRESOLVED, QUINTILES, WAITING, WELL } from './constants';
import { detLog } from './det-math';
import { bookCase, prepareBooking } from './mechanisms/access-and-choice';
import { decideEffort } from './mechanisms/effort-split';
import { enqueue } from './queue';
import type { Rng } from './rng';
import type { CitizenState } from './state/citizens';
import type { World } from './world';

/**
 * Where citizens stand in a long-running status quo, by deprivation quintile (least deprived
 * first), read off model 0.3.1 at the default assumptions (20,000 citizens, months 96 to 144 of
 * seeds 1 to 24; first read off 0.2.3, whose lists were some 5% longer):
 * - the shares at risk and waiting;
 * - among those at risk, the shares whose last need went unresolved and who were last turned away;
 * - the share given transactional help in the last twelve months, who still carry a relapse risk,
 *   and that risk as a share of the full risk after transactional help (it is less the more
 *   relational the help);
 * - the mean time a waiting case has waited, in days (the times are close to exponential: at
 *   0.2.3, quantiles 3, 8, 20, 42, 71 and 141 days at 10, 25, 50, 75, 90 and 99%).
 * They only shorten the spin-up: the settled state does not depend on them, and with other
 * assumptions the spin-up takes longer, as it did before (0.2.3 started everyone well or at risk,
 * no one waiting, and took 114 months on average over seeds 1–40 instead of 94). Starting values
 * that are off show in the status-quo drift check, and at a million citizens in the spin-up's
 * (settled-workforce.ts, TYPICAL_SETTLED).
 */
export const TYPICAL_CITIZENS = {
	atRisk: [0.165, 0.192, 0.214, 0.24, 0.279],
	waiting: [0.0189, 0.024, 0.029, 0.0351, 0.0435],
	unresolvedAmongAtRisk: [0.308, 0.34, 0.369, 0.399, 0.441],
	turnedAwayAmongAtRisk: [0.041, 0.058, 0.078, 0.099, 0.129],
	recentlyHelped: 0.239,
	relapseShare: 0.626,
	waitedDays: 29.5
};

/** Longest a starting case has waited, in days (its 99.9th percentile would be about 210). */
export const MAX_WAITED_DAYS = 360;

/**
 * Draw each citizen's need state (well, at risk or waiting) and, for those at risk, what their
 * last contact left behind, as a long-running status quo would have them. Waiting citizens are
 * put on their lists by startCitizensNearSettled, once the providers are staffed.
 */
export function drawSettledNeeds(c: CitizenState, rng: Rng): void {
	const t = TYPICAL_CITIZENS;
	for (let i = 0; i < c.n; i++) {
		const q = c.quintile[i];
		const u = rng.next();
		const state = u < t.waiting[q] ? WAITING : u < t.waiting[q] + t.atRisk[q] ? AT_RISK : WELL;
		c.state[i] = state;
		c.flags[i] = 0;
		if (state === AT_RISK) {
			if (rng.next() < t.unresolvedAmongAtRisk[q]) c.flags[i] |= F_UNRESOLVED;
			if (rng.next() < t.turnedAwayAmongAtRisk[q]) c.flags[i] |= F_TURNED_AWAY;
		}
	}
}

/**
 * Give the citizens helped transactionally in the last year their fading relapse risk, and put
 * the waiting citizens on their home provider's list, booked as any case is, having waited a time
 * drawn from the settled waiting times. The providers' capacity is worked out first, as the
 * service step would (decideEffort), so that the first month's access sees the backlog for what
 * it is rather than a list with no one to serve it.
 */
export function startCitizensNearSettled(world: World, rng: Rng): void {
	const c = world.citizens;
	const t = TYPICAL_CITIZENS;
	const risk = world.p.relapseTransactional * t.relapseShare;
	for (let i = 0; i < c.n; i++) {
		if (rng.next() < t.recentlyHelped) {
			world.fragility[i] = risk;
			c.fragilityMonth[i] = world.month - Math.floor(12 * rng.next());
		}
	}
	decideEffort(world);
	prepareBooking(world);
	const today = world.month * DAYS_PER_MONTH;
	for (let i = 0; i < c.n; i++) {
		if (c.state[i] !== WAITING) continue;
		const waited = Math.floor(-t.waitedDays * detLog(1 - rng.next()));
		const k = c.homeProvider[i];
		bookCase(world, i, k, today - (waited < MAX_WAITED_DAYS ? waited : MAX_WAITED_DAYS));
		c.provider[i] = k;
		enqueue(c, world.providers, k, i);
		world.cellWaiting[c.area[i] * QUINTILES + c.quintile[i]]++;
	}
}

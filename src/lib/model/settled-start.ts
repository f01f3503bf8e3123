import { AT_RISK, DAYS_PER_MONTH, F_TURNED_AWAY, F_UNRESOLVED, MAX_ALLOWANCE_DAYS, QUINTILES, WAITING, WELL } from './constants';
import { detLog } from './det-math';
import { bookCase, prepareBooking } from './mechanisms/access-and-choice';
import { decideEffort } from './mechanisms/effort-split';
import { enqueue } from './queue';
import type { Rng } from './rng';
import type { CitizenState } from './state/citizens';
import type { World } from './world';

/**
 * Where citizens stand in a long-running status quo, by deprivation quintile (least deprived
 * first), read off model 0.3.2 at the default assumptions (20,000 citizens, months 96 to 144 of
 * seeds 1 to 24):
 * - the shares at risk and waiting, for citizens with simple and with complex needs (complex
 *   cases wait longer, parked or deferred and booked behind quicker ones, so they are half as
 *   many again on the lists as their share of citizens; until 0.3.2 the shares were by quintile
 *   only, lists started with too few complex cases, served fast, and the first year's access ran
 *   ahead of the settled state's);
 * - among those at risk, the shares whose last need went unresolved and who were last turned away;
 * - the share given transactional help in the last twelve months, who still carry a relapse risk,
 *   and that risk as a share of the full risk after transactional help (it is less the more
 *   relational the help);
 * - the share of waiting cases past their booked day, and by how many days on average (close to
 *   exponential: 63%, 22%, 9% and 4% of them within 20, 20–40, 40–60 and 60–80 days).
 * They only shorten the spin-up: the settled state does not depend on them, and with other
 * assumptions the spin-up takes longer, as it did before (0.2.3 started everyone well or at risk,
 * no one waiting, and took 114 months on average over seeds 1–40 instead of 94). Starting values
 * that are off show in the status-quo drift check, and at a million citizens in the spin-up's
 * (settled-workforce.ts, TYPICAL_SETTLED).
 */
export const TYPICAL_CITIZENS = {
	atRisk: {
		simple: [0.1611, 0.1876, 0.2084, 0.2324, 0.2707],
		complex: [0.177, 0.2024, 0.2252, 0.252, 0.2903]
	},
	waiting: {
		simple: [0.0164, 0.0204, 0.024, 0.0281, 0.0346],
		complex: [0.0268, 0.0324, 0.0383, 0.045, 0.0534]
	},
	unresolvedAmongAtRisk: [0.306, 0.338, 0.37, 0.401, 0.444],
	turnedAwayAmongAtRisk: [0.041, 0.055, 0.076, 0.1, 0.131],
	recentlyHelped: 0.239,
	relapseShare: 0.627,
	overdueShare: 0.082,
	overdueDays: 21
};

/**
 * Draw each citizen's need state (well, at risk or waiting) and, for those at risk, what their
 * last contact left behind, as a long-running status quo would have them. Waiting citizens are
 * put on their lists by startCitizensNearSettled, once the providers are staffed.
 */
export function drawSettledNeeds(c: CitizenState, rng: Rng): void {
	const t = TYPICAL_CITIZENS;
	for (let i = 0; i < c.n; i++) {
		const q = c.quintile[i];
		const waiting = c.complex[i] === 1 ? t.waiting.complex[q] : t.waiting.simple[q];
		const atRisk = c.complex[i] === 1 ? t.atRisk.complex[q] : t.atRisk.simple[q];
		const u = rng.next();
		const state = u < waiting ? WAITING : u < waiting + atRisk ? AT_RISK : WELL;
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
 * the waiting citizens on their home provider's list as a list in a steady state holds them: booked
 * as any case is, the settled share past their booked day, and the rest on the list in proportion
 * to the days they are booked ahead (up to a year), having waited any part of them (until 0.3.2
 * waits were drawn apart from bookings, so that a case booked a week ahead might have waited
 * months, and the first month saw the longest waits cleared). The providers' capacity is
 * worked out first, as the service step would (decideEffort), so that the first month's access
 * sees the backlog for what it is rather than a list with no one to serve it.
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
		const k = c.homeProvider[i];
		if (rng.next() < t.overdueShare) {
			// Past its booked day by a time drawn from the settled ones (close to exponential).
			bookCase(world, i, k, today, rng);
			const overdue = 1 + Math.floor(-(t.overdueDays - 0.5) * detLog(1 - rng.next()));
			const late = overdue < MAX_ALLOWANCE_DAYS ? overdue : MAX_ALLOWANCE_DAYS;
			const span = c.dueDay[i] - today;
			c.arrivalDay[i] = today - span - late;
			c.dueDay[i] = today - late;
		} else {
			// Not yet due: on the list in proportion to its days booked ahead, any part of them waited.
			let span: number;
			do {
				bookCase(world, i, k, today, rng);
				span = c.dueDay[i] - today;
			} while (rng.next() * MAX_ALLOWANCE_DAYS >= span);
			const waited = Math.floor(rng.next() * span);
			c.arrivalDay[i] = today - waited;
			c.dueDay[i] -= waited;
		}
		c.provider[i] = k;
		enqueue(c, world.providers, k, i);
		world.cellWaiting[c.area[i] * QUINTILES + c.quintile[i]]++;
	}
}

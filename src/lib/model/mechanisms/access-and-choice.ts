import {
	AT_RISK,
	DAYS_PER_MONTH,
	F_FAILURE,
	F_TURNED_AWAY,
	F_UNRESOLVED,
	QUINTILES,
	REPEAT_WINDOW_MONTHS,
	WAITING
} from '../constants';
import { addArrival } from '../queue';
import { T, tallyCitizen } from '../tallies';
import type { World } from '../world';
import { adjustTrust } from '../citizen-memory';

/**
 * Process 3 — access and allocation. Each presenting citizen:
 * - uses the local provider, or, with choice, the provider they chose before; with probability
 *   choice × their capacity to choose, they choose again: the best by *reported* performance
 *   among that provider, the local one and another provider of their area (choosers see the
 *   measured figure, not the truth; the least deprived choose most);
 * - may be turned away at the eligibility threshold, which rises with the provider's backlog
 *   (they return later, often worse: failure demand);
 * - otherwise joins the provider's queue on a day of the month.
 */
export function stepAccess(world: World): void {
	const c = world.citizens;
	const pr = world.providers;
	const p = world.p;
	const L = world.levers;
	const rng = world.streams.events;
	const tallies = world.tallies.cells;
	const month = world.month;
	const monthStart = month * DAYS_PER_MONTH;
	const recentMonth = month - REPEAT_WINDOW_MONTHS;
	const perArea = world.population.providersPerArea;

	for (let k = 0; k < pr.n; k++) {
		// Before a provider's capacity is first known it has no backlog unless people are waiting.
		const backlogMonths = pr.capacity[k] > 0 ? pr.queueUnits[k] / pr.capacity[k] : pr.queueLength[k] > 0 ? 2 : 0;
		const rise = p.thresholdResponse * (backlogMonths - 1);
		pr.turnAway[k] = rise <= 0 ? 0 : rise > p.maxTurnAway ? p.maxTurnAway : rise;
	}

	for (let j = 0; j < world.presentingCount; j++) {
		const i = world.presenting[j];
		const a = c.area[i];
		const q = c.quintile[i];
		const repeatContact = (c.flags[i] & F_UNRESOLVED) !== 0 && c.lastContactMonth[i] >= recentMonth;
		tallyCitizen(tallies, T.contacts, q, a, 1);
		if (repeatContact) tallyCitizen(tallies, T.failureContacts, q, a, 1);

		// With choice, users stay with the provider they last chose; without it, all use the local one.
		let k = L.choice > 0 ? c.provider[i] : c.homeProvider[i];
		if (L.choice > 0 && rng.next() < L.choice * c.choiceCapacity[i]) {
			const candidate = a * perArea + Math.floor(rng.next() * perArea);
			k = better(world, better(world, k, c.homeProvider[i]), candidate);
		}
		const previous = c.provider[i];
		if (k !== previous) {
			world.registeredDeprivation[previous] -= c.deprivation[i];
			world.registeredCount[previous]--;
			world.registeredDeprivation[k] += c.deprivation[i];
			world.registeredCount[k]++;
			c.provider[i] = k;
		}
		c.lastContactMonth[i] = month;
		pr.monthPresented[k]++;

		if (rng.next() < pr.turnAway[k]) {
			c.state[i] = AT_RISK;
			c.flags[i] |= F_UNRESOLVED | F_TURNED_AWAY;
			pr.monthTurnedAway[k]++;
			tallyCitizen(tallies, T.turnedAway, q, a, 1);
			adjustTrust(world, i, -1.6 * p.trustExperience);
			continue;
		}
		const day = Math.floor(rng.next() * DAYS_PER_MONTH);
		c.arrivalDay[i] = monthStart + day;
		c.state[i] = WAITING;
		c.flags[i] = (c.flags[i] & ~(F_FAILURE | F_TURNED_AWAY)) | (repeatContact ? F_FAILURE : 0);
		addArrival(c, pr, k, day, i);
		world.cellWaiting[a * QUINTILES + q]++;
	}
}

/** The better of two providers by reported performance: a chooser moves only for a clear gain. */
function better(world: World, current: number, candidate: number): number {
	const reported = world.providers.reportedPerformance;
	return reported[candidate] - reported[current] > world.p.switchMargin ? candidate : current;
}

import {
	AT_RISK,
	DAYS_PER_MONTH,
	F_FAILURE,
	F_TURNED_AWAY,
	F_UNRESOLVED,
	QUINTILES,
	REPEAT_WINDOW_MONTHS,
	WAITING,
	WELL
} from '../constants';
import { adjustTrust, driftTrustSums, MEMORY_TABLE_MONTHS, trustNow } from '../citizen-memory';
import { detPow } from '../det-math';
import { unlinkFromQueue } from '../queue';
import { T, tallyCitizen } from '../tallies';
import type { World } from '../world';

/**
 * Process 2 — need and demand. Each citizen moves between well, at risk and waiting:
 * - well → at risk with a hazard raised by deprivation, weak ties, demand growth and, just
 *   after a transactional resolution, relapse (the revolving door), and lowered by primary
 *   prevention;
 * - at risk → crisis, → presenting (listed for access), or → well; prevention and outreach
 *   lower progression and speed recovery once their lagged effect arrives; low trust makes
 *   people hold back until crisis;
 * - waiting → crisis with a hazard that grows with the time already waited (failure demand).
 * One uniform draw per citizen per month, always, so that citizens stay aligned across
 * scenarios compared on the same seeds.
 */
export function stepNeedDynamics(world: World): void {
	const c = world.citizens;
	const p = world.p;
	const rng = world.streams.citizens;
	const month = world.month;
	const monthMiddle = month * DAYS_PER_MONTH + DAYS_PER_MONTH / 2;
	const recentMonth = month - REPEAT_WINDOW_MONTHS;
	const growth = detPow(1 + p.demandGrowth, Math.max(0, month) / 12);
	const reach = p.preventionReach;
	const primary = p.preventionOnset;
	const outreach = p.outreachRecovery;
	const prevention = world.areas.preventionEffect;
	const engagement = p.trustEngagement;
	const crisisBase = p.crisisRate * growth;
	const presentBase = p.presentRate;
	const recoveryBase = p.recoveryRate;
	const complexCrisis = p.complexCrisis;
	const repeatCrisis = 1 + p.repeatCrisis;
	const escalationBase = p.escalationRate / DAYS_PER_MONTH;
	const { state, flags, area, capability, complex, onsetBase, arrivalDay, trust, trustMonth, fragilityMonth } = c;
	const riskFactor = world.riskFactor;
	const fragility = world.fragility;
	// The lazy memories of citizen-memory, inlined here because this loop is the model's hottest.
	const trustBase = p.trustBaseline;
	const trustKeep = world.trustKeep;
	const fragilityKeep = world.fragilityKeep;
	const presenting = world.presenting;
	let presentingCount = 0;

	driftTrustSums(world);
	// Onset multiplier of each area this month: demand growth and primary prevention.
	const areaOnset = world.areaScratch;
	for (let a = 0; a < world.areas.n; a++) areaOnset[a] = growth * (1 - primary * prevention[a]);

	for (let i = 0, n = c.n; i < n; i++) {
		const u = rng.next();
		const s = state[i];
		if (s === WELL) {
			let onset = onsetBase[i] * areaOnset[area[i]];
			const f0 = fragility[i];
			if (f0 !== 0) {
				const gap = month - fragilityMonth[i];
				const f = gap < MEMORY_TABLE_MONTHS ? f0 * fragilityKeep[gap] : 0;
				// Forget a relapse risk once it adds under 1% to the hazard, so the check stays cheap.
				if (f < 0.01) fragility[i] = 0;
				onset *= 1 + f;
			}
			if (u < onset) state[i] = AT_RISK;
		} else if (s === AT_RISK) {
			let tr = trust[i];
			const gap = month - trustMonth[i];
			if (gap !== 0) {
				tr = gap < MEMORY_TABLE_MONTHS ? trustBase + (tr - trustBase) * trustKeep[gap] : trustNow(world, i);
				trust[i] = tr;
				trustMonth[i] = month;
			}
			const e = prevention[area[i]] * (reach + (1 - reach) * tr);
			const f = flags[i];
			const crisis =
				crisisBase *
				riskFactor[i] *
				(1 + complexCrisis * complex[i]) *
				(1 + engagement * (0.5 - tr)) *
				(1 - e) *
				((f & F_UNRESOLVED) !== 0 ? repeatCrisis : 1);
			if (u < crisis) {
				enterCrisis(world, i, c.homeProvider[i], false, recentMonth);
				continue;
			}
			const present =
				presentBase * (1 + engagement * (tr - 0.5)) * (1 - e) * ((f & F_TURNED_AWAY) !== 0 ? 0.5 : 1);
			if (u < crisis + present) {
				presenting[presentingCount++] = i;
			} else if (u < crisis + present + recoveryBase * (0.5 + capability[i]) * (1 + outreach * e)) {
				state[i] = WELL;
				flags[i] = 0;
			}
		} else if (s === WAITING) {
			const escalation =
				escalationBase * (monthMiddle - arrivalDay[i]) * riskFactor[i] * (1 + complexCrisis * complex[i]);
			if (u < escalation) {
				leaveQueue(world, i);
				enterCrisis(world, i, c.provider[i], true, recentMonth);
			}
		}
	}
	world.presentingCount = presentingCount;
}

/** Take a waiting citizen out of their provider's queue. */
export function leaveQueue(world: World, i: number): void {
	const c = world.citizens;
	unlinkFromQueue(c, world.providers, c.provider[i], i);
	world.cellWaiting[c.area[i] * QUINTILES + c.quintile[i]]--;
}

/**
 * A crisis: an emergency contact that the provider must firefight before planned work.
 * It treats the acute episode but leaves the need unresolved, so the citizen stays at risk.
 */
function enterCrisis(world: World, i: number, provider: number, whileWaiting: boolean, recentMonth: number): void {
	const c = world.citizens;
	const tallies = world.tallies.cells;
	const q = c.quintile[i];
	const a = c.area[i];
	const repeatContact = (c.flags[i] & F_UNRESOLVED) !== 0 && c.lastContactMonth[i] >= recentMonth;
	tallyCitizen(tallies, T.crises, q, a, 1);
	tallyCitizen(tallies, T.contacts, q, a, 1);
	if (whileWaiting || repeatContact) tallyCitizen(tallies, T.failureContacts, q, a, 1);
	if (c.lastCrisisMonth[i] >= recentMonth) tallyCitizen(tallies, T.repeatCrises, q, a, 1);
	world.crisesByProvider[provider]++;
	c.state[i] = AT_RISK;
	c.flags[i] = (c.flags[i] | F_UNRESOLVED) & ~F_FAILURE;
	c.lastCrisisMonth[i] = world.month;
	c.lastContactMonth[i] = world.month;
	const cap = c.capability[i] - world.p.capabilityLossCrisis;
	c.capability[i] = cap < 0 ? 0 : cap;
	adjustTrust(world, i, -0.8 * world.p.trustExperience);
}

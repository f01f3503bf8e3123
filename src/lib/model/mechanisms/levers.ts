import type { LeverValues } from '../parameters/registry';
import type { World } from '../world';

/**
 * Process 1 — levers. Put this month's lever values in force and derive the climate that
 * several mechanisms share: how controlling the regime feels, its reporting burden, how far
 * providers can see true outcomes, and overheads.
 */
export function applyLevers(world: World, values: LeverValues): void {
	const L = world.levers;
	Object.assign(L, values);
	const p = world.p;
	const c = world.climate;

	// Performance pay is the archetypal contingent reward; targets and oversight weigh less.
	c.controlling =
		L.performancePay + p.controlTargets * L.targets + (p.controlOversight * (L.inspection + L.audit)) / 2;
	c.reportingBurden = (L.targets + L.inspection + L.audit) / 3;
	// A mission and learning networks each supply shared data on true outcomes (independently).
	c.outcomeVisibility = 1 - (1 - p.missionData * L.mission) * (1 - p.peerData * L.peerLearning);

	const history = world.integrationHistory;
	const slot = ((world.month % history.length) + history.length) % history.length;
	const before = history[slot];
	history[slot] = L.integration;
	c.integrationStep = Math.max(0, L.integration - before);

	c.overheadShare =
		p.reportingCost * c.reportingBurden +
		(p.transactionCost * (L.competition + L.outsourcing)) / 2 +
		p.missionCost * L.mission +
		p.integrationCost * c.integrationStep;
}

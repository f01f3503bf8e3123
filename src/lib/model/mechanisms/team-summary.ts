import type { World } from '../world';

/**
 * Summarise each provider's workers for this month: staff, mean motivation and skill, share
 * burnt out and gaming, and capacity in work units. Capacity is where workforce meets service:
 * - skill raises productivity and burnout lowers it;
 * - extrinsic pressure (targets with their stakes) raises the effort of less intrinsically
 *   motivated staff ("knaves"), autonomy lets them ease off, performance pay and an efficiency
 *   drive raise everyone's (Le Grand 2003; Propper et al. 2008);
 * - reporting and peer learning take frontline time.
 */
export function summariseTeams(world: World): void {
	const pr = world.providers;
	const w = world.workers;
	const p = world.p;
	const L = world.levers;
	const timeShare = 1 - p.reportingTime * world.climate.reportingBurden - p.peerLearningTime * L.peerLearning;
	const commonEffort = 1 + p.payEffort * L.performancePay + p.efficiencyIntensity * L.efficiency;
	const burntProductivity = 1 - p.burnoutProductivity;

	for (let k = 0; k < pr.n; k++) {
		const pressure =
			L.targets * (1 - p.inspectionStakes + p.inspectionStakes * L.inspection) *
			(pr.failingMonths[k] > 0 ? 1 + p.failingPressure : 1);
		pr.targetPressure[k] = pressure;
		const knaveEffort = p.extrinsicEffort * pressure - p.autonomyShirk * L.autonomy;

		let staff = 0;
		let motivation = 0;
		let skill = 0;
		let burnt = 0;
		let gaming = 0;
		let units = 0;
		const end = pr.slotStart[k] + pr.slotCount[k];
		for (let i = pr.slotStart[k]; i < end; i++) {
			if (w.active[i] === 0) continue;
			staff++;
			motivation += w.motivation[i];
			skill += w.skill[i];
			gaming += w.gaming[i];
			const isBurnt = w.burnout[i] > 0.5;
			if (isBurnt) burnt++;
			const effort = commonEffort + (1 - w.intrinsic[i]) * knaveEffort;
			units += (0.6 + 0.8 * w.skill[i]) * (isBurnt ? burntProductivity : 1) * (effort > 0.2 ? effort : 0.2);
		}
		pr.staff[k] = staff;
		pr.meanMotivation[k] = staff > 0 ? motivation / staff : 0;
		pr.meanSkill[k] = staff > 0 ? skill / staff : 0;
		pr.burnoutShare[k] = staff > 0 ? burnt / staff : 0;
		pr.gamingShare[k] = staff > 0 ? gaming / staff : 0;
		pr.capacity[k] = units * p.casesPerWorker * (timeShare > 0.1 ? timeShare : 0.1);
		pr.hideChance[k] = 1 - (1 - pr.culture[k]) * (1 - pr.gamingShare[k]);
	}
}

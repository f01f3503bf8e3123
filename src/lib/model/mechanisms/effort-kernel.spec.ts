import { describe, expect, test } from 'vitest';
import { cloneWorld } from '../settled-cache';
import { T, tallyArea } from '../tallies';
import type { World } from '../world';
import { differences, nextMonthBefore, worldBefore } from './_test-world';
import { decideEffort, targetPressure } from './effort-split';
import { stepService } from './service';

/**
 * The frontline decisions as JavaScript had them before their loop over each provider's slots was
 * compiled (model 0.3.2, verbatim): the kernel (assembly/effort-split.ts) must give exactly their
 * numbers, in every column, whatever the staff's state and the levers.
 */
function referenceEffort(world: World): void {
	const pr = world.providers;
	const w = world.workers;
	const areas = world.areas;
	const p = world.p;
	const L = world.levers;
	const tallies = world.tallies.values;

	const discretion = p.discretionBase + (1 - p.discretionBase) * L.autonomy;
	const salience = 1 + p.missionSalience * L.mission;
	const overheadTime =
		p.reportingTime * world.climate.reportingBurden +
		p.peerLearningTime * L.peerLearning +
		p.integrationTime * L.integration;
	const imposed = p.efficiencyIntensity * L.efficiency;
	const shirk = p.autonomyShirk * L.autonomy;
	const relationalFactor = p.relationalTime;

	for (let k = 0; k < pr.n; k++) {
		const pressure = targetPressure(p, L, pr.failingMonths[k] > 0);
		pr.targetPressure[k] = pressure;
		const incentives = pressure + p.payIncentive * L.performancePay + L.competition * pr.financialPressure[k];
		const incentiveWeight = p.incentiveWeight * incentives;
		const waitingGap = pr.workPressure[k] > 2 ? 1 : pr.workPressure[k] > 1 ? pr.workPressure[k] - 1 : 0;

		const capacityBefore = pr.capacity[k];
		const backlogMonths =
			capacityBefore > 0 ? (pr.queueUnits[k] * (1 + relationalFactor * pr.relational[k])) / capacityBefore : 0;
		const squeeze = p.backlogSqueeze * (backlogMonths > 1 ? backlogMonths - 1 : 0);
		const lean = L.devolution * p.localDivergence * areas.leanRelational[pr.area[k]];
		let prescribed = L.relational + lean + pr.relationalOffset[k] - squeeze;
		prescribed = prescribed < 0 ? 0 : prescribed > 1 ? 1 : prescribed;

		let heads = 0;
		let fte = 0;
		let motivation = 0;
		let skill = 0;
		let burnt = 0;
		let gaming = 0;
		let effortSum = 0;
		let casework = 0;
		let relational = 0;
		let outreach = 0;
		const end = pr.slotStart[k] + pr.slotCount[k];
		for (let i = pr.slotStart[k]; i < end; i++) {
			if (w.active[i] === 0) continue;
			const m = w.motivation[i];
			const own = m * salience;
			const extrinsic = incentiveWeight * (1 - m);
			const lambda = own + extrinsic > 0 ? own / (own + extrinsic) : 0.5;
			const rho = (1 - discretion) * prescribed + discretion * p.relationalPreference * lambda;
			const outreachShare = discretion * p.outreachPreference * lambda;

			let effort = 1 + p.extrinsicEffort * incentives * (1 - m) + p.knightEffort * m * waitingGap + imposed - shirk * (1 - m);
			if (effort < 0.3) effort = 0.3;
			w.effort[i] = effort;

			// Burnt out (0 or 1) and gaming (0 or 1) scale their terms rather than choose them by a
			// branch: a third of staff are burnt out, in no order a processor could predict.
			// (1 − 1 × loss is 1 − loss, and 1 − 0 × loss is 1, exactly.)
			const burntOut = +(w.burnout[i] > 0.5);
			const work = effort * (0.6 + 0.8 * w.skill[i]) * (1 - burntOut * p.burnoutProductivity) * w.fte[i];
			let caseShare = 1 - overheadTime - outreachShare - w.gaming[i] * p.gamingTime;
			if (caseShare < 0.1) caseShare = 0.1;
			casework += work * caseShare;
			relational += work * caseShare * rho;
			outreach += work * outreachShare;

			heads++;
			fte += w.fte[i];
			motivation += m;
			skill += w.skill[i];
			gaming += w.gaming[i];
			effortSum += effort;
			burnt += burntOut;
		}
		pr.staff[k] = fte;
		pr.meanMotivation[k] = heads > 0 ? motivation / heads : 0;
		pr.meanSkill[k] = heads > 0 ? skill / heads : 0;
		pr.burnoutShare[k] = heads > 0 ? burnt / heads : 0;
		pr.gamingShare[k] = heads > 0 ? gaming / heads : 0;
		pr.capacity[k] = casework * p.casesPerWorker;
		pr.relational[k] = casework > 0 ? relational / casework : prescribed;
		pr.outreach[k] = outreach * p.casesPerWorker;
		pr.hideChance[k] = 1 - (1 - pr.culture[k]) * (1 - pr.gamingShare[k]);

		const a = pr.area[k];
		tallyArea(tallies, T.effortSum, a, effortSum);
		tallyArea(tallies, T.effortHeads, a, heads);
		tallyArea(tallies, T.caseworkUnits, a, casework);
		tallyArea(tallies, T.relationalUnits, a, relational);
		tallyArea(tallies, T.outreachUnits, a, outreach);
	}
}

/** Both on copies of `world`: the columns that differ, and the kernel's world. */
function compare(world: World): { differ: string[]; kernel: World } {
	const kernel = cloneWorld(world);
	const reference = cloneWorld(world);
	decideEffort(kernel);
	referenceEffort(reference);
	return { differ: differences(kernel, reference), kernel };
}

describe("the compiled frontline decisions give the JavaScript's numbers exactly", () => {
	test.each([1, 2, 3])('a running world (seed %i), month after month', (seed) => {
		const world = worldBefore(stepService, seed, 3);
		for (let m = 0; m < 12; m++) {
			expect(compare(world).differ).toEqual([]);
			nextMonthBefore(world, stepService);
		}
	});

	test('under every lever that enters a decision: targets, pay, competition, autonomy, mission, efficiency, overheads, relational practice', () => {
		const world = worldBefore(stepService, 4, 3, {
			levers: {
				targets: 1,
				inspection: 1,
				performancePay: 0.8,
				competition: 0.6,
				autonomy: 0.7,
				mission: 0.9,
				efficiency: 0.5,
				peerLearning: 0.5,
				integration: 0.4,
				devolution: 0.6,
				relational: 0.7
			}
		});
		const { differ, kernel } = compare(world);
		expect(differ).toEqual([]);
		expect(Array.from(kernel.providers.relational).some((r) => r > 0)).toBe(true);
	});

	test('staff at every corner: burnt out or not, gaming or not, effort at its floor, casework at its floor, no weight on either side', () => {
		const world = worldBefore(stepService, 5, 2);
		const w = world.workers;
		for (let i = 0; i < w.n; i++) {
			w.burnout[i] = i % 2 === 0 ? 0.9 : 0.1;
			w.gaming[i] = i % 3 === 0 ? 1 : 0;
			// Motivation 0 with no incentives: neither weight, lambda 0.5.
			w.motivation[i] = i % 5 === 0 ? 0 : w.motivation[i];
		}
		world.p = { ...world.p, gamingTime: 0.95, autonomyShirk: 3 };
		world.levers = { ...world.levers, targets: 0, performancePay: 0, competition: 0, autonomy: 1 };
		const { differ, kernel } = compare(world);
		expect(differ).toEqual([]);
		// The floors were reached: some effort at 0.3.
		expect(Array.from(kernel.workers.effort).some((e, i) => kernel.workers.active[i] === 1 && e === Math.fround(0.3))).toBe(true);
	});
});

import { describe, expect, test } from 'vitest';
import { detExp, logistic } from '../det-math';
import { belowScaledExp } from '../lazy-compare';
import { cloneWorld } from '../settled-cache';
import { T, tallyArea } from '../tallies';
import type { World } from '../world';
import { differences, doubleBelow, nextMonthBefore, worldBefore } from './_test-world';
import { crowdingOut, fillVacancies, jobResources, releaseStaff, skillLearning, staffInPost, stepWorkforce } from './workforce';

/**
 * The workforce step as JavaScript had it before its loop over each provider's slots was compiled
 * (model 0.3.2, verbatim): the kernel (assembly/workforce.ts) must give exactly its numbers, in
 * every column and in the workers stream, whatever the staff's state.
 */
function referenceWorkforce(world: World): void {
	const pr = world.providers;
	const w = world.workers;
	const p = world.p;
	const L = world.levers;
	const rng = world.streams.workers;
	const climate = world.climate;
	const tallies = world.tallies.values;

	const resources = jobResources(p, L, climate);
	const commonDemands = p.demandReporting * climate.reportingBurden;
	const burnoutRate = 1 / p.burnoutMonths;
	const crowding = crowdingOut(p, climate);
	const motivationGain = p.motivationAutonomy * L.autonomy + p.motivationMission * L.mission;
	const motivationRate = new Float64Array(2);
	motivationRate[0] = 1 / p.motivationRiseMonths;
	motivationRate[1] = 1 / p.motivationFallMonths;
	const learning = skillLearning(p, L);
	const quitShift = -p.quitAutonomy * L.autonomy;
	const career = p.careerMonths;

	for (let k = 0; k < pr.n; k++) {
		const presented = pr.monthPresented[k] + pr.monthComplexConsidered[k];
		pr.moralInjury[k] =
			presented > 0 ? (pr.monthTurnedAway[k] + pr.monthDeclined[k] + pr.monthParked[k]) / presented : 0;
		const demands =
			commonDemands +
			p.demandCaseload * (pr.workPressure[k] - 1) +
			p.demandCrisis * pr.crisisLoad[k] +
			p.demandMoral * (pr.moralInjury[k] + pr.culture[k]) +
			p.demandBlame * Math.min(1, pr.blame[k]);
		const success = p.motivationSuccess * (pr.trueQuality[k] - 0.5);
		const skillGrowth = learning * (pr.outsourced[k] ? p.outsourcedTraining : 1);
		const quitProvider = quitShift + (pr.outsourced[k] ? p.quitOutsourced : 0);
		const a = pr.area[k];

		let heads = 0;
		let staffFte = 0;
		let leavers = 0;
		const start = pr.slotStart[k];
		const end = start + pr.slotCount[k];
		let firstVacant = end;
		for (let i = start; i < end; i++) {
			if (w.active[i] === 0) {
				if (firstVacant === end) firstVacant = i;
				continue;
			}
			const m = w.motivation[i];
			const overwork = w.effort[i] > 1 ? w.effort[i] - 1 : 0;
			const target = logistic(
				p.burnoutBase +
					demands +
					p.demandEffort * overwork -
					resources -
					p.resourceSkill * (w.skill[i] - 0.5) -
					p.resourceMotivation * (m - 0.5) +
					w.strain[i]
			);
			const b = w.burnout[i] + (target - w.burnout[i]) * burnoutRate;
			w.burnout[i] = b;

			let mTarget = w.intrinsic[i] - crowding + motivationGain + success - p.motivationBurnout * b;
			mTarget = mTarget < 0 ? 0 : mTarget > 1 ? 1 : mTarget;
			w.motivation[i] = m + (mTarget - m) * motivationRate[+(mTarget < m)];

			const s = w.skill[i];
			const nextSkill = s + skillGrowth * (1 - s) - +(b > 0.5) * p.skillBurnoutLoss;
			w.skill[i] = nextSkill < 0 ? 0 : nextSkill;
			const tenure = w.tenure[i] + 1;
			w.tenure[i] = tenure;

			const x = p.quitBurnout * (b - 0.35) - p.quitMotivation * (w.motivation[i] - 0.6) + quitProvider;
			if (tenure >= career || belowScaledExp(rng.next(), p.quitBase, x)) {
				w.active[i] = 0;
				if (firstVacant === end) firstVacant = i;
				leavers++;
			} else {
				heads++;
				staffFte += w.fte[i];
			}
		}
		const gap = pr.posts[k] - staffFte;
		const hired = gap > 1e-9 ? fillVacancies(world, k, gap, firstVacant) : 0;
		const released = gap <= -0.5 ? releaseStaff(world, k, -gap) : 0;
		pr.staff[k] = hired + released === 0 ? staffFte : staffInPost(w, start, end);
		tallyArea(tallies, T.leavers, a, leavers + released);
		tallyArea(tallies, T.redundancies, a, released);
		tallyArea(tallies, T.staffBefore, a, heads + leavers);
	}
}

/** Both steps on copies of `world`: the columns that differ, and the two worlds. */
function compare(world: World): { differ: string[]; kernel: World; reference: World } {
	const kernel = cloneWorld(world);
	const reference = cloneWorld(world);
	stepWorkforce(kernel);
	referenceWorkforce(reference);
	return { differ: differences(kernel, reference), kernel, reference };
}

const leaversOf = (world: World) => world.tallies.values[T.leavers];

describe("the compiled workforce loop gives the JavaScript step's numbers exactly", () => {
	test.each([1, 2, 3])('a running world (seed %i), month after month', (seed) => {
		const world = worldBefore(stepWorkforce, seed, 4);
		let leavers = 0;
		for (let m = 0; m < 24; m++) {
			const { differ, kernel } = compare(world);
			expect(differ).toEqual([]);
			leavers += leaversOf(kernel);
			nextMonthBefore(world, stepWorkforce);
		}
		// Staff left (and were replaced), so every branch of the loop ran.
		expect(leavers).toBeGreaterThan(3);
	});

	test('under levers that move every term: autonomy, mission, performance pay, outsourcing, targets', () => {
		const world = worldBefore(stepWorkforce, 7, 3, {
			levers: { autonomy: 0.9, mission: 0.8, performancePay: 0.7, outsourcing: 0.5, targets: 1, peerLearning: 0.6 }
		});
		const { differ, kernel } = compare(world);
		expect(differ).toEqual([]);
		expect(Array.from(kernel.providers.outsourced).some((o) => o === 1)).toBe(true);
	});

	test('burnout and leaving beyond the bounds tables and the exponential\'s range: the special cases agree', () => {
		for (const [burnoutBase, quitBurnout] of [
			[800, 0.5],
			[-800, 0.5],
			[0, 400],
			[0, -2000]
		]) {
			const world = worldBefore(stepWorkforce, 2, 2);
			world.p = { ...world.p, burnoutBase, quitBurnout };
			const { differ, kernel } = compare(world);
			expect(differ).toEqual([]);
			// A logistic of ±800 (e^800 is infinity, e^-800 is 0) pulls every worker's burnout toward 1 or 0.
			if (burnoutBase !== 0) {
				let staff = 0;
				let moved = 0;
				for (let i = 0; i < world.workers.n; i++) {
					if (world.workers.active[i] === 0) continue;
					staff++;
					const before = world.workers.burnout[i];
					const after = kernel.workers.burnout[i];
					if (burnoutBase > 0 ? after > before : after < before) moved++;
				}
				expect(moved).toBe(staff);
			}
		}
	});

	test('staff at the end of a working life retire without a draw; a negative hazard scale leaves no one', () => {
		const world = worldBefore(stepWorkforce, 3, 2);
		// Half the staff one month short of retiring, the rest a long way off.
		for (let i = 0; i < world.workers.n; i++) world.workers.tenure[i] = i % 2 === 0 ? Math.round(world.p.careerMonths) - 1 : 5;
		const retiring = compare(world);
		expect(retiring.differ).toEqual([]);
		expect(leaversOf(retiring.kernel)).toBeGreaterThan(0.4 * staffHeads(world));
		world.p = { ...world.p, quitBase: -0.05 };
		expect(compare(world).differ).toEqual([]);
	});

	test('draws exactly on each worker\'s leaving hazard, and a hair below it: the comparisons agree to the last bit', () => {
		// A large first provider: its staff draw before any vacancy is advertised (which draws too).
		const world = worldBefore(stepWorkforce, 5, 3, { population: { citizens: 20000 } });
		const hazards = leavingHazards(world, 0);
		expect(hazards.length).toBeGreaterThan(80);
		// The workers stream hands out these draws next: the hazards in slot order, exactly or one double below.
		const { state, block } = world.streams.workers.columns;
		const draws = hazards.slice(0, block.length).map((h, j) => (j % 2 === 0 ? h : doubleBelow(h)));
		block.set(draws);
		state[4] = 0;
		const { differ, kernel } = compare(world);
		expect(differ).toEqual([]);
		// A draw on the hazard does not pass it and one a hair below does: half of them left (their
		// slots vacant, or filled by a recruit, whose tenure starts at 0).
		const start = world.providers.slotStart[0];
		let left = 0;
		for (let i = start; i < start + world.providers.slotCount[0]; i++)
			if (world.workers.active[i] === 1 && (kernel.workers.active[i] === 0 || kernel.workers.tenure[i] === 0)) left++;
		expect(left).toBe(Math.floor(draws.length / 2));
	});
});

function staffHeads(world: World): number {
	let heads = 0;
	for (let i = 0; i < world.workers.n; i++) heads += world.workers.active[i];
	return heads;
}

/**
 * The leaving hazard (quitBase e^x) this month of each of provider k's staff who draw, in slot
 * order: referenceWorkforce's loop up to the draw, changing nothing (those retiring draw nothing).
 */
function leavingHazards(world: World, k: number): number[] {
	const pr = world.providers;
	const w = world.workers;
	const p = world.p;
	const L = world.levers;
	const climate = world.climate;
	const resources = jobResources(p, L, climate);
	const commonDemands = p.demandReporting * climate.reportingBurden;
	const burnoutRate = 1 / p.burnoutMonths;
	const crowding = crowdingOut(p, climate);
	const motivationGain = p.motivationAutonomy * L.autonomy + p.motivationMission * L.mission;
	const hazards: number[] = [];
	{
		const presented = pr.monthPresented[k] + pr.monthComplexConsidered[k];
		const moral = presented > 0 ? (pr.monthTurnedAway[k] + pr.monthDeclined[k] + pr.monthParked[k]) / presented : 0;
		const demands =
			commonDemands +
			p.demandCaseload * (pr.workPressure[k] - 1) +
			p.demandCrisis * pr.crisisLoad[k] +
			p.demandMoral * (moral + pr.culture[k]) +
			p.demandBlame * Math.min(1, pr.blame[k]);
		const success = p.motivationSuccess * (pr.trueQuality[k] - 0.5);
		const quitProvider = -p.quitAutonomy * L.autonomy + (pr.outsourced[k] ? p.quitOutsourced : 0);
		const end = pr.slotStart[k] + pr.slotCount[k];
		for (let i = pr.slotStart[k]; i < end; i++) {
			if (w.active[i] === 0 || w.tenure[i] + 1 >= p.careerMonths) continue;
			const m = w.motivation[i];
			const overwork = w.effort[i] > 1 ? w.effort[i] - 1 : 0;
			const target = logistic(
				p.burnoutBase +
					demands +
					p.demandEffort * overwork -
					resources -
					p.resourceSkill * (w.skill[i] - 0.5) -
					p.resourceMotivation * (m - 0.5) +
					w.strain[i]
			);
			const b = w.burnout[i] + (target - w.burnout[i]) * burnoutRate;
			let mTarget = w.intrinsic[i] - crowding + motivationGain + success - p.motivationBurnout * b;
			mTarget = mTarget < 0 ? 0 : mTarget > 1 ? 1 : mTarget;
			const rate = mTarget < m ? 1 / p.motivationFallMonths : 1 / p.motivationRiseMonths;
			// Motivation as the step reads it back: stored in single precision.
			const motivation = Math.fround(m + (mTarget - m) * rate);
			const x = p.quitBurnout * (b - 0.35) - p.quitMotivation * (motivation - 0.6) + quitProvider;
			hazards.push(p.quitBase * detExp(x));
		}
	}
	return hazards;
}

import { describe, expect, test } from 'vitest';
import { belowLogistic } from '../lazy-compare';
import { normal } from '../rng';
import { cloneWorld } from '../settled-cache';
import type { World } from '../world';
import { differences, doubleBelow, nextMonthBefore, worldBefore } from './_test-world';
import { cultureTarget, sharedGamingLogit, stepGaming, workerGamingLogit } from './gaming';
import { logistic } from '../det-math';
import { changeLeadership } from './leadership';

/** Smoothing of providers' monthly performance figures (gaming.ts's). */
const PERFORMANCE_SMOOTHING = 0.25;

/**
 * The gaming step as JavaScript had it before its loop over each provider's slots was compiled
 * (model 0.3.2, verbatim, with the league table's ratings; leaders' turnover, added in 0.4.0,
 * called as gaming.ts calls it): the kernel (assembly/gaming.ts) must give exactly its numbers, in
 * every column and in the workers stream.
 */
function referenceGaming(world: World): void {
	const pr = world.providers;
	const w = world.workers;
	const p = world.p;
	const L = world.levers;
	const rng = world.streams.providers;

	for (let k = 0; k < pr.n; k++) {
		const served = pr.monthServed[k];
		if (served > 0) {
			pr.truePerformance[k] += PERFORMANCE_SMOOTHING * (pr.monthTrueWithin[k] / served - pr.truePerformance[k]);
			pr.reportedPerformance[k] +=
				PERFORMANCE_SMOOTHING * (pr.monthRecordedWithin[k] / served - pr.reportedPerformance[k]);
			pr.trueQuality[k] += PERFORMANCE_SMOOTHING * (pr.monthResolved[k] / served - pr.trueQuality[k]);
		}
		const shortfall = Math.max(0, p.targetStandard - pr.truePerformance[k]);
		const target = cultureTarget(p, L, pr.targetPressure[k], shortfall, pr.financialPressure[k], pr.meanMotivation[k]);
		pr.culture[k] += (target - pr.culture[k]) / p.cultureMonths;

		pr.blame[k] *= p.blameMemory;
		if (L.audit > 0 && rng.next() < L.audit * p.auditDetection * pr.hideChance[k]) {
			pr.culture[k] *= 1 - p.sanctionCut;
			pr.blame[k] += 1;
		}
		if (pr.failingMonths[k] > 0) pr.failingMonths[k]--;
	}

	if (L.inspection > 0) referenceRateProviders(world);
	changeLeadership(world);

	const pay = L.performancePay;
	const audit = L.audit;
	const workers = world.streams.workers;
	// Workers in slot order, provider by provider (each owns a run of slots), so that the part of
	// the log-odds a provider's staff share is worked out once.
	for (let k = 0; k < pr.n; k++) {
		const shared = sharedGamingLogit(p, pay, pr.targetPressure[k], pr.culture[k]);
		const end = pr.slotStart[k] + pr.slotCount[k];
		for (let i = pr.slotStart[k]; i < end; i++) {
			if (w.active[i] === 0) {
				w.gaming[i] = 0;
				continue;
			}
			// Games when the draw is below the logistic chance (evaluated only if it must be).
			w.gaming[i] = belowLogistic(workers.next(), workerGamingLogit(p, shared, audit, w.motivation[i])) ? 1 : 0;
		}
	}
}


function referenceRateProviders(world: World): void {
	const pr = world.providers;
	const p = world.p;
	const rng = world.streams.providers;
	const ranked = world.scratch;
	for (let k = 0; k < pr.n; k++) ranked[k] = pr.reportedPerformance[k];
	ranked.sort();
	// The bottom failingShare of providers by reported performance (ties at the line included).
	const failing = Math.round(p.failingShare * pr.n);
	if (failing === 0) return;
	const cutoff = ranked[failing - 1];
	const chance = (world.levers.inspection * p.inspectionRate) / 12;
	for (let k = 0; k < pr.n; k++) {
		if (rng.next() >= chance) continue;
		if (pr.reportedPerformance[k] <= cutoff) {
			pr.failingMonths[k] = Math.round(p.failingMonths);
			pr.blame[k] += 0.5;
			// Special measures: a failing rating may bring in new leadership, drawn afresh.
			if (rng.next() < p.turnaroundChance) pr.management[k] = p.managementSpread * normal(rng);
		}
	}
}

/** Both on copies of `world`: the columns that differ, and the kernel's world. */
function compare(world: World): { differ: string[]; kernel: World } {
	const kernel = cloneWorld(world);
	const reference = cloneWorld(world);
	stepGaming(kernel);
	referenceGaming(reference);
	return { differ: differences(kernel, reference), kernel };
}

const gamers = (world: World) => world.workers.gaming.reduce((n, g) => n + g, 0);

describe("the compiled gaming loop gives the JavaScript step's numbers exactly", () => {
	test.each([1, 2, 3])('a running world under targets, pay and audit (seed %i), month after month', (seed) => {
		const world = worldBefore(stepGaming, seed, 3, { levers: { targets: 1, inspection: 1, performancePay: 0.6, audit: 0.5 } });
		let gaming = 0;
		for (let m = 0; m < 12; m++) {
			const { differ, kernel } = compare(world);
			expect(differ).toEqual([]);
			gaming += gamers(kernel);
			nextMonthBefore(world, stepGaming);
		}
		// Staff gamed and did not: both branches of the comparison ran.
		expect(gaming).toBeGreaterThan(10);
	});

	test('log-odds beyond the bounds tables: the full comparison agrees', () => {
		for (const workerGamingBase of [80, -80]) {
			const world = worldBefore(stepGaming, 2, 2);
			world.p = { ...world.p, workerGamingBase };
			const { differ, kernel } = compare(world);
			expect(differ).toEqual([]);
			let active = 0;
			for (let i = 0; i < kernel.workers.n; i++) active += kernel.workers.active[i];
			expect(gamers(kernel)).toBe(workerGamingBase > 0 ? active : 0);
		}
	});

	test('draws exactly on each worker\'s chance of gaming, and a hair below it: the comparisons agree to the last bit', () => {
		const world = worldBefore(stepGaming, 5, 3, { population: { citizens: 20000 }, levers: { targets: 1, audit: 0.3 } });
		// The providers' part (audits, ratings) draws from the providers stream: the workers stream serves the staff alone.
		const pr = world.providers;
		const p = world.p;
		const chances: number[] = [];
		// The providers' part runs first and moves culture: work it out on a copy, then read each worker's chance.
		const after = cloneWorld(world);
		referenceGaming(after);
		for (let k = 0; k < pr.n && chances.length < 256; k++) {
			const shared = sharedGamingLogit(p, after.levers.performancePay, after.providers.targetPressure[k], after.providers.culture[k]);
			for (let i = pr.slotStart[k]; i < pr.slotStart[k] + pr.slotCount[k]; i++)
				if (world.workers.active[i] === 1) chances.push(logistic(workerGamingLogit(p, shared, after.levers.audit, world.workers.motivation[i])));
		}
		const { state, block } = world.streams.workers.columns;
		const draws = chances.slice(0, block.length).map((c, j) => (j % 2 === 0 ? c : doubleBelow(c)));
		block.set(draws);
		state[4] = 0;
		const { differ, kernel } = compare(world);
		expect(differ).toEqual([]);
		// A draw on the chance does not game and one a hair below does: half of those staff gamed.
		let gamed = 0;
		let seen = 0;
		for (let k = 0; k < pr.n && seen < draws.length; k++)
			for (let i = pr.slotStart[k]; i < pr.slotStart[k] + pr.slotCount[k] && seen < draws.length; i++)
				if (world.workers.active[i] === 1) {
					gamed += kernel.workers.gaming[i];
					seen++;
				}
		expect(draws.length).toBe(256);
		expect(gamed).toBe(128);
	});
});

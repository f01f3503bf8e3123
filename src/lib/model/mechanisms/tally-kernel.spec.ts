import { describe, expect, test } from 'vitest';
import { layOutCommon } from '../kernel-tables';
import type { World } from '../world';
import { resetMonth, runMonths, testWorld } from './_test-world';

/** The outcomes' count of provider k's staff as JavaScript had it (model 0.3.2, verbatim but for returning the sums). */
function referenceTally(world: World, k: number): number[] {
	const pr = world.providers;
	const w = world.workers;
	let staff = 0;
	let fte = 0;
	let burnt = 0;
	let gaming = 0;
	let motivation = 0;
	let skill = 0;
	const end = pr.slotStart[k] + pr.slotCount[k];
	for (let i = pr.slotStart[k]; i < end; i++) {
		if (w.active[i] === 0) continue;
		staff++;
		fte += w.fte[i];
		burnt += +(w.burnout[i] > 0.5);
		gaming += w.gaming[i];
		motivation += w.motivation[i];
		skill += w.skill[i];
	}
	return [staff, fte, burnt, gaming, motivation, skill];
}

/** The kernel's count of every provider's staff (assembly/collect-outcomes.ts), as collectOutcomes asks for it. */
function kernelTallies(world: World): number[][] {
	const arena = world.arena;
	const kernels = arena.kernels;
	layOutCommon(world);
	kernels.beginTally(arena.at(world.kernelColumns), arena.at(world.kernelScalars));
	const out: number[][] = [];
	for (let k = 0; k < world.providers.n; k++) {
		kernels.workersTally(world.providers.slotStart[k], world.providers.slotStart[k] + world.providers.slotCount[k]);
		out.push(Array.from(world.workerSums.subarray(0, 6)));
	}
	return out;
}

const referenceTallies = (world: World) => Array.from({ length: world.providers.n }, (_, k) => referenceTally(world, k));

describe("the compiled staff count gives the JavaScript's sums exactly", () => {
	test.each([1, 2, 3])('a running world under targets and pay (seed %i), month after month', (seed) => {
		const world = testWorld({ seed, levers: { targets: 1, performancePay: 0.7 } });
		let gaming = 0;
		for (let m = 0; m < 8; m++) {
			runMonths(world, 1);
			resetMonth(world);
			const sums = kernelTallies(world);
			expect(sums).toEqual(referenceTallies(world));
			gaming += sums.reduce((n, s) => n + s[3], 0);
		}
		expect(gaming).toBeGreaterThan(0);
	});

	test('burnout exactly at a half counts as not burnt out, a hair above as burnt out; vacant slots count for nothing', () => {
		const world = testWorld({ seed: 4 });
		const w = world.workers;
		for (let i = 0; i < w.n; i++) {
			w.burnout[i] = i % 3 === 0 ? 0.5 : i % 3 === 1 ? Math.fround(0.5 + 2 ** -24) : 0.2;
			w.gaming[i] = i % 2;
			if (i % 7 === 0) w.active[i] = 0;
		}
		const sums = kernelTallies(world);
		expect(sums).toEqual(referenceTallies(world));
		const burnt = sums.reduce((n, s) => n + s[2], 0);
		let expected = 0;
		for (let i = 0; i < w.n; i++) if (w.active[i] === 1 && i % 3 === 1) expected++;
		expect(burnt).toBe(expected);
	});
});

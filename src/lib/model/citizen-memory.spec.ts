import { describe, expect, test } from 'vitest';
import {
	adjustTrust,
	capabilityNow,
	driftTrustSums,
	fragilityNow,
	MEMORY_TABLE_MONTHS,
	setCapability,
	setFragility,
	trustNow
} from './citizen-memory';
import { QUINTILES } from './constants';
import { testWorld } from './mechanisms/_test-world';
import { stepNeedDynamics } from './mechanisms/need-dynamics';
import { createStream } from './rng';
import type { World } from './world';

/** Sum of every citizen's trust this month by (area, quintile) cell, read through trustNow. */
function trustByCell(world: World): Float64Array {
	const sums = new Float64Array(world.areas.n * QUINTILES);
	for (let i = 0; i < world.citizens.n; i++) {
		sums[world.citizens.area[i] * QUINTILES + world.citizens.quintile[i]] += trustNow(world, i);
	}
	return sums;
}

function largestCellGap(world: World): number {
	const direct = trustByCell(world);
	let gap = 0;
	for (let j = 0; j < direct.length; j++) gap = Math.max(gap, Math.abs(direct[j] - world.cellTrust[j]));
	return gap;
}

describe('trustNow', () => {
	test('trust relaxes toward the baseline by the monthly decay, as a month-by-month loop does', () => {
		const world = testWorld({ month: 5 });
		const base = world.p.trustBaseline;
		const keep = 1 - world.p.trustDrift;
		for (const [i, start] of [[0, 0.95], [1, 0.05]] as const) {
			world.month = 5;
			world.citizens.trust[i] = start;
			world.citizens.trustMonth[i] = 5;
			let expected = world.citizens.trust[i];
			for (let m = 1; m <= 40; m++) {
				expected = base + (expected - base) * keep;
				world.month = 5 + m;
				expect(trustNow(world, i)).toBeCloseTo(expected, 5);
			}
		}
	});

	test('reading trust after a long gap gives what reading it every month would', () => {
		const world = testWorld();
		const base = world.p.trustBaseline;
		const keep = 1 - world.p.trustDrift;
		for (const gap of [1, 7, 60, MEMORY_TABLE_MONTHS - 1, MEMORY_TABLE_MONTHS + 50]) {
			world.month = 0;
			world.citizens.trust[3] = 0.9;
			world.citizens.trustMonth[3] = 0;
			let expected = world.citizens.trust[3];
			for (let m = 0; m < gap; m++) expected = base + (expected - base) * keep;
			world.month = gap;
			expect(trustNow(world, 3)).toBeCloseTo(expected, 6);
		}
	});

	test('trust above and below the baseline both move toward it and never past it', () => {
		const world = testWorld();
		const base = world.p.trustBaseline;
		world.citizens.trust[0] = 0.9;
		world.citizens.trust[1] = 0.1;
		world.citizens.trustMonth[0] = 0;
		world.citizens.trustMonth[1] = 0;
		let high = 0.9;
		let low = 0.1;
		for (let m = 1; m < 300; m += 13) {
			world.month = m;
			const h = trustNow(world, 0);
			const l = trustNow(world, 1);
			expect(h).toBeLessThan(high);
			expect(h).toBeGreaterThanOrEqual(base);
			expect(l).toBeGreaterThan(low);
			expect(l).toBeLessThanOrEqual(base);
			high = h;
			low = l;
		}
	});

	test('a faster trust drift relaxes trust faster', () => {
		const slow = testWorld({ assumptions: { trustDrift: 0.01 } });
		const fast = testWorld({ assumptions: { trustDrift: 0.1 } });
		for (const world of [slow, fast]) {
			world.citizens.trust[0] = 0.95;
			world.citizens.trustMonth[0] = 0;
			world.month = 6;
		}
		expect(trustNow(fast, 0)).toBeLessThan(trustNow(slow, 0));
	});
});

describe('adjustTrust', () => {
	test('adjustTrust clamps trust to [0, 1]', () => {
		const world = testWorld();
		adjustTrust(world, 0, 5);
		expect(trustNow(world, 0)).toBe(1);
		adjustTrust(world, 0, -5);
		expect(trustNow(world, 0)).toBe(0);
		adjustTrust(world, 0, 0.25);
		expect(trustNow(world, 0)).toBeCloseTo(0.25, 6);
	});

	test('a good experience raises trust and a bad one lowers it', () => {
		const world = testWorld();
		const before = trustNow(world, 10);
		adjustTrust(world, 10, 0.05);
		expect(trustNow(world, 10)).toBeGreaterThan(before);
		adjustTrust(world, 10, -0.1);
		expect(trustNow(world, 10)).toBeLessThan(before);
	});

	test('adjustTrust and driftTrustSums keep every cell sum equal to the sum of trustNow over its citizens', () => {
		const world = testWorld();
		const rng = createStream(99, 0, 'spec');
		for (let m = 0; m < 60; m++) {
			// The sums describe trust as of world.month: a new month relaxes them once.
			world.month++;
			driftTrustSums(world);
			for (let j = 0; j < 200; j++) {
				const i = Math.floor(rng.next() * world.citizens.n);
				adjustTrust(world, i, (rng.next() - 0.5) * 1.2);
			}
		}
		expect(largestCellGap(world)).toBeLessThan(1e-4);
	});

	test('clamped adjustments keep the sums exact: only the change actually made is counted', () => {
		const world = testWorld();
		const cell = world.citizens.area[0] * QUINTILES + world.citizens.quintile[0];
		const before = world.cellTrust[cell];
		const trust = trustNow(world, 0);
		adjustTrust(world, 0, 10);
		expect(world.cellTrust[cell] - before).toBeCloseTo(1 - trust, 6);
	});
});

describe('trust sums in the first month of a world', () => {
	// A regression test: createWorld stamps every citizen's trust as of its first month and sums
	// it by cell; the first month of need dynamics must not relax the sums before any citizen's
	// trust has relaxed.
	test('after the first month of need dynamics the cell sums still equal the sum of trustNow', () => {
		const world = testWorld({ month: -24 });
		expect(largestCellGap(world)).toBeLessThan(1e-4);
		stepNeedDynamics(world);
		expect(largestCellGap(world)).toBeLessThan(1e-4);
	});
});

describe('fragility (relapse memory)', () => {
	test('fragility halves after fragilityHalfLife months and halves again after as many more', () => {
		for (const halfLife of [3, 6, 12]) {
			const world = testWorld({ assumptions: { fragilityHalfLife: halfLife } });
			setFragility(world, 4, 2);
			expect(fragilityNow(world, 4)).toBe(2);
			world.month = halfLife;
			expect(fragilityNow(world, 4)).toBeCloseTo(1, 5);
			world.month = 2 * halfLife;
			expect(fragilityNow(world, 4)).toBeCloseTo(0.5, 5);
		}
	});

	test('fragility falls every month and stays zero when it was never set', () => {
		const world = testWorld();
		setFragility(world, 4, 1.5);
		let last = fragilityNow(world, 4);
		for (let m = 1; m < 30; m++) {
			world.month = m;
			const now = fragilityNow(world, 4);
			expect(now).toBeLessThan(last);
			last = now;
		}
		// A citizen the start gave no relapse risk (settled-start.ts gives about a quarter one).
		const never = Array.from(world.fragility.keys()).find((i) => i !== 4 && world.fragility[i] === 0) ?? -1;
		expect(never).toBeGreaterThanOrEqual(0);
		expect(fragilityNow(world, never)).toBe(0);
	});

	test('setting fragility again restarts its decay from the new value', () => {
		const world = testWorld();
		setFragility(world, 4, 2);
		world.month = 12;
		setFragility(world, 4, 0.8);
		expect(fragilityNow(world, 4)).toBeCloseTo(0.8, 6);
	});
});

describe('capability (returning to each citizen’s usual level)', () => {
	test('capability returns toward the citizen’s own usual level by the monthly decay, as a month-by-month loop does', () => {
		const world = testWorld();
		const keep = 1 - 1 / world.p.capabilityMemoryMonths;
		for (const [i, start] of [[2, 0.1], [3, 0.95]] as const) {
			world.month = 0;
			setCapability(world, i, start);
			const base = world.citizens.baseCapability[i];
			let expected = world.citizens.capability[i];
			for (let m = 1; m <= 30; m++) {
				expected = base + (expected - base) * keep;
				world.month = m;
				expect(capabilityNow(world, i)).toBeCloseTo(expected, 5);
			}
		}
	});

	test('after a long gap capability is what reading it every month would give, and close to the usual level', () => {
		const world = testWorld();
		const i = 7;
		const base = world.citizens.baseCapability[i];
		const keep = 1 - 1 / world.p.capabilityMemoryMonths;
		for (const gap of [5, MEMORY_TABLE_MONTHS - 1, MEMORY_TABLE_MONTHS + 40]) {
			world.month = 0;
			setCapability(world, i, 0);
			world.month = gap;
			expect(capabilityNow(world, i)).toBeCloseTo(base - base * Math.pow(keep, gap), 5);
		}
		expect(Math.abs(capabilityNow(world, i) - base)).toBeLessThan(1e-6);
	});

	test('each citizen returns to their own level, not a common one', () => {
		const world = testWorld();
		const c = world.citizens;
		const pairs = [...Array(c.n).keys()].filter((i) => Math.abs(c.baseCapability[i] - 0.5) > 0.15).slice(0, 20);
		expect(pairs.length).toBe(20);
		for (const i of pairs) setCapability(world, i, 0.5);
		world.month = 24;
		for (const i of pairs) {
			const now = capabilityNow(world, i);
			// Moved from 0.5 toward the citizen's own level, whichever side it lies.
			expect(Math.sign(now - 0.5)).toBe(Math.sign(c.baseCapability[i] - 0.5));
			expect(Math.abs(now - c.baseCapability[i])).toBeLessThan(Math.abs(0.5 - c.baseCapability[i]));
		}
	});

	test('a shorter memory brings capability back sooner', () => {
		const quick = testWorld({ assumptions: { capabilityMemoryMonths: 6 } });
		const slow = testWorld({ assumptions: { capabilityMemoryMonths: 60 } });
		for (const world of [quick, slow]) {
			setCapability(world, 0, 0);
			world.month = 6;
		}
		expect(capabilityNow(quick, 0)).toBeGreaterThan(capabilityNow(slow, 0));
	});

	test('setCapability clamps to [0, 1] and stamps the month, so reading it the same month gives it back', () => {
		const world = testWorld({ month: 9 });
		setCapability(world, 1, 1.7);
		expect(capabilityNow(world, 1)).toBe(1);
		expect(world.citizens.capabilityMonth[1]).toBe(9);
		setCapability(world, 1, -0.3);
		expect(capabilityNow(world, 1)).toBe(0);
		setCapability(world, 1, 0.25);
		expect(capabilityNow(world, 1)).toBeCloseTo(0.25, 6);
	});
});

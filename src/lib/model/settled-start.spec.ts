import { describe, expect, test } from 'vitest';
import { AT_RISK, DAYS_PER_MONTH, F_TURNED_AWAY, F_UNRESOLVED, QUINTILES, WAITING, WELL } from './constants';
import { arrivalsOf, queueOf, sum, testWorld } from './mechanisms/_test-world';
import { stepMonth } from './model';
import { defaultLevers } from './parameters/registry';
import { MAX_WAITED_DAYS, TYPICAL_CITIZENS } from './settled-start';
import { MIN_SPIN_UP_MONTHS, spinUp } from './spin-up';

/** Whether a share from `n` draws is within four standard errors of `expected`. */
function nearShare(observed: number, expected: number, n: number): boolean {
	return Math.abs(observed - expected) <= 4 * Math.sqrt((expected * (1 - expected)) / n);
}

describe('a world starts near its settled state', () => {
	const world = testWorld({ population: { citizens: 40_000, areas: 8, providersPerArea: 3 }, seed: 3, month: 24 });
	const c = world.citizens;
	const inQuintile = (q: number) => Array.from({ length: c.n }, (_, i) => i).filter((i) => c.quintile[i] === q);

	test('citizens are at risk and waiting in the settled shares of their deprivation quintile, more of them the more deprived', () => {
		const atRiskShares: number[] = [];
		const waitingShares: number[] = [];
		for (let q = 0; q < QUINTILES; q++) {
			const members = inQuintile(q);
			const atRisk = members.filter((i) => c.state[i] === AT_RISK).length / members.length;
			const waiting = members.filter((i) => c.state[i] === WAITING).length / members.length;
			expect(nearShare(atRisk, TYPICAL_CITIZENS.atRisk[q], members.length), `at risk, quintile ${q}: ${atRisk}`).toBe(true);
			expect(nearShare(waiting, TYPICAL_CITIZENS.waiting[q], members.length), `waiting, quintile ${q}: ${waiting}`).toBe(true);
			atRiskShares.push(atRisk);
			waitingShares.push(waiting);
		}
		expect(atRiskShares[QUINTILES - 1]).toBeGreaterThan(atRiskShares[0] + 0.08);
		expect(waitingShares[QUINTILES - 1]).toBeGreaterThan(waitingShares[0] + 0.015);
		expect(c.state.every((s) => s === WELL || s === AT_RISK || s === WAITING)).toBe(true);
	});

	test('of those at risk, the settled shares were last left unresolved and last turned away; no one else carries a flag', () => {
		for (let q = 0; q < QUINTILES; q++) {
			const atRisk = inQuintile(q).filter((i) => c.state[i] === AT_RISK);
			const unresolved = atRisk.filter((i) => (c.flags[i] & F_UNRESOLVED) !== 0).length / atRisk.length;
			const turnedAway = atRisk.filter((i) => (c.flags[i] & F_TURNED_AWAY) !== 0).length / atRisk.length;
			expect(nearShare(unresolved, TYPICAL_CITIZENS.unresolvedAmongAtRisk[q], atRisk.length), `unresolved, quintile ${q}`).toBe(true);
			expect(nearShare(turnedAway, TYPICAL_CITIZENS.turnedAwayAmongAtRisk[q], atRisk.length), `turned away, quintile ${q}`).toBe(true);
		}
		for (let i = 0; i < c.n; i++) if (c.state[i] !== AT_RISK) expect(c.flags[i]).toBe(0);
	});

	test('every waiting citizen is on their home provider’s list, and the lists’ counts, work and cells agree with them', () => {
		const pr = world.providers;
		const listed: number[] = [];
		for (let k = 0; k < pr.n; k++) {
			const queue = queueOf(world, k);
			expect(queue.length).toBe(pr.queueLength[k]);
			expect(pr.queueUnits[k]).toBeCloseTo(sum(queue.map((i) => c.caseUnits[i])), 6);
			expect(pr.queueComplex[k]).toBe(queue.filter((i) => c.complex[i] === 1).length);
			expect(arrivalsOf(world, k)).toEqual([]);
			for (const i of queue) {
				expect(c.homeProvider[i]).toBe(k);
				expect(c.provider[i]).toBe(k);
			}
			listed.push(...queue);
		}
		const waiting = Array.from({ length: c.n }, (_, i) => i).filter((i) => c.state[i] === WAITING);
		expect(listed.sort((a, b) => a - b)).toEqual(waiting);
		const cells = new Float64Array(world.cellWaiting.length);
		for (const i of waiting) cells[c.area[i] * QUINTILES + c.quintile[i]]++;
		expect(Array.from(world.cellWaiting)).toEqual(Array.from(cells));
	});

	test('waiting cases have waited times drawn from the settled ones (exponential, mean 30 days), booked as any case is', () => {
		const today = world.month * DAYS_PER_MONTH;
		const waited = Array.from(c.state.keys()).filter((i) => c.state[i] === WAITING).map((i) => today - c.arrivalDay[i]);
		for (const w of waited) {
			expect(w).toBeGreaterThanOrEqual(0);
			expect(w).toBeLessThanOrEqual(MAX_WAITED_DAYS);
		}
		const mean = sum(waited) / waited.length;
		// An exponential's standard error of the mean is mean / √n (flooring to whole days takes off half a day).
		expect(Math.abs(mean + 0.5 - TYPICAL_CITIZENS.waitedDays)).toBeLessThan((4 * TYPICAL_CITIZENS.waitedDays) / Math.sqrt(waited.length));
		const median = waited.sort((a, b) => a - b)[waited.length >> 1];
		expect(median).toBeGreaterThanOrEqual(17);
		expect(median).toBeLessThanOrEqual(24);
		for (let i = 0; i < c.n; i++) {
			if (c.state[i] !== WAITING) continue;
			expect(c.allowance[i]).toBeGreaterThan(0);
			expect(c.caseUnits[i]).toBeGreaterThan(0);
			expect(c.dueDay[i]).toBeGreaterThanOrEqual(c.arrivalDay[i]);
		}
	});

	test('about a quarter carry the relapse risk of transactional help given in the last twelve months', () => {
		const risk = world.p.relapseTransactional * TYPICAL_CITIZENS.relapseShare;
		let carrying = 0;
		for (let i = 0; i < c.n; i++) {
			if (world.fragility[i] === 0) continue;
			carrying++;
			expect(world.fragility[i]).toBe(Math.fround(risk));
			expect(world.month - c.fragilityMonth[i]).toBeGreaterThanOrEqual(0);
			expect(world.month - c.fragilityMonth[i]).toBeLessThan(12);
		}
		expect(nearShare(carrying / c.n, TYPICAL_CITIZENS.recentlyHelped, c.n)).toBe(true);
	});

	test('providers know their capacity before the first month, so its access judges the backlog against it', () => {
		for (let k = 0; k < world.providers.n; k++) expect(world.providers.capacity[k]).toBeGreaterThan(0);
	});
});

describe('the spin-up a settled start allows', () => {
	test('a default-sized world passes the settling check at its first chance for a third of seeds or more (from the earlier start, 1 of 40)', () => {
		const levers = defaultLevers();
		let first = 0;
		for (let seed = 1; seed <= 12; seed++) {
			const world = testWorld({ population: { citizens: 20_000, areas: 12, providersPerArea: 3 }, seed });
			const result = spinUp(world, levers, 600, stepMonth);
			expect(result.settled).toBe(true);
			if (result.months === MIN_SPIN_UP_MONTHS) first++;
		}
		expect(first).toBeGreaterThanOrEqual(4);
	});
});

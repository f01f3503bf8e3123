import { describe, expect, test } from 'vitest';
import { AT_RISK, DAYS_PER_MONTH, F_TURNED_AWAY, F_UNRESOLVED, QUINTILES, WAITING, WELL } from './constants';
import { arrivalsOf, queueOf, sum, testWorld } from './mechanisms/_test-world';
import { bookCase } from './mechanisms/access-and-choice';
import { stepMonth } from './model';
import { defaultLevers } from './parameters/registry';
import { TYPICAL_CITIZENS } from './settled-start';
import { MIN_SPIN_UP_MONTHS, spinUp } from './spin-up';

/** Whether a share from `n` draws is within four standard errors of `expected`. */
function nearShare(observed: number, expected: number, n: number): boolean {
	return Math.abs(observed - expected) <= 4 * Math.sqrt((expected * (1 - expected)) / n);
}

describe('a world starts near its settled state', () => {
	const world = testWorld({ population: { citizens: 40_000, areas: 8, providersPerArea: 3 }, seed: 3, month: 24 });
	const c = world.citizens;
	const inQuintile = (q: number) => Array.from({ length: c.n }, (_, i) => i).filter((i) => c.quintile[i] === q);

	test('citizens are at risk and waiting in the settled shares of their deprivation quintile and needs, more of them the more deprived', () => {
		const atRiskShares: number[] = [];
		const waitingShares: number[] = [];
		for (let q = 0; q < QUINTILES; q++) {
			for (const [needs, complex] of [['simple', 0], ['complex', 1]] as const) {
				const members = inQuintile(q).filter((i) => c.complex[i] === complex);
				const atRisk = members.filter((i) => c.state[i] === AT_RISK).length / members.length;
				const waiting = members.filter((i) => c.state[i] === WAITING).length / members.length;
				const t = TYPICAL_CITIZENS;
				expect(nearShare(atRisk, t.atRisk[needs][q], members.length), `at risk, ${needs}, quintile ${q}: ${atRisk}`).toBe(true);
				expect(nearShare(waiting, t.waiting[needs][q], members.length), `waiting, ${needs}, quintile ${q}: ${waiting}`).toBe(true);
			}
			const members = inQuintile(q);
			atRiskShares.push(members.filter((i) => c.state[i] === AT_RISK).length / members.length);
			waitingShares.push(members.filter((i) => c.state[i] === WAITING).length / members.length);
		}
		expect(atRiskShares[QUINTILES - 1]).toBeGreaterThan(atRiskShares[0] + 0.08);
		expect(waitingShares[QUINTILES - 1]).toBeGreaterThan(waitingShares[0] + 0.015);
		expect(c.state.every((s) => s === WELL || s === AT_RISK || s === WAITING)).toBe(true);
	});

	test('complex cases are on the lists half as many again as their share of citizens', () => {
		const complexShare = c.complex.reduce((a, b) => a + b, 0) / c.n;
		const waiting = Array.from(c.state.keys()).filter((i) => c.state[i] === WAITING);
		const complexWaiting = waiting.filter((i) => c.complex[i] === 1).length / waiting.length;
		expect(complexWaiting).toBeGreaterThan(1.3 * complexShare);
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

	test('waiting cases are on the list as a steady state holds them: some past their booked day, the rest booked further ahead than a new case', () => {
		const today = world.month * DAYS_PER_MONTH;
		const t = TYPICAL_CITIZENS;
		const waiting = Array.from(c.state.keys()).filter((i) => c.state[i] === WAITING);
		for (const i of waiting) {
			expect(c.arrivalDay[i]).toBeLessThanOrEqual(today);
			expect(c.dueDay[i]).toBeGreaterThanOrEqual(c.arrivalDay[i]);
			expect(c.allowance[i]).toBeGreaterThan(0);
			expect(c.caseUnits[i]).toBeGreaterThan(0);
		}
		const mean = (values: number[]) => sum(values) / values.length;
		const overdue = waiting.filter((i) => c.dueDay[i] < today);
		expect(nearShare(overdue.length / waiting.length, t.overdueShare, waiting.length)).toBe(true);
		// Days overdue are close to exponential: the standard error of their mean is about the mean / √n.
		const late = overdue.map((i) => today - c.dueDay[i]);
		expect(Math.abs(mean(late) - t.overdueDays)).toBeLessThan((4 * t.overdueDays) / Math.sqrt(late.length));

		// The rest against the same citizens booked afresh today: a list holds a case in proportion
		// to its days booked ahead, so its cases are booked some E[B²] / E[B] ahead of their
		// arrival, further than new ones, and have waited about half of that.
		const ahead = waiting.filter((i) => c.dueDay[i] > today);
		expect(ahead.length + overdue.length).toBe(waiting.length);
		const fresh = testWorld({ population: { citizens: 40_000, areas: 8, providersPerArea: 3 }, seed: 3, month: 24 });
		const newBookings = ahead.map((i) => {
			bookCase(fresh, i, c.homeProvider[i], today, fresh.streams.events);
			return fresh.citizens.dueDay[i] - today;
		});
		const booked = ahead.map((i) => c.dueDay[i] - c.arrivalDay[i]);
		const lengthBiased = mean(newBookings.map((b) => b * b)) / mean(newBookings);
		expect(mean(booked)).toBeGreaterThan(1.2 * mean(newBookings));
		expect(Math.abs(mean(booked) - lengthBiased)).toBeLessThan(0.15 * lengthBiased);
		const waited = ahead.map((i) => today - c.arrivalDay[i]);
		expect(Math.abs(mean(waited) - mean(booked) / 2)).toBeLessThan(0.1 * mean(booked));
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

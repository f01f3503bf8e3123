import { describe, expect, test } from 'vitest';
import { trustNow } from '../citizen-memory';
import {
	AT_RISK,
	DAYS_PER_MONTH,
	F_FAILURE,
	F_TURNED_AWAY,
	F_UNRESOLVED,
	MAX_ALLOWANCE_DAYS,
	NEVER,
	QUINTILES,
	WAITING
} from '../constants';
import { T } from '../tallies';
import type { World } from '../world';
import {
	admitAll,
	arrivalsOf,
	cellTally,
	citizensWhere,
	clearQueues,
	mean,
	present,
	queueOf,
	quietCitizens,
	register,
	resetMonth,
	setStates,
	sum,
	testWorld,
	type TestWorldOptions
} from './_test-world';
import { resultsPressure, stepAccess } from './access-and-choice';
import { stepNeedDynamics } from './need-dynamics';

/**
 * A world with empty queues, ample capacity (no backlog, so nobody is turned away), no payment
 * by results (so nobody is declined) and no target pressure, every citizen at risk with no
 * history, ready for access.
 */
function accessWorld(options: TestWorldOptions = {}): World {
	// Choices stay within the area unless a test says otherwise.
	const world = testWorld({ ...options, levers: { competition: 0, ...options.levers }, assumptions: { choiceReach: 0, ...options.assumptions } });
	quietCitizens(world);
	setStates(world, AT_RISK);
	world.citizens.lastContactMonth.fill(NEVER);
	world.providers.capacity.fill(100);
	// Plain casework, so a month of work waiting is a month of backlog.
	world.providers.relational.fill(0);
	world.providers.queueUnits.fill(0);
	world.providers.targetPressure.fill(0);
	world.providers.financialPressure.fill(0);
	world.providers.outsourced.fill(0);
	resetMonth(world);
	return world;
}

/** Present everyone listed and run access; return them. */
function admit(world: World, citizens: number[]): number[] {
	present(world, citizens);
	stepAccess(world);
	return citizens;
}

describe('stepAccess: where citizens go', () => {
	test('without choice every presenting citizen joins the home provider, even one who chose another before', () => {
		const world = accessWorld({ levers: { choice: 0 } });
		const c = world.citizens;
		const perArea = world.population.providersPerArea;
		// Half of the citizens last used the other provider of their area.
		for (let i = 0; i < c.n; i += 2) register(world, i, c.area[i] * perArea + ((c.homeProvider[i] + 1) % perArea));
		world.providers.reportedPerformance.fill(0.5);
		for (let a = 0; a < world.areas.n; a++) world.providers.reportedPerformance[a * perArea] = 0.99;
		const everyone = citizensWhere(world, () => true);
		present(world, everyone);
		stepAccess(world);
		for (const i of everyone) {
			expect(c.state[i]).toBe(WAITING);
			expect(c.provider[i]).toBe(c.homeProvider[i]);
		}
		admitAll(world);
		for (let k = 0; k < world.providers.n; k++) {
			for (const i of queueOf(world, k)) expect(c.homeProvider[i]).toBe(k);
		}
	});

	test('with choice and full inspection, choosers move to a provider that reports much better, the more so the more able they are to choose', () => {
		const world = accessWorld({ levers: { choice: 1, inspection: 1 }, population: { citizens: 6000 } });
		const c = world.citizens;
		const perArea = world.population.providersPerArea;
		for (let a = 0; a < world.areas.n; a++) {
			world.providers.reportedPerformance[a * perArea] = 0.5;
			world.providers.reportedPerformance[a * perArea + 1] = 0.95;
		}
		const atWorse = citizensWhere(world, (i) => c.homeProvider[i] % perArea === 0);
		present(world, atWorse);
		stepAccess(world);
		const moved = (i: number) => (c.provider[i] !== c.homeProvider[i] ? 1 : 0);
		for (const i of atWorse) if (moved(i)) expect(c.provider[i]).toBe(c.homeProvider[i] + 1);
		const sorted = [...atWorse].sort((x, y) => c.choiceCapacity[x] - c.choiceCapacity[y]);
		const half = Math.floor(sorted.length / 2);
		const lowShare = mean(sorted.slice(0, half).map(moved));
		const highShare = mean(sorted.slice(half).map(moved));
		expect(highShare).toBeGreaterThan(lowShare + 0.1);
		expect(lowShare + highShare).toBeGreaterThan(0);
		// Registrations follow the moves.
		const counts = new Float64Array(world.providers.n);
		for (let i = 0; i < c.n; i++) counts[c.provider[i]]++;
		expect(Array.from(world.registeredCount)).toEqual(Array.from(counts));
	});

	test('nobody moves without choice however much better another provider reports', () => {
		const world = accessWorld({ levers: { choice: 0 } });
		const perArea = world.population.providersPerArea;
		for (let a = 0; a < world.areas.n; a++) world.providers.reportedPerformance[a * perArea + 1] = 1;
		const everyone = citizensWhere(world, () => true);
		present(world, everyone);
		stepAccess(world);
		expect(everyone.every((i) => world.citizens.provider[i] === world.citizens.homeProvider[i])).toBe(true);
	});

	test('choosers do not move for a gain within the switching margin', () => {
		const world = accessWorld({ levers: { choice: 1, inspection: 1 } });
		const c = world.citizens;
		const perArea = world.population.providersPerArea;
		for (let a = 0; a < world.areas.n; a++) {
			world.providers.reportedPerformance[a * perArea] = 0.7;
			world.providers.reportedPerformance[a * perArea + 1] = 0.7 + world.p.switchMargin / 2;
		}
		const everyone = citizensWhere(world, () => true);
		present(world, everyone);
		stepAccess(world);
		expect(everyone.every((i) => c.provider[i] === c.homeProvider[i])).toBe(true);
	});

	test('with choice, a citizen stays with the provider they chose before when it is not beaten', () => {
		const world = accessWorld({ levers: { choice: 1, inspection: 1 } });
		const c = world.citizens;
		const perArea = world.population.providersPerArea;
		const chosen: number[] = [];
		for (let a = 0; a < world.areas.n; a++) {
			world.providers.reportedPerformance[a * perArea] = 0.9;
			world.providers.reportedPerformance[a * perArea + 1] = 0.6;
		}
		// Citizens whose home is the second provider but who chose the first, better, one before,
		// and choose again this time.
		for (let i = 0; i < c.n; i++) {
			if (c.homeProvider[i] % perArea === 1) {
				register(world, i, c.homeProvider[i] - 1);
				c.choiceCapacity[i] = 1;
				chosen.push(i);
			}
		}
		present(world, chosen);
		stepAccess(world);
		expect(chosen.every((i) => c.provider[i] === c.homeProvider[i] - 1)).toBe(true);
	});

	test('a citizen who does not choose this time uses the local provider again', () => {
		const world = accessWorld({ levers: { choice: 1, inspection: 1 } });
		const c = world.citizens;
		const perArea = world.population.providersPerArea;
		const away: number[] = [];
		for (let i = 0; i < c.n; i++) {
			if (c.homeProvider[i] % perArea === 1) {
				register(world, i, c.homeProvider[i] - 1);
				c.choiceCapacity[i] = 0;
				away.push(i);
			}
		}
		present(world, away);
		stepAccess(world);
		expect(away.every((i) => c.provider[i] === c.homeProvider[i])).toBe(true);
	});

	test('with choiceReach, choosers consider providers in other areas; without it, only their own', () => {
		const moversElsewhere = (choiceReach: number) => {
			const world = accessWorld({ levers: { choice: 1, inspection: 1 }, assumptions: { choiceReach }, population: { citizens: 6000 } });
			const c = world.citizens;
			const pr = world.providers;
			// The last area's providers report far better than everyone else's.
			for (let k = 0; k < pr.n; k++) pr.reportedPerformance[k] = pr.area[k] === world.areas.n - 1 ? 0.99 : 0.5;
			const outside = citizensWhere(world, (i) => c.area[i] !== world.areas.n - 1);
			for (const i of outside) c.choiceCapacity[i] = 1;
			present(world, outside);
			stepAccess(world);
			return outside.filter((i) => pr.area[c.provider[i]] !== c.area[i]).length / outside.length;
		};
		expect(moversElsewhere(0)).toBe(0);
		const share = moversElsewhere(1);
		// A chooser moves when the one provider considered happens to be in the best area.
		expect(share).toBeGreaterThan(0.2);
		expect(share).toBeLessThan(0.5);
	});

});

describe('stepAccess: what choosers see', () => {
	/**
	 * Every citizen whose home is an area's first provider presents, with choice at its fullest;
	 * the area's second provider is `better` on one figure and `worse` on the other.
	 */
	function choose(inspection: number, figures: { reported: [number, number]; quality: [number, number] }, wordOfMouthNoise = 0.1) {
		const world = accessWorld({ levers: { choice: 1, inspection }, assumptions: { wordOfMouthNoise }, population: { citizens: 6000 } });
		const c = world.citizens;
		const pr = world.providers;
		const perArea = world.population.providersPerArea;
		for (let a = 0; a < world.areas.n; a++) {
			for (let j = 0; j < perArea; j++) {
				pr.reportedPerformance[a * perArea + j] = figures.reported[j];
				pr.trueQuality[a * perArea + j] = figures.quality[j];
			}
		}
		const choosers = admit(world, citizensWhere(world, (i) => c.homeProvider[i] % perArea === 0));
		const movers = choosers.filter((i) => c.provider[i] !== c.homeProvider[i]);
		for (const i of movers) expect(c.provider[i]).toBe(c.homeProvider[i] + 1);
		return { world, choosers, movers };
	}

	test('with full inspection choosers follow the published ratings, even where they mislead', () => {
		const { choosers, movers } = choose(1, { reported: [0.5, 0.95], quality: [0.8, 0.3] });
		expect(movers.length).toBeGreaterThan(choosers.length * 0.2);
	});

	test('with no inspection choosers follow word of mouth about true success, not the figures providers report', () => {
		const misled = choose(0, { reported: [0.95, 0.5], quality: [0.3, 0.8] });
		expect(misled.movers.length).toBeGreaterThan(misled.choosers.length * 0.2);
		const stay = choose(0, { reported: [0.5, 0.95], quality: [0.8, 0.3] });
		expect(stay.movers.length).toBe(0);
	});

	test('word of mouth is noisy: between providers of equal true success some choosers move anyway, and without noise none do', () => {
		const equal = { reported: [0.7, 0.7] as [number, number], quality: [0.6, 0.6] as [number, number] };
		expect(choose(0, equal, 0).movers.length).toBe(0);
		const { world, choosers, movers } = choose(0, equal, 0.3);
		expect(movers.length).toBeGreaterThan(choosers.length * 0.05);
		// A clear gain in true success moves more choosers than noise alone does.
		expect(choose(0, { reported: [0.7, 0.7], quality: [0.5, 0.7] }, 0.3).movers.length).toBeGreaterThan(movers.length);
		expect(world.registeredCount.reduce((a, b) => a + b, 0)).toBe(world.citizens.n);
	});

	test('partial inspection weighs the published rating by the inspection lever against word of mouth', () => {
		// Reported says +0.2 for the second provider, word of mouth −0.1: the rating wins only where inspection weighs more than a third.
		const figures = { reported: [0.6, 0.8] as [number, number], quality: [0.7, 0.6] as [number, number] };
		expect(choose(0.8, figures, 0).movers.length).toBeGreaterThan(0);
		expect(choose(0.2, figures, 0).movers.length).toBe(0);
	});
});

describe('stepAccess: booking a case', () => {
	function admitted(options: TestWorldOptions = {}, setup: (world: World) => void = () => {}) {
		const world = accessWorld({ population: { citizens: 20_000 }, ...options });
		setup(world);
		const everyone = admit(world, citizensWhere(world, () => true));
		return { world, everyone };
	}

	test('each case gets a clinical allowance, log-normal around its median, never beyond the longest allowance', () => {
		const { world, everyone } = admitted();
		const allowance = everyone.map((i) => world.citizens.allowance[i]);
		const logs = allowance.map(Math.log);
		const sorted = [...allowance].sort((a, b) => a - b);
		const median = sorted[Math.floor(sorted.length / 2)];
		expect(Math.abs(median / world.p.allowanceMedianDays - 1)).toBeLessThan(0.04);
		const m = mean(logs);
		const sd = Math.sqrt(mean(logs.map((x) => (x - m) ** 2)));
		expect(Math.abs(sd - world.p.allowanceSpread)).toBeLessThan(0.05);
		expect(Math.max(...allowance)).toBeLessThanOrEqual(MAX_ALLOWANCE_DAYS);
		const narrow = admitted({ assumptions: { allowanceSpread: 0.3, allowanceMedianDays: 60 } });
		const narrowLogs = narrow.everyone.map((i) => Math.log(narrow.world.citizens.allowance[i]));
		const nm = mean(narrowLogs);
		expect(Math.abs(nm - Math.log(60))).toBeLessThan(0.02);
		expect(Math.sqrt(mean(narrowLogs.map((x) => (x - nm) ** 2)))).toBeLessThan(0.33);
	});

	test('without target pressure a case is booked for the day its allowance runs out', () => {
		const { world, everyone } = admitted();
		const c = world.citizens;
		for (const i of everyone) expect(c.dueDay[i] - c.arrivalDay[i]).toBe(Math.floor(c.allowance[i]));
	});

	test('each case takes its own work, log-normal around its type’s mean with CV caseWorkSpread', () => {
		const { world, everyone } = admitted();
		const c = world.citizens;
		for (const complex of [0, 1]) {
			const units = everyone.filter((i) => c.complex[i] === complex).map((i) => c.caseUnits[i]);
			expect(units.length).toBeGreaterThan(3000);
			const m = mean(units);
			const cv = Math.sqrt(mean(units.map((u) => (u - m) ** 2))) / m;
			expect(Math.abs(m / (complex ? world.p.complexUnits : 1) - 1)).toBeLessThan(0.03);
			expect(Math.abs(cv - world.p.caseWorkSpread)).toBeLessThan(0.05);
			expect(Math.min(...units)).toBeGreaterThan(0);
		}
		const fixed = admitted({ assumptions: { caseWorkSpread: 0 } });
		for (const i of fixed.everyone) {
			expect(fixed.world.citizens.caseUnits[i]).toBeCloseTo(fixed.world.citizens.complex[i] ? fixed.world.p.complexUnits : 1, 6);
		}
	});

	test('under target pressure, cases that would be booked past 0.85 × the target are brought forward by targetFocus × pressure (threshold-chasing)', () => {
		const { world, everyone } = admitted({ assumptions: { targetFocus: 0.6, targetStreaming: 0 } }, (w) => w.providers.targetPressure.fill(1));
		const c = world.citizens;
		const threshold = 0.85 * world.p.targetDays;
		let exact = 0;
		let moved = 0;
		for (const i of everyone) {
			const a = c.allowance[i];
			const booked = a > threshold ? a - 0.6 * (a - threshold) : a;
			const days = c.dueDay[i] - c.arrivalDay[i];
			expect(Math.abs(days - Math.floor(booked))).toBeLessThanOrEqual(1);
			if (days === Math.floor(booked)) exact++;
			if (a > threshold) moved++;
			// Urgent cases keep their clinical booking.
			if (a <= threshold - 1) expect(days).toBe(Math.floor(a));
		}
		expect(exact / everyone.length).toBeGreaterThan(0.99);
		expect(moved / everyone.length).toBeGreaterThan(0.3);
	});

	test('booking to the target acts through targetFocus × pressure alone: no focus or no pressure books clinically; half of one is half of the other', () => {
		const dueDays = (targetFocus: number, pressure: number) => {
			const { world, everyone } = admitted({ assumptions: { targetFocus, targetStreaming: 0 }, population: { citizens: 6000 } }, (w) =>
				w.providers.targetPressure.fill(pressure)
			);
			return everyone.map((i) => world.citizens.dueDay[i] - world.citizens.arrivalDay[i]);
		};
		const clinical = dueDays(0.6, 0);
		expect(dueDays(0, 1)).toEqual(clinical);
		expect(dueDays(1, 0.5)).toEqual(dueDays(0.5, 1));
		// Pressure beyond 1 (a failing rating) brings bookings no further forward.
		expect(dueDays(0.6, 1.5)).toEqual(dueDays(0.6, 1));
		const focused = dueDays(1, 1);
		expect(mean(focused)).toBeLessThan(mean(clinical));
		expect(Math.max(...focused)).toBeLessThanOrEqual(Math.floor(0.85 * 28) + 1);
	});

	test('under target pressure quick cases are streamed through first: the booking leans from clinical priority to the case’s work by targetStreaming × pressure', () => {
		const streamed = (targetStreaming: number, pressure: number) =>
			admitted({ assumptions: { targetFocus: 0, targetStreaming }, population: { citizens: 6000 } }, (w) => w.providers.targetPressure.fill(pressure));
		const { world, everyone } = streamed(0.5, 1);
		const c = world.citizens;
		let exact = 0;
		for (const i of everyone) {
			const booked = 0.5 * c.allowance[i] + 0.5 * world.p.allowanceMedianDays * c.caseUnits[i];
			const days = c.dueDay[i] - c.arrivalDay[i];
			expect(Math.abs(days - Math.floor(booked))).toBeLessThanOrEqual(1);
			if (days === Math.floor(booked)) exact++;
		}
		expect(exact / everyone.length).toBeGreaterThan(0.99);
		// Fully streamed, bookings follow the work alone: the quicker half is booked sooner.
		const full = streamed(1, 1);
		const fc = full.world.citizens;
		const byWork = [...full.everyone].sort((x, y) => fc.caseUnits[x] - fc.caseUnits[y]);
		const half = Math.floor(byWork.length / 2);
		const days = (i: number) => fc.dueDay[i] - fc.arrivalDay[i];
		expect(mean(byWork.slice(0, half).map(days))).toBeLessThan(mean(byWork.slice(half).map(days)) * 0.6);
		// No streaming, or no pressure, books clinically; the coefficient and the pressure trade one for one.
		const dueDays = (w: { world: World; everyone: number[] }) => w.everyone.map((i) => w.world.citizens.dueDay[i] - w.world.citizens.arrivalDay[i]);
		const clinical = dueDays(streamed(0.5, 0));
		expect(dueDays(streamed(0, 1))).toEqual(clinical);
		expect(dueDays(streamed(1, 0.5))).toEqual(dueDays(streamed(0.5, 1)));
		for (const i of everyone.slice(0, 200)) expect(clinical[everyone.indexOf(i)]).toBe(Math.floor(c.allowance[i]));
	});
});

describe('stepAccess: declining complex referrals at entry (cream-skimming)', () => {
	test('under payment by results a share of complex referrals is declined, and no simple one', () => {
		const world = accessWorld({ levers: { competition: 1, mission: 0 }, assumptions: { selectionBase: 0.3 }, population: { citizens: 20_000 } });
		const c = world.citizens;
		const everyone = citizensWhere(world, () => true);
		const trust = everyone.map((i) => world.citizens.trust[i]);
		admit(world, everyone);
		for (let k = 0; k < world.providers.n; k++) expect(world.providers.declineRate[k]).toBeCloseTo(0.3, 12);
		const complex = everyone.filter((i) => c.complex[i] === 1);
		const declined = everyone.filter((i) => c.state[i] === AT_RISK);
		for (const i of declined) {
			expect(c.complex[i]).toBe(1);
			expect(c.flags[i] & (F_UNRESOLVED | F_TURNED_AWAY)).toBe(F_UNRESOLVED | F_TURNED_AWAY);
			expect(c.lastContactMonth[i]).toBe(world.month);
			expect(c.trust[i]).toBeLessThan(trust[i]);
		}
		const share = declined.length / complex.length;
		expect(Math.abs(share - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / complex.length));
		expect(sum(world.providers.monthDeclined)).toBe(declined.length);
		expect(cellTally(world, T.declined)).toBe(declined.length);
		expect(cellTally(world, T.complexReferrals)).toBe(complex.length);
		expect(sum(world.providers.monthTurnedAway)).toBe(0);
		expect(sum(world.cellWaiting)).toBe(everyone.length - declined.length);
	});

	test('the decline rate is selectionBase × results pressure: none without competition; more under financial pressure and outsourcing; less with a mission', () => {
		const rates = (levers: TestWorldOptions['levers'], setup: (world: World) => void = () => {}, selectionBase = 0.15) => {
			const world = accessWorld({ levers: { mission: 0, ...levers }, assumptions: { selectionBase } });
			setup(world);
			stepAccess(world);
			return { rate: Array.from(world.providers.declineRate), world };
		};
		expect(rates({ competition: 0 }).rate.every((r) => r === 0)).toBe(true);
		const { rate, world } = rates({ competition: 1 }, (w) => {
			w.providers.financialPressure[1] = 1;
			w.providers.outsourced[2] = 1;
		});
		const p = world.p;
		expect(rate[0]).toBeCloseTo(0.15, 12);
		expect(rate[1]).toBeCloseTo(0.15 * (1 + p.creamPressure), 12);
		expect(rate[2]).toBeCloseTo(0.15 * p.outsourcedCream, 12);
		for (let k = 0; k < world.providers.n; k++) expect(rate[k]).toBeCloseTo(0.15 * resultsPressure(world, k), 12);
		expect(rates({ competition: 1, mission: 1 }).rate[0]).toBeCloseTo(0.15 * (1 - p.missionRestraint), 12);
		expect(rates({ competition: 1 }, () => {}, 0).rate.every((r) => r === 0)).toBe(true);
		expect(rates({ competition: 1 }, (w) => w.providers.financialPressure.fill(1), 1).rate.every((r) => r === 1)).toBe(true);
	});

	test('selection at entry is apart from parking: with no selection, complex referrals are all admitted however much providers park', () => {
		const world = accessWorld({ levers: { competition: 1 }, assumptions: { selectionBase: 0, creamBase: 1 } });
		const everyone = admit(world, citizensWhere(world, () => true));
		expect(everyone.every((i) => world.citizens.state[i] === WAITING)).toBe(true);
		expect(sum(world.providers.monthDeclined)).toBe(0);
	});
});

describe('stepAccess: the eligibility threshold', () => {
	function turnedAwayShare(backlogMonths: number, options: TestWorldOptions = {}): number {
		const world = accessWorld(options);
		for (let k = 0; k < world.providers.n; k++) world.providers.queueUnits[k] = backlogMonths * world.providers.capacity[k];
		const everyone = citizensWhere(world, () => true);
		present(world, everyone);
		stepAccess(world);
		return sum(world.providers.monthTurnedAway) / everyone.length;
	}

	test('a large backlog raises the share of presenting citizens turned away', () => {
		expect(turnedAwayShare(0)).toBe(0);
		expect(turnedAwayShare(1)).toBe(0);
		const some = turnedAwayShare(1.4);
		const more = turnedAwayShare(2);
		expect(some).toBeGreaterThan(0);
		expect(more).toBeGreaterThan(some);
	});

	test('turn-away never exceeds its ceiling, and a stronger threshold response reaches it sooner', () => {
		const world = accessWorld();
		world.providers.queueUnits.fill(100 * 100);
		present(world, citizensWhere(world, () => true));
		stepAccess(world);
		for (let k = 0; k < world.providers.n; k++) expect(world.providers.turnAway[k]).toBe(world.p.maxTurnAway);
		expect(turnedAwayShare(1.3, { assumptions: { thresholdResponse: 1 } })).toBeGreaterThan(
			turnedAwayShare(1.3, { assumptions: { thresholdResponse: 0.2 } })
		);
	});

	test('turned-away citizens are at risk, flagged unresolved and turned away, in no queue, tallied, and lose trust', () => {
		const world = accessWorld({ assumptions: { maxTurnAway: 1, thresholdResponse: 1 } });
		world.providers.queueUnits.fill(100 * 10);
		const c = world.citizens;
		const everyone = citizensWhere(world, (i) => i % 3 === 0);
		const trust = everyone.map((i) => trustNow(world, i));
		present(world, everyone);
		stepAccess(world);
		everyone.forEach((i, j) => {
			expect(c.state[i]).toBe(AT_RISK);
			expect(c.flags[i] & (F_UNRESOLVED | F_TURNED_AWAY)).toBe(F_UNRESOLVED | F_TURNED_AWAY);
			expect(c.next[i]).toBe(-1);
			expect(c.lastContactMonth[i]).toBe(world.month);
			expect(trustNow(world, i)).toBeLessThan(trust[j]);
		});
		expect(sum(world.providers.queueLength)).toBe(0);
		expect(sum(world.cellWaiting)).toBe(0);
		expect(cellTally(world, T.turnedAway)).toBe(everyone.length);
		expect(sum(world.providers.monthPresented)).toBe(everyone.length);
	});

	test('an empty provider with staff turns nobody away', () => {
		const world = accessWorld();
		present(world, citizensWhere(world, () => true));
		stepAccess(world);
		expect(sum(world.providers.monthTurnedAway)).toBe(0);
	});
});

describe('stepAccess: joining the queue', () => {
	test('admitted citizens wait in their provider’s queue from a day of this month, and are counted as waiting', () => {
		const world = accessWorld({ month: 7 });
		const c = world.citizens;
		const admitted = citizensWhere(world, (i) => i % 5 === 0);
		present(world, admitted);
		stepAccess(world);
		const start = world.month * DAYS_PER_MONTH;
		for (const i of admitted) {
			expect(c.state[i]).toBe(WAITING);
			expect(c.arrivalDay[i]).toBeGreaterThanOrEqual(start);
			expect(c.arrivalDay[i]).toBeLessThan(start + DAYS_PER_MONTH);
		}
		// They wait in their arrival day's bucket until service reaches that day.
		expect(sum(world.providers.queueLength)).toBe(0);
		const held = new Set<number>();
		for (let k = 0; k < world.providers.n; k++) for (const i of arrivalsOf(world, k)) held.add(i);
		expect(held).toEqual(new Set(admitted));
		expect(sum(world.cellWaiting)).toBe(admitted.length);
		admitAll(world);
		expect(sum(world.providers.queueLength)).toBe(admitted.length);
		const queued = new Set<number>();
		for (let k = 0; k < world.providers.n; k++) {
			const queue = queueOf(world, k);
			for (let j = 1; j < queue.length; j++) expect(c.dueDay[queue[j]]).toBeGreaterThanOrEqual(c.dueDay[queue[j - 1]]);
			for (const i of queue) queued.add(i);
		}
		expect(queued).toEqual(new Set(admitted));
		const cells = new Float64Array(world.areas.n * QUINTILES);
		for (const i of admitted) cells[c.area[i] * QUINTILES + c.quintile[i]]++;
		expect(Array.from(world.cellWaiting)).toEqual(Array.from(cells));
	});

	test('a repeat contact after an unresolved need is failure demand and marks the episode; a first contact is not', () => {
		const world = accessWorld({ month: 20 });
		const c = world.citizens;
		const repeat = citizensWhere(world, (i) => i % 4 === 0);
		const first = citizensWhere(world, (i) => i % 4 === 1);
		const old = citizensWhere(world, (i) => i % 4 === 2);
		for (const i of repeat) {
			c.flags[i] = F_UNRESOLVED;
			c.lastContactMonth[i] = 15;
		}
		for (const i of old) {
			c.flags[i] = F_UNRESOLVED;
			c.lastContactMonth[i] = 2; // more than twelve months ago
		}
		present(world, [...repeat, ...first, ...old]);
		stepAccess(world);
		expect(cellTally(world, T.contacts)).toBe(repeat.length + first.length + old.length);
		expect(cellTally(world, T.failureContacts)).toBe(repeat.length);
		for (const i of repeat) expect(c.flags[i] & F_FAILURE).toBe(F_FAILURE);
		for (const i of [...first, ...old]) expect(c.flags[i] & F_FAILURE).toBe(0);
	});

	test('admission clears the turned-away flag', () => {
		const world = accessWorld();
		const c = world.citizens;
		const some = citizensWhere(world, (i) => i % 7 === 0);
		for (const i of some) c.flags[i] = F_TURNED_AWAY;
		present(world, some);
		stepAccess(world);
		for (const i of some) expect(c.flags[i] & F_TURNED_AWAY).toBe(0);
	});
});

describe('stepAccess in a fresh world', () => {
	// A regression test: a provider with no known capacity was once taken to have two months of
	// backlog, and a fresh world starts with people waiting. createWorld works its capacity out.
	test('in the first month of a fresh world, backlogs are judged against the capacity the providers have', () => {
		const world = testWorld({ month: 0 });
		const pr = world.providers;
		for (let k = 0; k < pr.n; k++) expect(pr.capacity[k]).toBeGreaterThan(0);
		expect(sum(pr.queueLength)).toBeGreaterThan(0);
		resetMonth(world);
		stepNeedDynamics(world);
		expect(world.presentingCount).toBeGreaterThan(0);
		stepAccess(world);
		const p = world.p;
		for (let k = 0; k < pr.n; k++) {
			const backlogMonths = (pr.queueUnits[k] * (1 + p.relationalTime * pr.relational[k])) / pr.capacity[k];
			const rise = p.thresholdResponse * (backlogMonths - 1);
			expect(pr.turnAway[k]).toBeCloseTo(Math.min(p.maxTurnAway, Math.max(0, rise)), 12);
			// Far from the two months' backlog assumed of a provider with no known capacity.
			expect(pr.turnAway[k]).toBeLessThan(p.thresholdResponse);
		}
	});

	test('in the first month of a fresh world, providers with staff and empty queues turn nobody away', () => {
		const world = testWorld({ month: 0 });
		clearQueues(world);
		resetMonth(world);
		stepNeedDynamics(world);
		expect(world.presentingCount).toBeGreaterThan(0);
		expect(sum(world.providers.staff)).toBeGreaterThan(0);
		stepAccess(world);
		expect(sum(world.providers.monthTurnedAway)).toBe(0);
	});
});

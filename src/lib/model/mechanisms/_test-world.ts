/**
 * Test support for the mechanism specs (not part of the model): build a small world, step it
 * month by month as `model.ts` does, and put citizens and workers into the situation a test
 * needs. Nothing here is imported by the model itself.
 */
import { DAYS_PER_MONTH, QUINTILES, WAITING, WELL } from '../constants';
import {
	defaultAssumptions,
	defaultLevers,
	type AssumptionValues,
	type LeverValues
} from '../parameters/registry';
import { addArrival, unlinkFromQueue } from '../queue';
import { resetMonth, stepMonth as modelStepMonth } from '../model';
import { TALLY_KEYS } from '../tallies';
import { createWorld, type Population, type World } from '../world';
import { applyLevers } from './levers';

/** A small population that keeps specs fast: 2,000 citizens, 3 areas, 2 providers each. */
export const SMALL: Population = { citizens: 2000, areas: 3, providersPerArea: 2 };

export interface TestWorldOptions {
	levers?: Partial<LeverValues>;
	assumptions?: Partial<AssumptionValues>;
	population?: Partial<Population>;
	seed?: number;
	replicate?: number;
	/** The world's first month (spin-up months are negative in the model). */
	month?: number;
	detail?: boolean;
}

/** A fresh world with the default levers and assumptions, changed as asked; levers applied. */
export function testWorld(options: TestWorldOptions = {}): World {
	const p = { ...defaultAssumptions(), ...options.assumptions };
	const levers = { ...defaultLevers(), ...options.levers };
	const world = createWorld(
		p,
		levers,
		{ ...SMALL, ...options.population },
		options.seed ?? 1,
		options.replicate ?? 0,
		options.detail ?? false,
		options.month ?? 0
	);
	applyLevers(world, levers);
	return world;
}

/** Change some levers this month (and the climate they create). */
export function setLevers(world: World, changes: Partial<LeverValues>): void {
	applyLevers(world, { ...world.levers, ...changes });
}

/** The model's own per-month reset and month step, so tests follow the real order. */
export { resetMonth };

/** One month at `world.month` (without outcomes), by default with the levers in force. */
export function stepMonth(world: World, levers: LeverValues = { ...world.levers }): void {
	modelStepMonth(world, levers);
}

/** Step `months` months from `world.month`; afterwards `world.month` is the next month to run. */
export function runMonths(world: World, months: number, levers?: LeverValues): void {
	for (let m = 0; m < months; m++) {
		stepMonth(world, levers ?? { ...world.levers });
		world.month++;
	}
}

/** Take every waiting citizen out of every queue (they become well) and forget the backlog. */
export function clearQueues(world: World): void {
	const c = world.citizens;
	const pr = world.providers;
	for (let k = 0; k < pr.n; k++) {
		while (pr.queueHead[k] !== -1) {
			const i = pr.queueHead[k];
			unlinkFromQueue(c, pr, k, i);
			world.cellWaiting[c.area[i] * QUINTILES + c.quintile[i]]--;
			c.state[i] = WELL;
		}
		pr.queueUnits[k] = 0;
	}
}

/** Make every citizen well with no flags and no queue: a blank slate for a test. */
export function quietCitizens(world: World): void {
	clearQueues(world);
	world.citizens.state.fill(WELL);
	world.citizens.flags.fill(0);
}

/** Move citizen i's registration to provider k. */
export function register(world: World, i: number, k: number): void {
	const c = world.citizens;
	const previous = c.provider[i];
	if (previous === k) return;
	world.registeredDeprivation[previous] -= c.deprivation[i];
	world.registeredCount[previous]--;
	world.registeredDeprivation[k] += c.deprivation[i];
	world.registeredCount[k]++;
	c.provider[i] = k;
}

/**
 * Put citizen i in provider k's queue, waiting since absolute day `day`. A day before this
 * month makes a backlog case, appended to the queue now (so add backlog cases in the order
 * wanted, before any arrivals of this month); a day of this month makes an arrival, spliced in
 * day order when the provider serves.
 */
export function enqueue(world: World, i: number, k: number, day: number): void {
	const c = world.citizens;
	const pr = world.providers;
	if (c.state[i] === WAITING) throw new Error(`citizen ${i} is already waiting`);
	register(world, i, k);
	c.state[i] = WAITING;
	c.arrivalDay[i] = day;
	world.cellWaiting[c.area[i] * QUINTILES + c.quintile[i]]++;
	const dayOfMonth = day - world.month * DAYS_PER_MONTH;
	if (dayOfMonth >= 0) {
		addArrival(c, pr, k, Math.min(DAYS_PER_MONTH - 1, dayOfMonth), i);
		return;
	}
	const tail = pr.queueTail[k];
	c.next[i] = -1;
	c.prev[i] = tail;
	if (tail === -1) pr.queueHead[k] = i;
	else c.next[tail] = i;
	pr.queueTail[k] = i;
	pr.queueLength[k]++;
	if (c.complex[i] === 1) pr.queueComplex[k]++;
}

/** Provider k's queue from head to tail. */
export function queueOf(world: World, k: number): number[] {
	const out: number[] = [];
	for (let i = world.providers.queueHead[k]; i !== -1; i = world.citizens.next[i]) {
		out.push(i);
		if (out.length > world.citizens.n) throw new Error('cycle in queue');
	}
	return out;
}

/** List these citizens as presenting this month (as need dynamics would). */
export function present(world: World, citizens: readonly number[]): void {
	for (let j = 0; j < citizens.length; j++) world.presenting[j] = citizens[j];
	world.presentingCount = citizens.length;
}

/** Citizens for whom `predicate` holds, by index. */
export function citizensWhere(world: World, predicate: (i: number) => boolean): number[] {
	const out: number[] = [];
	for (let i = 0; i < world.citizens.n; i++) if (predicate(i)) out.push(i);
	return out;
}

/** Active worker slots, optionally of one provider. */
export function activeWorkers(world: World, provider?: number): number[] {
	const w = world.workers;
	const out: number[] = [];
	for (let i = 0; i < w.n; i++) {
		if (w.active[i] === 1 && (provider === undefined || w.provider[i] === provider)) out.push(i);
	}
	return out;
}

/** Give every active worker (optionally of one provider) the same traits and state. */
export function setWorkers(
	world: World,
	traits: { intrinsic?: number; motivation?: number; burnout?: number; skill?: number; strain?: number; gaming?: number },
	provider?: number
): void {
	const w = world.workers;
	for (const i of activeWorkers(world, provider)) {
		if (traits.intrinsic !== undefined) w.intrinsic[i] = traits.intrinsic;
		if (traits.motivation !== undefined) w.motivation[i] = traits.motivation;
		if (traits.burnout !== undefined) w.burnout[i] = traits.burnout;
		if (traits.skill !== undefined) w.skill[i] = traits.skill;
		if (traits.strain !== undefined) w.strain[i] = traits.strain;
		if (traits.gaming !== undefined) w.gaming[i] = traits.gaming;
	}
}

/** Keep exactly `staff` active workers in provider k (the first slots), vacating the rest. */
export function keepStaff(world: World, k: number, staff: number): void {
	const w = world.workers;
	const pr = world.providers;
	const end = pr.slotStart[k] + pr.slotCount[k];
	if (staff > pr.slotCount[k]) throw new Error('more staff than slots');
	for (let i = pr.slotStart[k], s = 0; i < end; i++, s++) {
		if (s < staff && w.active[i] === 0) {
			w.active[i] = 1;
			w.intrinsic[i] = 0.5;
			w.motivation[i] = 0.5;
			w.skill[i] = 0.5;
			w.burnout[i] = 0;
			w.strain[i] = 0;
			w.gaming[i] = 0;
		}
		if (s >= staff) w.active[i] = 0;
	}
	pr.staff[k] = staff;
}

/** Sum of a numeric array. */
export function sum(values: ArrayLike<number>): number {
	let total = 0;
	for (let i = 0; i < values.length; i++) total += values[i];
	return total;
}

/** Mean of a numeric array (NaN when empty). */
export function mean(values: ArrayLike<number>): number {
	return values.length > 0 ? sum(values) / values.length : NaN;
}

/** Value of tally key `k` summed over the (area, quintile) cells, before they are folded. */
export function cellTally(world: World, k: number): number {
	const cells = world.tallies.cells;
	let total = 0;
	for (let j = k; j < cells.length; j += TALLY_KEYS) total += cells[j];
	return total;
}

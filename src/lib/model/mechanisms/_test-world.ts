/**
 * Test support for the mechanism specs (not part of the model): build a small world, step it
 * month by month as `model.ts` does, and put citizens and workers into the situation a test
 * needs. Nothing here is imported by the model itself.
 */
import { DAYS_PER_MONTH, MAX_ALLOWANCE_DAYS, QUEUE_DAYS, QUINTILES, WAITING, WELL } from '../constants';
import {
	defaultAssumptions,
	defaultLevers,
	type AssumptionValues,
	type LeverValues
} from '../parameters/registry';
import { monthAt, recordResults } from '../area-flows';
import { addArrival, admitArrivals, dequeue, earliestCase, enqueue as enqueueCase } from '../queue';
import { MONTH_STEPS, resetMonth, stepMonth as modelStepMonth } from '../model';
import { TALLY_KEYS } from '../tallies';
import { createWorld, WORKING_COLUMNS, type Population, type World } from '../world';
import { applyLevers } from './levers';
import { cloneWorld } from '../settled-cache';

/** A small population that keeps specs fast: 2,000 citizens, 3 areas, 2 providers each. */
export const SMALL: Population = { citizens: 2000, areas: 3, providersPerArea: 2 };

export interface TestWorldOptions {
	levers?: Partial<LeverValues>;
	assumptions?: Partial<AssumptionValues>;
	population?: Partial<Population>;
	seed?: number;
	replicate?: number;
	/** The world's first month (the model counts months from the start of its spin-up). */
	month?: number;
	/**
	 * The month recording began, from which demand and funding grow (default: not recording,
	 * as in the spin-up, so there is no growth).
	 */
	recordStart?: number;
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
	if (options.recordStart !== undefined) world.recordStart = options.recordStart;
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

/** This month's reset, levers and steps before `step` (one of MONTH_STEPS), so a spec can run `step` itself. */
export function stepsBefore(world: World, step: (world: World) => void): void {
	resetMonth(world);
	applyLevers(world, { ...world.levers });
	for (const s of MONTH_STEPS) {
		if (s === step) return;
		s(world);
	}
	throw new Error('not one of the month\'s steps');
}

/** This month's steps after `step`, and on to the next month. */
export function stepsAfter(world: World, step: (world: World) => void): void {
	const at = MONTH_STEPS.indexOf(step);
	if (at < 0) throw new Error('not one of the month\'s steps');
	for (const s of MONTH_STEPS.slice(at + 1)) s(world);
	world.month++;
}

/**
 * Run `step` on `world` and `reference` (the TypeScript a kernel replaced) on a copy of it, and
 * return the paths of the columns that then differ: the kernels' reference specs' comparison.
 */
export function compareSteps(world: World, step: (world: World) => void, reference: (world: World) => void): string[] {
	const copy = cloneWorld(world);
	step(world);
	reference(copy);
	return differences(world, copy);
}

/** The largest double below x (x > 0): a draw a hair below a threshold. */
export function doubleBelow(x: number): number {
	const bits = new BigInt64Array(new Float64Array([x]).buffer);
	bits[0] -= 1n;
	return new Float64Array(bits.buffer)[0];
}

/** Step `months` months from `world.month`; afterwards `world.month` is the next month to run. */
export function runMonths(world: World, months: number, levers?: LeverValues): void {
	for (let m = 0; m < months; m++) {
		stepMonth(world, levers ?? { ...world.levers });
		world.month++;
	}
}

/**
 * A test world (seed `seed`, `options`) run for `months` months, then this month's steps before
 * `step`: where a kernel's spec compares `step` with the TypeScript it replaced.
 */
export function worldBefore(step: (world: World) => void, seed: number, months: number, options: TestWorldOptions = {}): World {
	const world = testWorld({ seed, ...options });
	runMonths(world, months);
	stepsBefore(world, step);
	return world;
}

/** From just before `step` (worldBefore), on to just before it a month later. */
export function nextMonthBefore(world: World, step: (world: World) => void): void {
	step(world);
	stepsAfter(world, step);
	stepsBefore(world, step);
}

/**
 * Take every waiting citizen off every waiting list, and out of this month's arrival buckets
 * (they become well), so every queue is empty with no backlog.
 */
export function clearQueues(world: World): void {
	const c = world.citizens;
	const pr = world.providers;
	for (let k = 0; k < pr.n; k++) {
		for (let i = earliestCase(pr, k); i !== -1; i = earliestCase(pr, k)) {
			dequeue(c, pr, k, i);
			world.cellWaiting[c.area[i] * QUINTILES + c.quintile[i]]--;
			c.state[i] = WELL;
		}
		for (let d = 0; d < DAYS_PER_MONTH; d++) {
			const b = k * DAYS_PER_MONTH + d;
			for (let i = pr.bucketHead[b]; i !== -1; ) {
				const next = c.next[i];
				c.next[i] = -1;
				c.prev[i] = -1;
				world.cellWaiting[c.area[i] * QUINTILES + c.quintile[i]]--;
				c.state[i] = WELL;
				i = next;
			}
			pr.bucketHead[b] = -1;
			pr.bucketTail[b] = -1;
		}
		pr.queueUnits[k] = 0;
	}
	recountCells(world);
}

/** Recount the cell sums of citizens well and waiting from the citizens' states. */
export function recountCells(world: World): void {
	const c = world.citizens;
	world.cellWell.fill(0);
	world.cellWaiting.fill(0);
	for (let i = 0; i < c.n; i++) {
		const cell = c.area[i] * QUINTILES + c.quintile[i];
		if (c.state[i] === WELL) world.cellWell[cell]++;
		else if (c.state[i] === WAITING) world.cellWaiting[cell]++;
	}
}

/** Put every citizen not waiting into `state` (well or at risk) and keep the cell sums in step. */
export function setStates(world: World, state: number, which: (i: number) => boolean = () => true): void {
	const c = world.citizens;
	for (let i = 0; i < c.n; i++) if (c.state[i] !== WAITING && which(i)) c.state[i] = state;
	recountCells(world);
}

/** Make every citizen well with no flags, no relapse risk and no queue: a blank slate for a test. */
export function quietCitizens(world: World): void {
	clearQueues(world);
	world.citizens.state.fill(WELL);
	world.citizens.flags.fill(0);
	world.fragility.fill(0);
	recountCells(world);
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

/** How a test books a case: the day it is due to be seen, its clinical allowance and its work. */
export interface Booking {
	/** Absolute day the case is booked for (default: its arrival day, so cases go first come first served). */
	due?: number;
	/** Days it can safely wait (default: the longest allowance, so it is never clinically late). */
	allowance?: number;
	/** Work units (default: its type's mean, 1 or complexUnits). */
	units?: number;
}

/**
 * Put citizen i on provider k's waiting list, arrived on absolute day `day` and booked as
 * `booking` says. A day before this month makes a backlog case, on the list now; a day of this
 * month makes an arrival, held in its day's bucket until the provider reaches that day.
 */
export function enqueue(world: World, i: number, k: number, day: number, booking: Booking = {}): void {
	const c = world.citizens;
	const pr = world.providers;
	if (c.state[i] === WAITING) throw new Error(`citizen ${i} is already waiting`);
	if (c.state[i] === WELL) world.cellWell[c.area[i] * QUINTILES + c.quintile[i]]--;
	register(world, i, k);
	c.state[i] = WAITING;
	c.arrivalDay[i] = day;
	c.dueDay[i] = booking.due ?? day;
	c.allowance[i] = booking.allowance ?? MAX_ALLOWANCE_DAYS;
	c.caseUnits[i] = booking.units ?? (c.complex[i] === 1 ? world.p.complexUnits : 1);
	world.cellWaiting[c.area[i] * QUINTILES + c.quintile[i]]++;
	const dayOfMonth = day - world.month * DAYS_PER_MONTH;
	if (dayOfMonth >= 0) addArrival(c, pr, k, Math.min(DAYS_PER_MONTH - 1, dayOfMonth), i);
	else enqueueCase(c, pr, k, i);
}

/**
 * Provider k's waiting list in the order it is served: by booked day, first come first served
 * within a day (this month's arrivals not yet admitted are not on it).
 */
export function queueOf(world: World, k: number): number[] {
	const pr = world.providers;
	const c = world.citizens;
	const out: number[] = [];
	if (pr.queueLength[k] === 0) return out;
	for (let step = 0; step < QUEUE_DAYS; step++) {
		const b = k * QUEUE_DAYS + ((pr.earliestDue[k] + step) & (QUEUE_DAYS - 1));
		for (let i = pr.ringHead[b]; i !== -1; i = c.next[i]) {
			out.push(i);
			if (out.length > c.n) throw new Error('cycle in queue');
		}
	}
	return out;
}

/** This month's arrivals at provider k not yet admitted, by day then arrival order. */
export function arrivalsOf(world: World, k: number): number[] {
	const pr = world.providers;
	const c = world.citizens;
	const out: number[] = [];
	for (let d = 0; d < DAYS_PER_MONTH; d++) {
		for (let i = pr.bucketHead[k * DAYS_PER_MONTH + d]; i !== -1; i = c.next[i]) {
			out.push(i);
			if (out.length > c.n) throw new Error('cycle in arrivals');
		}
	}
	return out;
}

/** Admit every provider's arrivals of this month onto its waiting list, as service does by the month's end. */
export function admitAll(world: World): void {
	for (let k = 0; k < world.providers.n; k++) {
		for (let d = 0; d < DAYS_PER_MONTH; d++) admitArrivals(world.citizens, world.providers, k, d);
	}
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
	traits: {
		intrinsic?: number;
		motivation?: number;
		burnout?: number;
		skill?: number;
		strain?: number;
		gaming?: number;
		fte?: number;
		effort?: number;
	},
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
		if (traits.fte !== undefined) w.fte[i] = traits.fte;
		if (traits.effort !== undefined) w.effort[i] = traits.effort;
	}
}

/** Keep exactly `staff` full-time active workers in provider k (the first slots), vacating the rest. */
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
			w.effort[i] = 1;
		}
		if (s < staff) w.fte[i] = 1;
		if (s >= staff) w.active[i] = 0;
	}
	pr.staff[k] = staff;
}

/** Set this month's reported results of area a's residents at provider k (money following users). */
export function setResults(world: World, a: number, k: number, results: number): void {
	recordResults(world.areaFlows, a, k, results - monthAt(world.areaFlows, a, k));
}

/** This month's reported results over every area and provider. */
export function monthTotal(world: World): number {
	const flows = world.areaFlows;
	let total = 0;
	for (let a = 0; a < flows.count.length; a++) for (let j = 0; j < flows.count[a]; j++) total += flows.month[a][j];
	return total;
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

/** Every typed-array column reachable from a world, by path. */
export function columns(value: unknown, path = '', out = new Map<string, ArrayLike<number>>()): Map<string, ArrayLike<number>> {
	if (value === null || typeof value !== 'object') return out;
	if (ArrayBuffer.isView(value)) {
		out.set(path, value as unknown as ArrayLike<number>);
		return out;
	}
	for (const [key, v] of Object.entries(value)) columns(v, path ? `${path}.${key}` : key, out);
	return out;
}

/** Paths of the columns whose contents differ between two worlds (working columns, which hold nothing between steps, left out). */
export function differences(a: World, b: World): string[] {
	const left = columns(a);
	const right = columns(b);
	const out: string[] = [];
	for (const [path, x] of left) {
		if ((WORKING_COLUMNS as readonly string[]).includes(path)) continue;
		const y = right.get(path);
		let same = y !== undefined && y.length === x.length;
		for (let j = 0; same && j < x.length; j++) same = Object.is(x[j], y![j]);
		if (!same) out.push(path);
	}
	return out;
}

/**
 * What drives a difference: Shapley values over the inputs that differ between a scenario and
 * its baseline. Start from the baseline and switch inputs to the scenario's values; an input's
 * contribution is its average marginal effect over every order of switching, so the answer does
 * not depend on which change is "first", and interactions are shared out fairly (an x·y term
 * splits equally between x and y). Contributions add up to the total difference because each
 * order's marginal effects telescope to it.
 *
 * Computed run by run on common seeds, then summarised across runs: each contribution has an
 * interval, and the per-run contributions add up to each run's own paired difference.
 */
import { createStream } from '../model/rng';
import { evaluateAll } from './evaluate-all';
import { intervalOf, type Interval } from './interval';

/**
 * Per-run outcome with the inputs flagged true at the scenario's values and the rest at the
 * baseline's. All false is the baseline; all true the scenario.
 */
export type CoalitionEvaluator = (members: readonly boolean[]) => Float64Array | Promise<Float64Array>;

/** Exact Shapley values (all 2^n coalitions) up to this many inputs; sampled orders beyond. */
export const EXACT_UP_TO = 8;

export interface ShapleyOptions {
	/** Largest number of inputs done exactly (default EXACT_UP_TO). */
	exactUpTo?: number;
	/** Orders sampled beyond that (default 64). */
	permutations?: number;
	/** Seed of the sampled orders. */
	seed?: number;
}

export interface Contribution {
	id: string;
	/** Across runs. */
	value: Interval;
	/** Run by run, in replicate order. */
	perRun: Float64Array;
}

export interface ShapleyResult {
	method: 'exact' | 'sampled';
	/** Scenario minus baseline: what the contributions add up to. */
	total: Interval;
	totalPerRun: Float64Array;
	/** Largest absolute mean first. */
	contributions: Contribution[];
	/** Coalitions evaluated (each one arm of the comparison over every run). */
	evaluations: number;
	/** Orders sampled, when sampled. */
	permutations?: number;
}

/** Coalitions a decomposition evaluates: every subset when exact, at most 2 + orders × (n − 1) when sampled. */
export function shapleyEvaluations(inputs: number, options: ShapleyOptions = {}): number {
	if (inputs <= (options.exactUpTo ?? EXACT_UP_TO)) return 2 ** inputs;
	return 2 + (options.permutations ?? 64) * (inputs - 1);
}

export async function shapley(ids: readonly string[], evaluate: CoalitionEvaluator, options: ShapleyOptions = {}): Promise<ShapleyResult> {
	const n = ids.length;
	const exact = n <= (options.exactUpTo ?? EXACT_UP_TO);
	const permutations = exact ? undefined : (options.permutations ?? 64);
	const orders = permutations === undefined ? [] : sampledOrders(n, permutations, options.seed ?? 1);

	// Every coalition needed, once each, asked for at once so a threaded evaluator keeps every
	// thread busy: all 2^n when exact, else each prefix of each sampled order.
	const needed = new Map<string, boolean[]>();
	const need = (members: boolean[]) => {
		const key = keyOf(members);
		if (!needed.has(key)) needed.set(key, members);
	};
	need(new Array<boolean>(n).fill(false));
	need(new Array<boolean>(n).fill(true));
	if (exact) for (let mask = 0; mask < 2 ** n; mask++) need(membersOf(mask, n));
	for (const order of orders) {
		const members = new Array<boolean>(n).fill(false);
		for (const i of order) {
			members[i] = true;
			need(members.slice());
		}
	}
	const results = await evaluateAll([...needed.values()], evaluate);
	const byKey = new Map([...needed.keys()].map((key, j) => [key, results[j]]));
	const value = (members: readonly boolean[]): Float64Array => byKey.get(keyOf(members))!;

	const none = value(new Array<boolean>(n).fill(false));
	const all = value(new Array<boolean>(n).fill(true));
	const runs = none.length;
	const phi = ids.map(() => new Float64Array(runs));

	if (permutations === undefined) {
		// φ_i = Σ over S ∌ i of |S|!(n − |S| − 1)!/n! × (v(S ∪ {i}) − v(S)).
		const weight = Array.from({ length: n }, (_, s) => (factorial(s) * factorial(n - s - 1)) / factorial(n));
		for (let mask = 0; mask < 2 ** n; mask++) {
			const members = membersOf(mask, n);
			const size = members.filter(Boolean).length;
			const without = value(members);
			for (let i = 0; i < n; i++) {
				if (members[i]) continue;
				const withI = value(members.map((m, j) => m || j === i));
				const w = weight[size];
				for (let r = 0; r < runs; r++) phi[i][r] += w * (withI[r] - without[r]);
			}
		}
	} else {
		// Each order's marginal effects add up to v(all) − v(none), so the averages do too.
		for (const order of orders) {
			const members = new Array<boolean>(n).fill(false);
			let before = none;
			for (const i of order) {
				members[i] = true;
				const after = value(members);
				for (let r = 0; r < runs; r++) phi[i][r] += (after[r] - before[r]) / permutations;
				before = after;
			}
		}
	}

	const totalPerRun = all.map((v, r) => v - none[r]);
	const contributions = ids.map((id, i) => ({ id, value: intervalOf(phi[i]), perRun: phi[i], index: i }));
	contributions.sort((a, b) => {
		const d = Math.abs(b.value.mean) - Math.abs(a.value.mean);
		return d === 0 || Number.isNaN(d) ? a.index - b.index : d;
	});
	return {
		method: permutations === undefined ? 'exact' : 'sampled',
		total: intervalOf(totalPerRun),
		totalPerRun,
		contributions: contributions.map(({ index: _index, ...c }) => c),
		evaluations: needed.size,
		...(permutations !== undefined ? { permutations } : {})
	};
}

/** Random orders of n inputs from the project's seeded generator. */
function sampledOrders(n: number, permutations: number, seed: number): number[][] {
	const rng = createStream(seed, 0, 'shapley-orders');
	return Array.from({ length: permutations }, () => {
		const order = Array.from({ length: n }, (_, i) => i);
		for (let i = n - 1; i > 0; i--) {
			const j = Math.floor(rng.next() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		return order;
	});
}

function membersOf(mask: number, n: number): boolean[] {
	return Array.from({ length: n }, (_, j) => (mask & (1 << j)) !== 0);
}

function keyOf(members: readonly boolean[]): string {
	return members.map((m) => (m ? '1' : '0')).join('');
}

function factorial(n: number): number {
	let f = 1;
	for (let i = 2; i <= n; i++) f *= i;
	return f;
}

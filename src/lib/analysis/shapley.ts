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
	const cache = new Map<string, Float64Array>();
	const value = async (members: boolean[]): Promise<Float64Array> => {
		const key = members.map((m) => (m ? '1' : '0')).join('');
		let v = cache.get(key);
		if (!v) {
			v = await evaluate(members);
			cache.set(key, v);
		}
		return v;
	};
	const none = await value(new Array<boolean>(n).fill(false));
	const all = await value(new Array<boolean>(n).fill(true));
	const runs = none.length;
	const phi = ids.map(() => new Float64Array(runs));
	let method: ShapleyResult['method'] = 'exact';
	let permutations: number | undefined;

	if (n <= (options.exactUpTo ?? EXACT_UP_TO)) {
		// φ_i = Σ over S ∌ i of |S|!(n − |S| − 1)!/n! × (v(S ∪ {i}) − v(S)).
		const weight = Array.from({ length: n }, (_, s) => (factorial(s) * factorial(n - s - 1)) / factorial(n));
		for (let mask = 0; mask < 2 ** n; mask++) {
			const members = ids.map((_, j) => (mask & (1 << j)) !== 0);
			const size = members.filter(Boolean).length;
			const without = await value(members);
			for (let i = 0; i < n; i++) {
				if (members[i]) continue;
				const withI = await value(members.map((m, j) => m || j === i));
				const w = weight[size];
				for (let r = 0; r < runs; r++) phi[i][r] += w * (withI[r] - without[r]);
			}
		}
	} else {
		// Random orders from the project's seeded generator; each order's marginal effects add up
		// to v(all) − v(none), so the averages do too.
		method = 'sampled';
		permutations = options.permutations ?? 64;
		const rng = createStream(options.seed ?? 1, 0, 'shapley-orders');
		for (let m = 0; m < permutations; m++) {
			const order = Array.from({ length: n }, (_, i) => i);
			for (let i = n - 1; i > 0; i--) {
				const j = Math.floor(rng.next() * (i + 1));
				[order[i], order[j]] = [order[j], order[i]];
			}
			const members = new Array<boolean>(n).fill(false);
			let before = none;
			for (const i of order) {
				members[i] = true;
				const after = await value(members.slice());
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
		method,
		total: intervalOf(totalPerRun),
		totalPerRun,
		contributions: contributions.map(({ index: _index, ...c }) => c),
		evaluations: cache.size,
		...(permutations !== undefined ? { permutations } : {})
	};
}

function factorial(n: number): number {
	let f = 1;
	for (let i = 2; i <= n; i++) f *= i;
	return f;
}

/**
 * Morris elementary effects: a screen of many assumptions at once. Each trajectory starts at a
 * random point of a grid of p levels in the unit hypercube and moves one assumption at a time by
 * Δ = p / (2(p − 1)), in a random order; the change in the output over each step is that
 * assumption's elementary effect there. Across trajectories, μ* (the mean absolute effect) ranks
 * how much an assumption matters, σ (their spread) how far its effect depends on where the
 * others are (interactions or curvature), and μ (the signed mean) its usual direction
 * (Morris 1991; μ* from Campolongo, Cariboni and Saltelli 2007).
 *
 * Effects are per unit of the hypercube, so an effect is the change in the paired difference
 * over an assumption's whole plausible range: effects of assumptions with different units
 * compare directly.
 */
import { createStream } from '../model/rng';
import { evaluateAll } from './evaluate-all';
import { intervalOf, type Factor, type Interval, type PairedEvaluator } from './interval';

export interface MorrisOptions {
	/** Trajectories r; each costs k + 1 evaluations. */
	trajectories: number;
	/** Grid levels p: an even number, 4 by default. */
	levels?: number;
	/** Seed of the design: the same seed, the same trajectories. */
	seed: number;
}

export interface Trajectory {
	/** Factor indices in the order they are moved. */
	order: number[];
	/** +1 if factor i moves up, −1 if down. */
	direction: number[];
	/** k + 1 points in the unit hypercube; point j + 1 differs from point j in factor order[j]. */
	points: Float64Array[];
}

export interface MorrisEffect {
	id: string;
	grade?: string;
	/** Signed mean of the elementary effects. */
	mu: number;
	/** Mean absolute elementary effect: how much it matters. */
	muStar: number;
	/** Standard deviation of the elementary effects across trajectories: interactions or curvature. */
	sigma: number;
	/** μ* computed within each run, across runs: how much the ranking rests on the random draws. */
	muStarRuns: Interval;
}

export interface MorrisResult {
	/** Largest μ* first. */
	effects: MorrisEffect[];
	trajectories: number;
	levels: number;
	delta: number;
	evaluations: number;
}

/** Δ = p / (2(p − 1)): every level pairs with one Δ away, so all levels are sampled equally. */
export function morrisDelta(levels: number): number {
	return levels / (2 * (levels - 1));
}

/** Evaluations of the comparison a screen makes: r × (k + 1). */
export function morrisEvaluations(factors: number, trajectories: number): number {
	return trajectories * (factors + 1);
}

/** Model runs of a screen, for saying so before it starts: r × (k + 1) × runs × 2 arms. */
export function morrisModelRuns(factors: number, trajectories: number, runs: number): number {
	return morrisEvaluations(factors, trajectories) * runs * 2;
}

/** The r trajectories of a screen of k factors, from the project's seeded generator (no Math.random). */
export function morrisDesign(k: number, options: MorrisOptions): Trajectory[] {
	const p = options.levels ?? 4;
	if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new Error(`Morris levels must be an even whole number of at least 2, not ${p}`);
	if (!Number.isInteger(options.trajectories) || options.trajectories < 1) throw new Error(`Morris needs at least one trajectory, not ${options.trajectories}`);
	const delta = morrisDelta(p);
	const rng = createStream(options.seed, 0, 'morris-design');
	const out: Trajectory[] = [];
	for (let t = 0; t < options.trajectories; t++) {
		// Base levels 0 … (p/2 − 1)/(p − 1), so that base + Δ stays inside [0, 1].
		const start = new Float64Array(k);
		const direction: number[] = [];
		for (let i = 0; i < k; i++) {
			const base = Math.floor(rng.next() * (p / 2)) / (p - 1);
			const up = rng.next() < 0.5;
			direction.push(up ? 1 : -1);
			start[i] = up ? base : base + delta;
		}
		const order = Array.from({ length: k }, (_, i) => i);
		for (let i = k - 1; i > 0; i--) {
			const j = Math.floor(rng.next() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		const points = [start];
		for (const i of order) {
			const next = Float64Array.from(points[points.length - 1]);
			next[i] = snap(next[i] + direction[i] * delta);
			points.push(next);
		}
		out.push({ order, direction, points });
	}
	return out;
}

/** Grid values are multiples of 1/(p − 1); rounding keeps them exactly on [0, 1] after a step. */
function snap(u: number): number {
	return Math.min(1, Math.max(0, Math.round(u * 1e12) / 1e12));
}

/** A unit-hypercube point as input values: u = 0 is a factor's min, 1 its max. */
export function toPoint(factors: readonly Factor[], unit: Float64Array): Record<string, number> {
	return Object.fromEntries(factors.map((f, i) => [f.id, f.min + unit[i] * (f.max - f.min)]));
}

export async function morris(factors: readonly Factor[], evaluate: PairedEvaluator, options: MorrisOptions): Promise<MorrisResult> {
	const k = factors.length;
	const levels = options.levels ?? 4;
	const delta = morrisDelta(levels);
	const design = morrisDesign(k, options);
	// Every point of every trajectory at once, so a threaded evaluator keeps every thread busy;
	// values[t * (k + 1) + j] is point j of trajectory t, whatever order they finish in.
	const values = await evaluateAll(
		design.flatMap((trajectory) => trajectory.points.map((unit) => toPoint(factors, unit))),
		evaluate
	);
	// effects[i][t]: factor i's elementary effect in trajectory t, run by run.
	const effects: Float64Array[][] = factors.map(() => []);
	for (const [t, trajectory] of design.entries()) {
		let before = values[t * (k + 1)];
		for (let j = 0; j < k; j++) {
			const i = trajectory.order[j];
			const after = values[t * (k + 1) + j + 1];
			const step = trajectory.direction[i] * delta;
			effects[i].push(after.map((v, r) => (v - before[r]) / step));
			before = after;
		}
	}
	const result = factors.map((f, i): MorrisEffect & { index: number } => {
		// Per trajectory, the effect averaged over runs: common seeds keep the noise out of |·|.
		const byTrajectory = effects[i].map(meanOf);
		const mu = meanOf(byTrajectory);
		const muStar = meanOf(byTrajectory.map(Math.abs));
		const runs = effects[i][0]?.length ?? 0;
		const perRun = Float64Array.from({ length: runs }, (_, r) => meanOf(effects[i].map((e) => Math.abs(e[r]))));
		return { index: i, id: f.id, grade: f.grade, mu, muStar, sigma: sampleSd(byTrajectory), muStarRuns: intervalOf(perRun) };
	});
	result.sort((a, b) => (b.muStar === a.muStar || (Number.isNaN(a.muStar) && Number.isNaN(b.muStar)) ? a.index - b.index : Number.isNaN(a.muStar) ? 1 : Number.isNaN(b.muStar) ? -1 : b.muStar - a.muStar));
	return {
		effects: result.map(({ index: _index, ...e }) => e),
		trajectories: options.trajectories,
		levels,
		delta,
		evaluations: morrisEvaluations(k, options.trajectories)
	};
}

/** Mean ignoring NaN (a run in which the outcome is undefined); NaN if none. Summed in order. */
function meanOf(values: ArrayLike<number>): number {
	let sum = 0;
	let n = 0;
	for (let i = 0; i < values.length; i++)
		if (values[i] === values[i]) {
			sum += values[i];
			n++;
		}
	return n ? sum / n : NaN;
}

/** Standard deviation with n − 1 (as Morris and SALib); 0 for a single trajectory. */
function sampleSd(values: readonly number[]): number {
	const finite = values.filter((v) => v === v);
	if (finite.length < 2) return finite.length === 1 ? 0 : NaN;
	const m = meanOf(finite);
	let ss = 0;
	for (const v of finite) ss += (v - m) ** 2;
	return Math.sqrt(ss / (finite.length - 1));
}

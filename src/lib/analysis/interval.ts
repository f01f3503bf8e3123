/**
 * Figures across runs. Every analysis works run by run on common seeds (a paired difference, an
 * elementary effect, a Shapley value per run) and only then summarises across runs, so an
 * interval says how far the figure varies with the random draws, not with the design.
 */
import { summarise } from '../ensemble/quantiles';

/** Mean and 5–95% range across runs (runs where the figure is undefined are left out). */
export interface Interval {
	mean: number;
	p05: number;
	p95: number;
}

export function intervalOf(perRun: ArrayLike<number>): Interval {
	const s = summarise(perRun, new Float64Array(perRun.length));
	return { mean: s.mean, p05: s.p05, p95: s.p95 };
}

/** Run by run, a minus b; the two must come from the same runs. */
export function minus(a: Float64Array, b: Float64Array): Float64Array {
	if (a.length !== b.length) throw new Error(`per-run figures of ${a.length} and ${b.length} runs cannot be paired`);
	return a.map((v, r) => v - b[r]);
}

/** A plausible range of one input, in its own units. */
export interface Factor {
	id: string;
	min: number;
	max: number;
	/** Evidence grade from the registry, when known: decides whether a sign flip is "fragile". */
	grade?: string;
}

/** A point in input space: the inputs set, by id; inputs not named keep their scenario values. */
export type Point = Readonly<Record<string, number>>;

/**
 * The thing analysed: the per-run paired difference (scenario minus baseline on common seeds) of
 * one outcome, with the inputs in `point` set in both arms. `{}` is the comparison as given.
 * May be async so a command line can yield between runs.
 */
export type PairedEvaluator = (point: Point) => Float64Array | Promise<Float64Array>;

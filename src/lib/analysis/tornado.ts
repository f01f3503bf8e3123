/**
 * One-at-a-time sensitivity (a tornado). Each assumption in turn goes to the low and then the
 * high end of its plausible range, in both arms of the comparison, everything else as the
 * scenarios set it. What is reported is the paired difference at each end and its change from
 * the difference as given, each run by run on common seeds and then summarised across runs.
 * One at a time sees no interactions (Morris does); it is cheap and easy to read.
 */
import { evaluateAll } from './evaluate-all';
import { intervalOf, minus, type Factor, type Interval, type PairedEvaluator, type Point } from './interval';

/** Grades under which a conclusion that flips sign is fragile: the evidence is thinnest. */
export const FRAGILE_GRADES: readonly string[] = ['weak', 'assumption'];

export interface TornadoBar {
	id: string;
	grade?: string;
	low: number;
	high: number;
	/** The paired difference with the assumption at its low and high end. */
	atLow: Interval;
	atHigh: Interval;
	/** Change in the paired difference from the comparison as given, at each end. */
	changeAtLow: Interval;
	changeAtHigh: Interval;
	/** High end minus low end, run by run: the width of the bar. */
	swing: Interval;
	/** Whether the mean paired difference at either end has the opposite sign to the one as given. */
	signFlips: boolean;
	/** A sign flip under an assumption graded weak or assumption. */
	fragile: boolean;
}

export interface TornadoResult {
	/** The paired difference as the scenarios set every assumption. */
	base: Interval;
	/** Largest swing first. */
	bars: TornadoBar[];
	evaluations: number;
}

/** Evaluations of the comparison a tornado makes: once as given, then both ends of each factor. */
export function tornadoEvaluations(factors: number): number {
	return 1 + 2 * factors;
}

export async function tornado(factors: readonly Factor[], evaluate: PairedEvaluator): Promise<TornadoResult> {
	for (const f of factors) if (!(f.min <= f.max)) throw new Error(`factor ${f.id}: range ${f.min} to ${f.max} is empty`);
	// The whole design at once (as given, then each factor's low and high end), so a threaded
	// evaluator keeps every thread busy; results come back in this order.
	const design: Point[] = [{}, ...factors.flatMap((f) => [{ [f.id]: f.min }, { [f.id]: f.max }])];
	const [basePerRun, ...ends] = await evaluateAll(design, evaluate);
	const base = intervalOf(basePerRun);
	const bars: TornadoBar[] = [];
	for (const [index, f] of factors.entries()) {
		const lowRuns = ends[2 * index];
		const highRuns = ends[2 * index + 1];
		const atLow = intervalOf(lowRuns);
		const atHigh = intervalOf(highRuns);
		const signFlips = flips(base.mean, atLow.mean) || flips(base.mean, atHigh.mean);
		bars.push({
			id: f.id,
			grade: f.grade,
			low: f.min,
			high: f.max,
			atLow,
			atHigh,
			changeAtLow: intervalOf(minus(lowRuns, basePerRun)),
			changeAtHigh: intervalOf(minus(highRuns, basePerRun)),
			swing: intervalOf(minus(highRuns, lowRuns)),
			signFlips,
			fragile: signFlips && f.grade !== undefined && FRAGILE_GRADES.includes(f.grade)
		});
	}
	// By size of the swing; ties in registry order, so the order never depends on anything else.
	const order = bars.map((bar, i) => ({ bar, i, size: Math.abs(bar.swing.mean) }));
	order.sort((a, b) => (b.size === a.size || (Number.isNaN(a.size) && Number.isNaN(b.size)) ? a.i - b.i : Number.isNaN(a.size) ? 1 : Number.isNaN(b.size) ? -1 : b.size - a.size));
	return { base, bars: order.map((o) => o.bar), evaluations: tornadoEvaluations(factors.length) };
}

/** Strictly opposite signs: a difference that reaches zero but does not cross it is not a flip. */
function flips(a: number, b: number): boolean {
	return (a > 0 && b < 0) || (a < 0 && b > 0);
}

/** The fragile conclusions of a tornado, in its order. */
export function fragileConclusions(result: TornadoResult): TornadoBar[] {
	return result.bars.filter((b) => b.fragile);
}

/**
 * The thin adapter from the analysis layer to the real model: evaluators that run a comparison
 * (scenario against baseline, on the same seeds) with some inputs set, and return each run's
 * final figure (the mean of its last 12 months) of one outcome. The runs are made by a
 * ModelRuns: in this thread one after another (the default), or on worker threads
 * (thread-runs.ts). Every run is deterministic given its input and seed, and results are
 * placed by replicate, never by the order runs finish, so the numbers are the same either way.
 */
import { finalValue } from '../ensemble/run-summary';
import {
	ASSUMPTIONS,
	LEVERS,
	minimumCitizens,
	OUTCOME_INDEX,
	replicateSeed,
	runModel,
	type AssumptionValues,
	type OutcomeId,
	type RunInput,
	type RunOutput
} from '../model/index';
import { toRunInput, type LeverSetting, type ResolvedScenario } from '../scenario/index';
import type { PairedEvaluator, Point } from './interval';
import type { CoalitionEvaluator } from './shapley';

const OVERALL = 0;

/** Where a comparison's model runs are made. */
export interface ModelRuns {
	/** Runs made at once (1 in this thread); runs are asked for in an order that suits it. */
	readonly width: number;
	/** Runs the model on `input`, then `after` on its output; resolves with what `after` returns. */
	run<T>(input: RunInput, after: (output: RunOutput) => T | Promise<T>): Promise<T>;
	/** Stops: runs not yet started are refused. */
	close(): void;
}

/**
 * Runs in this thread, one at a time in the order asked for, each run's `after` (progress, a
 * pause that lets Ctrl-C through) done before the next run starts. After a failure or close(),
 * the runs still waiting are refused rather than made.
 */
export function inThisThread(): ModelRuns {
	let tail: Promise<unknown> = Promise.resolve();
	let stopped: unknown;
	return {
		width: 1,
		run<T>(input: RunInput, after: (output: RunOutput) => T | Promise<T>): Promise<T> {
			const result = tail.then(() => {
				if (stopped !== undefined) throw stopped;
				return after(runModel(input));
			});
			tail = result.catch((error: unknown) => {
				stopped ??= error;
			});
			return result;
		},
		close() {
			stopped ??= new Error('the model runs were stopped');
		}
	};
}

export interface ModelComparison {
	scenario: ResolvedScenario;
	/** Resolved with the scenario's runs, seed, months and citizens, so run r pairs with run r. */
	baseline: ResolvedScenario;
	outcome: OutcomeId;
	/** After each model run (progress, a pause for Ctrl-C). */
	onRun?: () => void | Promise<void>;
	/** Where the runs are made; default: a fresh inThisThread() for each evaluator. */
	runs?: ModelRuns;
}

/** The seeds of a comparison's runs: replicate r of both arms uses the same one. */
export function comparisonSeeds(c: ModelComparison): number[] {
	return Array.from({ length: c.scenario.runs }, (_, r) => replicateSeed(c.scenario.seed, r));
}

/** The outcome's final figure of one run, counted by onRun once it is in. */
function finalFigure(c: ModelComparison): (output: RunOutput) => Promise<number> {
	const o = OUTCOME_INDEX[c.outcome];
	return async (output) => {
		const value = finalValue(output, o, OVERALL);
		await c.onRun?.();
		return value;
	};
}

/** Per-run paired difference of the outcome, with the point's assumptions set in both arms. */
export function pairedEvaluator(c: ModelComparison): PairedEvaluator {
	const seeds = comparisonSeeds(c);
	const runs = c.runs ?? inThisThread();
	const figure = finalFigure(c);
	return async (point: Point) => {
		const a: Promise<number>[] = [];
		const b: Promise<number>[] = [];
		// With equal assumptions the baseline reuses the scenario's settled spin-up of a seed. Asked
		// for in blocks as wide as the runner (scenario runs, then the same seeds' baseline runs),
		// a pool sends each baseline run to the thread that has just cached its seed; in this
		// thread that is scenario then baseline, seed by seed.
		for (let start = 0; start < seeds.length; start += runs.width) {
			const end = Math.min(seeds.length, start + runs.width);
			for (let r = start; r < end; r++) a.push(runs.run(withAssumptions(c.scenario, seeds[r], point), figure));
			for (let r = start; r < end; r++) b.push(runs.run(withAssumptions(c.baseline, seeds[r], point), figure));
		}
		const [scenario, baseline] = await Promise.all([Promise.all(a), Promise.all(b)]);
		return Float64Array.from(scenario, (v, r) => v - baseline[r]);
	};
}

function withAssumptions(s: ResolvedScenario, seed: number, point: Point): RunInput {
	const input = toRunInput(s, seed);
	return { ...input, assumptions: { ...input.assumptions, ...point } as AssumptionValues };
}

/** A lever or assumption whose value differs between the scenario and its baseline. */
export interface ChangedInput {
	id: string;
	kind: 'lever' | 'assumption';
	/** The baseline's and the scenario's setting (a lever may be an expression of the month). */
	from: LeverSetting;
	to: LeverSetting;
}

/** Levers whose monthly schedules differ and assumptions whose values differ, in registry order. */
export function changedInputs(scenario: ResolvedScenario, baseline: ResolvedScenario): ChangedInput[] {
	const out: ChangedInput[] = [];
	for (const lever of LEVERS) {
		const a = scenario.schedules[lever.id];
		const b = baseline.schedules[lever.id];
		if (a.length !== b.length || a.some((v, t) => v !== b[t]))
			out.push({ id: lever.id, kind: 'lever', from: baseline.levers[lever.id], to: scenario.levers[lever.id] });
	}
	for (const assumption of ASSUMPTIONS) {
		const a = scenario.assumptions[assumption.id];
		const b = baseline.assumptions[assumption.id];
		if (a !== b) out.push({ id: assumption.id, kind: 'assumption', from: b, to: a });
	}
	return out;
}

/**
 * Per-run outcome of the baseline with the inputs flagged true switched to the scenario's
 * settings: one arm per coalition (Shapley needs no second arm; differences are taken after).
 */
export function coalitionEvaluator(c: ModelComparison, inputs: readonly ChangedInput[]): CoalitionEvaluator {
	const seeds = comparisonSeeds(c);
	const runs = c.runs ?? inThisThread();
	const figure = finalFigure(c);
	return async (members) => {
		const schedules = { ...c.baseline.schedules };
		const assumptions = { ...c.baseline.assumptions };
		inputs.forEach((input, i) => {
			if (!members[i]) return;
			if (input.kind === 'lever') schedules[input.id as keyof typeof schedules] = c.scenario.schedules[input.id as keyof typeof schedules];
			else assumptions[input.id as keyof AssumptionValues] = c.scenario.assumptions[input.id as keyof AssumptionValues];
		});
		const mixed: ResolvedScenario = { ...c.baseline, schedules, assumptions };
		// Coalitions that set the same assumptions share each seed's settled spin-up; a pool sends
		// a seed's runs back to the thread that cached it.
		return Float64Array.from(await Promise.all(seeds.map((seed) => runs.run(toRunInput(mixed, seed), figure))));
	};
}

/**
 * Why a population cannot be run with these funded posts per 1,000 (the model refuses fewer than
 * its minimum posts per provider), or undefined if it can.
 */
export function populationProblem(s: ResolvedScenario, postsPer1000: number): string | undefined {
	const minimum = minimumCitizens(postsPer1000, s.population);
	if (s.population.citizens >= minimum) return undefined;
	return `${s.population.citizens} citizens are too few at ${postsPer1000} funded posts per 1,000 (at least ${minimum} for ${s.population.areas * s.population.providersPerArea} providers)`;
}

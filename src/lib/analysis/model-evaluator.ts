/**
 * The thin adapter from the analysis layer to the real model: evaluators that run a comparison
 * (scenario against baseline, on the same seeds) with some inputs set, and return each run's
 * final figure (the mean of its last 12 months) of one outcome. Runs go one after another in
 * replicate order, so the same inputs always give the same numbers.
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
	type RunInput
} from '../model/index';
import { toRunInput, type LeverSetting, type ResolvedScenario } from '../scenario/index';
import type { PairedEvaluator, Point } from './interval';
import type { CoalitionEvaluator } from './shapley';

const OVERALL = 0;

export interface ModelComparison {
	scenario: ResolvedScenario;
	/** Resolved with the scenario's runs, seed, months and citizens, so run r pairs with run r. */
	baseline: ResolvedScenario;
	outcome: OutcomeId;
	/** After each model run (progress, a pause for Ctrl-C). */
	onRun?: () => void | Promise<void>;
}

/** The seeds of a comparison's runs: replicate r of both arms uses the same one. */
export function comparisonSeeds(c: ModelComparison): number[] {
	return Array.from({ length: c.scenario.runs }, (_, r) => replicateSeed(c.scenario.seed, r));
}

/** Per-run paired difference of the outcome, with the point's assumptions set in both arms. */
export function pairedEvaluator(c: ModelComparison): PairedEvaluator {
	const o = OUTCOME_INDEX[c.outcome];
	const seeds = comparisonSeeds(c);
	return async (point: Point) => {
		const out = new Float64Array(seeds.length);
		for (let r = 0; r < seeds.length; r++) {
			// Scenario then baseline on one seed: with equal assumptions the baseline reuses the settled spin-up.
			const a = finalValue(runModel(withAssumptions(c.scenario, seeds[r], point)), o, OVERALL);
			await c.onRun?.();
			const b = finalValue(runModel(withAssumptions(c.baseline, seeds[r], point)), o, OVERALL);
			await c.onRun?.();
			out[r] = a - b;
		}
		return out;
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
	const o = OUTCOME_INDEX[c.outcome];
	const seeds = comparisonSeeds(c);
	return async (members) => {
		const schedules = { ...c.baseline.schedules };
		const assumptions = { ...c.baseline.assumptions };
		inputs.forEach((input, i) => {
			if (!members[i]) return;
			if (input.kind === 'lever') schedules[input.id as keyof typeof schedules] = c.scenario.schedules[input.id as keyof typeof schedules];
			else assumptions[input.id as keyof AssumptionValues] = c.scenario.assumptions[input.id as keyof AssumptionValues];
		});
		const mixed: ResolvedScenario = { ...c.baseline, schedules, assumptions };
		const out = new Float64Array(seeds.length);
		for (let r = 0; r < seeds.length; r++) {
			out[r] = finalValue(runModel(toRunInput(mixed, seeds[r])), o, OVERALL);
			await c.onRun?.();
		}
		return out;
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

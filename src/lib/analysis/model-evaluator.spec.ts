import { describe, expect, test } from 'vitest';
import { runEnsemble, finalValue } from '../ensemble/index';
import { OUTCOME_INDEX } from '../model/index';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import { resolveScenario, type ScenarioFile } from '../scenario/index';
import { changedInputs, coalitionEvaluator, pairedEvaluator, populationProblem, type ModelComparison } from './model-evaluator';
import { shapley } from './shapley';

const library = loadBuiltinScenarios();
const SMALL = { citizens: 4000, months: 24, runs: 2, seed: 3 };
const mixed: ScenarioFile = {
	schema: 'levers-scenario',
	version: 1,
	id: 'two-changes',
	title: 'Targets off, prevention ramped',
	extends: 'baseline-england-2023',
	levers: { targets: 0, prevention: 't < 12 ? 0.05 : 0.2' },
	assumptions: { escalationRate: 0.01 }
};

function comparison(outcome: ModelComparison['outcome'] = 'prevention.crisisRate'): ModelComparison {
	return {
		scenario: resolveScenario(mixed, library, SMALL),
		baseline: resolveScenario(library.get('baseline-england-2023')!, library, SMALL),
		outcome
	};
}

describe('the model adapter', () => {
	test('finds the changed levers (expressions by their schedules) and assumptions', () => {
		const c = comparison();
		expect(changedInputs(c.scenario, c.baseline)).toEqual([
			{ id: 'targets', kind: 'lever', from: 0.6, to: 0 },
			{ id: 'prevention', kind: 'lever', from: expect.any(Number), to: 't < 12 ? 0.05 : 0.2' },
			{ id: 'escalationRate', kind: 'assumption', from: 0.004, to: 0.01 }
		]);
		expect(changedInputs(c.baseline, c.baseline)).toEqual([]);
	});

	test('the paired difference as given equals the ensembles\' run-by-run difference, and counts its runs', async () => {
		let runs = 0;
		const c = { ...comparison(), onRun: () => void runs++ };
		const values = await pairedEvaluator(c)({});
		expect(runs).toBe(4);
		const o = OUTCOME_INDEX['prevention.crisisRate'];
		const a = runEnsemble((seed) => ({ ...toInput(c.scenario, seed) }), 2, SMALL.seed);
		const b = runEnsemble((seed) => ({ ...toInput(c.baseline, seed) }), 2, SMALL.seed);
		expect([...values]).toEqual(a.runs.map((run, r) => finalValue(run, o, 0) - finalValue(b.runs[r], o, 0)));
		expect(values.every(Number.isFinite)).toBe(true);
	});

	test('an assumption set in the point changes the difference; the same point gives the same numbers', async () => {
		const evaluate = pairedEvaluator(comparison());
		const given = await evaluate({});
		const moved = await evaluate({ escalationRate: 0.05 });
		expect([...moved]).not.toEqual([...given]);
		expect([...(await evaluate({ escalationRate: 0.05 }))]).toEqual([...moved]);
	});

	test('Shapley over the model adds up to the paired difference of the two scenarios, run by run', async () => {
		const c = comparison();
		const inputs = changedInputs(c.scenario, c.baseline);
		const result = await shapley(inputs.map((i) => i.id), coalitionEvaluator(c, inputs));
		const paired = await pairedEvaluator(c)({});
		for (let r = 0; r < 2; r++) {
			expect(result.totalPerRun[r]).toBeCloseTo(paired[r], 9);
			expect(result.contributions.reduce((s, k) => s + k.perRun[r], 0)).toBeCloseTo(paired[r], 9);
		}
		expect(result.evaluations).toBe(8);
	});

	test('names a population too small for the funded posts', () => {
		const c = comparison();
		expect(populationProblem(c.scenario, 50)).toBeUndefined();
		expect(populationProblem(c.scenario, 20)).toMatch(/4000 citizens are too few at 20 funded posts per 1,000/);
	});
});

function toInput(s: ModelComparison['scenario'], seed: number) {
	return { levers: s.schedules, assumptions: { ...s.assumptions }, population: { ...s.population }, months: s.months, seed, detail: false };
}

import { describe, expect, test } from 'vitest';
import { runEnsemble, finalValue } from '../ensemble/index';
import { OUTCOME_INDEX, runModel, type RunInput, type RunOutput } from '../model/index';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import { resolveScenario, type ScenarioFile } from '../scenario/index';
import { changedInputs, coalitionEvaluator, inThisThread, pairedEvaluator, populationProblem, type ModelComparison, type ModelRuns } from './model-evaluator';
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
		// 4,000 citizens keep 2 areas of 3 providers: enough posts even at the low end.
		expect(populationProblem(c.scenario, 20)).toBeUndefined();
		// 500 keep one area of 3 providers: 10 posts at 20 per 1,000, too few for 3 teams of 5.
		const tiny = resolveScenario(mixed, library, { ...SMALL, citizens: 500 });
		expect(populationProblem(tiny, 50)).toBeUndefined();
		expect(populationProblem(tiny, 20)).toBe('500 citizens are too few at 20 funded posts per 1,000 (at least 750 for 3 providers)');
	});
});

function toInput(s: ModelComparison['scenario'], seed: number) {
	return { levers: s.schedules, assumptions: { ...s.assumptions }, population: { ...s.population }, months: s.months, seed, detail: false };
}

/**
 * A stand-in for worker threads `width` wide: records the runs asked for, makes them all once
 * the evaluator has asked, and answers them last first.
 */
function lastFirstRuns(width: number): ModelRuns & { asked: RunInput[] } {
	const asked: RunInput[] = [];
	let held: (() => void)[] = [];
	return {
		width,
		asked,
		run<T>(input: RunInput, after: (output: RunOutput) => T | Promise<T>): Promise<T> {
			asked.push(input);
			return new Promise<T>((resolve, reject) => {
				if (held.length === 0)
					setImmediate(() => {
						const answers = held.reverse();
						held = [];
						for (const answer of answers) answer();
					});
				held.push(() => Promise.resolve(after(runModel(input))).then(resolve, reject));
			});
		},
		close() {}
	};
}

describe('where the runs are made', () => {
	test('runs that finish in any order give the numbers of runs in this thread, placed by replicate, each counted once', async () => {
		const inThread = await pairedEvaluator(comparison())({ escalationRate: 0.02 });
		let counted = 0;
		const runs = lastFirstRuns(2);
		const c = { ...comparison(), runs, onRun: () => void counted++ };
		const values = await pairedEvaluator(c)({ escalationRate: 0.02 });
		expect([...values]).toEqual([...inThread]);
		expect(counted).toBe(4);
		const inputs = changedInputs(c.scenario, c.baseline);
		const members = [true, false, true];
		const coalition = await coalitionEvaluator({ ...c, runs: lastFirstRuns(2) }, inputs)(members);
		expect([...coalition]).toEqual([...(await coalitionEvaluator(comparison(), inputs)(members))]);
	});

	test('both arms of a seed are asked for in blocks as wide as the runner: scenario runs, then the same seeds\' baseline runs', async () => {
		const c = { ...comparison(), scenario: resolveScenario(mixed, library, { ...SMALL, runs: 3 }), baseline: resolveScenario(library.get('baseline-england-2023')!, library, { ...SMALL, runs: 3 }) };
		const arm = (input: RunInput) => (input.levers === c.scenario.schedules ? 's' : 'b');
		const order = async (width: number) => {
			const runs = lastFirstRuns(width);
			await pairedEvaluator({ ...c, runs })({});
			const seeds = [...new Set(runs.asked.map((i) => i.seed))];
			return runs.asked.map((i) => `${arm(i)}${seeds.indexOf(i.seed)}`).join(' ');
		};
		expect(await order(1)).toBe('s0 b0 s1 b1 s2 b2');
		expect(await order(2)).toBe('s0 s1 b0 b1 s2 b2');
	});

	test('in this thread, one at a time: after a failure the runs waiting are refused, not made; so after close()', async () => {
		const c = comparison();
		const made: number[] = [];
		const runs = inThisThread();
		const broken = runs.run({ ...toInput(c.baseline, 1), population: undefined } as unknown as RunInput, () => made.push(0));
		const next = runs.run(toInput(c.baseline, 1), () => made.push(1));
		await expect(broken).rejects.toThrow();
		await expect(next).rejects.toThrow();
		expect(made).toEqual([]);
		const closed = inThisThread();
		closed.close();
		await expect(closed.run(toInput(c.baseline, 1), () => made.push(2))).rejects.toThrow(/stopped/);
		expect(made).toEqual([]);
	});
});

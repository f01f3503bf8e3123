import { describe, expect, test } from 'vitest';
import { OUTCOMES, runModel } from '../model/index';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import { resolveScenario, toRunInput } from '../scenario/index';
import { runEnsemble, summariseEnsemble, type EnsembleSummary } from './ensemble';
import { EnsembleCollector, runSummarisedEnsemble, summariseRun, summariseRunSummaries } from './run-summary';

const library = loadBuiltinScenarios();
const SMALL = { citizens: 4000, months: 24, runs: 3 };
const scenario = resolveScenario(library.get('baseline-england-2023')!, library, SMALL);
const other = resolveScenario(library.get('targets-and-terror')!, library, { ...SMALL, seed: scenario.seed });

/** Every number of a summary, with where it is, in a fixed order. */
function flatten(s: EnsembleSummary): [string, number][] {
	const out: [string, number][] = [];
	const walk = (prefix: string, value: unknown) => {
		if (typeof value === 'number') out.push([prefix, value]);
		else if (value instanceof Float64Array) value.forEach((v, i) => out.push([`${prefix}[${i}]`, v]));
		else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
	};
	walk('', s);
	return out;
}

function expectIdentical(a: EnsembleSummary, b: EnsembleSummary) {
	const fa = flatten(a);
	const fb = flatten(b);
	expect(fa.map(([k]) => k)).toEqual(fb.map(([k]) => k));
	const different = fa.filter(([k, v], i) => !Object.is(v, fb[i][1])).map(([k]) => k);
	expect(different).toEqual([]);
	expect(fa.length).toBeGreaterThan(OUTCOMES.length * SMALL.months * 4);
}

describe('per-run summaries', () => {
	const full = runEnsemble((seed) => toRunInput(scenario, seed), SMALL.runs, scenario.seed);
	const fullOther = runEnsemble((seed) => toRunInput(other, seed), SMALL.runs, scenario.seed);
	const summarised = runSummarisedEnsemble((seed) => toRunInput(scenario, seed), SMALL.runs, scenario.seed);
	const summarisedOther = runSummarisedEnsemble((seed) => toRunInput(other, seed), SMALL.runs, scenario.seed);

	test('give exactly the numbers of the full ensemble, alone and as paired differences', () => {
		expectIdentical(summariseRunSummaries(summarised), summariseEnsemble(full));
		expectIdentical(summariseRunSummaries(summarisedOther, summarised), summariseEnsemble(fullOther, full));
	});

	test('keep the same seeds, months and groups as the full ensemble', () => {
		expect(summarised.seeds).toEqual(full.seeds);
		expect(summarised.baseSeed).toBe(full.baseSeed);
		expect(summarised.months).toBe(full.months);
		expect(summarised.groups).toBe(full.groups);
	});

	test('hold, per run, one overall series per outcome and one final figure per outcome and group: not the run', () => {
		const run = full.runs[0];
		const summary = summariseRun(run);
		expect(Object.keys(summary).sort()).toEqual(['final', 'groups', 'months', 'overall']);
		expect(summary.overall.length).toBe(OUTCOMES.length * run.months);
		expect(summary.final.length).toBe(OUTCOMES.length * run.groups);
		const kept = summarised.runs.reduce((bytes, r) => bytes + r.overall.byteLength + r.final.byteLength, 0);
		expect(kept).toBe(SMALL.runs * OUTCOMES.length * (run.months + run.groups) * 8);
		// The full series is (groups) times larger: this is the memory a large ensemble saves.
		expect(run.series.byteLength).toBe(OUTCOMES.length * run.groups * run.months * 8);
	});

	test('the collector takes runs in replicate order, says which seed comes next, and refuses a mismatched run', () => {
		const collector = new EnsembleCollector(scenario.seed, 2);
		expect(collector.nextSeed()).toBe(full.seeds[0]);
		collector.add(runModel(toRunInput(scenario, collector.nextSeed()!)));
		expect(collector.done).toBe(1);
		expect(collector.nextSeed()).toBe(full.seeds[1]);
		const short = resolveScenario(library.get('baseline-england-2023')!, library, { ...SMALL, months: 12 });
		expect(() => collector.add(runModel(toRunInput(short, 1)))).toThrow(/months/);
		collector.add(full.runs[1]);
		expect(collector.nextSeed()).toBeUndefined();
		expect(() => collector.add(full.runs[2])).toThrow(/already has its 2 runs/);
		expect(() => new EnsembleCollector(1, 3).result()).toThrow(/0 of 3 runs/);
	});

	test('a paired summary refuses a baseline on other seeds', () => {
		const elsewhere = runSummarisedEnsemble((seed) => toRunInput(scenario, seed), SMALL.runs, scenario.seed + 1);
		expect(() => summariseRunSummaries(summarised, elsewhere)).toThrow(/same seeds/);
	});
});

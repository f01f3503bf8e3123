import { beforeAll, describe, expect, test } from 'vitest';
import { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, minimumCitizens, OUTCOMES, QUINTILES, replicateSeed, type RunOutput } from '../model/index';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import { resolveScenario, toRunInput, type ResolvedScenario } from '../scenario/index';
import {
	FINAL_MONTHS,
	finalValue,
	fromRuns,
	runEnsemble,
	summariseEnsemble,
	valueAt,
	type Ensemble,
	type EnsembleSummary
} from './ensemble';
import type { Summary } from './quantiles';

const library = loadBuiltinScenarios();
/** The fewest citizens the baseline scenario's providers allow: small runs, still valid. */
const baseline = resolveScenario(library.get('baseline-england-2023')!, library);
const SMALL = { citizens: minimumCitizens(baseline.assumptions.postsPer1000, baseline.population), months: 24, runs: 3 };

function resolved(id: string): ResolvedScenario {
	return resolveScenario(library.get(id)!, library, SMALL);
}

let scenario: ResolvedScenario;
let ensemble: Ensemble;
let requestedSeeds: number[];

beforeAll(() => {
	scenario = resolved('baseline-england-2023');
	requestedSeeds = [];
	ensemble = runEnsemble(
		(seed) => {
			requestedSeeds.push(seed);
			return toRunInput(scenario, seed);
		},
		scenario.runs,
		scenario.seed
	);
});

/** Every figure of a summary: the series statistics, final, byQuintile and byArea. */
function allFigures(s: EnsembleSummary): { where: string; value: number }[] {
	const out: { where: string; value: number }[] = [];
	const push = (where: string, f: Summary) => {
		for (const key of ['mean', 'p05', 'p50', 'p95'] as const) out.push({ where: `${where}.${key}`, value: f[key] });
	};
	for (const spec of OUTCOMES) {
		const series = s.outcomes[spec.id];
		for (const key of ['mean', 'p05', 'p50', 'p95'] as const) {
			series[key].forEach((value, t) => out.push({ where: `outcomes.${spec.id}.${key}[${t}]`, value }));
		}
		push(`final.${spec.id}`, s.final[spec.id]);
		for (const [g, f] of Object.entries(s.byQuintile[spec.id] ?? {})) push(`byQuintile.${spec.id}.${g}`, f);
		for (const [g, f] of Object.entries(s.byArea[spec.id] ?? {})) push(`byArea.${spec.id}.${g}`, f);
	}
	return out;
}

/** Type-7 quantile written out for the three-run case: h = 2q. */
function quantileOfThree(sorted: number[], q: number): number {
	const h = 2 * q;
	const lo = Math.floor(h);
	return lo >= 2 ? sorted[2] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

function expectClose(got: number, want: number, where: string) {
	if (Number.isNaN(want)) {
		expect(got, where).toBeNaN();
		return;
	}
	expect(Math.abs(got - want), `${where}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
}

describe('runEnsemble', () => {
	test('gives one output per run, with seeds replicateSeed(base, r) in replicate order', () => {
		const expected = Array.from({ length: SMALL.runs }, (_, r) => replicateSeed(scenario.seed, r));
		expect(ensemble.seeds).toEqual(expected);
		expect(requestedSeeds).toEqual(expected);
		expect(new Set(expected).size).toBe(SMALL.runs);
		expect(ensemble.baseSeed).toBe(scenario.seed);
		expect(ensemble.runs).toHaveLength(SMALL.runs);
	});

	test('every run has the scenario\'s months, the groups overall + quintiles + areas, and a full series', () => {
		const groups = 1 + QUINTILES + scenario.population.areas;
		expect(ensemble.months).toBe(SMALL.months);
		expect(ensemble.groups).toBe(groups);
		for (const run of ensemble.runs) {
			expect(run.months).toBe(SMALL.months);
			expect(run.groups).toBe(groups);
			expect(run.series).toBeInstanceOf(Float64Array);
			expect(run.series.length).toBe(OUTCOMES.length * groups * SMALL.months);
		}
	});

	test('replicates differ from each other', () => {
		const [a, b, c] = ensemble.runs.map((r) => Array.from(r.series));
		expect(a).not.toEqual(b);
		expect(b).not.toEqual(c);
	});

	test('the same base seed gives the same ensemble; another base seed gives other seeds and numbers', () => {
		const again = runEnsemble((seed) => toRunInput(scenario, seed), SMALL.runs, scenario.seed);
		expect(again.seeds).toEqual(ensemble.seeds);
		again.runs.forEach((run, r) => expect(run.series).toEqual(ensemble.runs[r].series));
		const other = runEnsemble((seed) => toRunInput(scenario, seed), 1, scenario.seed + 1);
		expect(other.seeds[0]).not.toBe(ensemble.seeds[0]);
		expect(Array.from(other.runs[0].series)).not.toEqual(Array.from(ensemble.runs[0].series));
	});

	test('fromRuns refuses an empty list of runs', () => {
		expect(() => fromRuns(1, [], [])).toThrow(/at least one run/);
	});
});

describe('valueAt and finalValue', () => {
	test('valueAt reads series[(outcome * groups + group) * months + t]', () => {
		const run = ensemble.runs[0];
		for (const [o, g, t] of [[0, 0, 0], [3, 2, 5], [OUTCOMES.length - 1, run.groups - 1, run.months - 1]]) {
			expect(Object.is(valueAt(run, o, g, t), run.series[(o * run.groups + g) * run.months + t])).toBe(true);
		}
	});

	test('finalValue is the mean of the last 12 months, ignoring NaN months', () => {
		const months = 15;
		const run: RunOutput = { months, spinUp: { months: 0, settled: true }, groups: 1, series: new Float64Array(months) };
		for (let t = 0; t < months; t++) run.series[t] = t;
		// Last 12 months are 3..14; make 4 and 10 undefined.
		run.series[4] = NaN;
		run.series[10] = NaN;
		const kept = [3, 5, 6, 7, 8, 9, 11, 12, 13, 14];
		expect(finalValue(run, 0, 0)).toBe(kept.reduce((a, b) => a + b, 0) / kept.length);
		run.series.fill(NaN);
		expect(finalValue(run, 0, 0)).toBeNaN();
		expect(FINAL_MONTHS).toBe(12);
	});
});

describe('summariseEnsemble', () => {
	test('the paired difference of an ensemble with itself is exactly 0 wherever it is defined', () => {
		const figures = allFigures(summariseEnsemble(ensemble, ensemble));
		const defined = figures.filter((f) => !Number.isNaN(f.value));
		expect(defined.length).toBeGreaterThan(figures.length / 2);
		const nonZero = defined.filter((f) => !Object.is(f.value, 0));
		expect(nonZero).toEqual([]);
	});

	test('the paired difference is defined exactly where the plain summary is', () => {
		const plain = allFigures(summariseEnsemble(ensemble));
		const paired = allFigures(summariseEnsemble(ensemble, ensemble));
		expect(paired.map((f) => f.where)).toEqual(plain.map((f) => f.where));
		expect(paired.map((f) => Number.isNaN(f.value))).toEqual(plain.map((f) => Number.isNaN(f.value)));
	});

	test('a paired difference against a scenario with the same seeds is defined and not all zero', () => {
		const other = resolved('targets-and-terror');
		const b = runEnsemble((seed) => toRunInput(other, seed), SMALL.runs, scenario.seed);
		const diff = allFigures(summariseEnsemble(b, ensemble)).filter((f) => !Number.isNaN(f.value));
		expect(diff.some((f) => f.value !== 0)).toBe(true);
	});

	test('a baseline with different seeds is refused', () => {
		const other = runEnsemble((seed) => toRunInput(scenario, seed), SMALL.runs, scenario.seed + 1);
		expect(() => summariseEnsemble(ensemble, other)).toThrow(/same seeds/);
	});

	test('a baseline with a different number of runs or months is refused', () => {
		const fewer = fromRuns(ensemble.baseSeed, ensemble.seeds.slice(0, 2), ensemble.runs.slice(0, 2));
		expect(() => summariseEnsemble(ensemble, fewer)).toThrow(/same seeds/);
		const shorter = resolveScenario(library.get('baseline-england-2023')!, library, { ...SMALL, months: 12 });
		const short = runEnsemble((seed) => toRunInput(shorter, seed), SMALL.runs, scenario.seed);
		expect(() => summariseEnsemble(ensemble, short)).toThrow(/same seeds/);
	});

	test('the series figures are, month by month, the mean and type-7 quantiles across runs', () => {
		const summary = summariseEnsemble(ensemble);
		OUTCOMES.forEach((spec, o) => {
			for (let t = 0; t < ensemble.months; t++) {
				const values = ensemble.runs.map((run) => valueAt(run, o, 0, t)).filter((v) => !Number.isNaN(v));
				const where = `${spec.id}[${t}]`;
				const s = summary.outcomes[spec.id];
				if (values.length !== SMALL.runs) {
					// Some run undefined: only check the all-undefined case exactly.
					if (values.length === 0) expect(s.mean[t], where).toBeNaN();
					continue;
				}
				const sorted = [...values].sort((a, b) => a - b);
				expectClose(s.mean[t], (values[0] + values[1] + values[2]) / 3, `${where}.mean`);
				expectClose(s.p05[t], quantileOfThree(sorted, 0.05), `${where}.p05`);
				expectClose(s.p50[t], sorted[1], `${where}.p50`);
				expectClose(s.p95[t], quantileOfThree(sorted, 0.95), `${where}.p95`);
			}
		});
	});

	test('final, byQuintile and byArea equal a hand computation: mean of the last 12 months of each run, then summarised', () => {
		const summary = summariseEnsemble(ensemble);
		const handFinal = (o: number, g: number): Summary => {
			const perRun: number[] = [];
			for (const run of ensemble.runs) {
				let sum = 0;
				let n = 0;
				for (let t = run.months - 12; t < run.months; t++) {
					const v = run.series[(o * run.groups + g) * run.months + t];
					if (!Number.isNaN(v)) {
						sum += v;
						n++;
					}
				}
				if (n > 0) perRun.push(sum / n);
			}
			if (perRun.length === 0) return { mean: NaN, p05: NaN, p50: NaN, p95: NaN };
			const sorted = [...perRun].sort((a, b) => a - b);
			const q = (p: number) => {
				const h = (sorted.length - 1) * p;
				const lo = Math.floor(h);
				const hi = Math.min(sorted.length - 1, lo + 1);
				return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
			};
			return { mean: perRun.reduce((a, b) => a + b, 0) / perRun.length, p05: q(0.05), p50: q(0.5), p95: q(0.95) };
		};
		const check = (got: Summary | undefined, want: Summary, where: string) => {
			expect(got, where).toBeDefined();
			for (const key of ['mean', 'p05', 'p50', 'p95'] as const) expectClose(got![key], want[key], `${where}.${key}`);
		};
		let definedFinals = 0;
		OUTCOMES.forEach((spec, o) => {
			const want = handFinal(o, 0);
			if (!Number.isNaN(want.mean)) definedFinals++;
			check(summary.final[spec.id], want, `final.${spec.id}`);
			if (spec.byQuintile) {
				expect(Object.keys(summary.byQuintile[spec.id]!)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
				for (let q = 0; q < QUINTILES; q++) {
					check(summary.byQuintile[spec.id]![`q${q + 1}`], handFinal(o, GROUP_FIRST_QUINTILE + q), `byQuintile.${spec.id}.q${q + 1}`);
				}
			} else {
				expect(summary.byQuintile[spec.id]).toBeUndefined();
			}
			if (spec.byArea) {
				const areas = ensemble.groups - GROUP_FIRST_AREA;
				expect(Object.keys(summary.byArea[spec.id]!)).toEqual(Array.from({ length: areas }, (_, a) => `area${a + 1}`));
				for (let a = 0; a < areas; a++) {
					check(summary.byArea[spec.id]![`area${a + 1}`], handFinal(o, GROUP_FIRST_AREA + a), `byArea.${spec.id}.area${a + 1}`);
				}
			} else {
				expect(summary.byArea[spec.id]).toBeUndefined();
			}
		});
		expect(definedFinals).toBeGreaterThan(OUTCOMES.length / 2);
	});

	test('every outcome has series of length months, and p05 <= p50 <= p95 wherever defined', () => {
		const summary = summariseEnsemble(ensemble);
		for (const spec of OUTCOMES) {
			const s = summary.outcomes[spec.id];
			for (const key of ['mean', 'p05', 'p50', 'p95'] as const) expect(s[key].length).toBe(SMALL.months);
			for (let t = 0; t < SMALL.months; t++) {
				if (Number.isNaN(s.p50[t])) continue;
				expect(s.p05[t]).toBeLessThanOrEqual(s.p50[t]);
				expect(s.p50[t]).toBeLessThanOrEqual(s.p95[t]);
			}
		}
	});
});

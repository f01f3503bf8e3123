import {
	GROUP_FIRST_AREA,
	GROUP_FIRST_QUINTILE,
	OUTCOMES,
	QUINTILES,
	replicateSeed,
	runModel,
	type OutcomeId,
	type RunInput,
	type RunOutput
} from '../model/index';
import { summarise, type Summary } from './quantiles';

/** Months at the end of a run that its "final" figure averages. */
export const FINAL_MONTHS = 12;

export interface Ensemble {
	baseSeed: number;
	seeds: number[];
	months: number;
	groups: number;
	runs: RunOutput[];
}

/** Series summaries: one array per statistic, one entry per month. */
export interface SeriesSummary {
	mean: Float64Array;
	p05: Float64Array;
	p50: Float64Array;
	p95: Float64Array;
}

/**
 * Run `runs` replicates of a scenario. Replicate r uses seed replicateSeed(baseSeed, r), so
 * replicate r of any two scenarios shares its random draws: differences between scenarios
 * are paired (common random numbers).
 */
export function runEnsemble(
	inputForSeed: (seed: number) => RunInput,
	runs: number,
	baseSeed: number
): Ensemble {
	const seeds = Array.from({ length: runs }, (_, r) => replicateSeed(baseSeed, r));
	const outputs = seeds.map((seed) => runModel(inputForSeed(seed)));
	return fromRuns(baseSeed, seeds, outputs);
}

/** Assemble an ensemble from runs made elsewhere (a worker pool), in replicate order. */
export function fromRuns(baseSeed: number, seeds: number[], runs: RunOutput[]): Ensemble {
	if (runs.length === 0) throw new Error('an ensemble needs at least one run');
	return { baseSeed, seeds, months: runs[0].months, groups: runs[0].groups, runs };
}

/** Value of outcome `o`, group `g`, month `t` in one run. */
export function valueAt(run: RunOutput, o: number, g: number, t: number): number {
	return run.series[(o * run.groups + g) * run.months + t];
}

/** Mean over the last FINAL_MONTHS months of one run (NaN months ignored). */
export function finalValue(run: RunOutput, o: number, g: number): number {
	let sum = 0;
	let n = 0;
	for (let t = Math.max(0, run.months - FINAL_MONTHS); t < run.months; t++) {
		const v = valueAt(run, o, g, t);
		if (v === v) {
			sum += v;
			n++;
		}
	}
	return n > 0 ? sum / n : NaN;
}

/** A function of one run giving the value to summarise, such as a difference of two runs. */
type PerRun = (r: number, t: number) => number;

function seriesOf(runs: number, months: number, value: PerRun): SeriesSummary {
	const out: SeriesSummary = {
		mean: new Float64Array(months),
		p05: new Float64Array(months),
		p50: new Float64Array(months),
		p95: new Float64Array(months)
	};
	const column = new Float64Array(runs);
	const scratch = new Float64Array(runs);
	for (let t = 0; t < months; t++) {
		for (let r = 0; r < runs; r++) column[r] = value(r, t);
		const s = summarise(column, scratch);
		out.mean[t] = s.mean;
		out.p05[t] = s.p05;
		out.p50[t] = s.p50;
		out.p95[t] = s.p95;
	}
	return out;
}

function finalOf(runs: number, value: (r: number) => number): Summary {
	const column = Float64Array.from({ length: runs }, (_, r) => value(r));
	return summarise(column, new Float64Array(runs));
}

export interface EnsembleSummary {
	/** Overall series per outcome. */
	outcomes: Record<OutcomeId, SeriesSummary>;
	/** Per outcome: each run's mean of its last 12 months, summarised across runs. */
	final: Record<OutcomeId, Summary>;
	/** Per outcome defined by quintile: q1 (least deprived) … q5 (most), final figures. */
	byQuintile: Partial<Record<OutcomeId, Record<string, Summary>>>;
	/** Per outcome defined by area: area1 … areaN, final figures. */
	byArea: Partial<Record<OutcomeId, Record<string, Summary>>>;
}

/** Summarise an ensemble, or the paired differences of `ensemble` minus `baseline`. */
export function summariseEnsemble(ensemble: Ensemble, baseline?: Ensemble): EnsembleSummary {
	if (baseline) assertPaired(ensemble, baseline);
	const n = ensemble.runs.length;
	const months = ensemble.months;
	const at = (o: number, g: number): PerRun =>
		baseline
			? (r, t) => valueAt(ensemble.runs[r], o, g, t) - valueAt(baseline.runs[r], o, g, t)
			: (r, t) => valueAt(ensemble.runs[r], o, g, t);
	const final = (o: number, g: number) =>
		baseline
			? (r: number) => finalValue(ensemble.runs[r], o, g) - finalValue(baseline.runs[r], o, g)
			: (r: number) => finalValue(ensemble.runs[r], o, g);

	const summary: EnsembleSummary = {
		outcomes: {} as Record<OutcomeId, SeriesSummary>,
		final: {} as Record<OutcomeId, Summary>,
		byQuintile: {},
		byArea: {}
	};
	OUTCOMES.forEach((spec, o) => {
		summary.outcomes[spec.id] = seriesOf(n, months, at(o, 0));
		summary.final[spec.id] = finalOf(n, final(o, 0));
		if (spec.byQuintile) {
			const groups: Record<string, Summary> = {};
			for (let q = 0; q < QUINTILES; q++) groups[`q${q + 1}`] = finalOf(n, final(o, GROUP_FIRST_QUINTILE + q));
			summary.byQuintile[spec.id] = groups;
		}
		if (spec.byArea) {
			const groups: Record<string, Summary> = {};
			for (let g = GROUP_FIRST_AREA; g < ensemble.groups; g++) {
				groups[`area${g - GROUP_FIRST_AREA + 1}`] = finalOf(n, final(o, g));
			}
			summary.byArea[spec.id] = groups;
		}
	});
	return summary;
}

function assertPaired(a: Ensemble, b: Ensemble): void {
	const same =
		a.runs.length === b.runs.length &&
		a.months === b.months &&
		a.groups === b.groups &&
		a.seeds.every((s, i) => s === b.seeds[i]);
	if (!same) {
		throw new Error('paired differences need two ensembles with the same seeds, months and groups');
	}
}

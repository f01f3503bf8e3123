/**
 * Ensembles in bounded memory. A run's full output holds every outcome for every group and
 * month; the ensemble summary needs only each run's overall series and each group's final
 * figure. Keeping just those per run (a RunSummary) makes the kept memory
 * runs × outcomes × (months + groups) × 8 bytes — about 30 MB for 1,000 default runs instead
 * of 470 MB — while the quantiles across runs stay exact (type 7 over every run's value).
 */
import { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, OUTCOMES, QUINTILES, replicateSeed, runModel, type OutcomeId, type RunInput, type RunOutput } from '../model/index';
import { summarise, type Summary } from './quantiles';

/** Months at the end of a run that its "final" figure averages. */
export const FINAL_MONTHS = 12;

/** Series summaries: one array per statistic, one entry per month. */
export interface SeriesSummary {
	mean: Float64Array;
	p05: Float64Array;
	p50: Float64Array;
	p95: Float64Array;
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

/** What an ensemble summary needs of one run. */
export interface RunSummary {
	months: number;
	groups: number;
	/** overall[o * months + t]: outcome o for everyone in month t. */
	overall: Float64Array;
	/** final[o * groups + g]: the mean of outcome o for group g over the last FINAL_MONTHS months. */
	final: Float64Array;
}

/** An ensemble kept as per-run summaries, in replicate order. */
export interface SummarisedEnsemble {
	baseSeed: number;
	seeds: number[];
	months: number;
	groups: number;
	runs: RunSummary[];
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

/** The part of a run an ensemble summary needs. */
export function summariseRun(run: RunOutput): RunSummary {
	const { months, groups } = run;
	const overall = new Float64Array(OUTCOMES.length * months);
	const final = new Float64Array(OUTCOMES.length * groups);
	for (let o = 0; o < OUTCOMES.length; o++) {
		overall.set(run.series.subarray(o * groups * months, (o * groups + 1) * months), o * months);
		for (let g = 0; g < groups; g++) final[o * groups + g] = finalValue(run, o, g);
	}
	return { months, groups, overall, final };
}

/**
 * Collects the runs of one ensemble as they finish, keeping only their summaries. Replicate r
 * uses seed replicateSeed(baseSeed, r), so replicate r of any two scenarios shares its random
 * draws (common random numbers).
 */
export class EnsembleCollector {
	readonly seeds: number[];
	private readonly runs: RunSummary[] = [];

	constructor(
		readonly baseSeed: number,
		runs: number
	) {
		this.seeds = Array.from({ length: runs }, (_, r) => replicateSeed(baseSeed, r));
	}

	/** Runs collected so far. */
	get done(): number {
		return this.runs.length;
	}

	/** The seed of the next replicate, or undefined when every run is in. */
	nextSeed(): number | undefined {
		return this.seeds[this.runs.length];
	}

	/** Adds the next replicate's output; the output itself is not kept. */
	add(run: RunOutput): void {
		if (this.runs.length === this.seeds.length) throw new Error(`the ensemble already has its ${this.seeds.length} runs`);
		const first = this.runs[0];
		if (first && (run.months !== first.months || run.groups !== first.groups))
			throw new Error(`run ${this.runs.length} has ${run.months} months and ${run.groups} groups, not ${first.months} and ${first.groups}`);
		this.runs.push(summariseRun(run));
	}

	result(): SummarisedEnsemble {
		if (this.runs.length !== this.seeds.length || this.runs.length === 0)
			throw new Error(`the ensemble has ${this.runs.length} of ${this.seeds.length} runs`);
		return { baseSeed: this.baseSeed, seeds: this.seeds, months: this.runs[0].months, groups: this.runs[0].groups, runs: this.runs };
	}
}

/** Runs `runs` replicates keeping only their summaries; `onRun` sees each full output first. */
export function runSummarisedEnsemble(
	inputForSeed: (seed: number) => RunInput,
	runs: number,
	baseSeed: number,
	onRun?: (run: RunOutput, replicate: number) => void
): SummarisedEnsemble {
	const collector = new EnsembleCollector(baseSeed, runs);
	for (let seed = collector.nextSeed(); seed !== undefined; seed = collector.nextSeed()) {
		const run = runModel(inputForSeed(seed));
		onRun?.(run, collector.done);
		collector.add(run);
	}
	return collector.result();
}

/** Summarise an ensemble, or the paired differences of `ensemble` minus `baseline`, run by run. */
export function summariseRunSummaries(ensemble: SummarisedEnsemble, baseline?: SummarisedEnsemble): EnsembleSummary {
	if (baseline) assertPaired(ensemble, baseline);
	const { months, groups } = ensemble;
	const a = ensemble.runs;
	const b = baseline?.runs;
	const column = new Float64Array(a.length);
	const scratch = new Float64Array(a.length);
	const overall = (o: number, t: number): Summary => {
		const i = o * months + t;
		for (let r = 0; r < a.length; r++) column[r] = b ? a[r].overall[i] - b[r].overall[i] : a[r].overall[i];
		return summarise(column, scratch);
	};
	const final = (o: number, g: number): Summary => {
		const i = o * groups + g;
		for (let r = 0; r < a.length; r++) column[r] = b ? a[r].final[i] - b[r].final[i] : a[r].final[i];
		return summarise(column, scratch);
	};

	const summary: EnsembleSummary = {
		outcomes: {} as Record<OutcomeId, SeriesSummary>,
		final: {} as Record<OutcomeId, Summary>,
		byQuintile: {},
		byArea: {}
	};
	OUTCOMES.forEach((spec, o) => {
		const series: SeriesSummary = {
			mean: new Float64Array(months),
			p05: new Float64Array(months),
			p50: new Float64Array(months),
			p95: new Float64Array(months)
		};
		for (let t = 0; t < months; t++) {
			const s = overall(o, t);
			series.mean[t] = s.mean;
			series.p05[t] = s.p05;
			series.p50[t] = s.p50;
			series.p95[t] = s.p95;
		}
		summary.outcomes[spec.id] = series;
		summary.final[spec.id] = final(o, 0);
		if (spec.byQuintile) {
			const byGroup: Record<string, Summary> = {};
			for (let q = 0; q < QUINTILES; q++) byGroup[`q${q + 1}`] = final(o, GROUP_FIRST_QUINTILE + q);
			summary.byQuintile[spec.id] = byGroup;
		}
		if (spec.byArea) {
			const byGroup: Record<string, Summary> = {};
			for (let g = GROUP_FIRST_AREA; g < groups; g++) byGroup[`area${g - GROUP_FIRST_AREA + 1}`] = final(o, g);
			summary.byArea[spec.id] = byGroup;
		}
	});
	return summary;
}

function assertPaired(a: { seeds: number[]; months: number; groups: number }, b: typeof a): void {
	const same =
		a.seeds.length === b.seeds.length && a.months === b.months && a.groups === b.groups && a.seeds.every((s, i) => s === b.seeds[i]);
	if (!same) throw new Error('paired differences need two ensembles with the same seeds, months and groups');
}

/**
 * Quantile bands that fill in as replicates arrive, in any order. Each cell (outcome × month,
 * and each outcome × group's final figure) keeps its values sorted by insertion, so a band
 * can be read after every run without sorting again. The numbers equal the command line's
 * `summarise` once every run has arrived: the same type-7 quantiles over the same values, and
 * means summed in replicate order whatever order the runs came in.
 */
import { FINAL_MONTHS, quantileOfSortedRange, type Summary } from '../ensemble/index';

/**
 * Many sorted multisets of numbers, each with room for `capacity` values, in one array: an
 * ensemble has thousands of cells, and a typed array each cost the page tens of milliseconds
 * to allocate when a new ensemble's first run arrived. NaN is not stored.
 */
export class SortedColumns {
	readonly values: Float64Array;
	readonly lengths: Int32Array;

	constructor(
		readonly columns: number,
		readonly capacity: number
	) {
		this.values = new Float64Array(columns * capacity);
		this.lengths = new Int32Array(columns);
	}

	insert(column: number, v: number): void {
		if (v !== v) return;
		const a = this.values;
		const start = column * this.capacity;
		let i = start + this.lengths[column];
		// Shift larger values up one place; equal values stay before the new one.
		while (i > start && a[i - 1] > v) {
			a[i] = a[i - 1];
			i--;
		}
		a[i] = v;
		this.lengths[column]++;
	}

	quantile(column: number, q: number): number {
		return quantileOfSortedRange(this.values, column * this.capacity, this.lengths[column], q);
	}
}

/** One replicate's series laid out like the model's: series[(outcome * groups + group) * months + t]. */
export interface SeriesRun {
	months: number;
	groups: number;
	series: Float64Array;
}

export interface Band {
	mean: Float64Array;
	p05: Float64Array;
	p50: Float64Array;
	p95: Float64Array;
}

/**
 * An ensemble being filled in: `runs` replicates of `outcomes` outcomes over `groups` groups
 * and `months` months. Group 0 (everyone) gets monthly bands; every group gets final figures
 * (the mean of the last 12 months of each run).
 */
export class EnsembleAccumulator {
	/** Cell (outcome o, month t) is column o * months + t. */
	private readonly monthly: SortedColumns;
	/** Cell (outcome o, group g) is column o * groups + g. */
	private readonly finals: SortedColumns;
	private readonly received: (SeriesRun | undefined)[];
	/** Each run's final figures, outcome × group. */
	private readonly runFinals: (Float64Array | undefined)[];
	count = 0;

	constructor(
		readonly runs: number,
		readonly outcomes: number,
		readonly groups: number,
		readonly months: number
	) {
		this.monthly = new SortedColumns(outcomes * months, runs);
		this.finals = new SortedColumns(outcomes * groups, runs);
		this.received = new Array(runs).fill(undefined);
		this.runFinals = new Array(runs).fill(undefined);
	}

	/**
	 * Add replicate r. Adding the same replicate twice, or a run of another shape, is an error.
	 * `finals` gives the run's final figures when they are not the run's own (paired differences
	 * take final(a) − final(b), as the command line does, not final(a − b)); the run may then hold
	 * everyone's series alone (one group), as the monthly bands are everyone's.
	 */
	add(r: number, run: SeriesRun, finals?: Float64Array): void {
		if (!Number.isInteger(r) || r < 0 || r >= this.runs) throw new RangeError(`replicate ${r} is outside 0..${this.runs - 1}`);
		if (this.received[r]) throw new Error(`replicate ${r} was already added`);
		const groupsOk = run.groups === this.groups || (finals !== undefined && run.groups === 1);
		if (run.months !== this.months || !groupsOk || run.series.length !== this.outcomes * run.groups * this.months)
			throw new Error('a run of a different shape cannot join this ensemble');
		const own = finals ?? runFinalFigures(run, this.outcomes);
		if (own.length !== this.outcomes * this.groups) throw new Error('final figures of a different shape');
		this.received[r] = run;
		this.runFinals[r] = own;
		this.count++;
		const { months, series } = run;
		const groups = this.groups;
		for (let o = 0; o < this.outcomes; o++) {
			const base = o * run.groups * months;
			for (let t = 0; t < months; t++) this.monthly.insert(o * months + t, series[base + t]);
			for (let g = 0; g < groups; g++) this.finals.insert(o * groups + g, own[o * groups + g]);
		}
	}

	get complete(): boolean {
		return this.count === this.runs;
	}

	has(r: number): boolean {
		return this.received[r] !== undefined;
	}

	run(r: number): SeriesRun | undefined {
		return this.received[r];
	}

	/** Runs received so far, in replicate order. */
	receivedRuns(): SeriesRun[] {
		return this.received.filter((x): x is SeriesRun => x !== undefined);
	}

	/** Monthly mean and 5/50/95% bands of outcome o for everyone, from the runs so far. */
	band(o: number): Band {
		const months = this.months;
		const band: Band = {
			mean: new Float64Array(months),
			p05: new Float64Array(months),
			p50: new Float64Array(months),
			p95: new Float64Array(months)
		};
		for (let t = 0; t < months; t++) {
			const column = o * months + t;
			band.p05[t] = this.monthly.quantile(column, 0.05);
			band.p50[t] = this.monthly.quantile(column, 0.5);
			band.p95[t] = this.monthly.quantile(column, 0.95);
			band.mean[t] = this.meanOf((run) => run.series[o * run.groups * months + t]);
		}
		return band;
	}

	/** Final figure (mean of each run's last 12 months) of outcome o in group g, across runs so far. */
	final(o: number, g = 0): Summary {
		const k = o * this.groups + g;
		return {
			mean: this.meanOf((_, r) => this.runFinals[r]![k]),
			p05: this.finals.quantile(k, 0.05),
			p50: this.finals.quantile(k, 0.5),
			p95: this.finals.quantile(k, 0.95)
		};
	}

	/** Mean over the runs so far, summed in replicate order so arrival order never changes it. */
	private meanOf(value: (run: SeriesRun, r: number) => number): number {
		let sum = 0;
		let n = 0;
		for (let r = 0; r < this.runs; r++) {
			const run = this.received[r];
			if (!run) continue;
			const v = value(run, r);
			if (v === v) {
				sum += v;
				n++;
			}
		}
		return n > 0 ? sum / n : NaN;
	}
}

/** A run's final figures, outcome × group. */
export function runFinalFigures(run: SeriesRun, outcomes: number): Float64Array {
	const out = new Float64Array(outcomes * run.groups);
	for (let k = 0; k < out.length; k++) out[k] = finalOf(run.series, k * run.months, run.months);
	return out;
}

/** Mean over the last FINAL_MONTHS months of one series (NaN months ignored), as the ensemble layer does. */
function finalOf(series: Float64Array, start: number, months: number): number {
	let sum = 0;
	let n = 0;
	for (let t = Math.max(0, months - FINAL_MONTHS); t < months; t++) {
		const v = series[start + t];
		if (v === v) {
			sum += v;
			n++;
		}
	}
	return n > 0 ? sum / n : NaN;
}

/**
 * Run-by-run difference a − b of two runs on the same seed (paired, common random numbers):
 * everyone's monthly series (the bands drawn are everyone's) and every group's final figures,
 * each as the command line's `--baseline` takes them. Only everyone's series is differenced: on
 * the page this runs once per replicate pair while the workers still run, and the groups' series
 * (18 times as many numbers, never drawn) took the main thread 3–4 ms a replicate.
 */
export function differenceRun(a: SeriesRun, b: SeriesRun, outcomes: number): { run: SeriesRun; finals: Float64Array } {
	if (a.months !== b.months || a.groups !== b.groups || a.series.length !== b.series.length)
		throw new Error('paired differences need runs of the same shape');
	const { months, groups } = a;
	const series = new Float64Array(outcomes * months);
	const sa = a.series;
	const sb = b.series;
	for (let o = 0; o < outcomes; o++) {
		const from = o * groups * months;
		for (let t = 0; t < months; t++) series[o * months + t] = sa[from + t] - sb[from + t];
	}
	const fa = runFinalFigures(a, outcomes);
	const fb = runFinalFigures(b, outcomes);
	for (let k = 0; k < fa.length; k++) fa[k] -= fb[k];
	return { run: { months, groups: 1, series }, finals: fa };
}

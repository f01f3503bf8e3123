/**
 * Sweep results as files: one row per task (a point's replicate) with its parameter values and
 * each chosen outcome's final figure (the mean of the run's last 12 months, for the whole
 * population) as columns. Each observation is one row and each variable one column (tidy;
 * pivot the outcome columns longer if you want one row per task × outcome).
 *
 * CSV (the first line is a comment: read it with `comment='#'` in pandas, `comment.char='#'` in R):
 *
 *     # levers-sweep results=1 model=levers@0.2.0 design=0123456789abcdef shard=0/1 tasks=12
 *     task,point,replicate,seed,targets,…,access.trueWithinTarget,…
 *     0,0,0,1365846817,0.2,…,0.71,…
 *
 * JSON: one object with the same header fields, `columns`, and `rows` (one array per line; a
 * value the run did not define is null, empty in CSV).
 *
 * A shard's file is the same with its own `shard=i/N` and only its tasks; a whole sweep is
 * shard 0/1, so merging shards gives byte for byte what one unsharded run writes.
 */
import { formatShard, type Shard } from './shard';

export const RESULTS_VERSION = 1;
export const RESULTS_SCHEMA = 'levers-sweep-results';
/** Columns before the parameters. */
export const TASK_COLUMNS = ['task', 'point', 'replicate', 'seed'] as const;

export type ResultsFormat = 'csv' | 'json';

export interface ResultsHeader {
	/** "levers@0.2.0": the model's name and version. */
	model: string;
	design: string;
	shard: Shard;
	tasks: number;
	columns: string[];
}

/** One task's row: task, point, replicate, seed, parameter values, outcome values (NaN: undefined). */
export type ResultRow = number[];

export function csvHeader(h: ResultsHeader): string {
	return `# levers-sweep results=${RESULTS_VERSION} model=${h.model} design=${h.design} shard=${formatShard(h.shard)} tasks=${h.tasks}\n${h.columns.join(',')}\n`;
}

export function csvRow(row: ResultRow): string {
	let line = '';
	for (let i = 0; i < row.length; i++) {
		const v = row[i];
		line += (i ? ',' : '') + (Number.isFinite(v) ? String(v) : '');
	}
	return line + '\n';
}

/** The JSON document up to its first row; rows follow, then jsonFooter. */
export function jsonHeader(h: ResultsHeader): string {
	const head = { schema: RESULTS_SCHEMA, version: RESULTS_VERSION, model: h.model, design: h.design, shard: formatShard(h.shard), tasks: h.tasks, columns: h.columns };
	return `${JSON.stringify(head).slice(0, -1)},"rows":[\n`;
}

export function jsonRow(row: ResultRow, first: boolean): string {
	return `${first ? '' : ',\n'}${JSON.stringify(row.map((v) => (Number.isFinite(v) ? v : null)))}`;
}

export function jsonFooter(rows: number): string {
	return rows > 0 ? '\n]}\n' : ']}\n';
}

/** Writes a results file row by row, in the order rows are given. */
export class ResultsWriter {
	private rows = 0;

	constructor(
		private readonly format: ResultsFormat,
		private readonly write: (chunk: string) => void
	) {}

	begin(header: ResultsHeader): void {
		this.write(this.format === 'csv' ? csvHeader(header) : jsonHeader(header));
	}

	row(row: ResultRow): void {
		this.write(this.format === 'csv' ? csvRow(row) : jsonRow(row, this.rows === 0));
		this.rows++;
	}

	end(): void {
		if (this.format === 'json') this.write(jsonFooter(this.rows));
	}
}

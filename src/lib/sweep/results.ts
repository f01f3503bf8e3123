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
 * Arrow (arrow-results.ts): the Arrow IPC file format with the same columns (task, point,
 * replicate and seed Int32, the rest Float64 with nulls) and the header fields as the schema's
 * metadata, in record batches of a fixed number of rows.
 *
 * A shard's file is the same with its own `shard=i/N` and only its tasks; a whole sweep is
 * shard 0/1, so merging shards gives byte for byte what one unsharded run writes.
 */
import { formatShard, type Shard } from './shard';

export const RESULTS_VERSION = 1;
export const RESULTS_SCHEMA = 'levers-sweep-results';
/** Columns before the parameters. */
export const TASK_COLUMNS = ['task', 'point', 'replicate', 'seed'] as const;

export type ResultsFormat = 'csv' | 'json' | 'arrow';
/** The formats written as text, by ResultsWriter. */
export type TextFormat = Exclude<ResultsFormat, 'arrow'>;

/** The format an output file's name implies: .json, .arrow (or .feather, .ipc), else CSV. */
export function formatForPath(path: string | undefined): ResultsFormat {
	if (path && /\.json$/i.test(path)) return 'json';
	if (path && /\.(arrow|feather|ipc)$/i.test(path)) return 'arrow';
	return 'csv';
}

/** An Arrow IPC file starts (and ends) with these 6 bytes. */
export const ARROW_MAGIC = 'ARROW1';

/** Whether `bytes` start as an Arrow IPC file does; tells shard formats apart without loading Arrow. */
export function isArrowFile(bytes: Uint8Array): boolean {
	return bytes.length >= ARROW_MAGIC.length && [...ARROW_MAGIC].every((c, i) => bytes[i] === c.charCodeAt(0));
}

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

/** The header fields as text, in the order files give them (Arrow's schema metadata). */
export function headerFields(h: ResultsHeader): [string, string][] {
	return [
		['schema', RESULTS_SCHEMA],
		['version', String(RESULTS_VERSION)],
		['model', h.model],
		['design', h.design],
		['shard', formatShard(h.shard)],
		['tasks', String(h.tasks)]
	];
}

/** Writes a results file row by row, in the order rows are given. */
export interface RowWriter {
	begin(header: ResultsHeader): void;
	row(row: ResultRow): void;
	end(): void;
}

/** CSV or JSON, as text. */
export class ResultsWriter implements RowWriter {
	private rows = 0;

	constructor(
		private readonly format: TextFormat,
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

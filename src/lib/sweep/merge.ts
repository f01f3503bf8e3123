/**
 * Merging shard outputs into the output of the unsharded sweep, byte for byte, whatever order
 * the shards are given in or were run in. Before anything is written it checks that every
 * file is a sweep results file of the same format, model version, design (hash), task count
 * and columns; that the shards are i/N for one N with each i exactly once; and that each holds
 * exactly its own tasks (round-robin, see shard.ts), in order, none missing. CSV, JSON and
 * Arrow shards go through the same checks; only reading and writing differ by format.
 */
import type { ArrowResultsFile, ColumnRows } from './arrow-results';
import { SweepError } from './sweep-error';
import { csvHeader, jsonFooter, jsonHeader, jsonRow, RESULTS_SCHEMA, RESULTS_VERSION, TASK_COLUMNS, type ResultsFormat, type ResultsHeader } from './results';
import { formatShard, shardSize, WHOLE } from './shard';

export interface ShardText {
	/** The file's name, for messages. */
	name: string;
	text: string;
}

/** An Arrow shard: the file's bytes (isArrowFile tells it from text). */
export interface ShardBytes {
	name: string;
	bytes: Uint8Array;
}

export type ShardFile = ShardText | ShardBytes;

/** The rows as each format holds them. */
type ShardRows =
	/** Each row's line without its newline. */
	| { format: 'csv'; rows: string[] }
	/** Each row's values. */
	| { format: 'json'; rows: (number | null)[][] }
	| { format: 'arrow'; rows: ColumnRows };

type ParsedShard = ResultsHeader & { name: string } & ShardRows;

const CSV_HEADER = /^# levers-sweep results=(\d+) model=(\S+) design=([0-9a-f]{16}) shard=(\d+)\/(\d+) tasks=(\d+)$/;

/** Reads one shard's text. Throws SweepError naming the file. */
export function parseShardText({ name, text }: ShardText): ParsedShard {
	const bad = (why: string) => new SweepError(`${name}: ${why}`);
	if (text.startsWith('#')) return parseCsv(name, text, bad);
	if (text.startsWith('{')) return parseJson(name, text, bad);
	throw bad('is not the output of levers sweep (it starts with neither "# levers-sweep" nor a JSON object)');
}

function parseCsv(name: string, text: string, bad: (why: string) => SweepError): ParsedShard {
	if (!text.endsWith('\n')) throw bad('ends part-way through a line; the shard was cut short (run it again)');
	const lines = text.slice(0, -1).split('\n');
	const m = CSV_HEADER.exec(lines[0]);
	if (!m) throw bad(`its first line is not a levers-sweep header: ${JSON.stringify(lines[0].slice(0, 80))}`);
	if (Number(m[1]) !== RESULTS_VERSION) throw bad(`is sweep results version ${m[1]}; this build reads version ${RESULTS_VERSION}`);
	if (lines.length < 2) throw bad('has no column names');
	const columns = lines[1].split(',');
	if (TASK_COLUMNS.some((c, i) => columns[i] !== c)) throw bad(`its columns do not start with ${TASK_COLUMNS.join(',')}`);
	return { name, format: 'csv', model: m[2], design: m[3], shard: { index: Number(m[4]), count: Number(m[5]) }, tasks: Number(m[6]), columns, rows: lines.slice(2) };
}

function parseJson(name: string, text: string, bad: (why: string) => SweepError): ParsedShard {
	let doc: Record<string, unknown>;
	try {
		doc = JSON.parse(text);
	} catch (error) {
		throw bad(`is not valid JSON (${error instanceof Error ? error.message : String(error)}); was the shard cut short?`);
	}
	if (doc === null || typeof doc !== 'object') throw bad(`is not sweep results (no "schema": "${RESULTS_SCHEMA}")`);
	const header = checkHeader(doc, bad);
	if (!Array.isArray(doc.rows)) throw bad('lacks one of model, design, shard, tasks, columns or rows');
	const rows = doc.rows as unknown[];
	for (const row of rows)
		if (!Array.isArray(row) || row.length !== header.columns.length || row.some((v) => v !== null && typeof v !== 'number'))
			throw bad(`holds a row that is not ${header.columns.length} numbers`);
	return { ...header, name, format: 'json', rows: rows as (number | null)[][] };
}

/** Reads an Arrow shard: apache-arrow is loaded here, only when a shard is Arrow. */
async function parseArrow({ name, bytes }: ShardBytes): Promise<ParsedShard> {
	const bad = (why: string) => new SweepError(`${name}: ${why}`);
	const { readArrowResults } = await import('./arrow-results');
	const file: ArrowResultsFile = readArrowResults(name, bytes);
	// The metadata holds text; version and tasks are numbers in JSON's header, checked the same way.
	const number = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : v);
	const doc = { ...Object.fromEntries(file.metadata), version: number(file.metadata.get('version')), tasks: number(file.metadata.get('tasks')), columns: file.columns };
	return { ...checkHeader(doc, bad), name, format: 'arrow', rows: file.rows() };
}

/** The header fields of a JSON document or Arrow metadata: schema, version, model, design, shard, tasks, columns. */
function checkHeader(doc: Record<string, unknown>, bad: (why: string) => SweepError): ResultsHeader {
	if (doc.schema !== RESULTS_SCHEMA) throw bad(`is not sweep results (no "schema": "${RESULTS_SCHEMA}")`);
	if (doc.version !== RESULTS_VERSION) throw bad(`is sweep results version ${String(doc.version)}; this build reads version ${RESULTS_VERSION}`);
	const shard = typeof doc.shard === 'string' ? /^(\d+)\/(\d+)$/.exec(doc.shard) : null;
	if (!shard || typeof doc.model !== 'string' || typeof doc.design !== 'string' || !Number.isInteger(doc.tasks) || !Array.isArray(doc.columns))
		throw bad('lacks one of model, design, shard, tasks, columns or rows');
	const columns = doc.columns as string[];
	if (TASK_COLUMNS.some((c, i) => columns[i] !== c)) throw bad(`its columns do not start with ${TASK_COLUMNS.join(',')}`);
	return { model: doc.model, design: doc.design, shard: { index: Number(shard[1]), count: Number(shard[2]) }, tasks: doc.tasks as number, columns };
}

async function parseShard(file: ShardFile): Promise<ParsedShard> {
	return 'bytes' in file ? parseArrow(file) : parseShardText(file);
}

export interface MergeOptions {
	/** Rows per Arrow record batch: what levers sweep uses unless a test says otherwise. */
	arrowBatchRows?: number;
}

/**
 * Checks the shards and writes the merged output (the whole sweep, shard 0/1) through `write`:
 * text for CSV and JSON, bytes for Arrow. Throws SweepError before writing anything when the
 * shards do not make one whole sweep.
 */
export async function mergeShards(
	files: readonly ShardFile[],
	write: (chunk: string | Uint8Array) => void,
	options: MergeOptions = {}
): Promise<{ format: ResultsFormat; tasks: number; shards: number }> {
	if (files.length === 0) throw new SweepError('levers merge needs the shard files of one sweep');
	const shards: ParsedShard[] = [];
	for (const file of files) shards.push(await parseShard(file));
	const first = shards[0];
	for (const s of shards.slice(1)) {
		const differ = (what: string, a: string, b: string) =>
			new SweepError(`${s.name} and ${first.name} come from different sweeps: ${what} ${b} and ${a}; merge only the shards of one sweep`);
		if (s.format !== first.format) throw new SweepError(`${s.name} is ${s.format} and ${first.name} ${first.format}; shards of one sweep share a format`);
		if (s.model !== first.model) throw differ('made by model', first.model, s.model);
		if (s.design !== first.design) throw differ('design', first.design, s.design);
		if (s.shard.count !== first.shard.count) throw differ('cut into', `${first.shard.count} shards`, `${s.shard.count} shards`);
		if (s.tasks !== first.tasks) throw differ('tasks', String(first.tasks), String(s.tasks));
		if (s.columns.join(',') !== first.columns.join(',')) throw differ('columns', first.columns.join(','), s.columns.join(','));
	}
	const count = first.shard.count;
	const byIndex: (ParsedShard | undefined)[] = Array.from({ length: count }, () => undefined);
	for (const s of shards) {
		if (s.shard.index >= count) throw new SweepError(`${s.name}: shard ${formatShard(s.shard)} is not a shard (i counts from 0 to N − 1)`);
		const other = byIndex[s.shard.index];
		if (other) throw new SweepError(`shard ${formatShard(s.shard)} is given twice (${other.name} and ${s.name}); give each shard once`);
		byIndex[s.shard.index] = s;
	}
	const missing = byIndex.flatMap((s, i) => (s ? [] : [i]));
	if (missing.length > 0) {
		const shown = missing.length > 10 ? `${missing.slice(0, 10).join(', ')} and ${missing.length - 10} more` : missing.join(', ');
		throw new SweepError(`shard${missing.length > 1 ? 's' : ''} ${shown} of ${count} ${missing.length > 1 ? 'are' : 'is'} missing; merge needs every shard of the sweep`);
	}
	for (const s of byIndex as ParsedShard[]) checkRows(s, first.tasks);

	const header: ResultsHeader = { model: first.model, design: first.design, shard: WHOLE, tasks: first.tasks, columns: first.columns };
	const ordered = byIndex as ParsedShard[];
	// Task k is row ⌊k / N⌋ of shard k mod N.
	if (first.format === 'csv') {
		write(csvHeader(header));
		let chunk = '';
		for (let k = 0; k < first.tasks; k++) {
			chunk += (ordered[k % count].rows as string[])[Math.floor(k / count)] + '\n';
			if (chunk.length > 1 << 16) {
				write(chunk);
				chunk = '';
			}
		}
		write(chunk);
	} else if (first.format === 'json') {
		write(jsonHeader(header));
		for (let k = 0; k < first.tasks; k++) {
			const row = (ordered[k % count].rows as (number | null)[][])[Math.floor(k / count)];
			write(jsonRow(row.map((v) => (v === null ? NaN : v)), k === 0));
		}
		write(jsonFooter(first.tasks));
	} else {
		// The rows go through the writer levers sweep uses, so they fall into the same batches.
		const { ArrowResultsWriter } = await import('./arrow-results');
		const writer = new ArrowResultsWriter(write, options.arrowBatchRows);
		writer.begin(header);
		const row = new Array<number>(first.columns.length);
		for (let k = 0; k < first.tasks; k++) {
			const { columns } = ordered[k % count].rows as ColumnRows;
			const j = Math.floor(k / count);
			for (let c = 0; c < row.length; c++) row[c] = columns[c][j];
			writer.row(row);
		}
		writer.end();
	}
	return { format: first.format, tasks: first.tasks, shards: count };
}

/** Row j's task. */
function taskOf(s: ParsedShard, j: number): number {
	if (s.format === 'csv') return Number(s.rows[j].slice(0, s.rows[j].indexOf(',')));
	if (s.format === 'json') return s.rows[j][0] as number;
	return s.rows.columns[0][j];
}

/** A shard holds exactly its tasks, ascending: i, i + N, i + 2N, … */
function checkRows(s: ParsedShard, tasks: number): void {
	const expected = shardSize(s.shard, tasks);
	const label = `${s.name} (shard ${formatShard(s.shard)})`;
	const rows = s.rows.length;
	if (rows !== expected)
		throw new SweepError(`${label} holds ${rows} rows where the shard has ${expected} tasks; ${rows < expected ? 'it was cut short: run it again' : 'it holds rows of another run'}`);
	for (let j = 0; j < rows; j++) {
		const task = taskOf(s, j);
		const want = s.shard.index + j * s.shard.count;
		if (task !== want) throw new SweepError(`${label}: row ${j + 1} is task ${task} where task ${want} belongs; the file was changed or is not this shard`);
		// CSV is the one format whose rows can differ in width.
		if (s.format === 'csv' && s.rows[j].split(',').length !== s.columns.length)
			throw new SweepError(`${label}: row ${j + 1} has ${s.rows[j].split(',').length} values for ${s.columns.length} columns`);
	}
}

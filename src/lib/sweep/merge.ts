/**
 * Merging shard outputs into the output of the unsharded sweep, byte for byte, whatever order
 * the shards are given in or were run in. Before anything is written it checks that every
 * file is a sweep results file of the same format, model version, design (hash), task count
 * and columns; that the shards are i/N for one N with each i exactly once; and that each holds
 * exactly its own tasks (round-robin, see shard.ts), in order, none missing.
 */
import { SweepError } from './sweep-error';
import { csvHeader, csvRow, jsonFooter, jsonHeader, jsonRow, RESULTS_SCHEMA, RESULTS_VERSION, TASK_COLUMNS, type ResultsFormat, type ResultsHeader } from './results';
import { formatShard, shardSize, WHOLE } from './shard';

export interface ShardText {
	/** The file's name, for messages. */
	name: string;
	text: string;
}

interface ParsedShard extends ResultsHeader {
	name: string;
	format: ResultsFormat;
	/** CSV: each row's line without its newline. JSON: each row's values. */
	rows: string[] | (number | null)[][];
}

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
	if (doc === null || typeof doc !== 'object' || doc.schema !== RESULTS_SCHEMA) throw bad(`is not sweep results (no "schema": "${RESULTS_SCHEMA}")`);
	if (doc.version !== RESULTS_VERSION) throw bad(`is sweep results version ${String(doc.version)}; this build reads version ${RESULTS_VERSION}`);
	const shard = typeof doc.shard === 'string' ? /^(\d+)\/(\d+)$/.exec(doc.shard) : null;
	if (!shard || typeof doc.model !== 'string' || typeof doc.design !== 'string' || !Number.isInteger(doc.tasks) || !Array.isArray(doc.columns) || !Array.isArray(doc.rows))
		throw bad('lacks one of model, design, shard, tasks, columns or rows');
	const columns = doc.columns as string[];
	if (TASK_COLUMNS.some((c, i) => columns[i] !== c)) throw bad(`its columns do not start with ${TASK_COLUMNS.join(',')}`);
	const rows = doc.rows as unknown[];
	for (const row of rows)
		if (!Array.isArray(row) || row.length !== columns.length || row.some((v) => v !== null && typeof v !== 'number'))
			throw bad(`holds a row that is not ${columns.length} numbers`);
	return {
		name,
		format: 'json',
		model: doc.model,
		design: doc.design,
		shard: { index: Number(shard[1]), count: Number(shard[2]) },
		tasks: doc.tasks as number,
		columns,
		rows: rows as (number | null)[][]
	};
}

/**
 * Checks the shards and writes the merged output (the whole sweep, shard 0/1) through `write`.
 * Throws SweepError before writing anything when the shards do not make one whole sweep.
 */
export function mergeShards(files: readonly ShardText[], write: (chunk: string) => void): { format: ResultsFormat; tasks: number; shards: number } {
	if (files.length === 0) throw new SweepError('levers merge needs the shard files of one sweep');
	const shards = files.map(parseShardText);
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
	} else {
		write(jsonHeader(header));
		for (let k = 0; k < first.tasks; k++) {
			const row = (ordered[k % count].rows as (number | null)[][])[Math.floor(k / count)];
			write(jsonRow(row.map((v) => (v === null ? NaN : v)), k === 0));
		}
		write(jsonFooter(first.tasks));
	}
	return { format: first.format, tasks: first.tasks, shards: count };
}

/** A shard holds exactly its tasks, ascending: i, i + N, i + 2N, … */
function checkRows(s: ParsedShard, tasks: number): void {
	const expected = shardSize(s.shard, tasks);
	const label = `${s.name} (shard ${formatShard(s.shard)})`;
	if (s.rows.length !== expected)
		throw new SweepError(`${label} holds ${s.rows.length} rows where the shard has ${expected} tasks; ${s.rows.length < expected ? 'it was cut short: run it again' : 'it holds rows of another run'}`);
	for (let j = 0; j < s.rows.length; j++) {
		const row = s.rows[j];
		const task = typeof row === 'string' ? Number(row.slice(0, row.indexOf(','))) : row[0];
		const want = s.shard.index + j * s.shard.count;
		if (task !== want) throw new SweepError(`${label}: row ${j + 1} is task ${task} where task ${want} belongs; the file was changed or is not this shard`);
		if (typeof row === 'string' && row.split(',').length !== s.columns.length)
			throw new SweepError(`${label}: row ${j + 1} has ${row.split(',').length} values for ${s.columns.length} columns`);
	}
}

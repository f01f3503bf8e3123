/**
 * Sweep results as an Arrow IPC file (`.arrow`; Feather version 2): the columns of results.ts,
 * task, point, replicate and seed as Int32 and the parameters and outcomes as Float64 with
 * nulls, and the header fields (schema, version, model, design, shard, tasks) as the schema's
 * metadata. Rows go out in record batches of ARROW_BATCH_ROWS as they arrive, so a sweep holds
 * at most one batch, never all its rows.
 *
 * Only `--format arrow` and the merge of Arrow shards load this module: apache-arrow is large,
 * and neither the help, the CSV and JSON outputs nor the browser need it.
 */
import { AsyncByteQueue, Field, Float64, Int32, makeData, RecordBatch, RecordBatchFileReader, RecordBatchFileWriter, RecordBatchReader, Schema, Struct } from 'apache-arrow';
import { SweepError } from './sweep-error';
import { ARROW_MAGIC, headerFields, TASK_COLUMNS, type ResultRow, type ResultsHeader, type RowWriter } from './results';

/** Rows per record batch: a few MB of memory for a sweep of many outcomes, and few batches to read. */
export const ARROW_BATCH_ROWS = 65_536;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The results' Arrow schema: the task columns Int32, the others Float64 (null where undefined). */
export function resultsSchema(header: ResultsHeader): Schema {
	const fields = header.columns.map((name, c) => (c < TASK_COLUMNS.length ? new Field(name, new Int32(), false) : new Field(name, new Float64(), true)));
	return new Schema(fields, new Map(headerFields(header)));
}

/** Takes what the Arrow writer emits, so it leaves as one chunk per batch instead of many small writes. */
class Collector extends AsyncByteQueue {
	private chunks: Uint8Array[] = [];

	override write(value: Uint8Array): void {
		if (value.byteLength > 0) this.chunks.push(value);
	}

	/** Everything written since the last take, copied into one array. */
	take(): Uint8Array {
		const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.byteLength, 0));
		let offset = 0;
		for (const c of this.chunks) {
			out.set(c, offset);
			offset += c.byteLength;
		}
		this.chunks = [];
		return out;
	}
}

/** Writes an Arrow results file through `write`, one batch of `batchRows` rows at a time. */
export class ArrowResultsWriter implements RowWriter {
	private readonly writer = new RecordBatchFileWriter();
	private readonly sink = new Collector();
	private schema: Schema | undefined;
	/** The batch being filled: a typed array per column, a validity bitmap and null count per Float64 column. */
	private values: (Int32Array | Float64Array)[] = [];
	private valid: Uint8Array[] = [];
	private nulls: number[] = [];
	private count = 0;

	constructor(
		private readonly write: (chunk: Uint8Array) => void,
		private readonly batchRows = ARROW_BATCH_ROWS
	) {
		if (!Number.isInteger(batchRows) || batchRows < 1) throw new RangeError(`a batch holds a whole number ≥ 1 of rows, not ${batchRows}`);
	}

	begin(header: ResultsHeader): void {
		this.schema = resultsSchema(header);
		// Given the schema now, the writer makes a valid file even if no row follows (an empty shard).
		this.writer.reset(this.sink, this.schema);
		this.emit();
		this.newBatch();
	}

	row(row: ResultRow): void {
		const schema = this.schema!;
		if (row.length !== schema.fields.length) throw new RangeError(`a row of ${row.length} values for ${schema.fields.length} columns`);
		const j = this.count;
		for (let c = 0; c < row.length; c++) {
			const v = row[c];
			if (c < TASK_COLUMNS.length) {
				if (!Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) throw new RangeError(`${schema.fields[c].name} ${v} is not a 32-bit integer`);
				this.values[c][j] = v;
			} else if (Number.isFinite(v)) {
				this.values[c][j] = v;
				this.valid[c][j >> 3] |= 1 << (j & 7);
			} else {
				// Undefined, as CSV leaves it empty: null, with 0 in the data so the bytes are fixed.
				this.nulls[c]++;
			}
		}
		if (++this.count === this.batchRows) this.writeBatch();
	}

	end(): void {
		if (this.count > 0) this.writeBatch();
		// Closing writes the footer, which lists every batch: what makes it a file, not a stream.
		this.writer.close();
		this.emit();
	}

	private newBatch(): void {
		const n = this.batchRows;
		this.values = this.schema!.fields.map((_, c) => (c < TASK_COLUMNS.length ? new Int32Array(n) : new Float64Array(n)));
		this.valid = this.schema!.fields.map((_, c) => new Uint8Array(c < TASK_COLUMNS.length ? 0 : (n + 7) >> 3));
		this.nulls = this.schema!.fields.map(() => 0);
		this.count = 0;
	}

	private writeBatch(): void {
		const schema = this.schema!;
		const n = this.count;
		const children = schema.fields.map((field, c) =>
			makeData({
				type: field.type,
				length: n,
				nullCount: this.nulls[c],
				data: this.values[c].subarray(0, n),
				nullBitmap: this.nulls[c] > 0 ? this.valid[c].subarray(0, (n + 7) >> 3) : undefined
			})
		);
		this.writer.write(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: n, nullCount: 0, children })));
		this.emit();
		this.newBatch();
	}

	private emit(): void {
		const bytes = this.sink.take();
		if (bytes.byteLength > 0) this.write(bytes);
	}
}

/** Rows held column by column: `columns[c][j]` is row j's value in column c, NaN where null. */
export interface ColumnRows {
	length: number;
	columns: Float64Array[];
}

export interface ArrowResultsFile {
	/** The schema's metadata: the header fields. */
	metadata: Map<string, string>;
	columns: string[];
	/** The values; throws SweepError if a column is not of the type levers sweep writes. Call once the header is checked. */
	rows(): ColumnRows;
}

/**
 * Reads an Arrow results file whole. Throws SweepError naming the file for a file cut short
 * and one the Arrow reader cannot read; the header fields (the metadata) are the caller's to
 * check before it asks for the rows.
 */
export function readArrowResults(name: string, bytes: Uint8Array): ArrowResultsFile {
	const tail = bytes.subarray(Math.max(0, bytes.length - ARROW_MAGIC.length));
	if (bytes.length < 2 * ARROW_MAGIC.length || new TextDecoder().decode(tail) !== ARROW_MAGIC)
		throw new SweepError(`${name}: ends before the end of its Arrow file (no closing "ARROW1"); the shard was cut short: run it again`);
	const { schema, batches } = readable(name, () => readBatches(bytes));
	return {
		metadata: schema.metadata,
		columns: schema.fields.map((f) => f.name),
		rows: () => readable(name, () => columnRows(name, schema, batches))
	};
}

/**
 * The footer's schema and each batch it lists, read one by one: the reader's own loop over
 * batches (tableFromIPC) spins for ever on a damaged batch header, where this stops.
 */
function readBatches(bytes: Uint8Array): { schema: Schema; batches: RecordBatch[] } {
	const reader = RecordBatchReader.from(bytes);
	if (!(reader instanceof RecordBatchFileReader)) throw new Error('not the Arrow file format');
	reader.open();
	const batches: RecordBatch[] = [];
	for (let i = 0; i < reader.numRecordBatches; i++) {
		const batch = reader.readRecordBatch(i);
		if (!batch) throw new Error(`record batch ${i + 1} of ${reader.numRecordBatches} is not where the footer says`);
		// A damaged header can claim more rows than the buffers hold.
		if (batch.data.children.some((d) => d.values.length < d.length)) throw new Error(`record batch ${i + 1} claims more rows than it holds`);
		batches.push(batch);
	}
	return { schema: reader.schema, batches };
}

function columnRows(name: string, schema: Schema, batches: RecordBatch[]): ColumnRows {
	const length = batches.reduce((n, b) => n + b.numRows, 0);
	const columns = schema.fields.map((field, c) => {
		const want = c < TASK_COLUMNS.length ? 'Int32' : 'Float64';
		if (String(field.type) !== want) throw new SweepError(`${name}: its column ${field.name} is ${String(field.type)} where levers sweep writes ${want}`);
		const values = new Float64Array(length);
		let offset = 0;
		for (const batch of batches) {
			const vector = batch.getChildAt(c)!;
			if (c < TASK_COLUMNS.length && vector.nullCount > 0) throw new SweepError(`${name}: its column ${field.name} has nulls; levers sweep writes a value in every row`);
			values.set(vector.toArray() as Int32Array | Float64Array, offset);
			if (vector.nullCount > 0) for (let j = 0; j < vector.length; j++) if (!vector.isValid(j)) values[offset + j] = NaN;
			offset += batch.numRows;
		}
		return values;
	});
	return { length, columns };
}

/** Runs a step of reading; the Arrow reader's own errors say little ("Cannot read properties of null"), so say what they mean here. */
function readable<T>(name: string, step: () => T): T {
	try {
		return step();
	} catch (error) {
		if (error instanceof SweepError) throw error;
		throw new SweepError(
			`${name}: is not a readable Arrow file (${error instanceof Error ? error.message : String(error)}); it was cut short or changed: run the shard again`
		);
	}
}

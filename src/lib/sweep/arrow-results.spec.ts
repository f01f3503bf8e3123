import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { ArrowResultsWriter } from './arrow-results';
import { mergeShards, type ShardBytes, type ShardFile } from './merge';
import { isArrowFile, ResultsWriter, type ResultRow, type ResultsHeader } from './results';
import { shardTasks, WHOLE, type Shard } from './shard';
import { SweepError } from './sweep-error';

const TASKS = 11;
/** Small batches, so 11 rows make several and merging has to re-batch them. */
const BATCH = 4;
const columns = ['task', 'point', 'replicate', 'seed', 'targets', 'gaming.gap'];
/** As merge.spec.ts: a made-up row per task, an undefined value now and then, numbers that need all their digits. */
const row = (k: number): ResultRow => [k, Math.floor(k / 2), k % 2, 1000 + k, 0.1 * k, k % 4 === 3 ? NaN : Math.PI / (k + 1)];
const header = (shard: Shard, more: Partial<ResultsHeader> = {}): ResultsHeader => ({ model: 'levers@0.2.0', design: '0123456789abcdef', shard, tasks: TASKS, columns, ...more });

function arrowFile(shard: Shard, more: Partial<ResultsHeader> = {}): Uint8Array {
	const chunks: Uint8Array[] = [];
	const w = new ArrowResultsWriter((chunk) => chunks.push(chunk), BATCH);
	w.begin(header(shard, more));
	for (const k of shardTasks(shard, TASKS)) w.row(row(k));
	w.end();
	return Buffer.concat(chunks);
}

function csvFile(shard: Shard): string {
	let text = '';
	const w = new ResultsWriter('csv', (chunk) => (text += chunk));
	w.begin(header(shard));
	for (const k of shardTasks(shard, TASKS)) w.row(row(k));
	w.end();
	return text;
}

const shards = (count: number): ShardBytes[] => Array.from({ length: count }, (_, index) => ({ name: `shard-${index}.arrow`, bytes: arrowFile({ index, count }) }));

async function merged(files: ShardFile[]): Promise<Buffer> {
	const chunks: Uint8Array[] = [];
	await mergeShards(files, (chunk) => chunks.push(chunk as Uint8Array), { arrowBatchRows: BATCH });
	return Buffer.concat(chunks);
}

async function refusal(files: ShardFile[]): Promise<string> {
	let written = 0;
	try {
		await mergeShards(files, () => written++, { arrowBatchRows: BATCH });
	} catch (error) {
		expect(error).toBeInstanceOf(SweepError);
		expect(written).toBe(0);
		return (error as Error).message;
	}
	throw new Error('merge accepted the shards');
}

describe('Arrow results files', () => {
	test('read back with apache-arrow: the CSV columns and values, integer task columns, nulls where CSV is empty, the header as metadata, batches of a fixed size', () => {
		const bytes = arrowFile(WHOLE);
		expect(isArrowFile(bytes)).toBe(true);
		const table = tableFromIPC(bytes);
		expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual(columns.map((c, i) => [c, i < 4 ? 'Int32' : 'Float64']));
		expect(Object.fromEntries(table.schema.metadata)).toEqual({
			schema: 'levers-sweep-results',
			version: '1',
			model: 'levers@0.2.0',
			design: '0123456789abcdef',
			shard: '0/1',
			tasks: '11'
		});
		expect(table.batches.map((b) => b.numRows)).toEqual([4, 4, 3]);
		// Every value as the CSV writes it: an empty CSV field is a null here.
		const csv = csvFile(WHOLE).trimEnd().split('\n').slice(2).map((line) => line.split(','));
		expect(table.numRows).toBe(csv.length);
		for (let c = 0; c < columns.length; c++) {
			const got = [...table.getChildAt(c)!];
			expect(got, columns[c]).toEqual(csv.map((r) => (r[c] === '' ? null : Number(r[c]))));
		}
		expect(table.getChild('gaming.gap')!.nullCount).toBe(2);
	});

	test('an empty shard is still a valid file with its columns and metadata', () => {
		const table = tableFromIPC(arrowFile({ index: 12, count: 13 }));
		expect(table.numRows).toBe(0);
		expect(table.schema.fields.map((f) => f.name)).toEqual(columns);
		expect(table.schema.metadata.get('shard')).toBe('12/13');
	});

	test('a task column value that is no 32-bit integer is an error, not a silent change', () => {
		const w = new ArrowResultsWriter(() => {}, BATCH);
		w.begin(header(WHOLE));
		expect(() => w.row([0.5, 0, 0, 1, 0, 0])).toThrow('task 0.5 is not a 32-bit integer');
		expect(() => w.row([0, 0, 0, 2 ** 31, 0, 0])).toThrow('seed 2147483648 is not a 32-bit integer');
	});
});

describe('merging Arrow shards', () => {
	test.each([1, 2, 3, 5, 11, 13])('%i shards, given in shuffled or reversed order, merge to the bytes of the whole, re-batched', async (count) => {
		const whole = Buffer.from(arrowFile(WHOLE));
		const s = shards(count);
		expect((await merged([s[count - 1], ...s.slice(0, count - 1)])).equals(whole)).toBe(true);
		expect((await merged([...s].reverse())).equals(whole)).toBe(true);
	});

	test('refuses a missing shard, a shard twice, shards of another design and mixed formats, as for CSV', async () => {
		const s = shards(3);
		expect(await refusal([s[0], s[2]])).toBe('shard 1 of 3 is missing; merge needs every shard of the sweep');
		expect(await refusal([...s, { ...s[1], name: 'copy.arrow' }])).toContain('shard 1/3 is given twice (shard-1.arrow and copy.arrow)');
		const other = { name: 'other.arrow', bytes: arrowFile({ index: 2, count: 3 }, { design: 'fedcba9876543210' }) };
		expect(await refusal([s[0], s[1], other])).toContain('other.arrow and shard-0.arrow come from different sweeps: design fedcba9876543210 and 0123456789abcdef');
		expect(await refusal([s[0], s[1], { name: 'shard-2.csv', text: csvFile({ index: 2, count: 3 }) }])).toContain('shard-2.csv is csv and shard-0.arrow arrow');
	});

	test('a truncated shard is refused as cut short', async () => {
		const [a, b] = shards(2);
		for (const cut of [b.bytes.length - 1, b.bytes.length - 20, Math.floor(b.bytes.length / 2), 10, 6])
			expect(await refusal([a, { name: 'short.arrow', bytes: b.bytes.subarray(0, cut) }])).toContain('short.arrow: ends before the end of its Arrow file');
	});

	test('a damaged shard is refused with a SweepError naming it, wherever the damage is (or, damage to a value alone, merged)', async () => {
		const [a, b] = shards(2);
		let refused = 0;
		// Overwrite 8 bytes at a time across the whole file, the closing magic excepted.
		for (let at = 0; at + 8 <= b.bytes.length - 6; at += 8) {
			const bytes = Uint8Array.from(b.bytes);
			bytes.fill(0xff, at, at + 8);
			try {
				await mergeShards([a, { name: 'damaged.arrow', bytes }], () => {}, { arrowBatchRows: BATCH });
			} catch (error) {
				expect(error, `damage at byte ${at}`).toBeInstanceOf(SweepError);
				expect((error as Error).message.startsWith('damaged.arrow')).toBe(true);
				refused++;
			}
		}
		// Most of the file is structure (metadata, batch headers, the footer), not values.
		expect(refused).toBeGreaterThan(10);
	});

	test('refuses an Arrow file that is not sweep results, and one whose columns have other types', async () => {
		const plain = tableToIPC(tableFromArrays({ x: Float64Array.of(1, 2) }), 'file');
		expect(await refusal([{ name: 'plain.arrow', bytes: plain }])).toContain('plain.arrow: is not sweep results');
		// The whole sweep, metadata and all, with the task column as Float64 (as a careless rewrite might leave it).
		const table = tableFromIPC(arrowFile(WHOLE));
		const retyped = tableFromArrays(Object.fromEntries(columns.map((c) => [c, Float64Array.from(table.getChild(c)!.toArray())])));
		for (const [key, value] of table.schema.metadata) retyped.schema.metadata.set(key, value);
		expect(await refusal([{ name: 'retyped.arrow', bytes: tableToIPC(retyped, 'file') }])).toContain('retyped.arrow: its column task is Float64 where levers sweep writes Int32');
	});
});

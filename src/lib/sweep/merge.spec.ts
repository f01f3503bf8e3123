import { describe, expect, test } from 'vitest';
import { mergeShards, type ShardText } from './merge';
import { ResultsWriter, type ResultRow, type ResultsHeader, type TextFormat } from './results';
import { shardTasks, WHOLE, type Shard } from './shard';
import { SweepError } from './sweep-error';

const TASKS = 11;
const columns = ['task', 'point', 'replicate', 'seed', 'targets', 'gaming.gap'];
/** A made-up row per task, with an undefined value now and then and numbers that need all their digits. */
const row = (k: number): ResultRow => [k, Math.floor(k / 2), k % 2, 1000 + k, 0.1 * k, k % 4 === 3 ? NaN : Math.PI / (k + 1)];

function file(format: TextFormat, shard: Shard, header: Partial<ResultsHeader> = {}, rows?: number[]): string {
	let text = '';
	const w = new ResultsWriter(format, (chunk) => (text += chunk));
	w.begin({ model: 'levers@0.2.0', design: '0123456789abcdef', shard, tasks: TASKS, columns, ...header });
	for (const k of rows ?? shardTasks(shard, TASKS)) w.row(row(k));
	w.end();
	return text;
}

function shards(format: TextFormat, count: number): ShardText[] {
	return Array.from({ length: count }, (_, index) => ({ name: `shard-${index}.${format}`, text: file(format, { index, count }) }));
}

async function merged(files: ShardText[]): Promise<string> {
	let out = '';
	await mergeShards(files, (chunk) => (out += chunk));
	return out;
}

async function refusal(files: ShardText[]): Promise<string> {
	let out = '';
	try {
		await mergeShards(files, (chunk) => (out += chunk));
	} catch (error) {
		expect(error).toBeInstanceOf(SweepError);
		expect(out).toBe('');
		return (error as Error).message;
	}
	throw new Error('merge accepted the shards');
}

/** A fixed shuffle, different from the identity and from reversal. */
function shuffled<T>(items: T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = (i * 7 + 3) % (i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

describe('results files', () => {
	test('CSV: a comment header, the columns, one row a task; an undefined value is empty', async () => {
		const lines = file('csv', WHOLE).split('\n');
		expect(lines[0]).toBe('# levers-sweep results=1 model=levers@0.2.0 design=0123456789abcdef shard=0/1 tasks=11');
		expect(lines[1]).toBe(columns.join(','));
		expect(lines[2]).toBe(`0,0,0,1000,0,${Math.PI}`);
		expect(lines[5]).toBe('3,1,1,1003,0.30000000000000004,');
		expect(lines).toHaveLength(TASKS + 3);
	});

	test('JSON: the same header fields, a row per line, null for an undefined value', async () => {
		const doc = JSON.parse(file('json', WHOLE));
		expect(doc).toMatchObject({ schema: 'levers-sweep-results', version: 1, model: 'levers@0.2.0', shard: '0/1', tasks: TASKS, columns });
		expect(doc.rows[3]).toEqual([3, 1, 1, 1003, 0.30000000000000004, null]);
		expect(JSON.parse(file('json', { index: 12, count: 13 })).rows).toEqual([]);
	});
});

describe('merge', () => {
	test.each([
		['csv', 1], ['csv', 2], ['csv', 3], ['csv', 11], ['csv', 13], ['json', 1], ['json', 4], ['json', 13]
	] as const)('%s in %i shards, given in shuffled order, merges to the bytes of the whole', async (format, count) => {
		const whole = file(format, WHOLE);
		expect(await merged(shuffled(shards(format, count)))).toBe(whole);
		expect(await merged(shards(format, count).reverse())).toBe(whole);
	});

	test('a merged file merges again to itself', async () => {
		const whole = file('csv', WHOLE);
		expect(await merged([{ name: 'all.csv', text: await merged(shards('csv', 3)) }])).toBe(whole);
	});

	test('refuses a missing shard, naming it', async () => {
		expect(await refusal(shards('csv', 4).filter((_, i) => i !== 2))).toBe('shard 2 of 4 is missing; merge needs every shard of the sweep');
		expect(await refusal(shards('csv', 4).slice(0, 1))).toContain('shards 1, 2, 3 of 4 are missing');
	});

	test('refuses a shard given twice', async () => {
		const s = shards('csv', 3);
		expect(await refusal([...s, { ...s[1], name: 'copy.csv' }])).toContain('shard 1/3 is given twice (shard-1.csv and copy.csv)');
	});

	test.each([
		['design', { design: 'fedcba9876543210' }, 'design fedcba9876543210 and 0123456789abcdef'],
		['model version', { model: 'levers@0.3.0' }, 'made by model levers@0.3.0 and levers@0.2.0'],
		['task count', { tasks: 12 }, 'tasks 12 and 11'],
		['columns', { columns: [...columns.slice(0, -1), 'gaming.culture'] }, 'columns']
	])('refuses shards of different sweeps: %s', async (_what, header, part) => {
		const s = shards('csv', 3);
		s[2] = { name: 'other.csv', text: file('csv', { index: 2, count: 3 }, header as Partial<ResultsHeader>) };
		const message = await refusal(s);
		expect(message).toContain('other.csv and shard-0.csv come from different sweeps');
		expect(message).toContain(part);
	});

	test('refuses shards cut differently', async () => {
		expect(await refusal([...shards('csv', 2).slice(0, 1), ...shards('csv', 3).slice(1)])).toContain('cut into 3 shards and 2 shards');
	});

	test('refuses a shard cut short, one with rows of another shard, and one changed by hand', async () => {
		const s = shards('csv', 2);
		const cut = s[1].text.split('\n').slice(0, -2).join('\n') + '\n';
		expect(await refusal([s[0], { name: 'short.csv', text: cut }])).toContain('short.csv (shard 1/2) holds 4 rows where the shard has 5 tasks; it was cut short');
		const partial = s[1].text.slice(0, -3);
		expect(await refusal([s[0], { name: 'partial.csv', text: partial }])).toContain('ends part-way through a line');
		const wrong = { name: 'wrong.csv', text: file('csv', { index: 1, count: 2 }, {}, [1, 3, 5, 7, 8]) };
		expect(await refusal([s[0], wrong])).toContain('row 5 is task 8 where task 9 belongs');
	});

	test('refuses mixed formats and files that are not sweep results', async () => {
		expect(await refusal([shards('csv', 2)[0], shards('json', 2)[1]])).toContain('shard-1.json is json and shard-0.csv csv');
		expect(await refusal([{ name: 'notes.txt', text: 'hello\n' }])).toContain('notes.txt: is not the output of levers sweep');
		expect(await refusal([{ name: 'run.json', text: '{"model":{}}' }])).toContain('is not sweep results');
		expect(await refusal([])).toContain('needs the shard files');
	});
});

/** `levers list` and `levers show`: the registry as tables, JSON, CSV and single entries. */
import { describe, expect, test } from 'vitest';
import { ASSUMPTIONS, LEVERS, OUTCOMES } from '../model/index';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import { BUILTIN_SCENARIO_DIR } from '../scenario/builtin-node';
import { catalogueOf, readScenarioCatalogue } from './scenario-catalogue';
import { cli } from './spec-io';

const library = loadBuiltinScenarios();
const registry = {
	scenarios: [...library.keys()],
	levers: LEVERS.map((l) => l.id as string),
	assumptions: ASSUMPTIONS.map((a) => a.id as string),
	outcomes: OUTCOMES.map((o) => o.id as string)
};
const kinds = Object.keys(registry) as (keyof typeof registry)[];

async function ok(argv: string[], columns?: number) {
	const result = await cli(argv, columns ? { terminal: { stdout: true, columns } } : {});
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return result.stdout;
}

/** A CSV line split into fields, quotes honoured. */
function csvFields(line: string): string[] {
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted && c === '"' && line[i + 1] === '"') field += line[++i];
		else if (c === '"') quoted = !quoted;
		else if (c === ',' && !quoted) {
			fields.push(field);
			field = '';
		} else field += c;
	}
	return [...fields, field];
}

describe('list as tables', () => {
	test('with no kind: a table of every scenario, lever, assumption and outcome, then how to see one in full', async () => {
		const stdout = await ok(['list']);
		const firstCells = new Set(stdout.split('\n').map((line) => line.split(/\s+/)[0]));
		for (const title of ['SCENARIOS', 'LEVERS', 'ASSUMPTIONS', 'OUTCOMES']) expect(firstCells.has(title)).toBe(true);
		for (const kind of kinds) for (const id of registry[kind]) expect(firstCells.has(id), `${kind} ${id}`).toBe(true);
		expect(stdout.trimEnd().endsWith('levers show <id> prints one entry in full.')).toBe(true);
	});

	test.each(kinds)('list %s: a table of only that kind, one row per id in registry order', async (kind) => {
		const lines = (await ok(['list', kind])).trimEnd().split('\n');
		expect(lines[0]).toBe(kind.toUpperCase());
		expect(lines[1].split(/\s+/)[0]).toBe('id');
		const rows = lines.slice(2, 2 + registry[kind].length);
		expect(rows.map((line) => line.split(/\s+/)[0])).toEqual(registry[kind]);
		expect(lines.slice(2 + registry[kind].length)).toEqual(['', 'levers show <id> prints one entry in full.']);
	});

	test('levers show their meaning and evidence grade; outcomes which direction is better', async () => {
		const levers = await ok(['list', 'levers']);
		expect(levers.split('\n')[1].split(/\s{2,}/)).toEqual(['id', 'family', 'default', 'range', 'grade', 'meaning']);
		for (const lever of LEVERS) expect(levers).toContain(lever.meaning);
		const outcomes = (await ok(['list', 'outcomes'])).split('\n');
		expect(outcomes[1].split(/\s{2,}/)).toEqual(['id', 'better', 'unit', 'meaning']);
		for (const o of OUTCOMES) {
			const row = outcomes.find((line) => line.startsWith(`${o.id} `))!;
			expect(row).toContain(o.better === 'higher' ? '↑ higher' : o.better === 'lower' ? '↓ lower' : 'neither');
			expect(row).toContain(o.meaning);
		}
	});

	test.each([80, 120])('on a terminal %i columns wide, no line is wider; long meanings are cut with "…"', async (columns) => {
		const stdout = await ok(['list'], columns);
		for (const line of stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(columns);
		expect(stdout).toContain('…');
	});
});

describe('the scenario catalogue', () => {
	test('read straight from scenarios/, it lists what the validated library holds', () => {
		expect(readScenarioCatalogue(BUILTIN_SCENARIO_DIR)).toEqual(catalogueOf(library));
	});
});

describe('list as JSON and CSV', () => {
	test.each(kinds)('list %s --format json parses and has every id of the registry', async (kind) => {
		const data = JSON.parse(await ok(['list', kind, '--format', 'json']));
		expect(data.map((entry: { id: string }) => entry.id)).toEqual(registry[kind]);
	});

	test('list --format json gives all four kinds in one object; levers carry range, default, source and grade', async () => {
		const data = JSON.parse(await ok(['list', '--format', 'json']));
		expect(Object.keys(data).sort()).toEqual([...kinds].sort());
		for (const lever of LEVERS)
			expect(data.levers.find((e: { id: string }) => e.id === lever.id)).toMatchObject({ min: lever.min, max: lever.max, default: lever.default, source: lever.source, grade: lever.grade });
	});

	test.each(kinds)('list %s --format csv: a header, then one row per id with as many fields as the header', async (kind) => {
		const lines = (await ok(['list', kind, '--format', 'csv'])).trimEnd().split('\n');
		const header = csvFields(lines[0]);
		expect(header.slice(0, 3)).toEqual(['kind', 'id', 'label']);
		const rows = lines.slice(1).map(csvFields);
		expect(rows.map((r) => r[1])).toEqual(registry[kind]);
		for (const row of rows) expect(row).toHaveLength(header.length);
	});

	test('CSV quotes fields with commas and quotes, so sources survive a round trip', async () => {
		const lines = (await ok(['list', 'levers', '--format', 'csv'])).trimEnd().split('\n');
		const header = csvFields(lines[0]);
		const targets = csvFields(lines[1]);
		expect(targets[header.indexOf('source')]).toBe(LEVERS[0].source);
		expect(targets[header.indexOf('meaning')]).toBe(LEVERS[0].meaning);
		expect(header).toContain('benefit');
		expect(header).toContain('grade');
	});

	test('list --format csv of every kind is one table with a kind column', async () => {
		const lines = (await ok(['list', '--format', 'csv'])).trimEnd().split('\n');
		const kindsSeen = new Set(lines.slice(1).map((l) => csvFields(l)[0]));
		expect(kindsSeen).toEqual(new Set(['scenario', 'lever', 'assumption', 'outcome']));
		expect(lines.length - 1).toBe(kinds.reduce((n, k) => n + registry[k].length, 0));
	});
});

describe('show', () => {
	test('a lever in full: meaning, benefit, cost, unit, default, range, source, grade, and how to set it', async () => {
		const lever = LEVERS[0];
		const text = (await ok(['show', lever.id])).replace(/\s+/g, ' ');
		for (const part of [lever.label, lever.meaning, lever.benefit, lever.cost, lever.unit, `${lever.min}–${lever.max}`, lever.source, lever.grade, `--set ${lever.id}=`])
			expect(text, part).toContain(part.replace(/\s+/g, ' '));
	});

	test('an assumption and an outcome in full', async () => {
		const a = ASSUMPTIONS[1];
		const assumption = (await ok(['show', a.id])).replace(/\s+/g, ' ');
		for (const part of [a.meaning, a.source, a.grade, String(a.default)]) expect(assumption).toContain(part.replace(/\s+/g, ' '));
		const o = OUTCOMES.find((x) => x.better === 'lower')!;
		const outcome = (await ok(['show', o.id])).replace(/\s+/g, ' ');
		for (const part of [o.label, o.meaning, o.unit, '↓ lower is better', o.family]) expect(outcome).toContain(part);
	});

	test('a scenario: its title, what it sets, its sources and how to run it', async () => {
		const s = library.get('wigan-deal')!;
		const text = (await ok(['show', 'wigan-deal'])).replace(/\s+/g, ' ');
		expect(text).toContain(s.title);
		for (const id of Object.keys(s.levers ?? {})) expect(text).toContain(id);
		for (const source of s.sources ?? []) expect(text).toContain(source.publication.replace(/\s+/g, ' '));
		expect(text).toContain('levers run wigan-deal');
	});

	test('wraps to the terminal, and --format json gives the registry entry', async () => {
		for (const line of (await ok(['show', 'targets'], 60)).split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
		const entry = JSON.parse(await ok(['show', 'targets', '--format', 'json']));
		expect(entry).toMatchObject({ id: 'targets', kind: 'lever', benefit: LEVERS[0].benefit });
	});
});

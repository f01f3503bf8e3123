/**
 * `levers list` and `levers show`: the built-in scenarios and the parameter registry as tables,
 * JSON, CSV or one entry in full. Reads the registry directly, not the model, so listing never
 * loads the model's code or mathjs (scenarios are read only when they are asked for).
 */
import { ASSUMPTIONS, LEVERS } from '../model/parameters/registry';
import type { ParameterSpec } from '../model/parameters/types';
import { OUTCOMES, type OutcomeSpec } from '../model/outcomes';
import { showRange } from '../scenario/errors';
import type { ScenarioFile, ScenarioLibrary } from '../scenario/types';
import type { CatalogueScenario } from './scenario-catalogue';
import { didYouMean } from '../scenario/suggest';
import type { ListArgs, ListKind, ShowArgs } from './args';
import { CliError } from './cli-error';
import { csvField, renderTable, wrap, type Column } from './text';

export interface CatalogueIo {
	stdout(text: string): void;
	/** The built-in scenarios, fully validated (for `show`). */
	library(): Promise<ScenarioLibrary>;
	/** The built-in scenarios' ids, titles and sources (for `list`, which must be instant). */
	scenarioCatalogue(): Promise<CatalogueScenario[]>;
	/** Columns of the terminal standard output goes to; undefined when it is not a terminal. */
	columns?: number;
}

const FAMILY_NAMES: Record<string, string> = { npm: 'New Public Management', liberated: 'liberated' };

/** "↑ higher", "↓ lower" or "neither": which way an outcome is better. */
export function betterLabel(better: OutcomeSpec['better']): string {
	return better === 'higher' ? '↑ higher' : better === 'lower' ? '↓ lower' : 'neither';
}

type Entry = Record<string, string | number | null>;

function scenarioEntries(scenarios: CatalogueScenario[]): Entry[] {
	return scenarios.map((s) => ({ kind: 'scenario', id: s.id, label: s.title, extends: s.extends, meaning: s.description }));
}

function parameterEntry(p: ParameterSpec): Entry {
	return {
		kind: p.kind,
		id: p.id,
		label: p.label,
		family: p.kind === 'lever' ? p.family : p.group,
		unit: p.unit,
		default: p.default,
		min: p.min,
		max: p.max,
		grade: p.grade,
		meaning: p.meaning,
		benefit: p.kind === 'lever' ? p.benefit : null,
		cost: p.kind === 'lever' ? p.cost : null,
		source: p.source
	};
}

function outcomeEntry(o: OutcomeSpec): Entry {
	return { kind: 'outcome', id: o.id, label: o.label, family: o.family, unit: o.unit, better: o.better, meaning: o.meaning };
}

/** `levers list`. */
export async function listCommand(args: ListArgs, io: CatalogueIo): Promise<void> {
	const kinds: ListKind[] = args.what === 'all' ? ['scenarios', 'levers', 'assumptions', 'outcomes'] : [args.what];
	const scenarios = kinds.includes('scenarios') ? await io.scenarioCatalogue() : [];

	if (args.format === 'json') {
		const data = {
			scenarios: () => scenarios,
			levers: () => LEVERS.map((l) => ({ ...l })),
			assumptions: () => ASSUMPTIONS.map((a) => ({ ...a })),
			outcomes: () => OUTCOMES.map((o) => ({ ...o }))
		};
		const value = args.what === 'all' ? Object.fromEntries(kinds.map((k) => [k, data[k]()])) : data[args.what]();
		io.stdout(JSON.stringify(value, null, 2) + '\n');
		return;
	}

	const entries: Record<ListKind, () => Entry[]> = {
		scenarios: () => scenarioEntries(scenarios),
		levers: () => LEVERS.map(parameterEntry),
		assumptions: () => ASSUMPTIONS.map(parameterEntry),
		outcomes: () => OUTCOMES.map(outcomeEntry)
	};
	if (args.format === 'csv') {
		io.stdout(entriesCsv(kinds.flatMap((k) => entries[k]())));
		return;
	}
	const tables = kinds.map((kind) => listTable(kind, entries[kind](), io.columns ?? Infinity));
	io.stdout(`${tables.join('\n\n')}\n\nlevers show <id> prints one entry in full.\n`);
}

const CSV_COLUMNS = ['kind', 'id', 'label', 'family', 'extends', 'unit', 'default', 'min', 'max', 'better', 'grade', 'meaning', 'benefit', 'cost', 'source'];

/** One tidy table of every entry: the columns any entry has, a kind column to tell them apart. */
function entriesCsv(entries: Entry[]): string {
	const columns = CSV_COLUMNS.filter((c) => entries.some((e) => e[c] !== undefined && e[c] !== null));
	return [columns.join(','), ...entries.map((e) => columns.map((c) => csvField(e[c])).join(','))].join('\n') + '\n';
}

function range(e: Entry): string {
	return showRange(Number(e.min), Number(e.max));
}

function listTable(kind: ListKind, entries: Entry[], maxWidth: number): string {
	const meaning: Column = { header: 'meaning', shrink: true, minWidth: 20 };
	const table = (columns: Column[], rows: string[][]) => `${kind.toUpperCase()}\n${renderTable(columns, rows, maxWidth).text}`;
	switch (kind) {
		case 'scenarios':
			return table(
				[{ header: 'id' }, { header: 'extends', optional: 1 }, { header: 'title', shrink: true, minWidth: 20 }],
				entries.map((e) => [String(e.id), String(e.extends ?? ''), String(e.label)])
			);
		case 'levers':
			return table(
				[{ header: 'id' }, { header: 'family', optional: 2 }, { header: 'default', align: 'right' }, { header: 'range', optional: 1 }, { header: 'grade' }, meaning],
				entries.map((e) => [String(e.id), String(e.family), String(e.default), range(e), String(e.grade), String(e.meaning)])
			);
		case 'assumptions':
			return table(
				[
					{ header: 'id' },
					{ header: 'group', optional: 2 },
					{ header: 'default', align: 'right' },
					{ header: 'range', optional: 3 },
					{ header: 'unit', optional: 1 },
					{ header: 'grade' },
					meaning
				],
				entries.map((e) => [String(e.id), String(e.family), String(e.default), range(e), String(e.unit), String(e.grade), String(e.meaning)])
			);
		case 'outcomes':
			return table(
				[{ header: 'id' }, { header: 'better' }, { header: 'unit', optional: 1 }, meaning],
				entries.map((e) => [String(e.id), betterLabel(e.better as OutcomeSpec['better']), String(e.unit), String(e.meaning)])
			);
	}
}

/** `levers show <id>`. */
export async function showCommand(args: ShowArgs, io: CatalogueIo): Promise<void> {
	const parameter = [...LEVERS, ...ASSUMPTIONS].find((p) => p.id === args.id) as ParameterSpec | undefined;
	const outcome = OUTCOMES.find((o) => o.id === args.id) as OutcomeSpec | undefined;
	const library = parameter || outcome ? undefined : await io.library();
	const scenario = library?.get(args.id);
	if (!parameter && !outcome && !scenario) {
		const ids: string[] = [...[...LEVERS, ...ASSUMPTIONS, ...OUTCOMES].map((e) => e.id as string), ...(library?.keys() ?? [])];
		throw new CliError(`unknown id "${args.id}"${didYouMean(args.id, ids)} (levers list shows every id)`);
	}
	if (args.format === 'json') {
		const value = parameter ? { ...parameter } : outcome ? { kind: 'outcome', ...outcome } : { kind: 'scenario', ...scenario };
		io.stdout(JSON.stringify(value, null, 2) + '\n');
		return;
	}
	const fields = parameter ? parameterFields(parameter) : outcome ? outcomeFields(outcome) : scenarioFields(scenario!);
	io.stdout(fieldsText(fields, Math.min(io.columns ?? 80, 100)) + '\n');
}

interface Fields {
	title: string;
	rows: [string, string][];
	footer: string;
}

function parameterFields(p: ParameterSpec): Fields {
	const what = p.kind === 'lever' ? `lever, ${FAMILY_NAMES[p.family] ?? p.family}` : `assumption, ${p.group}`;
	const rows: [string, string][] = [['meaning', p.meaning]];
	if (p.kind === 'lever') rows.push(['benefit', p.benefit], ['cost', p.cost]);
	rows.push(['unit', p.unit], ['default', String(p.default)], ['range', showRange(p.min, p.max)], ['source', p.source], ['evidence', p.grade]);
	if (p.kind === 'lever') rows.push(['link id', p.short]);
	const value = p.kind === 'lever' ? `<number, or an expression of the month t>` : '<number>';
	return { title: `${p.id} — ${p.label} (${what})`, rows, footer: `Set it with: levers run <scenario> --set ${p.id}=${value}` };
}

function outcomeFields(o: OutcomeSpec): Fields {
	const groups = ['overall', ...(o.byQuintile ? ['by deprivation quintile'] : []), ...(o.byArea ? ['by area'] : [])];
	return {
		title: `${o.id} — ${o.label} (outcome, ${o.family})`,
		rows: [
			['meaning', o.meaning],
			['unit', o.unit],
			['better', o.better === 'neither' ? 'neither direction is better in itself' : `${betterLabel(o.better)} is better`],
			['reported', groups.join(', ')]
		],
		footer: `Report only its family with: levers run <scenario> --outcomes ${o.family}`
	};
}

function scenarioFields(s: ScenarioFile): Fields {
	const settings = (record: Record<string, unknown> | undefined) =>
		Object.entries(record ?? {})
			.map(([k, v]) => `${k} = ${typeof v === 'string' ? JSON.stringify(v) : v}`)
			.join('; ') || 'none';
	const rows: [string, string][] = [];
	if (s.description) rows.push(['description', s.description]);
	if (s.extends) rows.push(['extends', s.extends]);
	rows.push(['levers', settings(s.levers)], ['assumptions', settings(s.assumptions)]);
	const run = { ...s.population, months: s.months, seed: s.seed, runs: s.runs };
	rows.push(['settings', settings(Object.fromEntries(Object.entries(run).filter(([, v]) => v !== undefined)))]);
	for (const source of s.sources ?? []) rows.push(['source', `${source.publication}, ${source.sections}`]);
	return { title: `${s.id} — ${s.title} (scenario)`, rows, footer: `Run it with: levers run ${s.id}` };
}

/** A title, then "label  text" rows with the text wrapped under itself. */
function fieldsText(fields: Fields, maxWidth: number): string {
	const labelWidth = Math.max(...fields.rows.map(([label]) => label.length)) + 2;
	const lines = [...wrap(fields.title, maxWidth), ''];
	for (const [label, text] of fields.rows) {
		const [first, ...more] = text.split('\n').flatMap((paragraph) => wrap(paragraph, maxWidth - labelWidth));
		lines.push(label.padEnd(labelWidth) + first, ...more.map((line) => ' '.repeat(labelWidth) + line));
	}
	lines.push('', ...wrap(fields.footer, maxWidth));
	return lines.join('\n');
}

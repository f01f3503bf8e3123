/**
 * `--format table`: each outcome's final figure for people at a terminal. Rounded to what the
 * ensemble can tell apart, with units, which direction is better, paired changes against a
 * baseline with their 5–95% range across runs, and the "exploratory, not a forecast" footer.
 */
import type { EnsembleSummary, Summary } from '../ensemble/index';
import type { OutcomeSpec } from '../model/index';
import { betterLabel } from './catalogue';
import { decimalsFor, formatChange, formatCount, formatLevel, unitStyle, type UnitStyle } from './number-format';
import { renderTable, wrap, type Column, type Row } from './text';

/** A scenario as the table names it. */
export interface TableScenario {
	id: string;
	title: string;
	/** The `--set` changes laid over it, as typed ("targets=0"). */
	changes: readonly string[];
	summary: EnsembleSummary;
	/** Paired differences against the baseline, when there is one. */
	difference?: EnsembleSummary;
}

export interface TableSettings {
	modelName: string;
	modelVersion: string;
	seed: number;
	runs: number;
	months: number;
	citizens: number;
}

const OUTCOME: Column = { header: 'outcome', shrink: true, minWidth: 24 };

/** An outcome's final figure in a summary. */
function finalOf(summary: EnsembleSummary, spec: OutcomeSpec): Summary {
	return summary.final[spec.id as keyof EnsembleSummary['final']];
}
const UNIT: Column = { header: 'unit', optional: true };

/** `levers run`: one scenario, or one scenario against a baseline. */
export function runTable(scenario: TableScenario, baseline: TableScenario | undefined, outcomes: readonly OutcomeSpec[], settings: TableSettings, maxWidth: number): string {
	const header = [describe('Scenario', scenario, maxWidth)];
	let columns: Column[];
	let rows: Row[];
	if (!baseline || !scenario.difference) {
		columns = [OUTCOME, UNIT, { header: 'better' }, { header: 'mean', align: 'right' }, { header: '5–95% of runs', align: 'right' }];
		rows = byFamily(outcomes, (spec) => {
			const s = finalOf(scenario.summary, spec);
			const style = unitStyle(spec.unit);
			const d = decimalsFor(Math.max(Math.abs(s.mean), Math.abs(s.p05), Math.abs(s.p95)) * style.scale, 3);
			return [spec.label, style.short, betterLabel(spec.better), formatLevel(s.mean, style, d), levelRange(s, style, d)];
		});
	} else {
		header.push(describe('Baseline', baseline, maxWidth));
		columns = [
			OUTCOME,
			UNIT,
			{ header: 'scenario', align: 'right' },
			{ header: 'baseline', align: 'right' },
			{ header: 'change', align: 'right' },
			{ header: '5–95% of runs', align: 'right', optional: true },
			{ header: '' }
		];
		rows = byFamily(outcomes, (spec) => {
			const s = finalOf(scenario.summary, spec);
			const b = finalOf(baseline.summary, spec);
			const diff = finalOf(scenario.difference!, spec);
			const style = unitStyle(spec.unit);
			const d = decimalsFor(Math.max(Math.abs(s.mean), Math.abs(b.mean)) * style.scale, 3);
			const dd = changeDecimals(diff, style);
			return [spec.label, style.short, formatLevel(s.mean, style, d), formatLevel(b.mean, style, d), formatChange(diff.mean, style, dd), changeRange(diff, style, dd), verdict(diff, spec.better)];
		});
	}
	const table = renderTable(columns, rows, maxWidth);
	const notes = [
		'Final figure: the mean of each run\'s last 12 months; the mean across runs and the range of the middle 90% of runs.',
		...(baseline ? ['Change: scenario minus baseline, run by run on the same seeds (paired).'] : []),
		...hiddenNote(table.hidden.map((c) => c.header))
	];
	return [...header, ...notes.flatMap((n) => wrap(n, maxWidth)), '', table.text, '', footer(settings, maxWidth)].join('\n') + '\n';
}

/** `levers compare`: several scenarios' changes against one baseline, in blocks that fit the width. */
export function compareTable(scenarios: readonly TableScenario[], baseline: TableScenario, outcomes: readonly OutcomeSpec[], settings: TableSettings, maxWidth: number): string {
	const letters = scenarios.map((_, i) => columnName(i));
	const legend = [
		describe('Baseline', baseline, maxWidth),
		...scenarios.map((s, i) => describe(letters[i], s, maxWidth))
	];
	const notes = wrap(
		'Each lettered column: the change in the final figure (the mean of each run\'s last 12 months), scenario minus baseline, run by run on the same seeds; the mean across runs, and the range of the middle 90% of runs.',
		maxWidth
	);
	const labelWidth = Math.min(30, Math.max(...outcomes.map((o) => o.label.length)) + 2);
	// Outcome, unit and baseline; then per scenario its change and verdict, and its range if there is room.
	const fixed = labelWidth + 2 + 12 + 2 + 10;
	const perBlock = Math.max(1, Math.floor((maxWidth - fixed) / 22));

	const blocks: string[] = [];
	const hidden = new Set<string>();
	for (let start = 0; start < scenarios.length; start += perBlock) {
		const block = scenarios.slice(start, start + perBlock);
		const columns: Column[] = [OUTCOME, UNIT, { header: 'baseline', align: 'right' }];
		block.forEach((_, i) =>
			columns.push({ header: letters[start + i], align: 'right' }, { header: '5–95% of runs', align: 'right', optional: true }, { header: '' })
		);
		const rows = byFamily(outcomes, (spec) => {
			const style = unitStyle(spec.unit);
			const b = finalOf(baseline.summary, spec);
			const cells = [spec.label, style.short, formatLevel(b.mean, style, decimalsFor(Math.abs(b.mean) * style.scale, 3))];
			for (const s of block) {
				const diff = finalOf(s.difference!, spec);
				const dd = changeDecimals(diff, style);
				cells.push(formatChange(diff.mean, style, dd), changeRange(diff, style, dd), verdict(diff, spec.better));
			}
			return cells;
		});
		const table = renderTable(columns, rows, maxWidth);
		blocks.push(table.text);
		for (const c of table.hidden) hidden.add(c.header);
	}
	const extra = hiddenNote([...hidden]).flatMap((n) => wrap(n, maxWidth));
	return [...legend, ...notes, ...extra, '', blocks.join('\n\n'), '', footer(settings, maxWidth)].join('\n') + '\n';
}

function columnName(i: number): string {
	return i < 26 ? String.fromCharCode(65 + i) : `S${i + 1}`;
}

/** "Scenario  wigan-deal — The Wigan Deal, with targets=0.2" wrapped under its label. */
function describe(label: string, s: TableScenario, maxWidth: number): string {
	const changes = s.changes.length ? `, with ${s.changes.join(', ')}` : '';
	const indent = Math.max(label.length + 2, 10);
	return wrap(`${s.id} — ${s.title}${changes}`, maxWidth - indent)
		.map((line, i) => (i === 0 ? label.padEnd(indent) : ' '.repeat(indent)) + line)
		.join('\n');
}

/** Rows grouped under a heading per outcome family, in registry order. */
function byFamily(outcomes: readonly OutcomeSpec[], row: (spec: OutcomeSpec) => string[]): Row[] {
	const rows: Row[] = [];
	let family = '';
	for (const spec of outcomes) {
		if (spec.family !== family) {
			family = spec.family;
			rows.push({ heading: family[0].toUpperCase() + family.slice(1) });
		}
		const [label, ...rest] = row(spec);
		rows.push([`  ${label}`, ...rest]);
	}
	return rows;
}

/** Decimals for a change: two significant digits of the larger of the change and its range. */
function changeDecimals(diff: Summary, style: UnitStyle): number {
	return decimalsFor(Math.max(Math.abs(diff.mean), Math.abs(diff.p05), Math.abs(diff.p95)) * style.scale, 2);
}

/** "40.1 to 44.0" in the units of the mean beside it. */
function levelRange(s: Summary, style: UnitStyle, decimals: number): string {
	if (!Number.isFinite(s.p05)) return '–';
	const bare = { ...style, level: '', prefix: '' };
	return `${formatLevel(s.p05, bare, decimals)} to ${formatLevel(s.p95, bare, decimals)}`;
}

function hiddenNote(hidden: string[]): string[] {
	return hidden.length ? [`Left out for width: ${hidden.join(', ')} (a wider terminal or --format json shows them).`] : [];
}

/** "−28 to −23" in the units of the change beside it. */
function changeRange(diff: Summary, style: UnitStyle, decimals: number): string {
	if (!Number.isFinite(diff.p05)) return '–';
	const bare = { ...style, change: '', prefix: '' };
	return `${formatChange(diff.p05, bare, decimals)} to ${formatChange(diff.p95, bare, decimals)}`;
}

/**
 * "↑ better", "↓ worse", "↑" (neither direction better), "~ unclear" when the middle 90% of
 * runs includes no change, "same" when every run is identical. Arrows show which way the
 * outcome moved; the word says whether that is good, by the registry's `better`.
 */
export function verdict(diff: Summary, better: OutcomeSpec['better']): string {
	if (!Number.isFinite(diff.p05) || !Number.isFinite(diff.p95)) return '';
	if (diff.p05 === 0 && diff.p95 === 0) return 'same';
	if (diff.p05 <= 0 && diff.p95 >= 0) return '~ unclear';
	const rose = diff.p05 > 0;
	const arrow = rose ? '↑' : '↓';
	if (better === 'neither') return arrow;
	return `${arrow} ${rose === (better === 'higher') ? 'better' : 'worse'}`;
}

function footer(s: TableSettings, maxWidth: number): string {
	return wrap(
		`Exploratory, not a forecast. Model ${s.modelName} ${s.modelVersion}; base seed ${s.seed}; ${formatCount(s.runs)} runs; ${s.months} months; ${formatCount(s.citizens)} citizens.`,
		maxWidth
	).join('\n');
}

/**
 * What `levers sensitivity` and `levers explain` print: a table for people, JSON with every
 * figure and the scenarios as files that run again, or one CSV row per assumption or input.
 * Figures are in the outcome's model units in JSON and CSV, and shown with units in tables.
 */
import { explainSentence, fragileConclusions, type ChangedInput, type Interval, type MorrisResult, type ShapleyResult, type TornadoResult } from '../analysis/index';
import { MODEL_NAME, MODEL_VERSION, replicateSeed, type AssumptionSpec, type OutcomeSpec } from '../model/index';
import { findParameter } from '../model/parameters/registry';
import type { Overrides, ResolvedScenario } from '../scenario/index';
import type { RunFormat } from './args';
import { scenarioRecord } from './json-report';
import { decimalsFor, formatChange, formatCount, formatNumber, unitStyle, type UnitStyle } from './number-format';
import { csvField, renderTable, wrap, type Column, type Row } from './text';

export interface AnalysisContext {
	scenario: { resolved: ResolvedScenario; overrides: Overrides };
	baseline: { resolved: ResolvedScenario; overrides: Overrides };
	outcome: OutcomeSpec;
	format: RunFormat;
	/** Columns a table may use. */
	width: number;
}

export function tornadoReport(result: TornadoResult, specs: readonly AssumptionSpec[], c: AnalysisContext): string {
	const spec = (id: string) => specs.find((s) => s.id === id)!;
	const fragile = fragileConclusions(result);
	if (c.format === 'json')
		return json(c, 'tornado', {
			base: result.base,
			bars: result.bars.map((b) => ({ ...b, label: spec(b.id).label, unit: spec(b.id).unit })),
			fragile: fragile.map((b) => b.id),
			evaluations: result.evaluations
		});
	if (c.format === 'csv') {
		const header = 'assumption,grade,low,high,base_mean,at_low_mean,at_low_p05,at_low_p95,at_high_mean,at_high_p05,at_high_p95,swing_mean,swing_p05,swing_p95,sign_flips,fragile';
		const rows = result.bars.map((b) =>
			[b.id, b.grade ?? '', b.low, b.high, result.base.mean, ...triple(b.atLow), ...triple(b.atHigh), ...triple(b.swing), b.signFlips, b.fragile].map(csvCell).join(',')
		);
		return [header, ...rows].join('\n') + '\n';
	}
	const style = unitStyle(c.outcome.unit);
	const d = decimalsOf(style, [result.base, ...result.bars.flatMap((b) => [b.atLow, b.atHigh])]);
	const columns: Column[] = [
		{ header: 'assumption', shrink: true, minWidth: 20 },
		{ header: 'grade', optional: 2 },
		{ header: 'range', align: 'right', optional: 1 },
		{ header: 'at low', align: 'right' },
		{ header: 'at high', align: 'right' },
		{ header: 'swing', align: 'right' },
		{ header: '5–95% of runs', align: 'right', optional: 1 },
		{ header: '' }
	];
	const rows: Row[] = result.bars.map((b) => [
		spec(b.id).label,
		b.grade ?? '',
		`${formatNumber(b.low, decimalsFor(Math.abs(b.high - b.low), 2))} to ${formatNumber(b.high, decimalsFor(Math.abs(b.high - b.low), 2))}`,
		formatChange(b.atLow.mean, style, d),
		formatChange(b.atHigh.mean, style, d),
		formatChange(b.swing.mean, style, d),
		range(b.swing, style, d),
		b.fragile ? 'fragile' : b.signFlips ? 'flips' : ''
	]);
	const verdict = fragile.length
		? `Fragile: the difference changes sign within the plausible range of ${list(fragile.map((b) => `${spec(b.id).label} (${b.id}, graded ${b.grade})`))}.`
		: result.bars.some((b) => b.signFlips)
			? 'The difference changes sign only within the range of assumptions graded moderate or strong: no fragile conclusion.'
			: 'The sign of the difference holds at both ends of every assumption\'s range tested.';
	return table(c, 'Sensitivity (one at a time)', [
		`Paired difference as given: ${formatChange(result.base.mean, style, d)} (5–95% of runs ${range(result.base, style, d)}).`,
		'Each assumption in turn at the low and high end of its plausible range, in both scenarios; at low and at high: the mean paired difference there; swing: high minus low, run by run. Largest swing first.',
		verdict
	], columns, rows);
}

export function morrisReport(result: MorrisResult, specs: readonly AssumptionSpec[], c: AnalysisContext): string {
	const spec = (id: string) => specs.find((s) => s.id === id)!;
	if (c.format === 'json')
		return json(c, 'morris', {
			trajectories: result.trajectories,
			levels: result.levels,
			delta: result.delta,
			evaluations: result.evaluations,
			effects: result.effects.map((e) => ({ ...e, label: spec(e.id).label, min: spec(e.id).min, max: spec(e.id).max }))
		});
	if (c.format === 'csv') {
		const header = 'assumption,grade,min,max,mu,mu_star,sigma,mu_star_runs_mean,mu_star_runs_p05,mu_star_runs_p95';
		const rows = result.effects.map((e) => [e.id, e.grade ?? '', spec(e.id).min, spec(e.id).max, e.mu, e.muStar, e.sigma, ...triple(e.muStarRuns)].map(csvCell).join(','));
		return [header, ...rows].join('\n') + '\n';
	}
	const style = unitStyle(c.outcome.unit);
	const largest = Math.max(0, ...result.effects.flatMap((e) => [Math.abs(e.mu), e.muStar, e.sigma].filter(Number.isFinite)));
	const d = decimalsFor(largest * style.scale, 3);
	const bare = { ...style, change: '', prefix: '' };
	const columns: Column[] = [
		{ header: 'assumption', shrink: true, minWidth: 20 },
		{ header: 'grade', optional: 2 },
		{ header: 'μ*', align: 'right' },
		{ header: 'μ', align: 'right' },
		{ header: 'σ', align: 'right' },
		{ header: 'μ* 5–95% of runs', align: 'right', optional: 1 }
	];
	const rows: Row[] = result.effects.map((e) => [
		spec(e.id).label,
		e.grade ?? '',
		formatChange(e.muStar, style, d).replace(/^\+/, ''),
		formatChange(e.mu, style, d),
		formatChange(e.sigma, style, d).replace(/^\+/, ''),
		Number.isFinite(e.muStarRuns.p05) ? `${formatChange(e.muStarRuns.p05, bare, d).replace(/^\+/, '')} to ${formatChange(e.muStarRuns.p95, bare, d).replace(/^\+/, '')}` : '–'
	]);
	return table(c, 'Sensitivity (Morris elementary effects)', [
		`${result.trajectories} trajectories on a grid of ${result.levels} levels (Δ = ${formatNumber(result.delta, 3)} of each range). An elementary effect is the change in the paired difference over an assumption's whole plausible range.`,
		'μ*: mean absolute effect (how much it matters); μ: mean signed effect (its usual direction); σ: spread across trajectories (interactions or curvature). Largest μ* first.'
	], columns, rows);
}

export function explainReport(result: ShapleyResult, inputs: readonly ChangedInput[], c: AnalysisContext): string {
	const input = (id: string) => inputs.find((i) => i.id === id)!;
	const style = unitStyle(c.outcome.unit);
	const d = decimalsOf(style, [result.total, ...result.contributions.map((k) => k.value)]);
	const sentence = explainSentence(result, c.outcome, (v) => formatChange(v, style, d));
	if (c.format === 'json')
		return json(c, 'shapley', {
			method: result.method,
			...(result.permutations !== undefined ? { permutations: result.permutations } : {}),
			evaluations: result.evaluations,
			total: result.total,
			contributions: result.contributions.map((k) => ({
				id: k.id,
				kind: input(k.id).kind,
				label: findParameter(k.id)?.label ?? k.id,
				from: input(k.id).from,
				to: input(k.id).to,
				...k.value,
				perRun: [...k.perRun]
			})),
			totalPerRun: [...result.totalPerRun],
			explanation: sentence
		});
	if (c.format === 'csv') {
		const header = 'input,kind,from,to,mean,p05,p95';
		const rows = result.contributions.map((k) => [k.id, input(k.id).kind, input(k.id).from, input(k.id).to, ...triple(k.value)].map(csvCell).join(','));
		return [header, ...rows, ['total', '', '', '', ...triple(result.total)].map(csvCell).join(',')].join('\n') + '\n';
	}
	const columns: Column[] = [
		{ header: 'changed input', shrink: true, minWidth: 20 },
		{ header: 'kind', optional: 2 },
		{ header: 'baseline → scenario', optional: 1 },
		{ header: 'contribution', align: 'right' },
		{ header: '5–95% of runs', align: 'right', optional: 1 }
	];
	const rows: Row[] = [
		...result.contributions.map((k) => [
			findParameter(k.id)?.label ?? k.id,
			input(k.id).kind,
			`${setting(input(k.id).from)} → ${setting(input(k.id).to)}`,
			formatChange(k.value.mean, style, d),
			range(k.value, style, d)
		]),
		['Total difference', '', '', formatChange(result.total.mean, style, d), range(result.total, style, d)]
	];
	const how =
		result.method === 'exact'
			? `Shapley values, exact over all ${formatCount(result.evaluations)} combinations of the changed inputs`
			: `Shapley values from ${formatCount(result.permutations ?? 0)} sampled orders of the ${inputs.length} changed inputs`;
	return table(c, 'What drives the difference', [sentence, `${how}, run by run on the same seeds; the contributions add up to the total.`], columns, rows);
}

/** The JSON document: what was compared, how, and the result. NaN becomes null. */
function json(c: AnalysisContext, method: string, result: Record<string, unknown>): string {
	const r = c.scenario.resolved;
	const s = scenarioRecord(r, c.scenario.overrides);
	const b = scenarioRecord(c.baseline.resolved, c.baseline.overrides);
	return (
		JSON.stringify({
			model: { name: MODEL_NAME, version: MODEL_VERSION },
			analysis: method,
			outcome: { id: c.outcome.id, label: c.outcome.label, unit: c.outcome.unit, better: c.outcome.better },
			figure: 'paired difference in the final figure (mean of each run\'s last 12 months), scenario minus baseline, run by run on common seeds',
			...s,
			baseline: b.scenario,
			baselineResolution: b.resolution,
			runs: r.runs,
			seeds: Array.from({ length: r.runs }, (_, i) => replicateSeed(r.seed, i)),
			months: r.months,
			citizens: r.population.citizens,
			...result
		}) + '\n'
	);
}

function table(c: AnalysisContext, title: string, notes: string[], columns: Column[], rows: Row[]): string {
	const r = c.scenario.resolved;
	const b = c.baseline.resolved;
	const style = unitStyle(c.outcome.unit);
	const rendered = renderTable(columns, rows, c.width);
	const hidden = rendered.hidden.map((h) => h.header);
	const head = [
		`${title}: ${c.outcome.label} (${c.outcome.id}${style.short ? `, ${style.short}` : ''}), ${r.id} minus ${b.id}`,
		...notes,
		...(hidden.length ? [`Left out for width: ${hidden.join(', ')} (a wider terminal or --format json shows them).`] : [])
	];
	const footer = `Exploratory, not a forecast. Model ${MODEL_NAME} ${MODEL_VERSION}; base seed ${r.seed}; ${formatCount(r.runs)} runs per paired ensemble; ${r.months} months; ${formatCount(r.population.citizens)} citizens.`;
	return [...head.flatMap((n) => wrap(n, c.width)), '', rendered.text, '', ...wrap(footer, c.width)].join('\n') + '\n';
}

function decimalsOf(style: UnitStyle, intervals: Interval[]): number {
	const largest = Math.max(0, ...intervals.flatMap((i) => [i.mean, i.p05, i.p95]).filter(Number.isFinite).map(Math.abs));
	return decimalsFor(largest * style.scale, 3);
}

function range(i: Interval, style: UnitStyle, d: number): string {
	if (!Number.isFinite(i.p05)) return '–';
	const bare = { ...style, change: '', prefix: '' };
	return `${formatChange(i.p05, bare, d)} to ${formatChange(i.p95, bare, d)}`;
}

function triple(i: Interval): number[] {
	return [i.mean, i.p05, i.p95];
}

function csvCell(v: string | number | boolean): string {
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	return csvField(String(v));
}

function setting(v: string | number): string {
	return typeof v === 'number' ? String(v) : `"${v}"`;
}

function list(items: string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The plain-words reading of a Shapley decomposition: the main contributors to a difference and
 * what, in the registry's own words, they act through. A lever that moves the outcome the better
 * way acts through its benefit; the worse way, through its cost; an assumption, through what it
 * means.
 */
import { findParameter } from '../model/parameters/registry';
import type { OutcomeSpec } from '../model/outcomes';
import type { Contribution, ShapleyResult } from './shapley';

/** Share of the contributions' total size the named contributors together reach. */
const COVERED = 0.8;
const MOST_NAMED = 3;
/** Contributions smaller than this share of the total size are never named. */
const NEGLIGIBLE = 0.05;

/** The main contributors: largest first until they cover 80% of the total size (at most three). */
export function mainContributors(result: ShapleyResult): Contribution[] {
	const size = result.contributions.reduce((s, c) => s + Math.abs(c.value.mean), 0);
	if (!(size > 0)) return [];
	const out: Contribution[] = [];
	let covered = 0;
	for (const c of result.contributions) {
		if (out.length === MOST_NAMED || covered >= COVERED * size) break;
		if (Math.abs(c.value.mean) < NEGLIGIBLE * size) break;
		out.push(c);
		covered += Math.abs(c.value.mean);
	}
	return out;
}

/** What an input acts through when it moves the outcome by `change`. */
export function actsThrough(id: string, change: number, outcome: Pick<OutcomeSpec, 'better'>): string {
	const p = findParameter(id);
	if (!p) return '';
	if (p.kind === 'assumption') return firstClause(p.meaning);
	if (outcome.better === 'neither' || change === 0) return firstClause(p.meaning);
	const better = (change > 0) === (outcome.better === 'higher');
	return firstClause(better ? p.benefit : p.cost);
}

/** "Crisis rate changes by −12 (…). Most of this comes from A (−8.1), through …; and B (…)." */
export function explainSentence(
	result: ShapleyResult,
	outcome: Pick<OutcomeSpec, 'label' | 'better'>,
	format: (value: number) => string
): string {
	const total = result.total.mean;
	const head = `${outcome.label} changes by ${format(total)} against the baseline (5–95% of runs: ${format(result.total.p05)} to ${format(result.total.p95)}).`;
	const main = mainContributors(result);
	if (main.length === 0) return `${head} None of the changed inputs moves it.`;
	const phrase = (c: Contribution) => {
		const through = actsThrough(c.id, c.value.mean, outcome);
		return `${labelOf(c.id)} (${format(c.value.mean)}${through ? `: ${through}` : ''})`;
	};
	const along = main.filter((c) => Math.sign(c.value.mean) === Math.sign(total) || total === 0);
	const against = main.filter((c) => !along.includes(c));
	const parts: string[] = [];
	if (along.length) parts.push(`${main.length === result.contributions.length ? 'It' : 'Most of it'} comes from ${join(along.map(phrase))}.`);
	if (against.length) parts.push(`${along.length ? 'Partly offsetting it' : 'Against it'}: ${join(against.map(phrase))}.`);
	return `${head} ${parts.join(' ')}`;
}

function labelOf(id: string): string {
	return findParameter(id)?.label ?? id;
}

/** The registry's text up to its first ";" or sentence end, lower-cased, cut at a word near 120 characters. */
function firstClause(text: string): string {
	const clause = text.split(/;|\.(\s|$)/)[0].trim();
	const lowered = /^[A-Z][a-z]/.test(clause) ? clause[0].toLowerCase() + clause.slice(1) : clause;
	if (lowered.length <= 120) return lowered;
	const cut = lowered.slice(0, 120);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).replace(/[,:]$/, '')}…`;
}

function join(items: string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
}

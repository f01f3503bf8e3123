/** Number formats shared by the tests' messages and the report. */
import type { Interval } from './experiments';

/** Three significant decimals for small figures, fewer for large ones; a dash for undefined. */
export function formatNumber(v: number | undefined): string {
	if (v === undefined || !Number.isFinite(v)) return '—';
	const a = Math.abs(v);
	return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(3);
}

/** Mean with the 5–95% interval across runs in brackets. */
export function formatInterval(i: Interval): string {
	return `${formatNumber(i.mean)} [${formatNumber(i.p05)}, ${formatNumber(i.p95)}]`;
}

/** A markdown table; pipes inside cells are escaped. */
export function markdownTable(head: string[], rows: string[][]): string[] {
	const cell = (s: string) => s.replace(/\|/g, '\\|');
	return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

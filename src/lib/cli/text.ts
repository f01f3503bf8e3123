/** Plain-text layout for a terminal: wrapping, aligned tables, cutting to a width. */

/** Display width of a string: one column per code point (the registry's text has no wide characters). */
export function width(text: string): number {
	let n = 0;
	for (const _ of text) n++;
	return n;
}

/** Cuts text to `max` columns, ending in "…" when anything was cut. */
export function cut(text: string, max: number): string {
	if (width(text) <= max) return text;
	return [...text].slice(0, Math.max(0, max - 1)).join('') + '…';
}

export function padEnd(text: string, n: number): string {
	return text + ' '.repeat(Math.max(0, n - width(text)));
}

export function padStart(text: string, n: number): string {
	return ' '.repeat(Math.max(0, n - width(text))) + text;
}

/** Words wrapped into lines of at most `max` columns (a longer word gets a line of its own). */
export function wrap(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && width(line) + 1 + width(word) > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines.length ? lines : [''];
}

export interface Column {
	header: string;
	align?: 'left' | 'right';
	/** The one column cut (with "…") when the table is wider than the terminal. */
	shrink?: boolean;
	/** Width the shrinking column keeps before optional columns are dropped. */
	minWidth?: number;
	/**
	 * Left out when the table does not fit even with the shrinking column at its minWidth;
	 * a number says which goes first (1 before 2); `true` is 1.
	 */
	optional?: boolean | number;
}

/** A row of cells, or a section heading printed on a line of its own. */
export type Row = string[] | { heading: string };

const HARD_MIN_WIDTH = 12;

export interface RenderedTable {
	text: string;
	/** Optional columns left out for want of width. */
	hidden: Column[];
}

/**
 * Rows aligned under their headers with two spaces between columns. When the table is wider
 * than `maxWidth`: the shrinking column is cut down to its minWidth; if that is not enough,
 * optional columns are left out from the left and the shrinking column regrows into the room
 * freed; last, it is cut further (to no less than 12 columns).
 */
export function renderTable(columns: readonly Column[], rows: readonly Row[], maxWidth = Infinity): RenderedTable {
	const cells = rows.filter((r): r is string[] => Array.isArray(r));
	const natural = columns.map((c, i) => Math.max(width(c.header), ...cells.map((r) => width(r[i] ?? ''))));
	const widths = [...natural];
	let shown = columns.map((_, i) => i);
	const total = () => shown.reduce((sum, i) => sum + widths[i], 0) + 2 * (shown.length - 1);
	const shrink = columns.findIndex((c) => c.shrink);
	const fitShrinking = (least: number) => {
		if (shrink < 0) return;
		const room = widths[shrink] + maxWidth - total();
		widths[shrink] = Math.min(natural[shrink], Math.max(Math.min(least, natural[shrink]), room));
	};
	if (total() > maxWidth) fitShrinking(columns[shrink]?.minWidth ?? HARD_MIN_WIDTH);
	const rank = (c: Column) => (c.optional === true ? 1 : Number(c.optional));
	const droppable = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.optional).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i);
	for (const { i } of droppable) if (total() > maxWidth) shown = shown.filter((j) => j !== i);
	if (shown.length < columns.length) fitShrinking(HARD_MIN_WIDTH);
	const line = (row: string[]) =>
		shown
			.map((i) => {
				const text = cut(row[i] ?? '', widths[i]);
				return columns[i].align === 'right' ? padStart(text, widths[i]) : padEnd(text, widths[i]);
			})
			.join('  ')
			.trimEnd();
	return {
		text: [line(columns.map((c) => c.header)), ...rows.map((r) => (Array.isArray(r) ? line(r) : r.heading))].join('\n'),
		hidden: columns.filter((_, i) => !shown.includes(i))
	};
}

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Numbers for people: rounded to what the ensemble can tell apart, with units a reader knows.
 * Units come from the outcome registry; unknown units get plain numbers, so new outcomes
 * print sensibly without changes here.
 */

const MINUS = '\u2212';

export interface UnitStyle {
	/** Multiplier from model units to shown units (a share is shown in percent). */
	scale: number;
	/** Written after a level ("%") and after a difference (" pp"). */
	level: string;
	change: string;
	/** Written before the number ("£"). */
	prefix: string;
	/** The unit as a table's unit column shows it. */
	short: string;
}

/** How values of a registry unit are shown. */
export function unitStyle(unit: string): UnitStyle {
	if (unit === 'share') return { scale: 100, level: '%', change: ' pp', prefix: '', short: '%' };
	if (unit === 'percentage points') return { scale: 1, level: ' pp', change: ' pp', prefix: '', short: 'pp' };
	if (unit.startsWith('£')) return { scale: 1, level: '', change: '', prefix: '£', short: shortUnit(unit) };
	return { scale: 1, level: '', change: '', prefix: '', short: shortUnit(unit) };
}

/** "per 1,000 per year" → "per 1,000/yr": registry units shortened for a table column. */
export function shortUnit(unit: string): string {
	return unit
		.replace(/ per year$/, '/yr')
		.replace(/ per month$/, '/month')
		.replace(/^percentage points$/, 'pp');
}

/** Decimals that show `significant` digits of the largest magnitude in `scale` (0–6). */
export function decimalsFor(scale: number, significant: number): number {
	if (!(scale > 0) || !Number.isFinite(scale)) return 0;
	return Math.min(6, Math.max(0, significant - 1 - Math.floor(Math.log10(scale))));
}

/** A number with `decimals` decimals, thousands grouped, a true minus sign; "–" for undefined. */
export function formatNumber(value: number, decimals: number, signed = false): string {
	if (!Number.isFinite(value)) return '–';
	const fixed = Math.abs(value).toFixed(decimals);
	const isZero = Number(fixed) === 0;
	const [whole, fraction] = fixed.split('.');
	const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
	const sign = isZero ? '' : value < 0 ? MINUS : signed ? '+' : '';
	return sign + grouped + (fraction ? `.${fraction}` : '');
}

/** A level of an outcome ("60.4%", "£1,234", "23.4"). */
export function formatLevel(value: number, style: UnitStyle, decimals: number): string {
	if (!Number.isFinite(value)) return '–';
	const text = formatNumber(value * style.scale, decimals);
	return insertPrefix(text, style.prefix) + style.level;
}

/** A difference of an outcome ("+1.5 pp", "−£56", "0.0"). */
export function formatChange(value: number, style: UnitStyle, decimals: number): string {
	if (!Number.isFinite(value)) return '–';
	const text = formatNumber(value * style.scale, decimals, true);
	return insertPrefix(text, style.prefix) + style.change;
}

/** "−1,234" with "£" → "−£1,234". */
function insertPrefix(text: string, prefix: string): string {
	if (!prefix) return text;
	return /^[+\u2212]/.test(text) ? text[0] + prefix + text.slice(1) : prefix + text;
}

/** "1 min 05 s", "2 h 10 min", "12 s", "under a second". */
export function formatDuration(seconds: number): string {
	if (!Number.isFinite(seconds)) return 'unknown';
	if (seconds < 0.5) return 'under a second';
	const s = Math.round(seconds);
	if (s < 60) return `${s} s`;
	if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
	const minutes = Math.round(s / 60);
	if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
	return `${(minutes / 1440).toFixed(1)} days`;
}

/** "120 MB", "3.2 GB". */
export function formatBytes(bytes: number): string {
	if (bytes < 1e9) return `${Math.max(1, Math.round(bytes / 1e6)).toLocaleString('en-GB')} MB`;
	return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** 20000 → "20,000". */
export function formatCount(n: number): string {
	return formatNumber(n, 0);
}

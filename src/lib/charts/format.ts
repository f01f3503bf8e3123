/** Numbers as a policymaker reads them: shares as percentages, units in words. */
import { format } from 'd3-format';

const pct = format('.0%');
const pct1 = format('.1%');
/** Plain numbers: whole numbers from 100, one decimal from 10, two below (no misleading precision). */
function num(value: number): string {
	const a = Math.abs(value);
	return format(a >= 100 ? ',.0f' : a >= 10 ? '.1f' : '.2f')(value);
}
const money = format(',.0f');

/** Whether an outcome's unit is a share of something (shown as a percentage). */
export function isShare(unit: string): boolean {
	return unit === 'share';
}

/** A value with its unit, for tables and labels. */
export function formatValue(value: number | null | undefined, unit: string, precise = false): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	if (isShare(unit)) return (precise ? pct1 : pct)(value);
	if (unit.startsWith('£')) return `£${money(value)}${unit.length > 1 ? unit.slice(1) : ''}`;
	return num(value);
}

/** A difference with its sign, in the outcome's unit (shares as percentage points). */
export function formatDifference(value: number | null | undefined, unit: string): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	if (value === 0) return '±0';
	const sign = value > 0 ? '+' : '−';
	const magnitude = Math.abs(value);
	if (isShare(unit)) return `${sign}${format('.1f')(magnitude * 100)} pts`;
	if (unit.startsWith('£')) return `${sign}£${money(magnitude)}`;
	return `${sign}${num(magnitude)}`;
}

/** The unit as words under a chart title ("%" for shares). */
export function unitLabel(unit: string): string {
	return isShare(unit) ? 'per cent' : unit;
}

/** Axis tick text: short, no unit. */
export function tickFormat(unit: string, step: number): (v: number) => string {
	if (isShare(unit)) return (v) => pct(v).replace(/^−?0%$/, '0%');
	if (step >= 1) return format(',~d');
	return format(`,.${Math.min(4, Math.max(0, -Math.floor(Math.log10(step))))}f`);
}

/** "higher is better" and friends, as words. */
export function betterLabel(better: 'higher' | 'lower' | 'neither'): string {
	return better === 'higher' ? 'higher is better' : better === 'lower' ? 'lower is better' : 'neither higher nor lower is better';
}

/** Months as years on the time axis: month 0 is the start of year 1. */
export function yearOf(month: number): number {
	return month / 12;
}

/** A lever or assumption value with its unit, short. */
export function formatSetting(value: number | string, unit: string): string {
	if (typeof value === 'string') return 'scheduled';
	if (unit === 'share') return pct(value);
	// Settings are exact numbers someone typed: show them as they are, to three decimals at most.
	return `${format(',.3~f')(value)}${unit && unit !== '0–1' ? ` ${unit}` : ''}`;
}

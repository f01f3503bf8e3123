import { describe, expect, test } from 'vitest';
import { decimalsFor, formatBytes, formatChange, formatDuration, formatLevel, formatNumber, unitStyle } from './number-format';

describe('rounding and units', () => {
	test('decimals show the asked significant digits of the largest magnitude', () => {
		expect(decimalsFor(60.4, 3)).toBe(1);
		expect(decimalsFor(0.00843, 3)).toBe(5);
		expect(decimalsFor(5382, 3)).toBe(0);
		expect(decimalsFor(3.1, 2)).toBe(1);
		expect(decimalsFor(0, 3)).toBe(0);
		expect(decimalsFor(NaN, 3)).toBe(0);
		expect(decimalsFor(1e-12, 3)).toBe(6);
	});

	test('numbers: thousands grouped, a true minus sign, no "−0", a dash for undefined', () => {
		expect(formatNumber(20000, 0)).toBe('20,000');
		expect(formatNumber(1234.5, 1)).toBe('1,234.5');
		expect(formatNumber(-2.5, 1)).toBe('\u22122.5');
		expect(formatNumber(-0.0001, 2, true)).toBe('0.00');
		expect(formatNumber(0.5, 1, true)).toBe('+0.5');
		expect(formatNumber(NaN, 1)).toBe('–');
		expect(formatNumber(Infinity, 1)).toBe('–');
	});

	test('a share is a percentage and its change is in percentage points; money has a pound sign', () => {
		const share = unitStyle('share');
		expect(formatLevel(0.604, share, 1)).toBe('60.4%');
		expect(formatChange(-0.025, share, 1)).toBe('\u22122.5 pp');
		const pounds = unitStyle('£ per year');
		expect(formatLevel(2012.4, pounds, 0)).toBe('£2,012');
		expect(formatChange(-56, pounds, 0)).toBe('\u2212£56');
		expect(pounds.short).toBe('£/yr');
		expect(unitStyle('per 1,000 per year').short).toBe('per 1,000/yr');
		expect(unitStyle('percentage points').short).toBe('pp');
	});

	test('an unknown unit (a new outcome) prints plain numbers and keeps its name', () => {
		const style = unitStyle('cases per 1,000 people');
		expect(formatLevel(12.34, style, 1)).toBe('12.3');
		expect(style.short).toBe('cases per 1,000 people');
	});

	test('durations and sizes read naturally', () => {
		expect(formatDuration(0.3)).toBe('under a second');
		expect(formatDuration(12.4)).toBe('12 s');
		expect(formatDuration(65)).toBe('1 min 05 s');
		expect(formatDuration(7800)).toBe('2 h 10 min');
		expect(formatDuration(5 * 86400)).toBe('5.0 days');
		expect(formatBytes(120e6)).toBe('120 MB');
		expect(formatBytes(3.21e9)).toBe('3.2 GB');
	});
});

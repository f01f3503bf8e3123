import { describe, expect, test } from 'vitest';
import { bandChartGeometry, yDomain } from './geometry';
import { formatDifference, formatValue, tickFormat } from './format';

const frame = { width: 300, height: 150, margin: { top: 10, right: 10, bottom: 20, left: 40 } };

describe('band chart geometry', () => {
	test('the y domain covers every band and includes zero when asked', () => {
		const s = { p05: [0.2, 0.3], p50: [0.3, 0.4], p95: [0.5, 0.6] };
		expect(yDomain([s], false)).toEqual([0.2, 0.6]);
		expect(yDomain([s], true)).toEqual([0, 0.6]);
		expect(yDomain([{ p05: [NaN], p50: [NaN], p95: [NaN] }], false)).toEqual([0, 1]);
		const flat = yDomain([{ p05: [2, 2], p50: [2, 2], p95: [2, 2] }], false);
		expect(flat[0]).toBeLessThan(2);
		expect(flat[1]).toBeGreaterThan(2);
	});

	test('paths skip undefined months instead of drawing to zero; x ticks fall on whole years', () => {
		const months = 36;
		const p50 = Array.from({ length: months }, (_, t) => (t === 5 ? NaN : t));
		const g = bandChartGeometry([{ p05: p50, p50, p95: p50 }], months, frame, false);
		expect(g.paths[0].median.match(/M/g)!.length).toBe(2);
		expect(g.xTicks).toEqual([0, 12, 24]);
		expect(g.x(0)).toBe(40);
		expect(g.x(35)).toBe(290);
		expect(g.y(g.y.domain()[0])).toBe(130);
	});
});

describe('formats', () => {
	test('shares as percentages, differences signed in points, money in pounds, missing as a dash', () => {
		expect(formatValue(0.456, 'share')).toBe('46%');
		expect(formatValue(12.345, 'days')).toBe('12.3');
		expect(formatValue(0.0281, 'percentage points')).toBe('0.03');
		expect(formatValue(1234.5, '£ per year')).toBe('£1,235 per year');
		expect(formatValue(NaN, 'days')).toBe('–');
		expect(formatDifference(-0.0123, 'share')).toBe('−1.2 pts');
		expect(formatDifference(3, 'days')).toBe('+3.00');
		expect(formatDifference(0, 'days')).toBe('±0');
		expect(tickFormat('share', 0.1)(0.3)).toBe('30%');
		expect(tickFormat('days', 0.5)(1.5)).toBe('1.5');
	});
});

import { describe, expect, test } from 'vitest';
import { compileExpression } from '../scenario/index';
import { roundToStep, scheduleExpression, sliderStep } from './schedule';

function valuesOf(expression: string, months: number): number[] {
	const compiled = compileExpression(expression);
	if (!compiled.ok) throw new Error(compiled.error);
	return Array.from({ length: months }, (_, t) => {
		const v = compiled.value(t);
		if (v.kind !== 'number') throw new Error(`month ${t}: ${v.kind}`);
		return v.value;
	});
}

describe('schedule expressions', () => {
	test('a step holds "from" before the start month and "to" from it on', () => {
		const e = scheduleExpression({ kind: 'step', from: 0.6, to: 0.2, start: 3, length: 0 });
		expect(valuesOf(e, 5)).toEqual([0.6, 0.6, 0.6, 0.2, 0.2]);
	});

	test('a ramp moves evenly from "from" to "to" over its length, then stays', () => {
		const e = scheduleExpression({ kind: 'ramp', from: 0, to: 1, start: 2, length: 4 });
		expect(valuesOf(e, 8)).toEqual([0, 0, 0, 0.25, 0.5, 0.75, 1, 1]);
	});
});

describe('slider steps', () => {
	test('about a hundred steps on round numbers, and values rounded to them', () => {
		expect(sliderStep(0, 1)).toBe(0.01);
		expect(sliderStep(-0.03, 0.08)).toBe(0.001);
		expect(sliderStep(0, 36)).toBe(0.1);
		expect(roundToStep(0.1 + 0.2, 0.01)).toBe(0.3);
	});
});

import { describe, expect, test } from 'vitest';
import { fragileConclusions, tornado, tornadoEvaluations } from './tornado';
import { evaluateCase, lastFirst, type LinearCase } from './test-functions';

const linear: LinearCase = {
	factors: [
		{ id: 'a', min: 0, max: 2, grade: 'weak' },
		{ id: 'b', min: -1, max: 1, grade: 'moderate' },
		{ id: 'c', min: 10, max: 30, grade: 'assumption' }
	],
	given: { a: 1, b: 0, c: 20 },
	coefficients: { a: 3, b: -0.5, c: 0.01 },
	offsets: [-0.2, 0, 0.1, 0.4]
};

describe('tornado on a linear function', () => {
	test('each bar swings by coefficient × range and bars are sorted by size', async () => {
		const result = await tornado(linear.factors, (p) => evaluateCase(linear, p));
		expect(result.bars.map((b) => b.id)).toEqual(['a', 'b', 'c']);
		const [a, b, c] = result.bars;
		expect(a.swing.mean).toBeCloseTo(3 * 2, 12);
		expect(b.swing.mean).toBeCloseTo(-0.5 * 2, 12);
		expect(c.swing.mean).toBeCloseTo(0.01 * 20, 12);
		// Common offsets cancel run by run: no spread in the swing.
		expect(a.swing.p05).toBeCloseTo(a.swing.p95, 12);
		expect(a.changeAtLow.mean).toBeCloseTo(-3, 12);
		expect(a.changeAtHigh.mean).toBeCloseTo(3, 12);
		expect(b.changeAtLow.mean).toBeCloseTo(0.5, 12);
	});

	test('the paired difference as given has the spread of the runs', async () => {
		const result = await tornado(linear.factors, (p) => evaluateCase(linear, p));
		expect(result.base.mean).toBeCloseTo(3 - 0 + 0.2 + 0.075, 12);
		expect(result.base.p95 - result.base.p05).toBeGreaterThan(0.4);
	});

	test('states and makes 1 + 2k evaluations', async () => {
		let calls = 0;
		const result = await tornado(linear.factors, (p) => {
			calls++;
			return evaluateCase(linear, p);
		});
		expect(tornadoEvaluations(3)).toBe(7);
		expect(calls).toBe(7);
		expect(result.evaluations).toBe(7);
	});
});

describe('fragile conclusions', () => {
	// Difference 3a − 2.5 at a = 1 is +0.5; at a's low end (0) it is −2.5: a flips it.
	const flipping: LinearCase = {
		factors: [
			{ id: 'a', min: 0, max: 2, grade: 'weak' },
			{ id: 'k', min: -10, max: 10, grade: 'strong' },
			{ id: 'b', min: 0, max: 1, grade: 'assumption' }
		],
		given: { a: 1, k: -2.5, b: 0 },
		coefficients: { a: 3, k: 1, b: 0.1 },
		offsets: [0, 0.01]
	};

	test('a sign flip under a weak or assumption grade is fragile, and named', async () => {
		const result = await tornado(flipping.factors, (p) => evaluateCase(flipping, p));
		const byId = Object.fromEntries(result.bars.map((b) => [b.id, b]));
		expect(byId.a.signFlips).toBe(true);
		expect(byId.a.fragile).toBe(true);
		// k flips it too, but it is graded strong: a flip, not a fragile conclusion.
		expect(byId.k.signFlips).toBe(true);
		expect(byId.k.fragile).toBe(false);
		expect(byId.b.signFlips).toBe(false);
		expect(fragileConclusions(result).map((b) => b.id)).toEqual(['a']);
	});
});

test('the same inputs give the same numbers', async () => {
	const one = await tornado(linear.factors, (p) => evaluateCase(linear, p));
	const two = await tornado(linear.factors, (p) => evaluateCase(linear, p));
	expect(JSON.stringify(two)).toBe(JSON.stringify(one));
});

test('asks for the whole design at once and places results by design point, whatever order they finish in', async () => {
	const inOrder = await tornado(linear.factors, (p) => evaluateCase(linear, p));
	const threads = lastFirst((p: Parameters<typeof evaluateCase>[1]) => evaluateCase(linear, p));
	const result = await tornado(linear.factors, threads.evaluate);
	expect(threads.peak()).toBe(tornadoEvaluations(3));
	expect(JSON.stringify(result)).toBe(JSON.stringify(inOrder));
});

import { describe, expect, test } from 'vitest';
import { shapley, shapleyEvaluations } from './shapley';
import { EVALUATIONS_IN_FLIGHT } from './evaluate-all';
import { lastFirst } from './test-functions';

const offsets = [-1, 0, 0.5, 2];

/** Inputs switch from `from` to `to`; f is evaluated at the mixed point, per run. */
function coalitions(from: number[], to: number[], f: (x: number[]) => number) {
	return (members: readonly boolean[]) => {
		const x = members.map((m, i) => (m ? to[i] : from[i]));
		return Float64Array.from(offsets, (o) => f(x) + o * (1 + 0.1 * x[0]));
	};
}

function sumOf(values: number[]): number {
	return values.reduce((s, v) => s + v, 0);
}

describe('exact Shapley values', () => {
	test('of a linear function: each term\'s own change', async () => {
		const c = [2, -3, 0.5];
		const from = [1, 1, 4];
		const to = [3, 0, 4.5];
		const result = await shapley(['x', 'y', 'z'], coalitions(from, to, (x) => c[0] * x[0] + c[1] * x[1] + c[2] * x[2]));
		expect(result.method).toBe('exact');
		const byId = Object.fromEntries(result.contributions.map((k) => [k.id, k.value.mean]));
		// The offset term depends on x too: 0.1 × offset × Δx, whose mean over runs is 0.0375 × 2.
		expect(byId.x).toBeCloseTo(2 * 2 + 0.1 * 2 * 0.375, 12);
		expect(byId.y).toBeCloseTo(3, 12);
		expect(byId.z).toBeCloseTo(0.25, 12);
		expect(result.contributions.map((k) => k.id)).toEqual(['x', 'y', 'z']);
	});

	test('of x·y: the interaction splits equally', async () => {
		const result = await shapley(['x', 'y'], coalitions([0, 0], [2, 3], (x) => x[0] * x[1]));
		const [first, second] = result.contributions;
		// Without the offsets' x term each gets 3; that term is all x's.
		const yValue = result.contributions.find((k) => k.id === 'y')!;
		expect(yValue.value.mean).toBeCloseTo(3, 12);
		expect(first.value.mean + second.value.mean).toBeCloseTo(result.total.mean, 12);
		expect(result.evaluations).toBe(4);
	});

	test('contributions add up to the total difference, run by run', async () => {
		const f = (x: number[]) => x[0] * x[1] - x[2] ** 2 + Math.sin(x[3]) * x[0] + x[4] * x[5] * x[6];
		const from = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
		const to = [1.3, -0.4, 2, 1, 0, 1.5, -2];
		const result = await shapley(['a', 'b', 'c', 'd', 'e', 'f', 'g'], coalitions(from, to, f));
		for (let r = 0; r < offsets.length; r++)
			expect(sumOf(result.contributions.map((k) => k.perRun[r]))).toBeCloseTo(result.totalPerRun[r], 12);
		expect(sumOf(result.contributions.map((k) => k.value.mean))).toBeCloseTo(result.total.mean, 12);
		expect(result.evaluations).toBe(2 ** 7);
	});

	test('an input that changes nothing gets nothing', async () => {
		const result = await shapley(['x', 'idle'], coalitions([0, 0], [1, 5], (x) => 4 * x[0]));
		expect(result.contributions.find((k) => k.id === 'idle')!.value.mean).toBe(0);
	});
});

describe('sampled Shapley values beyond the exact limit', () => {
	const n = 10;
	const from = Array.from({ length: n }, (_, i) => i / 10);
	const to = Array.from({ length: n }, (_, i) => 1 + i / 5);
	const ids = from.map((_, i) => `i${i}`);

	test('still add up exactly and are exact for a linear function', async () => {
		const c = ids.map((_, i) => (i % 2 ? -1 : 2) * (i + 1));
		const linear = (x: number[]) => x.reduce((s, v, i) => s + c[i] * v, 0);
		const result = await shapley(ids, coalitions(from, to, linear), { permutations: 20, seed: 4 });
		expect(result.method).toBe('sampled');
		expect(result.permutations).toBe(20);
		for (let r = 0; r < offsets.length; r++)
			expect(sumOf(result.contributions.map((k) => k.perRun[r]))).toBeCloseTo(result.totalPerRun[r], 10);
		const i5 = result.contributions.find((k) => k.id === 'i5')!;
		expect(i5.value.mean).toBeCloseTo(c[5] * (to[5] - from[5]), 10);
		expect(result.evaluations).toBeLessThanOrEqual(shapleyEvaluations(n, { permutations: 20 }));
	});

	test('with an interaction: close to the exact values, and the same for the same seed', async () => {
		const f = (x: number[]) => x[0] * x[1] + x.slice(2).reduce((s, v) => s + v, 0);
		const sampled = await shapley(ids, coalitions(from, to, f), { permutations: 400, seed: 8 });
		const exact = await shapley(ids, coalitions(from, to, f), { exactUpTo: 10 });
		const get = (r: typeof sampled, id: string) => r.contributions.find((k) => k.id === id)!.value.mean;
		expect(get(sampled, 'i1')).toBeCloseTo(get(exact, 'i1'), 1);
		expect(get(sampled, 'i4')).toBeCloseTo(get(exact, 'i4'), 10);
		const again = await shapley(ids, coalitions(from, to, f), { permutations: 400, seed: 8 });
		expect(JSON.stringify(again.contributions.map((k) => k.value))).toBe(JSON.stringify(sampled.contributions.map((k) => k.value)));
	});
});

describe('evaluation', () => {
	const f = (x: number[]) => x[0] * x[1] - x[2] ** 2 + x.slice(3).reduce((s, v) => s + v, 0);
	const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
	const from = ids.map((_, i) => i / 10);
	const to = ids.map((_, i) => 1 - i / 5);

	test('asks for the coalitions at once, each once, and places results by coalition, whatever order they finish in', async () => {
		const options = { permutations: 12, seed: 3 };
		const inOrder = await shapley(ids, coalitions(from, to, f), options);
		const threads = lastFirst(coalitions(from, to, f));
		const result = await shapley(ids, threads.evaluate, options);
		expect(result.evaluations).toBeLessThan(EVALUATIONS_IN_FLIGHT);
		expect(threads.peak()).toBe(result.evaluations);
		expect(JSON.stringify(result)).toBe(JSON.stringify(inOrder));
	});

	test('exact over 2^10 coalitions: no more than the limit in flight, the same numbers', async () => {
		const inOrder = await shapley(ids, coalitions(from, to, f), { exactUpTo: 10 });
		const threads = lastFirst(coalitions(from, to, f));
		const result = await shapley(ids, threads.evaluate, { exactUpTo: 10 });
		expect(result.evaluations).toBe(1024);
		expect(threads.peak()).toBe(EVALUATIONS_IN_FLIGHT);
		expect(JSON.stringify(result)).toBe(JSON.stringify(inOrder));
	});
});

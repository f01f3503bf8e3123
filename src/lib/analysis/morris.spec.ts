import { describe, expect, test } from 'vitest';
import { morris, morrisDelta, morrisDesign, morrisEvaluations, morrisModelRuns } from './morris';
import { evaluateCase, lastFirst, type LinearCase } from './test-functions';

const linear: LinearCase = {
	factors: [
		{ id: 'a', min: 0, max: 2 },
		{ id: 'b', min: -1, max: 1 },
		{ id: 'c', min: 10, max: 30 },
		{ id: 'd', min: 0, max: 1 }
	],
	given: { a: 1, b: 0, c: 20, d: 0.5 },
	coefficients: { a: 3, b: -0.5, c: 0.01, d: 0 },
	offsets: [-0.3, 0.2, 0.5]
};

describe('the Morris design', () => {
	test('Δ = p / (2(p − 1))', () => {
		expect(morrisDelta(4)).toBeCloseTo(2 / 3, 15);
		expect(morrisDelta(6)).toBeCloseTo(0.6, 15);
	});

	test('each trajectory moves every factor once by ±Δ on the grid, inside the unit hypercube', () => {
		const p = 6;
		const delta = morrisDelta(p);
		for (const t of morrisDesign(5, { trajectories: 20, levels: p, seed: 3 })) {
			expect(t.points).toHaveLength(6);
			expect([...t.order].sort()).toEqual([0, 1, 2, 3, 4]);
			t.order.forEach((i, j) => {
				const before = t.points[j];
				const after = t.points[j + 1];
				for (let m = 0; m < 5; m++) expect(after[m] - before[m]).toBeCloseTo(m === i ? t.direction[i] * delta : 0, 12);
			});
			for (const point of t.points)
				for (const u of point) {
					expect(u).toBeGreaterThanOrEqual(0);
					expect(u).toBeLessThanOrEqual(1);
					expect(u * (p - 1)).toBeCloseTo(Math.round(u * (p - 1)), 9);
				}
		}
	});

	test('the same seed gives the same design; another seed another', () => {
		const a = morrisDesign(4, { trajectories: 5, seed: 11 });
		const b = morrisDesign(4, { trajectories: 5, seed: 11 });
		const c = morrisDesign(4, { trajectories: 5, seed: 12 });
		const text = (d: typeof a) => JSON.stringify(d.map((t) => t.points.map((p) => [...p])));
		expect(text(b)).toBe(text(a));
		expect(text(c)).not.toBe(text(a));
	});

	test('refuses odd levels and no trajectories', () => {
		expect(() => morrisDesign(3, { trajectories: 2, levels: 5, seed: 1 })).toThrow(/even/);
		expect(() => morrisDesign(3, { trajectories: 0, seed: 1 })).toThrow(/trajectory/);
	});

	test('states its model runs as r × (k + 1) × runs × 2 arms', () => {
		expect(morrisEvaluations(20, 10)).toBe(210);
		expect(morrisModelRuns(20, 10, 4)).toBe(1680);
	});
});

describe('Morris on a linear function', () => {
	test('μ* = |coefficient| × range, μ signed, σ = 0', async () => {
		let calls = 0;
		const result = await morris(
			linear.factors,
			(p) => {
				calls++;
				return evaluateCase(linear, p);
			},
			{ trajectories: 8, seed: 5 }
		);
		expect(calls).toBe(morrisEvaluations(4, 8));
		expect(result.effects.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
		const [a, b, c, d] = result.effects;
		expect(a.muStar).toBeCloseTo(6, 10);
		expect(a.mu).toBeCloseTo(6, 10);
		expect(b.muStar).toBeCloseTo(1, 10);
		expect(b.mu).toBeCloseTo(-1, 10);
		expect(c.muStar).toBeCloseTo(0.2, 10);
		expect(d.muStar).toBeCloseTo(0, 12);
		for (const e of result.effects) expect(e.sigma).toBeCloseTo(0, 10);
		expect(a.muStarRuns.p05).toBeCloseTo(6, 10);
		expect(a.muStarRuns.p95).toBeCloseTo(6, 10);
	});

	test('an interaction shows as σ > 0 for the factors in it only', async () => {
		const withProduct: LinearCase = { ...linear, interaction: 4 };
		const result = await morris(withProduct.factors, (p) => evaluateCase(withProduct, p), { trajectories: 12, seed: 2 });
		const byId = Object.fromEntries(result.effects.map((e) => [e.id, e]));
		expect(byId.a.sigma).toBeGreaterThan(0.5);
		expect(byId.b.sigma).toBeGreaterThan(0.5);
		expect(byId.c.sigma).toBeCloseTo(0, 10);
	});

	test('the same inputs give the same numbers', async () => {
		const run = () => morris(linear.factors, (p) => evaluateCase({ ...linear, interaction: 1 }, p), { trajectories: 6, seed: 9 });
		expect(JSON.stringify(await run())).toBe(JSON.stringify(await run()));
	});

	test('asks for every point of every trajectory at once and places results by point, whatever order they finish in', async () => {
		const withProduct: LinearCase = { ...linear, interaction: 1 };
		const inOrder = await morris(linear.factors, (p) => evaluateCase(withProduct, p), { trajectories: 6, seed: 9 });
		const threads = lastFirst((p: Parameters<typeof evaluateCase>[1]) => evaluateCase(withProduct, p));
		const result = await morris(linear.factors, threads.evaluate, { trajectories: 6, seed: 9 });
		expect(threads.peak()).toBe(morrisEvaluations(4, 6));
		expect(JSON.stringify(result)).toBe(JSON.stringify(inOrder));
	});
});

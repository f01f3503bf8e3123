import { describe, expect, test } from 'vitest';
import { latinHypercube, scaleTo } from './latin-hypercube';

describe('Latin hypercube', () => {
	test.each([1, 2, 7, 50])('with %i points every stratum of every dimension holds exactly one point', (n) => {
		const points = latinHypercube(n, 3, 11);
		expect(points).toHaveLength(n);
		for (let d = 0; d < 3; d++) {
			const strata = points.map((p) => Math.floor(p[d] * n)).sort((a, b) => a - b);
			expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
			for (const p of points) expect(p[d] >= 0 && p[d] < 1).toBe(true);
		}
	});

	test('the same seed gives the same sample; another seed another; adding a dimension leaves the others as they were', () => {
		expect(latinHypercube(20, 2, 5)).toEqual(latinHypercube(20, 2, 5));
		expect(latinHypercube(20, 2, 6)).not.toEqual(latinHypercube(20, 2, 5));
		const wider = latinHypercube(20, 3, 5).map((p) => p.slice(0, 2));
		expect(wider).toEqual(latinHypercube(20, 2, 5));
	});

	test('scaleTo maps [0, 1) onto [min, max)', () => {
		expect(scaleTo(0, 20, 100)).toBe(20);
		expect(scaleTo(0.5, 20, 100)).toBe(60);
	});
});

import { describe, expect, test } from 'vitest';
import { createStream } from './rng';
import { selectRank } from './select-rank';

/** n values, a share of them tied at 0 or 1 (as clamped deprivation is), or from a few levels only. */
function values(n: number, seed: number, kind: 'clamped' | 'few levels'): Float32Array {
	const rng = createStream(seed, 0, 'select-rank-spec');
	const out = new Float32Array(n);
	for (let i = 0; i < n; i++) {
		const u = rng.next();
		out[i] = kind === 'clamped' ? Math.min(1, Math.max(0, 1.4 * u - 0.2)) : Math.floor(u * 4) / 4;
	}
	return out;
}

describe('selectRank', () => {
	for (const kind of ['clamped', 'few levels'] as const) {
		test(`gives the value a sort puts at each rank, and splits the range about it (${kind})`, () => {
			for (const n of [1, 2, 3, 7, 100, 2_001]) {
				const original = values(n, n, kind);
				const sorted = Float32Array.from(original).sort();
				for (const k of [0, n - 1, n >> 1, Math.floor(n / 5)]) {
					const work = Float32Array.from(original);
					expect(selectRank(work, k), `n ${n}, k ${k}`).toBe(sorted[k]);
					expect(work[k]).toBe(sorted[k]);
					for (let i = 0; i < k; i++) expect(work[i]).toBeLessThanOrEqual(work[k]);
					for (let i = k + 1; i < n; i++) expect(work[i]).toBeGreaterThanOrEqual(work[k]);
					// A rearrangement, nothing lost or added.
					expect(Float32Array.from(work).sort()).toEqual(sorted);
				}
			}
		});
	}

	test('increasing ranks selected each from the last give the sorted cut points (as the quintiles use it)', () => {
		const original = values(10_007, 5, 'clamped');
		const sorted = Float32Array.from(original).sort();
		const work = Float32Array.from(original);
		let from = 0;
		for (let b = 1; b < 5; b++) {
			const rank = Math.floor((b * work.length) / 5);
			expect(selectRank(work, rank, from)).toBe(sorted[rank]);
			from = rank;
		}
	});

	test('a rank outside the range is refused, not answered with a wrong value', () => {
		const work = values(10, 1, 'clamped');
		expect(() => selectRank(work, 10)).toThrow(RangeError);
		expect(() => selectRank(work, -1)).toThrow(RangeError);
		expect(() => selectRank(work, 2, 3)).toThrow(RangeError);
	});
});

import { describe, expect, test } from 'vitest';
import { clearMonth, createAreaFlows, monthAt, recordResults, shareAt } from './area-flows';
import { createStream } from './rng';

/** Three areas of two providers each (providers 0–1, 2–3, 4–5). */
const twoEach = () => createAreaFlows(Int32Array.from([0, 2, 4]), Int32Array.from([2, 2, 2]));

describe('area flows: money following users, area by area', () => {
	test("every area starts with its own providers in equal shares and nobody else's", () => {
		const flows = twoEach();
		for (let a = 0; a < 3; a++) {
			for (let k = 0; k < 6; k++) expect(shareAt(flows, a, k)).toBe(k >> 1 === a ? 0.5 : 0);
			expect(Array.from(flows.providers[a].subarray(0, flows.count[a]))).toEqual([2 * a, 2 * a + 1]);
		}
	});

	test('results at a provider in another area add it to the list, in provider order, with no share yet', () => {
		const flows = twoEach();
		recordResults(flows, 1, 5, 2);
		recordResults(flows, 1, 0, 1);
		recordResults(flows, 1, 5, 1);
		expect(Array.from(flows.providers[1].subarray(0, flows.count[1]))).toEqual([0, 2, 3, 5]);
		expect([0, 2, 3, 5].map((k) => monthAt(flows, 1, k))).toEqual([1, 0, 0, 3]);
		expect([0, 2, 3, 5].map((k) => shareAt(flows, 1, k))).toEqual([0, 0.5, 0.5, 0]);
		expect(monthAt(flows, 1, 4)).toBe(0);
	});

	test('lists grow past their first room and stay in order, whatever order providers are first used in', () => {
		const flows = twoEach();
		const rng = createStream(3, 0, 'area-flows-spec');
		const expected = new Map<number, number>([[0, 0], [1, 0]]);
		for (let n = 0; n < 400; n++) {
			const k = Math.floor(rng.next() * 300);
			recordResults(flows, 0, k, 1);
			expected.set(k, (expected.get(k) ?? 0) + 1);
		}
		const listed = Array.from(flows.providers[0].subarray(0, flows.count[0]));
		expect(listed).toEqual([...expected.keys()].sort((x, y) => x - y));
		for (const [k, results] of expected) expect(monthAt(flows, 0, k)).toBe(results);
		expect(shareAt(flows, 0, 0)).toBe(0.5);
		// Other areas are untouched.
		expect(flows.count[1]).toBe(2);
	});

	test("clearing the month forgets this month's counts and keeps the shares and the providers used", () => {
		const flows = twoEach();
		recordResults(flows, 2, 1, 4);
		clearMonth(flows);
		expect(monthAt(flows, 2, 1)).toBe(0);
		expect(flows.count[2]).toBe(3);
		expect(shareAt(flows, 2, 4)).toBe(0.5);
	});

	test('smoothing over the listed providers in order gives a dense table’s shares to the last bit', () => {
		// The dense table: every area × provider cell, zeros included, summed in provider order.
		const areas = 3;
		const providers = 6;
		const dense = new Float64Array(areas * providers);
		for (let a = 0; a < areas; a++) dense.fill(0.5, a * providers + 2 * a, a * providers + 2 * a + 2);
		const flows = twoEach();
		const rng = createStream(9, 0, 'area-flows-dense');
		for (let month = 0; month < 36; month++) {
			const counts = new Float64Array(areas * providers);
			for (let n = 0; n < 30; n++) {
				const a = Math.floor(rng.next() * areas);
				// Mostly the area's own providers, now and then one elsewhere.
				const k = rng.next() < 0.8 ? 2 * a + Math.floor(rng.next() * 2) : Math.floor(rng.next() * providers);
				counts[a * providers + k]++;
				recordResults(flows, a, k, 1);
			}
			for (let a = 0; a < areas; a++) {
				let total = 0;
				for (let k = 0; k < providers; k++) total += counts[a * providers + k];
				if (total > 0) for (let k = 0; k < providers; k++) dense[a * providers + k] += (1 / 6) * (counts[a * providers + k] / total - dense[a * providers + k]);
				const count = flows.count[a];
				let sparseTotal = 0;
				for (let j = 0; j < count; j++) sparseTotal += flows.month[a][j];
				expect(sparseTotal).toBe(total);
				if (sparseTotal > 0) for (let j = 0; j < count; j++) flows.share[a][j] += (1 / 6) * (flows.month[a][j] / sparseTotal - flows.share[a][j]);
			}
			clearMonth(flows);
		}
		for (let a = 0; a < areas; a++) for (let k = 0; k < providers; k++) expect(Object.is(shareAt(flows, a, k), dense[a * providers + k])).toBe(true);
	});
});

import { describe, expect, test } from 'vitest';
import { Arena } from './arena';
import { CITIZEN_DRAWS } from './constants';
// The model's mechanisms register the calls back the kernels import.
import './model';
import { createStream, normal, streamColumns, type Rng } from './rng';

/** What initCitizens drew for a citizen before the draws were compiled: a deviate, a uniform, four deviates. */
function referenceDraws(rng: Rng, citizens: number): number[] {
	const out: number[] = [];
	for (let j = 0; j < citizens; j++) out.push(normal(rng), rng.next(), normal(rng), normal(rng), normal(rng), normal(rng));
	return out;
}

describe('citizenDraws: the draws a new world\'s citizens are built from, compiled', () => {
	test('gives normal and next\'s numbers in their order, and leaves the stream where they would', () => {
		let deviates = 0;
		for (const seed of [1, 2, 3])
			for (const before of [0, 1, 255, 256])
				for (const citizens of [0, 1, 23, 24, 2048]) {
					const arena = new Arena((CITIZEN_DRAWS * 2048 + 3) * 8 + 64 * 1024);
					const reference = createStream(seed, 0, 'init');
					const compiled = createStream(seed, 0, 'init', streamColumns(arena));
					for (let j = 0; j < before; j++) expect(compiled.next()).toBe(reference.next());
					const out = arena.column(Float64Array, CITIZEN_DRAWS * citizens + 3).fill(-1);
					const { state, block } = compiled.columns;
					arena.kernels.citizenDraws(citizens, arena.at(state), arena.at(block), arena.at(out));
					// Object.is: the same doubles, to the last bit.
					const expected = referenceDraws(reference, citizens);
					const got = Array.from(out.subarray(0, CITIZEN_DRAWS * citizens));
					expect(got.every((x, i) => Object.is(x, expected[i]))).toBe(true);
					// Nothing written past the last citizen's draws.
					expect(Array.from(out.subarray(CITIZEN_DRAWS * citizens))).toEqual([-1, -1, -1]);
					for (let j = 0; j < 300; j++) expect(compiled.next()).toBe(reference.next());
					deviates += citizens * 5;
				}
		// Enough deviates that the polar method's rejections, and its logarithm's doublings from
		// points near the circle's centre, all ran.
		expect(deviates).toBeGreaterThan(100_000);
	});
});

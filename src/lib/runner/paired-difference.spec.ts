import { describe, expect, test } from 'vitest';
import { fromRuns, summariseEnsemble } from '../ensemble/index';
import { OUTCOMES } from '../model/index';
import { EnsembleAccumulator } from './incremental-quantiles';
import { PairedDifference, noClearDifference } from './paired-difference';
import { fakeJob, syntheticResult } from './test-fakes';

const SHAPE = { outcomes: OUTCOMES.length, groups: 3, months: 12 };

describe('PairedDifference', () => {
	test('joins replicates as both sides get them and ends equal to the ensemble layer paired summary', () => {
		const seedsA = [1, 2, 3, 4];
		const a = seedsA.map((s) => syntheticResult(fakeJob(s, SHAPE)));
		const b = seedsA.map((s) => syntheticResult(fakeJob(s + 50, SHAPE)));
		const accA = new EnsembleAccumulator(4, SHAPE.outcomes, SHAPE.groups, SHAPE.months);
		const accB = new EnsembleAccumulator(4, SHAPE.outcomes, SHAPE.groups, SHAPE.months);
		const paired = new PairedDifference(accA, accB);
		accA.add(2, a[2]);
		accA.add(0, a[0]);
		accB.add(0, b[0]);
		expect(paired.update().count).toBe(1);
		accB.add(2, b[2]);
		accB.add(3, b[3]);
		expect(paired.update().count).toBe(2);
		accA.add(1, a[1]);
		accA.add(3, a[3]);
		accB.add(1, b[1]);
		const d = paired.update();
		expect(d.complete).toBe(true);
		const want = summariseEnsemble(fromRuns(1, seedsA, a), fromRuns(1, seedsA, b));
		OUTCOMES.forEach((spec, o) => {
			expect(Array.from(d.band(o).p50)).toEqual(Array.from(want.outcomes[spec.id].p50));
			expect(d.final(o)).toEqual(want.final[spec.id]);
		});
	});

	test('refuses ensembles that cannot be paired', () => {
		const a = new EnsembleAccumulator(4, 2, 3, 12);
		expect(() => new PairedDifference(a, new EnsembleAccumulator(5, 2, 3, 12))).toThrow(/same runs/);
	});

	test('no clear difference when the 5–95% range holds zero', () => {
		expect(noClearDifference({ p05: -0.1, p95: 0.2 })).toBe(true);
		expect(noClearDifference({ p05: 0.01, p95: 0.2 })).toBe(false);
		expect(noClearDifference({ p05: NaN, p95: 0.2 })).toBe(false);
	});
});

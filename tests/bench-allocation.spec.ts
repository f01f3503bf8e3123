import { describe, expect, test } from 'vitest';
import { allocationPerRun } from '../scripts/bench-allocation';

describe('allocationPerRun (bench helper)', () => {
	test('estimates what a run allocates, counting what the collector has already reclaimed', async () => {
		let kept = 0;
		// 2,000 arrays of 1,000 doubles on the heap (a typed array's data would be off it): 16 MB a
		// run, each garbage at once.
		const report = await allocationPerRun(() => {
			for (let j = 0; j < 2000; j++) kept += new Array<number>(1000).fill(j + 0.5).length;
		}, 3);
		expect(kept).toBe(6_000_000);
		expect(report.mbPerRun).toBeGreaterThan(16 * 0.8);
		expect(report.mbPerRun).toBeLessThan(16 * 1.25);
		expect(report.top[0].mbPerRun).toBeGreaterThan(16 * 0.8);
	});

	test('a compiled loop over a typed array, which allocates nothing, is estimated at almost nothing', async () => {
		const data = new Float64Array(100_000).fill(1);
		let total = 0;
		const sumAll = () => {
			// A local sum: a double written to a variable the closure shares would be boxed.
			let sum = 0;
			for (let i = 0; i < data.length; i++) sum += data[i];
			total += sum;
		};
		// Until the engine compiles it, the interpreter boxes every double it computes.
		for (let r = 0; r < 50; r++) sumAll();
		const report = await allocationPerRun(sumAll, 3);
		expect(total).toBe(5_300_000);
		expect(report.mbPerRun).toBeLessThan(0.1);
	});
});

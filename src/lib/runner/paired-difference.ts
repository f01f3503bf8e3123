/**
 * Paired differences (scenario minus baseline, run by run on the same seeds) kept up to date
 * as either ensemble fills in: each replicate joins as soon as both sides have it.
 */
import { EnsembleAccumulator, differenceRun } from './incremental-quantiles';

export class PairedDifference {
	readonly difference: EnsembleAccumulator;

	constructor(
		readonly a: EnsembleAccumulator,
		readonly b: EnsembleAccumulator
	) {
		if (a.runs !== b.runs || a.months !== b.months || a.groups !== b.groups || a.outcomes !== b.outcomes)
			throw new Error('paired differences need ensembles of the same runs, months and groups');
		this.difference = new EnsembleAccumulator(a.runs, a.outcomes, a.groups, a.months);
	}

	/** Add every replicate both sides now have; returns the difference ensemble. */
	update(): EnsembleAccumulator {
		for (let r = 0; r < this.a.runs; r++) {
			if (this.difference.has(r) || !this.a.has(r) || !this.b.has(r)) continue;
			const d = differenceRun(this.a.run(r)!, this.b.run(r)!, this.a.outcomes);
			this.difference.add(r, d.run, d.finals);
		}
		return this.difference;
	}
}

/** Whether a 5–95% range of a paired difference contains zero: no clear difference. */
export function noClearDifference(range: { p05: number; p95: number }): boolean {
	return Number.isFinite(range.p05) && Number.isFinite(range.p95) && range.p05 <= 0 && range.p95 >= 0;
}

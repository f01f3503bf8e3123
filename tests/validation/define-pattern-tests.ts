/**
 * Pattern-oriented validation (evidence.md §5): each pattern is a set of ensemble experiments
 * on the baseline, paired on common seeds, and each check compares the model's figure with the
 * published one within the tolerance written in src/lib/validation/patterns.ts.
 * The same definitions generate docs/validation.md, so the report and the tests cannot drift.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinScenarios } from '../../src/lib/scenario/builtin-node';
import { Experiments, PATTERNS, tolerance, VALIDATION_RUNS, VALIDATION_SEED } from '../../src/lib/validation/index';

const experiments = new Experiments(loadBuiltinScenarios(), VALIDATION_RUNS, VALIDATION_SEED);

/** Declare the tests of the patterns with these ids (split across files to run in parallel). */
export function definePatternTests(ids: number[]): void {
	for (const pattern of PATTERNS.filter((p) => ids.includes(p.id))) {
		describe(`pattern ${pattern.id}: ${pattern.title} — ${pattern.sources}`, () => {
			for (const check of pattern.checks) {
				it(`${check.claim} (published: ${check.published}; tolerance: ${tolerance(check)} ${check.unit})`, () => {
					const m = check.measure(experiments);
					expect(Number.isFinite(m.value), 'the model figure is a number').toBe(true);
					const low = check.wholeInterval ? m.low! : m.value;
					const high = check.wholeInterval ? m.high! : m.value;
					if (check.above !== undefined) expect(low).toBeGreaterThan(check.above);
					if (check.below !== undefined) expect(high).toBeLessThan(check.below);
				});
			}
		});
	}
}

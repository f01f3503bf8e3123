/**
 * Status-quo drift (verification): with demand and funding growth at zero, every outcome of the
 * baseline stays flat over ten years. Each run's last-year mean minus its first-year mean must
 * have its whole 5–95% interval within the tolerance its unit sets (src/lib/validation/drift.ts).
 * Model 0.1.0 fails this: its baseline starts before it has settled.
 */
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/lib/model/index';
import { loadBuiltinScenarios } from '../../src/lib/scenario/builtin-node';
import {
	describeDriftRule,
	driftOf,
	driftRuleFor,
	Experiments,
	formatInterval,
	within,
	DRIFT_CHECKS
} from '../../src/lib/validation/index';

const x = new Experiments(loadBuiltinScenarios());

describe('the status quo without growth stays flat over ten years', () => {
	for (const outcome of OUTCOMES) {
		const rule = driftRuleFor(outcome);
		const listed = DRIFT_CHECKS.find((c) => c.id === `D:${outcome.id}`)!;
		it(`D:${outcome.id} ${outcome.label}: ${describeDriftRule(rule)} (${outcome.unit})`, () => {
			const d = driftOf(x, outcome);
			const relative = rule.scale === 'relative' ? `, relative change ${formatInterval(d.checked)}` : '';
			expect(
				within(listed.check.bounds, d.checked),
				`${outcome.id} drifts: first year ${formatInterval(d.firstYear)} ${outcome.unit}, last minus first year ${formatInterval(d.change)}${relative}; allowed: ${describeDriftRule(rule)}`
			).toBe(true);
		});
	}
});

/**
 * Even-handedness at default assumptions: pulling either family of levers hard must bring both
 * clear gains and clear costs (paired 5–95% intervals excluding zero). The evidence
 * (targets with sanctions and fixed-price competition both had real gains; the liberated levers'
 * evidence is mostly case studies) does not support either family winning on every outcome.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinScenarios } from '../../src/lib/scenario/builtin-node';
import { Experiments, FAMILY_PACKAGES, tradeOffs } from '../../src/lib/validation/index';

const experiments = new Experiments(loadBuiltinScenarios());

describe('neither family of levers wins on every outcome', () => {
	for (const family of FAMILY_PACKAGES) {
		it(`${family.title}: at least two outcomes clearly better and at least two clearly worse`, () => {
			const results = tradeOffs(experiments, family.levers);
			const better = results.filter((r) => r.effect === 'better').map((r) => r.outcome.id);
			const worse = results.filter((r) => r.effect === 'worse').map((r) => r.outcome.id);
			expect(better.length, `better: ${better.join(', ')}`).toBeGreaterThanOrEqual(2);
			expect(worse.length, `worse: ${worse.join(', ')}`).toBeGreaterThanOrEqual(2);
		});
	}
});

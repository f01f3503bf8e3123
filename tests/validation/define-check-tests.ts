/**
 * Tests generated from the check definitions (src/lib/validation/), so the tests and the
 * report cannot drift apart. A check passes only if its whole 5–95% interval across runs lies
 * within its bounds. A known miss (whyMissed) must still be missed, and a mutation must make its
 * check fail (or, where whySurvives says so, must still not), so that any change is noticed.
 * Each spec file has its own experiments, cached by settings and shared by its checks.
 */
import { expect, it } from 'vitest';
import { loadBuiltinScenarios } from '../../src/lib/scenario/builtin-node';
import {
	describeBounds,
	evaluate,
	evaluateMutation,
	Experiments,
	formatInterval,
	mutationsToTest,
	whyMissed,
	type ListedCheck
} from '../../src/lib/validation/index';

const KIND_LABEL = {
	calibration: 'calibration target',
	verification: 'verification',
	validation: 'validation pattern',
	further: 'further pattern'
} as const;

/**
 * Only a guard against a hang, not a speed check: the slowest check (2.2, which bisects the
 * funding level on 32-run ensembles for two case mixes) takes about two and a half minutes on a
 * busy two-core machine, beyond vitest's usual limit.
 */
const CHECK_TIMEOUT_MS = 900_000;

export function defineCheckTests(checks: ListedCheck[], x = new Experiments(loadBuiltinScenarios())): void {
	for (const listed of checks) {
		const { id, check } = listed;
		const bounds = `${describeBounds(check.bounds)} ${check.unit}`;
		const missed = whyMissed(listed);
		const title = missed
			? `${id} (${KIND_LABEL[listed.kind]}, known miss) ${check.claim}: still missed (${missed})`
			: `${id} (${KIND_LABEL[listed.kind]}) ${check.claim}: the whole 5–95% interval ${bounds} (published: ${check.published})`;
		it(title, () => {
			const r = evaluate(listed, x);
			const figure = `model ${formatInterval(r.interval)} ${check.unit}; bounds ${bounds}`;
			if (missed) expect(r.within, `${id} is now reproduced (${figure}): remove its whyMissed`).toBe(false);
			else expect(r.within, `${id}: ${figure}`).toBe(true);
		}, CHECK_TIMEOUT_MS);
		for (const mutation of mutationsToTest(listed)) {
			const survives = mutation.whySurvives;
			const name = survives
				? `${id} still passes ${mutation.name} (known: ${survives})`
				: `${id} fails ${mutation.name}`;
			it(name, () => {
				const r = evaluateMutation(listed, mutation, x);
				const figure = `with the mutation: ${formatInterval(r.interval)} ${check.unit}; bounds ${bounds}`;
				if (survives) expect(r.checkFails, `${id} now fails ${mutation.name} (${figure}): remove its whySurvives`).toBe(false);
				else expect(r.checkFails, `${id} passes even ${mutation.name}, so it does not show that mechanism (${figure})`).toBe(true);
			}, CHECK_TIMEOUT_MS);
		}
	}
}

/** The checks of the validation patterns with these ids. */
export function patternChecks(checks: ListedCheck[], ids: number[]): ListedCheck[] {
	return checks.filter((c) => ids.includes(Number(c.id.replace(/^F/, '').split('.')[0])));
}

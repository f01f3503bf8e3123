/**
 * The lever audit as tests: every lever moved from its default to its maximum and to its
 * minimum (paired, year 10) must bring at least one outcome clearly better and one clearly
 * worse, unless an exception (src/lib/validation/lever-audit-exceptions.ts) cites evidence
 * for its verdict. Exceptions must match the audit, so none can go stale; so must the known
 * failures (LEVER_AUDIT_SHORTFALLS), which are reported as failures, so that a fix is noticed.
 */
import { expect, it } from 'vitest';
import type { LeverSpec } from '../../src/lib/model/index';
import { loadBuiltinScenarios } from '../../src/lib/scenario/builtin-node';
import {
	auditLever,
	auditPasses,
	DIRECTIONS,
	Experiments,
	formatInterval,
	LEVER_AUDIT_EXCEPTIONS,
	shortfallFor,
	type LeverAuditRow
} from '../../src/lib/validation/index';

const describeRow = (row: LeverAuditRow) => {
	const list = (effect: string) =>
		row.changes
			.filter((c) => c.effect === effect)
			.map((c) => `${c.outcome.id} (${c.window}) ${formatInterval(c.change)}`)
			.join('; ') || 'none';
	return `${row.verdict}. Better: ${list('better')}. Worse: ${list('worse')}. Changed: ${list('changed')}.`;
};

export function defineLeverAuditTests(levers: readonly LeverSpec[]): void {
	const x = new Experiments(loadBuiltinScenarios());
	const rows = new Map<string, LeverAuditRow | undefined>();
	const rowOf = (lever: LeverSpec, direction: 'max' | 'min') => {
		const key = `${lever.id} ${direction}`;
		if (!rows.has(key)) rows.set(key, auditLever(x, lever, direction));
		return rows.get(key);
	};
	for (const lever of levers) {
		for (const direction of DIRECTIONS) {
			const to = direction === 'max' ? lever.max : lever.min;
			if (to === lever.default) continue;
			const shortfall = shortfallFor({ lever, direction });
			if (shortfall) {
				it(`${lever.id} from ${lever.default} to its ${direction === 'max' ? 'maximum' : 'minimum'} ${to}: still ${shortfall.verdict}, a known failure of even-handedness`, () => {
					const row = rowOf(lever, direction)!;
					expect(row.verdict, `${lever.id} to ${direction} is no longer ${shortfall.verdict}: update or remove its shortfall (${describeRow(row)})`).toBe(shortfall.verdict);
				});
				continue;
			}
			it(`${lever.id} from ${lever.default} to its ${direction === 'max' ? 'maximum' : 'minimum'} ${to}: a trade-off, or an exception citing evidence (a move under a quarter of the range is reported only)`, () => {
				const row = rowOf(lever, direction)!;
				expect(auditPasses(row), `${lever.id} to ${direction}: ${describeRow(row)}`).toBe(true);
			});
		}
	}
	for (const exception of LEVER_AUDIT_EXCEPTIONS.filter((e) => levers.some((l) => l.id === e.lever))) {
		it(`exception ${exception.lever} to ${exception.direction} (${exception.verdict}) still matches the audit`, () => {
			const row = rowOf(levers.find((l) => l.id === exception.lever)!, exception.direction);
			expect(row?.verdict, `${exception.lever} to ${exception.direction}: remove or update the exception`).toBe(exception.verdict);
		});
	}
}

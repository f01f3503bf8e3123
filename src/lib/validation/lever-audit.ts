/**
 * The lever audit: every lever in the registry moved from its default to its maximum and to its
 * minimum, paired on common seeds against the baseline (year-10 means). An outcome is clearly
 * better or worse when the 5–95% interval of the paired change excludes zero. The brief asks for
 * every lever to have a benefit and a cost, through mechanisms: a direction that is not a
 * trade-off needs an exception citing the evidence (lever-audit-exceptions.ts).
 */
import { LEVERS, OUTCOMES, type LeverSpec, type OutcomeId, type OutcomeSpec } from '../model/index';
import { change, type Experiments, type Interval } from './experiments';
import { LEVER_AUDIT_EXCEPTIONS, type LeverAuditException } from './lever-audit-exceptions';

export type Direction = 'max' | 'min';
export const DIRECTIONS: Direction[] = ['max', 'min'];

export type AuditVerdict = 'trade-off' | 'free lunch' | 'cost-only' | 'inert';

/** How one outcome moved: better or worse by its `better` in the registry, or changed if it has none. */
export type Effect = 'better' | 'worse' | 'changed' | 'no clear change';

export interface OutcomeChange {
	outcome: OutcomeSpec;
	change: Interval;
	effect: Effect;
}

export interface LeverAuditRow {
	lever: LeverSpec;
	direction: Direction;
	from: number;
	to: number;
	changes: OutcomeChange[];
	verdict: AuditVerdict;
}

/** Better, worse or changed only when the 5–95% interval of the paired change excludes zero. */
export function effectOf(outcome: OutcomeSpec, i: Interval): Effect {
	if (!(i.p05 > 0 || i.p95 < 0)) return 'no clear change';
	if (outcome.better === 'neither') return 'changed';
	return i.mean > 0 === (outcome.better === 'higher') ? 'better' : 'worse';
}

export function verdictOf(changes: OutcomeChange[]): AuditVerdict {
	const better = changes.some((c) => c.effect === 'better');
	const worse = changes.some((c) => c.effect === 'worse');
	if (better && worse) return 'trade-off';
	if (better) return 'free lunch';
	if (worse) return 'cost-only';
	return 'inert';
}

/** Year-10 paired change of every outcome, `levers` laid over the baseline against the baseline. */
export function outcomeChanges(x: Experiments, levers: Record<string, number>): OutcomeChange[] {
	const variant = x.baselineWith(levers);
	const base = x.baselineWith();
	return OUTCOMES.map((outcome) => {
		const i = change(variant, base, outcome.id as OutcomeId).interval();
		return { outcome, change: i, effect: effectOf(outcome, i) };
	});
}

/** The audit row of one lever moved to its maximum or minimum; undefined if the default is already there. */
export function auditLever(x: Experiments, lever: LeverSpec, direction: Direction): LeverAuditRow | undefined {
	const to = direction === 'max' ? lever.max : lever.min;
	if (to === lever.default) return undefined;
	const changes = outcomeChanges(x, { [lever.id]: to });
	return { lever, direction, from: lever.default, to, changes, verdict: verdictOf(changes) };
}

export function leverAudit(x: Experiments, levers: readonly LeverSpec[] = LEVERS): LeverAuditRow[] {
	return levers.flatMap((lever) => DIRECTIONS.flatMap((d) => auditLever(x, lever, d) ?? []));
}

/** The exception that covers a row: same lever, direction and verdict. */
export function exceptionFor(
	row: Pick<LeverAuditRow, 'lever' | 'direction' | 'verdict'>,
	exceptions: readonly LeverAuditException[] = LEVER_AUDIT_EXCEPTIONS
): LeverAuditException | undefined {
	return exceptions.find((e) => e.lever === row.lever.id && e.direction === row.direction && e.verdict === row.verdict);
}

/** A row passes the audit if it is a trade-off or an exception covers it. */
export function auditPasses(row: Pick<LeverAuditRow, 'lever' | 'direction' | 'verdict'>, exceptions?: readonly LeverAuditException[]): boolean {
	return row.verdict === 'trade-off' || exceptionFor(row, exceptions) !== undefined;
}

export function outcomesWith(row: Pick<LeverAuditRow, 'changes'>, effect: Effect): OutcomeSpec[] {
	return row.changes.filter((c) => c.effect === effect).map((c) => c.outcome);
}

/**
 * The lever audit: every lever in the registry moved from its default to its maximum and to its
 * minimum, paired on common seeds against the baseline, in the first two years and in year 10:
 * a reform's costs and benefits often fall at different times (prevention's J-curve, the
 * disruption of integrating). An outcome is clearly better or worse in a window when the 5–95%
 * interval of the paired change excludes zero. The brief asks for every lever to have a benefit
 * and a cost, through mechanisms: a direction that is not a trade-off needs an exception citing
 * the evidence (lever-audit-exceptions.ts). A direction that moves the lever less than a quarter
 * of its range (a default near an end) is reported but not required to be a trade-off: its
 * effects are small against the noise of the ensemble.
 */
import { LEVERS, OUTCOMES, type LeverSpec, type OutcomeId, type OutcomeSpec } from '../model/index';
import { windowOf, type Experiments, type Interval } from './experiments';
import { LEVER_AUDIT_EXCEPTIONS, LEVER_AUDIT_SHORTFALLS, type LeverAuditException, type LeverAuditShortfall } from './lever-audit-exceptions';

export type Direction = 'max' | 'min';
export const DIRECTIONS: Direction[] = ['max', 'min'];

export type AuditVerdict = 'trade-off' | 'free lunch' | 'cost-only' | 'inert';

/** How one outcome moved: better or worse by its `better` in the registry, or changed if it has none. */
export type Effect = 'better' | 'worse' | 'changed' | 'no clear change';

/** The windows a change is read in: the first two years, and year 10. */
export const AUDIT_WINDOWS = [
	{ label: 'years 1–2', from: 0, to: 24 },
	{ label: 'year 10', from: 108, to: 120 }
] as const;
export type AuditWindow = (typeof AUDIT_WINDOWS)[number]['label'];

/** Smallest move, as a share of the lever's range, that must be a trade-off. */
export const AUDITED_MOVE = 0.25;

export interface OutcomeChange {
	outcome: OutcomeSpec;
	window: AuditWindow;
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
	/** Whether the move is large enough to be required to be a trade-off. */
	asserted: boolean;
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

/** Paired change of every outcome in each audit window, `levers` laid over the baseline against the baseline. */
export function outcomeChanges(x: Experiments, levers: Record<string, number>): OutcomeChange[] {
	const variant = x.baselineWith(levers);
	const base = x.baselineWith();
	return AUDIT_WINDOWS.flatMap(({ label, from, to }) =>
		OUTCOMES.map((outcome) => {
			const id = outcome.id as OutcomeId;
			const i = windowOf(variant, id, from, to).minus(windowOf(base, id, from, to)).interval();
			return { outcome, window: label, change: i, effect: effectOf(outcome, i) };
		})
	);
}

/** The audit row of one lever moved to its maximum or minimum; undefined if the default is already there. */
export function auditLever(x: Experiments, lever: LeverSpec, direction: Direction): LeverAuditRow | undefined {
	const to = direction === 'max' ? lever.max : lever.min;
	if (to === lever.default) return undefined;
	const changes = outcomeChanges(x, { [lever.id]: to });
	const asserted = Math.abs(to - lever.default) >= AUDITED_MOVE * (lever.max - lever.min);
	return { lever, direction, from: lever.default, to, changes, verdict: verdictOf(changes), asserted };
}

export function leverAudit(x: Experiments, levers: readonly LeverSpec[] = LEVERS): LeverAuditRow[] {
	return levers.flatMap((lever) => DIRECTIONS.flatMap((d) => auditLever(x, lever, d) ?? []));
}

/** The known failure recorded for a row's lever and direction (whatever the verdict now found). */
export function shortfallFor(
	row: Pick<LeverAuditRow, 'lever' | 'direction'>,
	shortfalls: readonly LeverAuditShortfall[] = LEVER_AUDIT_SHORTFALLS
): LeverAuditShortfall | undefined {
	return shortfalls.find((s) => s.lever === row.lever.id && s.direction === row.direction);
}

/** The exception that covers a row: same lever, direction and verdict. */
export function exceptionFor(
	row: Pick<LeverAuditRow, 'lever' | 'direction' | 'verdict'>,
	exceptions: readonly LeverAuditException[] = LEVER_AUDIT_EXCEPTIONS
): LeverAuditException | undefined {
	return exceptions.find((e) => e.lever === row.lever.id && e.direction === row.direction && e.verdict === row.verdict);
}

/** A row passes the audit if it is a trade-off, a move too small to be asserted, or an exception covers it. */
export function auditPasses(
	row: Pick<LeverAuditRow, 'lever' | 'direction' | 'verdict'> & { asserted?: boolean },
	exceptions?: readonly LeverAuditException[]
): boolean {
	return row.verdict === 'trade-off' || row.asserted === false || exceptionFor(row, exceptions) !== undefined;
}

export function outcomesWith(row: Pick<LeverAuditRow, 'changes'>, effect: Effect): OutcomeSpec[] {
	return row.changes.filter((c) => c.effect === effect).map((c) => c.outcome);
}

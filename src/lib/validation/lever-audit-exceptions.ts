/**
 * Lever directions that the evidence says are not a trade-off. Each entry needs the verdict the
 * audit finds, the reason, and the publication that supports it; the report lists them all.
 * An entry whose verdict no longer matches the audit fails its test, so none can go stale.
 *
 * The shape of an entry:
 *   { lever: 'choice', direction: 'min', verdict: 'inert',
 *     reason: '<why the evidence expects no clear change>',
 *     publication: '<author (year), journal or report, section>' }
 */
import type { LeverId } from '../model/index';

export interface LeverAuditException {
	lever: LeverId;
	direction: 'max' | 'min';
	verdict: 'free lunch' | 'cost-only' | 'inert';
	reason: string;
	publication: string;
}

export const LEVER_AUDIT_EXCEPTIONS: LeverAuditException[] = [];

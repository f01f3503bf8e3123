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

export const LEVER_AUDIT_EXCEPTIONS: LeverAuditException[] = [
	{
		lever: 'audit',
		direction: 'min',
		verdict: 'cost-only',
		reason:
			"The status quo's light audit (0.3) costs little: about half a per cent of staff time and of the budget, too little to show in waits or burnout against run-to-run noise, while dropping it lets recording culture and deliberate misrecording grow. Audit's costs show at higher intensity (the move to the maximum is a trade-off).",
		publication:
			'Audit Commission (2003), waiting-list spot checks (misreporting found at 3 of 41 trusts, errors at 19); NAO (2001), Inappropriate adjustments to NHS waiting lists, HC 452'
	}
];

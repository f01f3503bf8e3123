/**
 * Lever directions that are not a trade-off: exceptions, where the evidence says so, and known
 * failures (below), where the evidence expects a trade-off the model does not show.
 *
 * An exception needs the verdict the audit finds, the reason, and the publication that supports
 * it; the report lists them all. An entry whose verdict no longer matches the audit fails its
 * test, so none can go stale.
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
		lever: 'integration',
		direction: 'min',
		verdict: 'free lunch',
		reason:
			"At default assumptions the coordination time of integration at 0.3 (about 4% of frontline time: case conferences, shared records, joint visits) roughly balances the work it saves on complex cases, so stepping back frees a little capacity (throughput up about 2%): the shorter waits this buys clear run-to-run noise in the first two years (1.5 points more seen within target, a day off the mean wait), while the extra crises and failure demand from losing integration's resolution of complex needs stay within it over ten years (at model 0.3.0 the shorter waits stayed within it too, and the audit found the direction inert; at 0.2.4, as now, a free lunch). Evaluations find integration's benefits slow and modest, and England's integrated care pilots found no fall in emergency admissions. The balance turns on weak-graded assumptions (integrationTime, integrationEfficiency, successIntegration): with more work saved or less coordination time, cutting integration shows its cost.",
		publication:
			"Curry & Ham (2010), Clinical and service integration, King's Fund (benefits slow and modest); RAND Europe and Ernst & Young (2012), National evaluation of the Department of Health's integrated care pilots (no reduction in emergency admissions)"
	},
	{
		lever: 'devolution',
		direction: 'max',
		verdict: 'free lunch',
		reason:
			"At default assumptions (average local capacity, funding half following need) devolved places fit practice to their context and resolve more needs (about 1.5 points in the first two years and 2.5 in year 10), while the costs the model also represents (places without capacity drifting, places choosing differently) stay within run-to-run noise over ten years (at model 0.2.4 the gain did not clear the noise either, and the audit found devolution inert; at 0.2.3, as now, a free lunch). The evidence is mixed: the UK's four systems diverged after devolution, but decentralisation in Italy and Spain did not widen regional gaps. Lower local capacity or funding that ignores need makes devolution's costs show (validation pattern 10).",
		publication: 'Costa-Font & Turati (2018), Regional Studies 52(7) (no rise in regional inequalities); Bevan et al. (2014), The four health systems of the UK'
	}
];

/**
 * Lever directions that the audit finds are not a trade-off where the evidence expects one:
 * failures of the model's even-handedness, reported as failures with the reason. An entry whose
 * verdict the audit no longer finds fails its test, so a fix (or a new failure) is noticed.
 */
export interface LeverAuditShortfall {
	lever: LeverId;
	direction: 'max' | 'min';
	verdict: 'free lunch' | 'cost-only' | 'inert';
	/** Why the model shows no trade-off here, and what the evidence expects instead. */
	whyFails: string;
}

export const LEVER_AUDIT_SHORTFALLS: LeverAuditShortfall[] = [
	{
		lever: 'audit',
		direction: 'min',
		verdict: 'cost-only',
		whyFails:
			"Dropping audit from 0.3 to 0 clearly raises gaming (the reported–true gap by 1.1 points in year 10), but what it saves is small: audit's share of reporting time and of the control architecture's cost at 0.3 is about a tenth of their full-intensity values (5% of frontline time, 5% of the budget), so waits shorten by about a day on average, within run-to-run noise. The cost of audit and compliance is real and often large (Power 1997, The Audit Society; Hood et al. 1999, Regulation inside Government), so the model probably understates what audit takes from the front line at low intensity."
	},
	{
		lever: 'choice',
		direction: 'max',
		verdict: 'free lunch',
		whyFails:
			"Choice at its maximum mixes users across providers (the sorting index falls, which counts as better), while its costs (busy providers' waits, choosers acting on reported rather than true figures) stay within run-to-run noise: cost per resolved need rises by about £140 and needs met within target fall by under a point in year 10, neither clearly. The evidence expects a cost: sorting by advantage rose without an average gain where choice and competition grew (Hsieh & Urquiola 2006), the pattern the model misses (checks 9.1 and 9.2)."
	}
];

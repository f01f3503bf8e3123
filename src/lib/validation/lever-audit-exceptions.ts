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
		lever: 'choice',
		direction: 'max',
		verdict: 'free lunch',
		reason:
			"On its own, at default assumptions, choice moves choosers from long-waiting, poorly rated providers to ones with room, which evens out waits between providers and narrows the deprivation gap in waits; the costs the model also represents (busy providers' waits growing, the less deprived choosing more) stay within run-to-run noise. England's 2006 patient choice reform likewise raised quality without raising costs and did not harm equity of use. Where providers can select their users the evidence finds sorting (Chile's schools); the model does not reproduce that sorting (validation pattern 9.1, missed), so choice's cost here is understated.",
		publication:
			'Gaynor, Moreno-Serra & Propper (2013), AEJ: Economic Policy 5(4); Cookson, Laudicella & Li Donni (2013), Journal of Health Economics 32(2) (no harm to equity); Hsieh & Urquiola (2006), J Public Economics 90 (sorting where schools select)'
	},
	{
		lever: 'devolution',
		direction: 'max',
		verdict: 'free lunch',
		reason:
			"At default assumptions (average local capacity, funding half following need) devolved places fit practice to their context and resolve more needs, while the costs the model also represents (places without capacity drifting, places choosing differently) stay within run-to-run noise. The evidence is mixed: the UK's four systems diverged after devolution, but decentralisation in Italy and Spain did not widen regional gaps. Lower local capacity or funding that ignores need makes devolution's costs show (validation pattern 10).",
		publication: 'Costa-Font & Turati (2018), Regional Studies 52(7) (no rise in regional inequalities); Bevan et al. (2014), The four health systems of the UK'
	}
];

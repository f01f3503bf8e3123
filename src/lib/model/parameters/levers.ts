import type { LeverSpec } from './types';
import * as S from './sources';

/**
 * The sixteen reform levers. Defaults are the England c. 2023 "muddle" (IPPR 2023, Box 2.2):
 * many targets, some inspection, little devolution, a thin prevention share.
 * Grades rate the evidence that the lever works as the model says, not the default setting.
 */
export const LEVERS = [
	// ── New Public Management ─────────────────────────────────────────────
	{
		kind: 'lever', family: 'npm', id: 'targets', short: 'tg', label: 'Targets',
		meaning: 'Intensity of the access target ("share seen within T days") and the pressure behind it.',
		unit: '0–1', default: 0.6, min: 0, max: 1,
		source: `${S.IPPR}, Ch2 Table 2.1 and C3-S1; ${S.BEVAN_HOOD}; ${S.PROPPER_2008}`,
		grade: 'strong',
		benefit: 'Extrinsically motivated staff work harder on measured throughput and cases near the threshold are seen first, so true access improves on simple work.',
		cost: 'Gaming culture grows where the target cannot be met honestly; relational time is squeezed; breached cases are left to last; reporting burden and crowding-out of motivation.'
	},
	{
		kind: 'lever', family: 'npm', id: 'inspection', short: 'in', label: 'Inspection and league tables',
		meaning: 'Public ratings, league tables and sanctions ("naming and shaming") applied to providers.',
		unit: '0–1', default: 0.5, min: 0, max: 1,
		source: `${S.BEVAN_HAMBLIN}; ${S.IPPR}, C3-S4 (regulation and blame culture)`,
		grade: 'moderate',
		benefit: 'Raises the stakes of targets (England met the ambulance target where Wales and Scotland did not) and gives choosers information.',
		cost: 'Blame adds to job demands and burnout; higher stakes feed gaming; inspection costs money.'
	},
	{
		kind: 'lever', family: 'npm', id: 'audit', short: 'au', label: 'Audit of reported data',
		meaning: 'How intensively reported performance data are checked against records.',
		unit: '0–1', default: 0.3, min: 0, max: 1,
		source: `${S.BEVAN_HOOD} (Audit Commission spot checks); NAO (2001) HC 452`,
		grade: 'moderate',
		benefit: 'Detects misrecording and lowers both worker and provider gaming, closing the reported–true gap.',
		cost: 'Compliance work takes staff time and money and is felt as control (small crowding-out).'
	},
	{
		kind: 'lever', family: 'npm', id: 'performancePay', short: 'pp', label: 'Performance pay',
		meaning: 'Share of pay contingent on measured performance.',
		unit: '0–1', default: 0.1, min: 0, max: 1,
		source: `${S.DECI}; ${S.PRP_META}; ${S.WEIBEL}; ${S.IPPR}, C3-S3 Box 3.3`,
		grade: 'strong',
		benefit: 'Small positive effect on measured throughput (quantity).',
		cost: 'Contingent rewards crowd out intrinsic motivation (d ≈ −0.3), raise gaming and attract less intrinsically motivated recruits; bonus pool costs money.'
	},
	{
		kind: 'lever', family: 'npm', id: 'choice', short: 'ch', label: 'User choice',
		meaning: 'How freely citizens can choose a provider other than their local one.',
		unit: '0–1', default: 0.2, min: 0, max: 1,
		source: `${S.IPPR}, Ch2 Table 2.1 (choice); ${S.HSIEH}; Burgess et al. (2004), CMPO WP 04/111`,
		grade: 'moderate',
		benefit: 'Citizens who can choose move to providers that report better performance; with money following them, that pressures weak providers.',
		cost: 'Those with most capacity to choose are the least deprived, so users sort by deprivation; choosers see reported, not true, performance.'
	},
	{
		kind: 'lever', family: 'npm', id: 'competition', short: 'co', label: 'Competition and payment by results',
		meaning: 'Share of provider income that follows users and is paid per reported result.',
		unit: '0–1', default: 0.15, min: 0, max: 1,
		source: `${S.COOPER}; ${S.GAYNOR}; ${S.PROPPER_2004}; ${S.REES}`,
		grade: 'moderate',
		benefit: 'Providers that lose users lose money, which sharpens effort and grows those that report well (fixed-price competition cut AMI mortality in 2006–08).',
		cost: 'Financially pressed providers park complex cases and cream easy ones; commissioning and transaction costs; income volatility.'
	},
	{
		kind: 'lever', family: 'npm', id: 'outsourcing', short: 'ou', label: 'Outsourcing',
		meaning: 'Share of providers run under contract by independent operators.',
		unit: '0–1', default: 0.15, min: 0, max: 1,
		source: `${S.IPPR}, Ch2 Table 2.1 (probation: 80% inadequate); ${S.REES}; ${S.DEMOS}, Intro`,
		grade: 'weak',
		benefit: 'Lower unit labour costs buy more staff per pound.',
		cost: 'Less training and higher turnover, profit margin and contract management costs, more cream-skimming under payment by results.'
	},
	{
		kind: 'lever', family: 'npm', id: 'efficiency', short: 'ef', label: 'Efficiency drive',
		meaning: 'Cash-releasing cuts to staffing with higher work intensity ("more clients per day").',
		unit: '0–1', default: 0.3, min: 0, max: 1,
		source: `${S.IPPR}, C3-S3 and Box 2.1 (productivity by constraining inputs); ${S.HOOD_DIXON}`,
		grade: 'moderate',
		benefit: 'Lower spending, and more throughput per worker for a while.',
		cost: 'Fewer staff and higher caseloads raise burnout and leaving, lower quality and motivation.'
	},
	// ── Liberated public services ─────────────────────────────────────────
	{
		kind: 'lever', family: 'liberated', id: 'mission', short: 'mi', label: 'Mission',
		meaning: 'Clarity of a shared, long-term outcome goal across the system.',
		unit: '0–1', default: 0.2, min: 0, max: 1,
		source: `${S.IPPR}, C3-S1 (missions); ${S.DEMOS}, P1; ${S.BESLEY}`,
		grade: 'weak',
		benefit: 'Aligns experimentation with true outcomes (autonomy without alignment is "chaotic experiment"), gives staff purpose and dampens gaming.',
		cost: 'Mission governance costs money; mission-matched organisations are more conservative about adopting new practice (Besley & Ghatak).'
	},
	{
		kind: 'lever', family: 'liberated', id: 'autonomy', short: 'at', label: 'Professional autonomy and respect',
		meaning: 'Discretion, respect and pay for frontline professionals ("aligned autonomy").',
		unit: '0–1', default: 0.3, min: 0, max: 1,
		source: `${S.IPPR}, C3-S5 (devolution to professionals, Table 3.5); ${S.DEMOS}, P2; ${S.DECI}`,
		grade: 'moderate',
		benefit: 'Raises intrinsic motivation and retention and is a job resource against burnout.',
		cost: 'Less extrinsically motivated staff ease off when unmonitored; pay premium costs money; without a mission, practice drifts ("chaotic experiment").'
	},
	{
		kind: 'lever', family: 'liberated', id: 'experimentation', short: 'ex', label: 'Experimentation (social R&D)',
		meaning: 'Budget and permission for providers to trial practice variants and keep what works.',
		unit: '0–1', default: 0.1, min: 0, max: 1,
		source: `${S.BENNETT}, "Learning" and 100-day challenges; ${S.DEMOS}, P8; ${S.IPPR}, C3-S4`,
		grade: 'weak',
		benefit: 'Providers find practice that fits their place and people better.',
		cost: 'Trials cost budget and capacity and some fail; under strong targets and poor data, experiments are judged by the reported metric and the system learns the wrong thing.'
	},
	{
		kind: 'lever', family: 'liberated', id: 'peerLearning', short: 'pl', label: 'Peer learning networks',
		meaning: 'Structured sharing of practice between providers and places.',
		unit: '0–1', default: 0.2, min: 0, max: 1,
		source: `${S.DEMOS}, P5; ${S.BENNETT} (Q Community, learning organisations); ${S.IPPR}, C3-S4`,
		grade: 'weak',
		benefit: 'Spreads better practice and raises staff skill.',
		cost: 'Takes staff time; practice copied from a different place fits less well.'
	},
	{
		kind: 'lever', family: 'liberated', id: 'devolution', short: 'dv', label: 'Devolution',
		meaning: 'Local discretion over practice and budget (the opposite of central standardisation).',
		unit: '0–1', default: 0.2, min: 0, max: 1,
		source: `${S.IPPR}, C3-S5 (triple devolution); ${S.DEMOS}, P3; ${S.COSTA_FONT}`,
		grade: 'moderate',
		benefit: 'Places adapt practice to local context ("what works in Wigan might not work in Worcester"), in proportion to local capacity.',
		cost: 'More variation between areas (the postcode lottery); low-capacity places drift; gaps widen unless funding follows need.'
	},
	{
		kind: 'lever', family: 'liberated', id: 'prevention', short: 'pv', label: 'Prevention investment',
		meaning: 'Share of the service budget spent on prevention and outreach rather than acute response.',
		unit: 'share of budget', default: 0.05, min: 0, max: 0.4,
		source: `${S.IPPR}, C3-S2 (smart investment); ${S.MASTERS}; ${S.BENNETT} (Hewitt: +1% to prevention)`,
		grade: 'moderate',
		benefit: 'Fewer people progress from risk to need and crisis, after a lag of years.',
		cost: 'Money moves out of acute capacity now, so waits lengthen before the benefits arrive.'
	},
	{
		kind: 'lever', family: 'liberated', id: 'relational', short: 'rl', label: 'Relational practice',
		meaning: 'Strengths-based, co-produced "good help": more time per case spent on the person.',
		unit: '0–1', default: 0.3, min: 0, max: 1,
		source: `${S.BENNETT} (good help); ${S.COLLABORATE}; ${S.IPPR}, C3-S5 (IPS, Living Well); ${S.DEMOS}, P9–P10`,
		grade: 'moderate',
		benefit: 'Needs are resolved durably, so fewer relapse (the revolving door) and citizens gain capability and trust.',
		cost: 'Each case takes longer, so fewer are seen and waits lengthen.'
	},
	{
		kind: 'lever', family: 'liberated', id: 'integration', short: 'ig', label: 'Service integration',
		meaning: 'Services joined around the person: one front door, pooled budgets.',
		unit: '0–1', default: 0.3, min: 0, max: 1,
		source: `${S.DEMOS}, P4 (silos cost up to £4.3bn a year); ${S.IPPR}, C3-S5 and Case Study 5`,
		grade: 'weak',
		benefit: 'Complex cases are resolved with fewer hand-offs and less work.',
		cost: 'Integrating costs money and disrupts for two years after each step up.'
	}
] as const satisfies readonly LeverSpec[];

export type LeverId = (typeof LEVERS)[number]['id'];
export type LeverValues = Record<LeverId, number>;

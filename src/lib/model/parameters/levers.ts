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
		benefit: 'Providers stream quick cases through first and book others before the target date, and extrinsically motivated staff work harder, so true access improves within a year.',
		cost: 'Recording culture and deliberate misrecording grow where the target cannot be met honestly; relational time and outreach are squeezed; effort beyond normal hours, reporting and blame raise burnout and leaving; long, complex cases wait longer and fewer needs are resolved.'
	},
	{
		kind: 'lever', family: 'npm', id: 'inspection', short: 'in', label: 'Inspection and league tables',
		meaning: 'Public ratings, league tables and sanctions ("naming and shaming") applied to providers.',
		unit: '0–1', default: 0.5, min: 0, max: 1,
		source: `${S.BEVAN_HAMBLIN}; ${S.IPPR}, C3-S4 (regulation and blame culture)`,
		grade: 'moderate',
		benefit: 'Raises the stakes of targets, so their access gains come sooner; publishes ratings that choosers use; a failing rating may bring in new leadership (special measures).',
		cost: 'Blame and reporting raise burnout; higher stakes feed gaming; the league table ranks reported access, not management, so it can turn round the wrong providers; inspection costs money.'
	},
	{
		kind: 'lever', family: 'npm', id: 'audit', short: 'au', label: 'Audit of reported data',
		meaning: 'How intensively reported performance data are checked against records.',
		unit: '0–1', default: 0.3, min: 0, max: 1,
		source: `${S.BEVAN_HOOD} (Audit Commission spot checks); NAO (2001) HC 452`,
		grade: 'moderate',
		benefit: 'Detects and deters misrecording: recording culture and deliberate gaming fall, closing the reported–true gap.',
		cost: 'Checking takes staff time and money, adds to the reporting burden and the controlling climate, and so to burnout; access falls a little.'
	},
	{
		kind: 'lever', family: 'npm', id: 'performancePay', short: 'pp', label: 'Performance pay',
		meaning: 'Share of pay contingent on measured performance.',
		unit: '0–1', default: 0.1, min: 0, max: 1,
		source: `${S.DECI}; ${S.PRP_META}; ${S.WEIBEL}; ${S.IPPR}, C3-S3 Box 3.3`,
		grade: 'strong',
		benefit: 'Extrinsically motivated staff work harder on measured throughput, so waits fall at first (a small effect, as the evidence finds).',
		cost: 'Contingent pay crowds out intrinsic motivation (d ≈ −0.3), raises deliberate gaming, attracts less motivated recruits and raises leaving, so within a few years fewer needs are resolved and the throughput gain is lost; the bonus pool costs money.'
	},
	{
		kind: 'lever', family: 'npm', id: 'choice', short: 'ch', label: 'User choice',
		meaning: 'How freely citizens can choose a provider other than their local one.',
		unit: '0–1', default: 0.2, min: 0, max: 1,
		source: `${S.IPPR}, Ch2 Table 2.1 (choice); ${S.HSIEH}; Burgess et al. (2004), CMPO WP 04/111`,
		grade: 'moderate',
		benefit: 'Citizens who can choose leave poorly rated or long-waiting providers, some for other areas, which narrows gaps for those who choose; with payment by results, money follows them.',
		cost: 'Those with most capacity to choose are the least deprived; choosers see reported figures as far as inspection publishes them, and hear the truth only with noise; busy providers\' waits grow. Alone, at default assumptions, these costs are too small to see against run-to-run noise; the sorting that choice brings where providers select their users is not reproduced (validation pattern 9.1).'
	},
	{
		kind: 'lever', family: 'npm', id: 'competition', short: 'co', label: 'Competition and payment by results',
		meaning: 'Share of provider income that follows users and is paid per reported result.',
		unit: '0–1', default: 0.15, min: 0, max: 1,
		source: `${S.COOPER}; ${S.GAYNOR}; ${S.PROPPER_2004}; ${S.REES}`,
		grade: 'moderate',
		benefit: 'Part of providers\' income is paid per reported result, so providers that do well grow and waits fall.',
		cost: 'Financially pressed providers decline and park complex cases (cream-skimming), leaving those needs unmet; unresolved cases can be claimed as results; commissioning costs money.'
	},
	{
		kind: 'lever', family: 'npm', id: 'outsourcing', short: 'ou', label: 'Outsourcing',
		meaning: 'Share of providers run under contract by independent operators.',
		unit: '0–1', default: 0.15, min: 0, max: 1,
		source: `${S.IPPR}, Ch2 Table 2.1 (probation: 80% inadequate); ${S.REES}; ${S.DEMOS}, Intro`,
		grade: 'weak',
		benefit: 'Lower labour costs in contracted providers (about 20% in contracted services) buy more staff per pound, so spending falls.',
		cost: 'Higher turnover and less training lower skill and needs resolved; the profit margin and contract management cost money; contracted providers decline and park more complex cases under payment by results.'
	},
	{
		kind: 'lever', family: 'npm', id: 'efficiency', short: 'ef', label: 'Efficiency drive',
		meaning: 'Cash-releasing cuts to staffing with higher work intensity ("more clients per day").',
		unit: '0–1', default: 0.3, min: 0, max: 1,
		source: `${S.IPPR}, C3-S3 and Box 2.1 (productivity by constraining inputs); ${S.HOOD_DIXON}`,
		grade: 'moderate',
		benefit: 'Spending falls, and throughput per worker rises for a while.',
		cost: 'Fewer posts and harder work raise caseloads, waits, burnout and leaving, and lower quality and motivation.'
	},
	// ── Liberated public services ─────────────────────────────────────────
	{
		kind: 'lever', family: 'liberated', id: 'mission', short: 'mi', label: 'Mission',
		meaning: 'Clarity of a shared, long-term outcome goal across the system.',
		unit: '0–1', default: 0.2, min: 0, max: 1,
		source: `${S.IPPR}, C3-S1 (missions); ${S.DEMOS}, P1; ${S.BESLEY}`,
		grade: 'weak',
		benefit: 'Makes the long-term outcome salient: motivated staff give more time to relational work and outreach, gaming and parking fall, motivation rises, and trials and peers are judged by true outcomes more often.',
		cost: 'Mission governance costs money; more time per case lengthens waits at first; mission-matched providers adopt new practice less readily (Besley & Ghatak). How large the benefits are turns on assumptions graded weak (purpose as a job resource, mission salience).'
	},
	{
		kind: 'lever', family: 'liberated', id: 'autonomy', short: 'at', label: 'Professional autonomy and respect',
		meaning: 'Discretion, respect and pay for frontline professionals ("aligned autonomy").',
		unit: '0–1', default: 0.3, min: 0, max: 1,
		source: `${S.IPPR}, C3-S5 (devolution to professionals, Table 3.5); ${S.DEMOS}, P2; ${S.DECI}`,
		grade: 'moderate',
		benefit: 'Staff use their own judgement: motivated staff give cases the time they think they need and do more outreach; motivation, skill and retention rise, and more needs are resolved.',
		cost: 'Less intrinsically motivated staff ease off when unmonitored and cases take longer, so waits lengthen; the pay premium costs money; without a mission, practice drifts. Whether access gains or loses turns on assumptions graded weak or assumption (shirking, the relational time staff would choose, discretion without autonomy).'
	},
	{
		kind: 'lever', family: 'liberated', id: 'experimentation', short: 'ex', label: 'Experimentation (social R&D)',
		meaning: 'Budget and permission for providers to trial practice variants and keep what works.',
		unit: '0–1', default: 0.1, min: 0, max: 1,
		source: `${S.BENNETT}, "Learning" and 100-day challenges; ${S.DEMOS}, P8; ${S.IPPR}, C3-S4`,
		grade: 'weak',
		benefit: 'Providers trial variants of practice on half their cases and keep what did better, finding practice that fits their place.',
		cost: 'Trials cost budget and the variant arm\'s cases; small trials give noisy verdicts; under strong targets and without outcome data, trials are judged by speed and the system learns to be faster rather than better. Whether trials pay turns on assumptions graded weak (how visible true outcomes are).'
	},
	{
		kind: 'lever', family: 'liberated', id: 'peerLearning', short: 'pl', label: 'Peer learning networks',
		meaning: 'Structured sharing of practice between providers and places.',
		unit: '0–1', default: 0.2, min: 0, max: 1,
		source: `${S.DEMOS}, P5; ${S.BENNETT} (Q Community, learning organisations); ${S.IPPR}, C3-S4`,
		grade: 'weak',
		benefit: 'Spreads practice that works, raises skill and gives support against burnout; peers judged by true outcomes where they are visible.',
		cost: 'Takes staff time, so waits lengthen; practice copied from a different place fits less well; under strong targets peers are copied for their reported figures. The balance turns on assumptions graded weak (skill gained, time taken).'
	},
	{
		kind: 'lever', family: 'liberated', id: 'devolution', short: 'dv', label: 'Devolution',
		meaning: 'Local discretion over practice and budget (the opposite of central standardisation).',
		unit: '0–1', default: 0.2, min: 0, max: 1,
		source: `${S.IPPR}, C3-S5 (triple devolution); ${S.DEMOS}, P3; ${S.COSTA_FONT}`,
		grade: 'moderate',
		benefit: 'Places adapt practice to their own context, as fast as their capacity allows, so more needs are resolved ("what works in Wigan might not work in Worcester").',
		cost: 'Places choose differently (the postcode lottery) and low-capacity places drift; gaps widen unless funding follows need and capacity is built. How large gains and costs are turns on assumptions graded weak (how different places are, local adaptation and drift).'
	},
	{
		kind: 'lever', family: 'liberated', id: 'prevention', short: 'pv', label: 'Prevention investment',
		meaning: 'Share of the service budget spent on prevention and outreach rather than acute response.',
		unit: 'share of budget', default: 0.05, min: 0, max: 0.4,
		source: `${S.IPPR}, C3-S2 (smart investment); ${S.MASTERS}; ${S.BENNETT} (Hewitt: +1% to prevention)`,
		grade: 'moderate',
		benefit: 'Fewer people develop needs and reach crisis, after a lag of years.',
		cost: 'Money moves out of acute capacity now, so waits lengthen before the benefits arrive; at high shares more capacity is lost than demand saved.'
	},
	{
		kind: 'lever', family: 'liberated', id: 'relational', short: 'rl', label: 'Relational practice',
		meaning: 'Strengths-based, co-produced "good help": more time per case spent on the person.',
		unit: '0–1', default: 0.3, min: 0, max: 1,
		source: `${S.BENNETT} (good help); ${S.COLLABORATE}; ${S.IPPR}, C3-S5 (IPS, Living Well); ${S.DEMOS}, P9–P10`,
		grade: 'moderate',
		benefit: 'Needs are resolved more often and durably: fewer relapse, capability and trust grow, failure demand falls.',
		cost: 'Each case takes longer, so fewer are seen and waits lengthen.'
	},
	{
		kind: 'lever', family: 'liberated', id: 'integration', short: 'ig', label: 'Service integration',
		meaning: 'Services joined around the person: one front door, pooled budgets.',
		unit: '0–1', default: 0.3, min: 0, max: 1,
		source: `${S.DEMOS}, P4 (silos cost up to £4.3bn a year); ${S.IPPR}, C3-S5 and Case Study 5`,
		grade: 'weak',
		benefit: 'Complex cases are resolved more often and with less work (fewer hand-offs).',
		cost: 'Coordination takes staff time for good; integrating costs money and disrupts for two years after each step up. The balance turns on assumptions graded weak (work saved, coordination time).'
	}
] as const satisfies readonly LeverSpec[];

export type LeverId = (typeof LEVERS)[number]['id'];
export type LeverValues = Record<LeverId, number>;

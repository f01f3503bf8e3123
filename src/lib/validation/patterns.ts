import { defaultAssumptions } from '../model/index';
import type { Summary } from '../ensemble/index';
import { difference, summary, windowMean, type Experiments } from './experiments';

/** A model figure with, where it is an ensemble statistic, its 5–95% interval across runs. */
export interface Measured {
	value: number;
	low?: number;
	high?: number;
}

/** One checkable claim of a pattern: the published figure, the model's, and the tolerance. */
export interface Check {
	claim: string;
	/** The published figure or finding it is checked against. */
	published: string;
	unit: string;
	/** The model figure must lie strictly above `above` and below `below`. */
	above?: number;
	below?: number;
	/** When true, the whole 5–95% interval across paired runs must lie within the bounds. */
	wholeInterval?: boolean;
	measure(x: Experiments): Measured;
}

/** A validation pattern of evidence.md §5. */
export interface Pattern {
	id: number;
	title: string;
	sources: string;
	checks: Check[];
}

/** Within the check's tolerance? */
export function passes(check: Check, m: Measured): boolean {
	const low = check.wholeInterval ? (m.low ?? NaN) : m.value;
	const high = check.wholeInterval ? (m.high ?? NaN) : m.value;
	return (check.above === undefined || low > check.above) && (check.below === undefined || high < check.below);
}

export function tolerance(check: Check): string {
	const what = check.wholeInterval ? 'the 5–95% interval ' : '';
	if (check.above !== undefined && check.below !== undefined) return `${what}between ${check.above} and ${check.below}`;
	if (check.above !== undefined) return `${what}above ${check.above}`;
	return `${what}below ${check.below}`;
}

/** The baseline is calibrated to England c. 2023 over its first three years (scripts/calibrate.ts). */
export const CALIBRATION_MONTHS = 36;

const fromSummary = (s: Summary): Measured => ({ value: s.mean, low: s.p05, high: s.p95 });
const only = (value: number): Measured => ({ value });

// High-stakes targets (targets-and-terror intensity) with weak audit, in a stretched system
// like A&E in 2004/05, when patients reported 77% seen within four hours.
const HIGH_STAKES = { targets: 0.95, inspection: 0.9, audit: 0.05 };
const AUDITED = { ...HIGH_STAKES, audit: 0.8 };
const STRETCHED = { fundingLevel: 0.9 };
const STRONG_TARGETS = { targets: 0.9, inspection: 0.8 };
const NO_TARGETS = { targets: 0, inspection: 0 };

function targetGainAtEqualLoad(x: Experiments, complexShare: number): number {
	const assumptions = { complexShare, fundingLevel: x.loadMatchedFunding({ complexShare }) };
	return difference(x.baselineWith(STRONG_TARGETS, assumptions), x.baselineWith(NO_TARGETS, assumptions)).final[
		'access.trueWithinTarget'
	].mean;
}

/** Devolution's effect (0.9 vs 0, paired) on the most deprived third of areas and on the spread. */
function devolutionEffect(x: Experiments, assumptions: Record<string, number>) {
	const d = difference(x.baselineWith({ devolution: 0.9 }, assumptions), x.baselineWith({ devolution: 0 }, assumptions));
	const byArea = d.byArea['quality.true']!;
	// Areas are numbered from least to most deprived.
	const names = Object.keys(byArea);
	const deprived = names.slice(names.length - Math.max(1, Math.floor(names.length / 3)));
	const deprivedChange = deprived.reduce((sum, name) => sum + byArea[name].mean, 0) / deprived.length;
	return { deprivedChange, spread: d.final['inequality.areaSpread'].mean };
}
const UNFAVOURABLE = { capacityGradient: 1, needWeighting: 0 };
const FAVOURABLE = { capacityGradient: 0, needWeighting: 1 };

/**
 * The ten patterns the model must reproduce, each as experiments on the baseline and checks
 * with the published figure and a tolerance wide enough for a stylised fact but narrow enough
 * to fail a model that gets the direction wrong. Experiments are paired on common seeds.
 */
export const PATTERNS: Pattern[] = [
	{
		id: 1,
		title: 'Measured and true performance come apart under high-stakes targets',
		sources: "Bevan & Hood (2006), Public Administration 84(3) (G1)",
		checks: [
			{
				claim: 'Reported minus true share seen within target, high-stakes targets with weak audit in a stretched system',
				published: 'A&E: 96% official vs 77% patient-reported (2004/05); 90%+ vs 69% (2002/03): gaps of 19–21 points',
				unit: 'percentage points',
				above: 8,
				below: 35,
				measure: (x) => fromSummary(summary(x.baselineWith(HIGH_STAKES, STRETCHED)).final['gaming.gap'])
			},
			{
				claim: 'Reported share seen within target under the same regime',
				published: 'Official figures of 90–96%',
				unit: 'share',
				above: 0.85,
				measure: (x) => fromSummary(summary(x.baselineWith(HIGH_STAKES, STRETCHED)).final['access.reportedWithinTarget'])
			},
			{
				claim: 'Change in the gap when audit is strong (paired)',
				published: 'Audit Commission (2003) spot checks and NAO (2001) found and corrected misreporting',
				unit: 'percentage points',
				below: -1,
				measure: (x) =>
					fromSummary(difference(x.baselineWith(AUDITED, STRETCHED), x.baselineWith(HIGH_STAKES, STRETCHED)).final['gaming.gap'])
			}
		]
	},
	{
		id: 2,
		title: 'Targets still move true performance, on simple routine work',
		sources: 'Propper et al. (2008, 2010) (G11); Kelman & Friedman (2009) (G9); Bevan & Hamblin (2009) (G12)',
		checks: [
			{
				claim: 'Change in true share seen within target, strong targets with sanctions vs none (paired)',
				published: 'English waits fell relative to Scotland "without diverting activity"; "dramatic" improvements 2003–06',
				unit: 'share',
				above: 0.05,
				measure: (x) =>
					fromSummary(difference(x.baselineWith(STRONG_TARGETS), x.baselineWith(NO_TARGETS)).final['access.trueWithinTarget'])
			},
			{
				claim: 'Gain on a complex case mix (65%) minus gain on a simple one (15%), at equal load',
				published: 'Targets work for "tame" problems, not complex ones (IPPR 2023, Table 2.1)',
				unit: 'share',
				below: 0,
				measure: (x) => only(targetGainAtEqualLoad(x, 0.65) - targetGainAtEqualLoad(x, 0.15))
			}
		]
	},
	{
		id: 3,
		title: 'Deliberate gaming is a bounded minority, rising with pressure and falling with audit',
		sources: 'Jacob & Levitt (2003) (G14); NAO (2001) (G4); Audit Commission (2003) (G5); Doran et al. (2008) (G16)',
		checks: [
			{
				claim: 'Share of workers deliberately misrecording under the highest pressure',
				published: '4–5% of classrooms; 9 of 300 trusts; 3 of 41 spot-checked trusts; median exception reporting 5.3%',
				unit: 'share',
				below: 0.2,
				measure: (x) => fromSummary(summary(x.baselineWith(HIGH_STAKES, STRETCHED)).final['gaming.workerShare'])
			},
			{
				claim: 'Share of workers deliberately misrecording at baseline',
				published: 'a bounded minority, not zero',
				unit: 'share',
				above: 0.002,
				below: 0.08,
				measure: (x) => fromSummary(summary(x.baselineWith()).final['gaming.workerShare'])
			},
			{
				claim: 'Change with high-stakes pressure (paired)',
				published: 'cheating responds to incentives (Jacob & Levitt 2003)',
				unit: 'share',
				above: 0.01,
				measure: (x) => fromSummary(difference(x.baselineWith(HIGH_STAKES, STRETCHED), x.baselineWith()).final['gaming.workerShare'])
			},
			{
				claim: 'Change with strong audit under the same pressure (paired)',
				published: 'detection and sanctions deter (NAO 2001: staff resigned)',
				unit: 'share',
				below: -0.01,
				measure: (x) =>
					fromSummary(difference(x.baselineWith(AUDITED, STRETCHED), x.baselineWith(HIGH_STAKES, STRETCHED)).final['gaming.workerShare'])
			}
		]
	},
	{
		id: 4,
		title: 'Multitask signature: measured outcomes improve, unmeasured ones stagnate or worsen',
		sources: 'Propper, Burgess & Gossage (2008) (G18); Santos, Rice & Gravelle (2020) (G19); Holmström & Milgrom (1991)',
		checks: [
			{
				claim: 'Change in reported share within target under targets with performance pay (paired)',
				published: 'tracked waiting times improved; incentivised ACS admissions fell 20%',
				unit: 'share',
				above: 0,
				wholeInterval: true,
				measure: (x) =>
					fromSummary(
						difference(x.baselineWith({ targets: 0.95, inspection: 0.8, performancePay: 0.8 }), x.baselineWith()).final[
							'access.reportedWithinTarget'
						]
					)
			},
			{
				claim: 'Change in needs resolved (unmeasured) under the same regime',
				published: 'untracked AMI deaths rose; all ACS admissions rose 4.7%',
				unit: 'share',
				below: 0.01,
				measure: (x) =>
					fromSummary(difference(x.baselineWith({ targets: 0.95, inspection: 0.8, performancePay: 0.8 }), x.baselineWith()).final['quality.true'])
			}
		]
	},
	{
		id: 5,
		title: 'Crowding out: contingent incentives lower intrinsic motivation; motivation drives quality, incentives quantity',
		sources: 'Deci, Koestner & Ryan (1999) (M1); Cerasoli, Nicklin & Ford (2014) (M2)',
		checks: [
			{
				claim: 'Effect of full performance pay on motivation, in SDs of recruits\' motivation (paired)',
				published: 'd = −0.28 (performance-contingent) to −0.40 (engagement-contingent)',
				unit: 'SD',
				above: -0.6,
				below: -0.15,
				measure: (x) => {
					const sd = defaultAssumptions().intrinsicSpread;
					const s = difference(x.baselineWith({ performancePay: 1 }), x.baselineWith({ performancePay: 0 })).final['workforce.motivation'];
					return { value: s.mean / sd, low: s.p05 / sd, high: s.p95 / sd };
				}
			},
			{
				claim: 'Change in cases served per worker under full performance pay (quantity)',
				published: 'incentives predict quantity',
				unit: 'cases per month',
				above: 0,
				measure: (x) =>
					fromSummary(difference(x.baselineWith({ performancePay: 1 }), x.baselineWith({ performancePay: 0 })).final['workforce.throughput'])
			},
			{
				claim: 'Change in needs resolved under full performance pay (quality)',
				published: 'intrinsic motivation uniquely predicts quality (ρ = .21–.45)',
				unit: 'share',
				below: 0,
				measure: (x) =>
					fromSummary(difference(x.baselineWith({ performancePay: 1 }), x.baselineWith({ performancePay: 0 })).final['quality.true'])
			},
			{
				claim: 'Change in needs resolved when recruits are more intrinsically motivated (mean 0.75 vs 0.6, paired)',
				published: 'intrinsic motivation predicts performance, ρ = .21–.45, and uniquely predicts quality',
				unit: 'share',
				above: 0,
				wholeInterval: true,
				measure: (x) =>
					fromSummary(difference(x.baselineWith({}, { intrinsicMean: 0.75 }), x.baselineWith()).final['quality.true'])
			}
		]
	},
	{
		id: 6,
		title: 'Workforce baseline: about 30% burnt out, about 10% leaving a year',
		sources: 'NHS Staff Survey 2021–23 (B1); Ge et al. (2023) (B5); Nuffield Trust (2022) (B3); DfE (B7)',
		checks: [
			{
				claim: 'Share of staff burnt out in the baseline\'s first three years (the calibration window)',
				published: '30.4% (2023), 34.0% (2022), 34.5% (2021); meta-analysis 30.0%',
				unit: 'share',
				above: 0.24,
				below: 0.37,
				measure: (x) => only(windowMean(summary(x.baselineWith()), 'workforce.burnoutShare', 0, CALIBRATION_MONTHS))
			},
			{
				claim: 'Annual leaver rate in the baseline\'s first three years (the calibration window)',
				published: 'nurses 11.5% (2022); teachers about 9% (2023/24)',
				unit: 'per year',
				above: 0.07,
				below: 0.14,
				measure: (x) => only(windowMean(summary(x.baselineWith()), 'workforce.leaverRate', 0, CALIBRATION_MONTHS))
			},
			{
				claim: 'Change in leaving when funding is 15% lower and burnout rises (paired)',
				published: 'burnout raises turnover intention (Lee & Ashforth 1996; HRH 2024)',
				unit: 'per year',
				above: 0,
				measure: (x) => fromSummary(difference(x.baselineWith({}, { fundingLevel: 0.85 }), x.baselineWith()).final['workforce.leaverRate'])
			},
			{
				claim: 'Change in leaving when contingent control lowers motivation (paired)',
				published: 'leavers cite being unable to practise to their standards (HRH 2024)',
				unit: 'per year',
				above: 0,
				measure: (x) =>
					fromSummary(difference(x.baselineWith({ performancePay: 1, targets: 1 }), x.baselineWith()).final['workforce.leaverRate'])
			},
			{
				claim: 'Change in open cases per worker when vacancies take 20 months to fill (paired)',
				published: 'vacancies raise caseloads for those who stay (IPPR 2023, C3-S3, A-W4)',
				unit: 'cases',
				above: 0,
				measure: (x) =>
					fromSummary(difference(x.baselineWith({}, { vacancyFillMonths: 20 }), x.baselineWith()).final['workforce.caseloadPerWorker'])
			}
		]
	},
	{
		id: 7,
		title: 'Prevention pays back late; avoidable crisis is more than twice as high where deprived',
		sources: 'Repenning & Sterman (2001) (T6); Masters et al. (2017) (P5); King\'s Fund (2012) (P7)',
		checks: [
			{
				claim: 'Change in true share seen within target in the first year of a shift to 25% prevention (paired)',
				published: 'prevention costs capacity first: the capability trap',
				unit: 'share',
				below: 0,
				measure: (x) => only(windowMean(difference(x.baselineWith({ prevention: 0.25 }), x.baselineWith()), 'access.trueWithinTarget', 0, 12))
			},
			{
				claim: 'Change in crisis rate in the first year of the shift',
				published: 'benefits arrive late ("nobody gets credit for fixing problems that never happened")',
				unit: 'per 1,000 a year',
				above: -2,
				measure: (x) => only(windowMean(difference(x.baselineWith({ prevention: 0.25 }), x.baselineWith()), 'prevention.crisisRate', 0, 12))
			},
			{
				claim: 'Change in crisis rate in years 9–10 of the shift',
				published: 'local public-health interventions return £4.1 per £1',
				unit: 'per 1,000 a year',
				below: -2,
				measure: (x) => fromSummary(difference(x.baselineWith({ prevention: 0.25 }), x.baselineWith()).final['prevention.crisisRate'])
			},
			{
				claim: 'Crisis rate of the most deprived quintile over the least deprived, baseline',
				published: 'ACS admissions more than 2× as high in the most deprived areas',
				unit: 'ratio',
				above: 2,
				measure: (x) => {
					const q = summary(x.baselineWith()).byQuintile['prevention.crisisRate']!;
					return only(q.q5.mean / q.q1.mean);
				}
			}
		]
	},
	{
		id: 8,
		title: 'Failure demand is large in reactive, transactional systems and falls with relational practice',
		sources: 'Public Money & Management (2021) (P2); Masters (2023) (P3); Seddon/Vanguard (P1)',
		checks: [
			{
				claim: 'Failure-demand share of contacts in the baseline\'s first three years',
				published: '30% of non-urgent police demand; nearly half of council benefit contacts',
				unit: 'share',
				above: 0.2,
				below: 0.6,
				measure: (x) => only(windowMean(summary(x.baselineWith()), 'prevention.failureDemandShare', 0, CALIBRATION_MONTHS))
			},
			{
				claim: 'Change with relational, integrated practice (paired)',
				published: 'failure demand falls when needs are resolved the first time',
				unit: 'share',
				below: 0,
				wholeInterval: true,
				measure: (x) =>
					fromSummary(
						difference(x.baselineWith({ relational: 0.8, integration: 0.7 }), x.baselineWith()).final['prevention.failureDemandShare']
					)
			}
		]
	},
	{
		id: 9,
		title: 'Choice and competition with selection: creaming and parking, sorting without an average gain',
		sources: 'Rees, Whitworth & Carter (2014) (I9); Hsieh & Urquiola (2006) (I10)',
		checks: [
			{
				claim: 'Change in the share of complex cases parked under choice and payment by results (paired)',
				published: 'creaming and parking "widespread, systematically embedded" in the Work Programme',
				unit: 'share',
				above: 0.1,
				measure: (x) =>
					fromSummary(
						difference(x.baselineWith({ choice: 0.8, competition: 0.8 }), x.baselineWith({ choice: 0, competition: 0 })).final[
							'gaming.creamedShare'
						]
					)
			},
			{
				claim: 'Change in sorting of users by deprivation across providers (paired)',
				published: 'sorting increased as the best pupils left public schools',
				unit: 'index',
				above: 0,
				measure: (x) =>
					fromSummary(
						difference(x.baselineWith({ choice: 0.8, competition: 0.8 }), x.baselineWith({ choice: 0, competition: 0 })).final[
							'access.sortingIndex'
						]
					)
			},
			{
				claim: 'Change in the average citizen\'s healthy months a year (paired)',
				published: 'average outcomes did not improve (the share resolved among those served is not used: parking changes who is served)',
				unit: 'months a year',
				below: 0.1,
				measure: (x) =>
					fromSummary(
						difference(x.baselineWith({ choice: 0.8, competition: 0.8 }), x.baselineWith({ choice: 0, competition: 0 })).final[
							'wellbeing.healthyMonths'
						]
					)
			}
		]
	},
	{
		id: 10,
		title: 'Devolution raises variation between places; whether gaps widen depends on capacity and funding',
		sources: 'Bevan et al. (2014) (I13); Costa-Font & Turati (2018) (I12); Asaria et al. (2016) (I3)',
		checks: [
			{
				claim: 'Change in between-area spread of needs resolved, devolution 0.9 vs 0 (paired)',
				published: 'the four UK health systems diverged after 1999',
				unit: 'SD',
				above: 0,
				measure: (x) =>
					fromSummary(difference(x.baselineWith({ devolution: 0.9 }), x.baselineWith({ devolution: 0 })).final['inequality.areaSpread'])
			},
			{
				claim: 'Effect of devolution on needs resolved in the most deprived third of areas: where they lack capacity and money, minus where capacity is even and funding follows need',
				published: 'no rise in regional inequality where systems were designed for it (Italy, Spain); targeted funding reversed the inverse care gradient',
				unit: 'share',
				below: 0,
				measure: (x) => only(devolutionEffect(x, UNFAVOURABLE).deprivedChange - devolutionEffect(x, FAVOURABLE).deprivedChange)
			},
			{
				claim: 'Rise in between-area spread by devolution: unfavourable minus favourable conditions',
				published: 'devolution works only where finance follows function (IPPR 2023, C3-S5)',
				unit: 'SD',
				above: 0,
				measure: (x) => only(devolutionEffect(x, UNFAVOURABLE).spread - devolutionEffect(x, FAVOURABLE).spread)
			}
		]
	}
];

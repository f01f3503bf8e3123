/**
 * The ten validation patterns of the brief's evidence (§5): never fitted, never reading back an
 * input. Each check's bounds come from the published figure and were written before the model
 * was run against them; each mutation names a mechanism without which the check must fail.
 * Experiments are paired on common seeds. Figures fitted to these sources are calibration
 * targets (calibration-targets.ts); inputs read back through the model are verification
 * (verifications.ts).
 */
import { above, below, between, type Pattern } from './checks';
import { change, finalOf, quintileOf, windowOf } from './experiments';
import {
	AUDITED,
	devolutionEffect,
	FAVOURABLE,
	HIGH_STAKES,
	INCENTIVISED,
	MARKET,
	NO_MARKET,
	NO_TARGETS,
	preventionReturn,
	STRETCHED,
	STRONG_TARGETS,
	targetGainAtEqualLoad,
	UNFAVOURABLE
} from './experiment-settings';

const PREVENTION_SHIFT = { prevention: 0.25 };

export const PATTERNS: Pattern[] = [
	{
		id: 1,
		title: 'Measured and true performance come apart under high-stakes targets',
		sources: 'Bevan & Hood (2006), Public Administration 84(3); Audit Commission (2003); NAO (2001)',
		checks: [
			{
				claim: 'Reported share seen within target, high-stakes targets with weak audit in a stretched system',
				published: 'Official figures: at least 90% seen within 4 hours at 139 of 158 trusts (2002/03); 96% (2004/05) (Bevan & Hood 2006)',
				unit: 'share',
				// The published range, 5 points below it and 1 above: official returns never exceeded 96%.
				bounds: between(0.85, 0.97),
				measure: (x) => finalOf(x.baselineWith(HIGH_STAKES, STRETCHED), 'access.reportedWithinTarget').interval()
			},
			{
				claim: 'Change in the gaming gap when audit is strong, under the same regime (paired)',
				published: 'Spot checks found deliberate misreporting at 3 of 41 trusts and errors at 19 (Audit Commission 2003); inappropriate adjustments at 9 trusts (NAO 2001)',
				unit: 'percentage points',
				bounds: below(-1),
				measure: (x) => change(x.baselineWith(AUDITED, STRETCHED), x.baselineWith(HIGH_STAKES, STRETCHED), 'gaming.gap').interval(),
				mutations: [{ name: "without audit's detection of misrecording", assumptions: { auditDetection: 0, workerGamingAudit: 0, cultureAudit: 0 } }]
			}
		]
	},
	{
		id: 2,
		title: 'Targets still move true performance, on simple routine work',
		sources: 'Propper et al. (2008, 2010); Kelman & Friedman (2009); Bevan & Hamblin (2009); Quilter-Pinner & Khan (2023), IPPR, Table 2.1',
		checks: [
			{
				claim: 'Change in true share seen within target, strong targets with sanctions vs none (paired)',
				published: 'English waits fell relative to Scotland "without diverting activity" (Propper et al. 2008); "dramatic" improvements 2003–06 (Kelman & Friedman 2009)',
				unit: 'share',
				bounds: above(0.05),
				measure: (x) => change(x.baselineWith(STRONG_TARGETS), x.baselineWith(NO_TARGETS), 'access.trueWithinTarget').interval(),
				mutations: [
					{ name: 'without target streaming (quick cases first)', assumptions: { targetStreaming: 0 } },
					{ name: 'without target streaming, booking to the target or leaving breached cases to last', assumptions: { targetStreaming: 0, targetFocus: 0, breachDeferral: 0 } }
				]
			},
			{
				claim: "Targets' gain in true access on a complex case mix (65%) minus on a simple one (15%), at equal load (per paired run)",
				published: 'Targets work for "tame", simple and routine problems, not complex ones (Quilter-Pinner & Khan 2023, IPPR, Table 2.1)',
				unit: 'share',
				bounds: below(0),
				measure: (x) => targetGainAtEqualLoad(x, 0.65).minus(targetGainAtEqualLoad(x, 0.15)).interval(),
				mutations: [{ name: 'without target streaming (quick cases first)', assumptions: { targetStreaming: 0 } }],
				whyMissed:
					'Streaming quick cases first lifts the share within target in any case mix whose work varies: complex cases differ from simple ones in their mean work, not in how much it varies, so targets gain about as much on either.'
			}
		]
	},
	{
		id: 3,
		title: 'Deliberate gaming is a bounded minority, rising with pressure and falling with audit',
		sources: 'Jacob & Levitt (2003); NAO (2001); Audit Commission (2003); Doran et al. (2008)',
		checks: [
			{
				claim: 'Share of workers deliberately misrecording at baseline',
				published: 'A bounded minority, below the high-stakes level: 9 of 300 trusts (NAO 2001); 3 of 41 spot-checked trusts (Audit Commission 2003); 4–5% of classrooms under high stakes (Jacob & Levitt 2003)',
				unit: 'share',
				bounds: between(0.001, 0.045),
				measure: (x) => finalOf(x.baselineWith(), 'gaming.workerShare').interval()
			},
			{
				claim: 'Change in workers deliberately misrecording with high-stakes pressure (paired)',
				published: 'Cheating responds to small changes in incentives (Jacob & Levitt 2003)',
				unit: 'share',
				bounds: above(0.005),
				measure: (x) => change(x.baselineWith(HIGH_STAKES, STRETCHED), x.baselineWith({}, STRETCHED), 'gaming.workerShare').interval(),
				mutations: [{ name: 'without pressure driving deliberate gaming', assumptions: { workerGamingPressure: 0, workerGamingCulture: 0 } }]
			},
			{
				claim: 'Change in workers deliberately misrecording with strong audit under the same pressure (paired)',
				published: 'Detection and sanctions deter: seven staff resigned after the waiting-list inquiry (NAO 2001; PAC 2002)',
				unit: 'share',
				bounds: below(-0.005),
				measure: (x) => change(x.baselineWith(AUDITED, STRETCHED), x.baselineWith(HIGH_STAKES, STRETCHED), 'gaming.workerShare').interval(),
				mutations: [
					{
						name: "without audit's deterrence of workers",
						assumptions: { workerGamingAudit: 0 },
						whySurvives:
							"Audit also cuts providers' recording culture (sanctions and the culture's own response), which drives workers' gaming, so it still falls by about two points through culture alone; the unit specs catch the deterrence term itself (gaming.spec, culture held fixed)."
					}
				]
			}
		]
	},
	{
		id: 4,
		title: 'Multitask signature: measured outcomes improve, unmeasured ones stagnate or worsen',
		sources: 'Propper, Burgess & Gossage (2008); Santos, Rice & Gravelle (2020); Holmström & Milgrom (1991)',
		checks: [
			{
				claim: 'Change in reported share within target under targets with performance pay (paired)',
				published: 'Tracked waiting times improved (Propper, Burgess & Gossage 2008); incentivised ACS admissions fell 20% (Santos, Rice & Gravelle 2020)',
				unit: 'share',
				bounds: above(0),
				measure: (x) => change(x.baselineWith(INCENTIVISED), x.baselineWith(), 'access.reportedWithinTarget').interval()
			},
			{
				claim: 'Change in needs resolved (unmeasured) under the same regime (paired)',
				published: 'Untracked AMI deaths rose (Propper, Burgess & Gossage 2008); all ACS admissions rose 4.7% (Santos, Rice & Gravelle 2020)',
				unit: 'share',
				bounds: below(0.01),
				measure: (x) => change(x.baselineWith(INCENTIVISED), x.baselineWith(), 'quality.true').interval(),
				mutations: [
					{
						name: 'without effort substitution (measured incentives weighing in how staff use their time)',
						assumptions: { incentiveWeight: 0 },
						whySurvives:
							'Needs resolved also fall through burnout under the pressure, crowding-out and trials judged by speed, so this check does not single out effort substitution; check 4.4 does.'
					}
				]
			},
			{
				claim: 'Change in relational time per case (unmeasured work) under the same regime (paired)',
				published: 'Strong incentives on measured tasks draw effort from unmeasured ones (Holmström & Milgrom 1991)',
				unit: '0–1',
				bounds: below(0),
				measure: (x) => change(x.baselineWith(INCENTIVISED), x.baselineWith(), 'workforce.relationalIntensity').interval(),
				mutations: [
					{
						name: 'without effort substitution (measured incentives weighing in how staff use their time)',
						assumptions: { incentiveWeight: 0 },
						whySurvives:
							"Managers also cut prescribed relational time when the backlog runs beyond a month, and the regime's reporting time lengthens the backlog, so relational time still falls a little without effort substitution (by 0.009, against 0.086 with it; with the backlog squeeze off as well the change is −0.001 [−0.006, 0.004], 32 runs of seed 2024). Effort substitution is over 90% of the fall; check 4.4 (outreach) has no such second path."
					}
				]
			},
			{
				claim: 'Change in time on prevention and outreach (unmeasured work) under the same regime (paired)',
				published: 'Strong incentives on measured tasks draw effort from unmeasured ones (Holmström & Milgrom 1991); prevention gets no credit because the problems it averts never happen (Repenning & Sterman 2001)',
				unit: 'share of time',
				bounds: below(0),
				measure: (x) => change(x.baselineWith(INCENTIVISED), x.baselineWith(), 'workforce.outreachShare').interval(),
				mutations: [{ name: 'without effort substitution (measured incentives weighing in how staff use their time)', assumptions: { incentiveWeight: 0 } }]
			}
		]
	},
	{
		id: 5,
		title: 'Crowding out: contingent incentives lower intrinsic motivation; motivation drives quality, incentives quantity',
		sources: 'Deci, Koestner & Ryan (1999); Cerasoli, Nicklin & Ford (2014)',
		checks: [
			{
				claim: 'Change in cases served per worker under full performance pay (quantity, paired)',
				published: 'Incentives predict quantity (Cerasoli, Nicklin & Ford 2014)',
				unit: 'cases per month',
				bounds: above(0),
				measure: (x) => change(x.baselineWith({ performancePay: 1 }), x.baselineWith({ performancePay: 0 }), 'workforce.throughput').interval()
			},
			{
				claim: 'Change in needs resolved under full performance pay (quality, paired)',
				published: 'Intrinsic motivation uniquely predicts quality, ρ = .21–.45 (Cerasoli, Nicklin & Ford 2014)',
				unit: 'share',
				bounds: below(0),
				measure: (x) => change(x.baselineWith({ performancePay: 1 }), x.baselineWith({ performancePay: 0 }), 'quality.true').interval(),
				mutations: [
					{
						// At 0.3.2 the check survived this (crowding-out was about half the fall, −0.017 without
						// it against −0.037, and without it the 95th percentile sat at zero); at 0.4.0 it fails
						// it, −0.014 [−0.033, 0.007]: on the edge, it may survive again on other paths.
						name: 'without crowding-out',
						assumptions: { crowdingOut: 0 }
					}
				]
			}
		]
	},
	{
		id: 6,
		title: 'Workforce: burnout and low motivation raise leaving',
		sources: 'Lee & Ashforth (1996); Human Resources for Health (2024)',
		checks: [
			{
				claim: 'Change in leaving when funding is 15% lower and burnout rises (paired)',
				published: 'Burnout raises turnover intention (Lee & Ashforth 1996); leavers cite stress and work–life balance (Human Resources for Health 2024)',
				unit: 'per year',
				bounds: above(0),
				measure: (x) => change(x.baselineWith({}, { fundingLevel: 0.85 }), x.baselineWith(), 'workforce.leaverRate').interval(),
				// Missed at 0.2.2 and 0.3.1–0.3.2 (one run's year-10 leaving rate among about 800 workers
				// swings by a few points, so in more than one run in twenty it did not rise: [−0.003,
				// 0.061] at 0.3.1); reproduced, narrowly, at 0.3.0 and 0.4.0 ([0.001, 0.052]).
				mutations: [{ name: "without burnout's effect on leaving", assumptions: { quitBurnout: 0 } }]
			},
			{
				claim: 'Change in leaving when contingent control lowers motivation (paired)',
				published: 'Leavers cite being unable to practise to their professional standards (Human Resources for Health 2024)',
				unit: 'per year',
				bounds: above(0),
				measure: (x) => change(x.baselineWith({ performancePay: 1, targets: 1 }), x.baselineWith(), 'workforce.leaverRate').interval(),
				mutations: [{ name: "without motivation's effect on staying, or burnout's on leaving", assumptions: { quitMotivation: 0, quitBurnout: 0 } }]
			}
		]
	},
	{
		id: 7,
		title: 'Prevention pays back late; avoidable crisis is more than twice as high where deprived',
		sources: "Repenning & Sterman (2001); Masters et al. (2017); Tian, Dixon & Gao (2012)",
		checks: [
			{
				claim: 'Change in true share seen within target in the first year of a shift to 25% prevention (paired)',
				published: 'Prevention costs capacity first: the capability trap (Repenning & Sterman 2001)',
				unit: 'share',
				bounds: below(0),
				measure: (x) =>
					windowOf(x.baselineWith(PREVENTION_SHIFT), 'access.trueWithinTarget', 0, 12)
						.minus(windowOf(x.baselineWith(), 'access.trueWithinTarget', 0, 12))
						.interval()
			},
			{
				claim: 'Change in crisis rate in the first year of the shift (paired)',
				published: 'Benefits arrive late: "nobody ever gets credit for fixing problems that never happened" (Repenning & Sterman 2001)',
				unit: 'per 1,000 a year',
				bounds: above(-2),
				measure: (x) =>
					windowOf(x.baselineWith(PREVENTION_SHIFT), 'prevention.crisisRate', 0, 12)
						.minus(windowOf(x.baselineWith(), 'prevention.crisisRate', 0, 12))
						.interval()
			},
			{
				claim: 'Change in crisis rate in year 10 of the shift (paired)',
				published: 'Local public-health interventions return £4.1 per £1; falls prevention pays back in about 18 months (Masters et al. 2017)',
				unit: 'per 1,000 a year',
				bounds: below(-2),
				measure: (x) => change(x.baselineWith(PREVENTION_SHIFT), x.baselineWith(), 'prevention.crisisRate').interval(),
				mutations: [{ name: "without prevention's effect", assumptions: { preventionMaxEffect: 0 } }],
				whyMissed:
					"Crises fall by 3.2 per 1,000 a year on average in year 10 (from about 17), beyond the bound of 2, and without prevention's effect they rise instead (by 4.8: the shift takes staff from treatment), but one run's year-10 crisis rate among 20,000 citizens swings by about 2 per 1,000, so the fall in a paired run ranges from 1.4 to 4.5 (5–95% over 32 runs), and the check asks every run, not the mean, to clear 2."
			},
			{
				claim: 'Acute crisis costs avoided per £1 of extra prevention spending, years 6–10 of the shift (per paired run)',
				published: 'Median return of local public-health interventions £4.1 per £1 (range −21.3 to 221; Masters et al. 2017)',
				unit: '£ per £',
				// Half the published local median to four times it: a stylised fact in rough size.
				bounds: between(2, 16),
				measure: (x) => preventionReturn(x, PREVENTION_SHIFT, 60, 120).interval(),
				mutations: [{ name: "without prevention's effect", assumptions: { preventionMaxEffect: 0 } }],
				whyMissed:
					'The model counts only the acute cost of the crises prevention avoids (about 3 fewer per 1,000 a year at £2,500 each), not the health and wider gains the published returns count, so the return is a few pence per pound.'
			},
			{
				claim: 'Crisis rate of the most deprived quintile over the least deprived, baseline (per run)',
				published: 'ACS admissions more than 2× as high in the most deprived areas as in the least (Tian, Dixon & Gao 2012)',
				unit: 'ratio',
				bounds: above(2),
				measure: (x) => {
					const base = x.baselineWith();
					return quintileOf(base, 'prevention.crisisRate', 5).dividedBy(quintileOf(base, 'prevention.crisisRate', 1)).interval();
				},
				// Missed at 0.3.2 ([1.82, 4.30]: the least deprived fifth of 20,000 citizens has some 25 to
				// 50 crises in a run's final year, so one run's ratio swings from about 1.8 to 4.5);
				// reproduced at 0.3.1 ([2.04, 4.26]) and 0.4.0 ([2.05, 3.76]).
				mutations: [{ name: 'without the deprivation gradient of risk', assumptions: { deprivationRisk: 0 } }]
			}
		]
	},
	{
		id: 8,
		title: 'Failure demand falls when services resolve needs relationally',
		sources: 'Public Money & Management (2021); Masters (2023); Seddon / Vanguard',
		checks: [
			{
				claim: 'Change in failure-demand share with relational practice alone at 0.8 (paired)',
				published: 'Failure demand falls when needs are resolved the first time: 30% of non-urgent police demand avoidable (Public Money & Management 2021)',
				unit: 'share',
				bounds: below(0),
				measure: (x) => change(x.baselineWith({ relational: 0.8 }), x.baselineWith(), 'prevention.failureDemandShare').interval(),
				mutations: [
					{ name: 'without relational work resolving more needs or preventing relapse', assumptions: { successRelational: 0, relapseTransactional: 0 } }
				],
				whyMissed:
					"Failure demand falls on average, by 1.2 points (32 runs at model 0.4.0; 1.8 at 0.3.2), and without relational work's effects it rises instead (by 2.3 points at 0.3.2: relational cases take longer), but a run's final-year share of demand that is failure demand swings by about as much as the fall, so the 5–95% interval over 32 runs reaches above zero: [−0.026, 0.003] at 0.4.0. At 0.3.2 it was reproduced at the report's seed ([−0.035, −0.002]) and missed at its other two. The check asks every paired run, not the mean, to show the fall."
			}
		]
	},
	{
		id: 9,
		title: 'Choice and competition with selection: sorting without an average gain',
		// Parking and declining under payment by results read their coefficients back: verification.
		sources: 'Hsieh & Urquiola (2006); Rees, Whitworth & Carter (2014)',
		checks: [
			{
				claim: 'Change in sorting of users by deprivation across providers under choice and competition (paired)',
				published: 'Sorting increased as the best pupils left public schools (Hsieh & Urquiola 2006)',
				unit: 'index',
				bounds: above(0),
				measure: (x) => change(x.baselineWith(MARKET), x.baselineWith(NO_MARKET), 'access.sortingIndex').interval(),
				whyMissed:
					'Choosers can reach providers in other areas, and those in deprived, under-funded areas who can choose leave for better-funded ones, so choice mixes users rather than sorting them; providers do not select by residence or ability, as oversubscribed schools do.'
			},
			{
				claim: 'Change in needs resolved under choice and competition (paired)',
				published: 'Average outcomes did not improve (Hsieh & Urquiola 2006)',
				unit: 'share',
				bounds: below(0.02),
				measure: (x) => change(x.baselineWith(MARKET), x.baselineWith(NO_MARKET), 'quality.true').interval(),
				whyMissed:
					'Money following results grows well-managed providers and choosers move to them, so the average share resolved rises, by about two points on average: around the bound, and beyond it in many runs.'
			}
		]
	},
	{
		id: 10,
		title: 'Devolution raises variation between places; whether gaps widen depends on capacity and funding',
		sources: 'Bevan et al. (2014); Costa-Font & Turati (2018); Asaria et al. (2016)',
		checks: [
			{
				claim: 'Change in between-area spread of needs resolved, devolution 0.9 vs 0 (paired)',
				published: 'The four UK health systems diverged after devolution in 1999 (Bevan et al. 2014)',
				unit: 'SD',
				bounds: above(0),
				measure: (x) => change(x.baselineWith({ devolution: 0.9 }), x.baselineWith({ devolution: 0 }), 'inequality.areaSpread').interval(),
				whyMissed:
					'Central standardisation is itself unequal: one national practice fits some places and not others. Devolution lets every place move toward its own context, which evens out fit as much as places\' own choices spread them.'
			},
			{
				claim: 'Effect of devolution on needs resolved in the most deprived third of areas: where they lack capacity and money, minus where capacity is even and funding follows need (per paired run)',
				published: 'No rise in regional inequality where systems were designed for it (Costa-Font & Turati 2018); targeted funding reversed the inverse care gradient (Asaria et al. 2016)',
				unit: 'share',
				bounds: below(0),
				measure: (x) => devolutionEffect(x, UNFAVOURABLE).deprived.minus(devolutionEffect(x, FAVOURABLE).deprived).interval(),
				whyMissed:
					'Devolution helps deprived areas by fitting practice to them even with less capacity, so where capacity and funding are unfavourable they gain less but not clearly less: the difference is within run-to-run noise.'
			},
			{
				claim: 'Rise in between-area spread by devolution: unfavourable minus favourable conditions (per paired run)',
				published: 'Devolution works only where finance follows function (Quilter-Pinner & Khan 2023, IPPR, C3-S5)',
				unit: 'SD',
				bounds: above(0),
				measure: (x) => devolutionEffect(x, UNFAVOURABLE).spread.minus(devolutionEffect(x, FAVOURABLE).spread).interval(),
				whyMissed:
					'Devolution raises the spread a little more where capacity is uneven and funding ignores need (about half a point on average), but places drift and lean at random, so in some runs it is the other way round.'
			}
		]
	}
];

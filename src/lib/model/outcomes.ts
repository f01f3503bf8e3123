/** The model's public outcomes. Ids are stable: they are the model's interface. */
export interface OutcomeSpec {
	id: string;
	label: string;
	unit: string;
	meaning: string;
	family: 'access' | 'gaming' | 'workforce' | 'prevention' | 'inequality' | 'quality' | 'cost' | 'trust' | 'wellbeing';
	/** Which is better for citizens or staff, for colouring differences. */
	better: 'higher' | 'lower' | 'neither';
	/** Whether the outcome is defined by deprivation quintile and by area. */
	byQuintile: boolean;
	byArea: boolean;
}

export const OUTCOMES = [
	{ id: 'access.trueWithinTarget', label: 'Seen within target (true)', unit: 'share', family: 'access', better: 'higher', byQuintile: true, byArea: true,
		meaning: 'Share of cases served this month whose true wait was within the target days.' },
	{ id: 'access.allNeedWithinTarget', label: 'All requests within target', unit: 'share', family: 'access', better: 'higher', byQuintile: true, byArea: true,
		meaning: 'Cases seen within the target days over everyone whose request ended this month: served, turned away, declined, or reaching crisis while waiting. Rationing lowers it.' },
	{ id: 'access.reportedWithinTarget', label: 'Seen within target (reported)', unit: 'share', family: 'access', better: 'neither', byQuintile: true, byArea: true,
		meaning: 'Share of cases served this month recorded as within the target days.' },
	{ id: 'access.meanWaitDays', label: 'Mean true wait', unit: 'days', family: 'access', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Mean true wait in days of cases served this month.' },
	{ id: 'access.medianWaitDays', label: 'Median true wait', unit: 'days', family: 'access', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Median true wait in days of cases served this month.' },
	{ id: 'access.p92WaitDays', label: '92nd-percentile true wait', unit: 'days', family: 'access', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'True wait in days that 92% of cases served this month did not exceed (the NHS referral-to-treatment standard is set at this percentile).' },
	{ id: 'access.waitingListPer1000', label: 'Waiting list', unit: 'per 1,000 citizens', family: 'access', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Citizens on a waiting list at the end of the month, per 1,000 citizens.' },
	{ id: 'access.clinicallyLateShare', label: 'Seen clinically late', unit: 'share', family: 'access', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Share of cases served this month that waited longer than their clinical allowance (how long they could safely wait).' },
	{ id: 'access.sortingIndex', label: 'Sorting of users', unit: 'index', family: 'access', better: 'lower', byQuintile: false, byArea: false,
		meaning: 'How far users sort by deprivation across providers beyond where they live: the between-provider share of deprivation variance now minus with everyone at their home provider, over the variance within areas (0: no sorting; negative: choice mixes users).' },
	{ id: 'gaming.gap', label: 'Gaming gap', unit: 'percentage points', family: 'gaming', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Reported minus true share seen within target, in percentage points.' },
	{ id: 'gaming.workerShare', label: 'Workers gaming', unit: 'share', family: 'gaming', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Share of workers who deliberately misrecorded data this month.' },
	{ id: 'gaming.creamedShare', label: 'Complex declined or parked', unit: 'share', family: 'gaming', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Chance that a complex case is declined at entry (cream-skimming) or, once waiting, parked behind easier cases when it comes up: 1 − (1 − declined share)(1 − parked share).' },
	{ id: 'gaming.parkedShare', label: 'Complex cases parked', unit: 'share', family: 'gaming', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Share of complex cases coming up on the waiting list that providers parked behind easier cases.' },
	{ id: 'gaming.culture', label: 'Gaming culture', unit: '0–1', family: 'gaming', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Mean share of breaches that providers\' recording practices hide.' },
	{ id: 'workforce.burnoutShare', label: 'Staff burnt out', unit: 'share', family: 'workforce', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Share of staff burnt out.' },
	{ id: 'workforce.leaverRate', label: 'Leaver rate', unit: 'per year', family: 'workforce', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Leavers this month (including staff released when posts are cut) over staff, annualised.' },
	{ id: 'workforce.vacancyRate', label: 'Vacancy rate', unit: 'share', family: 'workforce', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Vacant funded posts over funded posts this month, in full-time equivalents (a share of posts, not an annual flow).' },
	{ id: 'workforce.motivation', label: 'Intrinsic motivation', unit: '0–1', family: 'workforce', better: 'higher', byQuintile: false, byArea: true,
		meaning: 'Mean intrinsic motivation of staff.' },
	{ id: 'workforce.skill', label: 'Skill', unit: '0–1', family: 'workforce', better: 'higher', byQuintile: false, byArea: true,
		meaning: 'Mean skill of staff.' },
	{ id: 'workforce.caseloadPerWorker', label: 'Open cases per worker', unit: 'cases', family: 'workforce', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Cases served or waiting this month per full-time-equivalent worker (as caseloads are reported for social workers).' },
	{ id: 'workforce.throughput', label: 'Cases served per worker', unit: 'cases per month', family: 'workforce', better: 'neither', byQuintile: false, byArea: true,
		meaning: 'Cases served this month per full-time member of staff (quantity).' },
	{ id: 'workforce.effort', label: 'Working intensity', unit: '× normal hours', family: 'workforce', better: 'neither', byQuintile: false, byArea: true,
		meaning: 'Mean effort of staff relative to normal hours: above 1 is extra capacity paid for in burnout.' },
	{ id: 'workforce.relationalIntensity', label: 'Relational time per case', unit: '0–1', family: 'workforce', better: 'neither', byQuintile: false, byArea: true,
		meaning: 'Relational intensity of casework that staff chose this month (1 takes the most extra time per case).' },
	{ id: 'workforce.outreachShare', label: 'Time on outreach', unit: 'share of time', family: 'workforce', better: 'neither', byQuintile: false, byArea: true,
		meaning: 'Share of frontline working time spent on prevention and outreach with at-risk citizens.' },
	{ id: 'prevention.crisisRate', label: 'Crisis rate', unit: 'per 1,000 per year', family: 'prevention', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Crisis episodes per 1,000 citizens, annualised.' },
	{ id: 'prevention.failureDemandShare', label: 'Failure demand', unit: 'share', family: 'prevention', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Share of contacts caused by an earlier failure: repeats of unresolved needs and crises while waiting.' },
	{ id: 'prevention.revolvingDoorRate', label: 'Repeat crises', unit: 'per 1,000 per year', family: 'prevention', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Crises of citizens who had another crisis in the previous 12 months, per 1,000 citizens, annualised.' },
	{ id: 'prevention.spendShare', label: 'Prevention share of spend', unit: 'share', family: 'prevention', better: 'neither', byQuintile: false, byArea: true,
		meaning: 'Share of service spending that goes to prevention and outreach.' },
	{ id: 'inequality.outcomeGap', label: 'Outcome gap', unit: 'healthy months per year', family: 'inequality', better: 'lower', byQuintile: false, byArea: false,
		meaning: 'Healthy months per person per year (months spent well) in the least deprived quintile minus the most deprived.' },
	{ id: 'inequality.waitGap', label: 'Wait gap', unit: 'days', family: 'inequality', better: 'lower', byQuintile: false, byArea: false,
		meaning: 'Mean true wait of the most deprived quintile minus the least deprived.' },
	{ id: 'inequality.areaSpread', label: 'Postcode lottery', unit: 'SD of share', family: 'inequality', better: 'lower', byQuintile: false, byArea: false,
		meaning: 'Standard deviation across areas of their providers\' smoothed share of needs resolved (the postcode lottery).' },
	{ id: 'quality.true', label: 'Needs resolved', unit: 'share', family: 'quality', better: 'higher', byQuintile: true, byArea: true,
		meaning: 'Share of cases served this month whose need was resolved (true quality).' },
	{ id: 'cost.perResolvedNeed', label: 'Cost per resolved need', unit: '£', family: 'cost', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Service spending plus the acute cost of crises, over needs resolved.' },
	{ id: 'cost.totalPerCitizen', label: 'System cost per citizen', unit: '£ per year', family: 'cost', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Service spending plus the acute cost of crises per citizen, annualised.' },
	{ id: 'trust.mean', label: 'Trust in services', unit: '0–1', family: 'trust', better: 'higher', byQuintile: true, byArea: true,
		meaning: 'Mean citizen trust in services.' },
	{ id: 'wellbeing.healthyMonths', label: 'Healthy months', unit: 'months per year', family: 'wellbeing', better: 'higher', byQuintile: true, byArea: true,
		meaning: 'Months per person per year spent well: not at risk with a need (presented or not), waiting, or in crisis.' }
] as const satisfies readonly OutcomeSpec[];

export type OutcomeId = (typeof OUTCOMES)[number]['id'];

export const OUTCOME_IDS: readonly OutcomeId[] = OUTCOMES.map((o) => o.id);

/** Index of each outcome in series arrays. */
export const OUTCOME_INDEX: Readonly<Record<OutcomeId, number>> = Object.fromEntries(
	OUTCOMES.map((o, i) => [o.id, i])
) as Record<OutcomeId, number>;

export function findOutcome(id: string): OutcomeSpec | undefined {
	return OUTCOMES.find((o) => o.id === id);
}

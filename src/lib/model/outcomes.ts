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
	{ id: 'access.reportedWithinTarget', label: 'Seen within target (reported)', unit: 'share', family: 'access', better: 'neither', byQuintile: true, byArea: true,
		meaning: 'Share of cases served this month recorded as within the target days.' },
	{ id: 'access.meanWaitDays', label: 'Mean true wait', unit: 'days', family: 'access', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Mean true wait in days of cases served this month.' },
	{ id: 'access.sortingIndex', label: 'Sorting of users', unit: '0–1', family: 'access', better: 'lower', byQuintile: false, byArea: false,
		meaning: 'Share of the deprivation variance within areas that lies between providers: how far users sort by deprivation (0: every provider in an area serves the same mix).' },
	{ id: 'gaming.gap', label: 'Gaming gap', unit: 'percentage points', family: 'gaming', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Reported minus true share seen within target, in percentage points.' },
	{ id: 'gaming.workerShare', label: 'Workers gaming', unit: 'share', family: 'gaming', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Share of workers who deliberately misrecorded data this month.' },
	{ id: 'gaming.creamedShare', label: 'Complex cases parked', unit: 'share', family: 'gaming', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Share of complex cases in the queue that providers parked behind easier cases.' },
	{ id: 'gaming.culture', label: 'Gaming culture', unit: '0–1', family: 'gaming', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Mean share of breaches that providers\' recording practices hide.' },
	{ id: 'workforce.burnoutShare', label: 'Staff burnt out', unit: 'share', family: 'workforce', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Share of staff burnt out.' },
	{ id: 'workforce.leaverRate', label: 'Leaver rate', unit: 'per year', family: 'workforce', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Leavers this month over staff, annualised.' },
	{ id: 'workforce.vacancyRate', label: 'Vacancy rate', unit: 'share', family: 'workforce', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Vacant funded posts over funded posts this month (a share of posts, not an annual flow).' },
	{ id: 'workforce.motivation', label: 'Intrinsic motivation', unit: '0–1', family: 'workforce', better: 'higher', byQuintile: false, byArea: true,
		meaning: 'Mean intrinsic motivation of staff.' },
	{ id: 'workforce.skill', label: 'Skill', unit: '0–1', family: 'workforce', better: 'higher', byQuintile: false, byArea: true,
		meaning: 'Mean skill of staff.' },
	{ id: 'workforce.caseloadPerWorker', label: 'Open cases per worker', unit: 'cases', family: 'workforce', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Cases served or waiting this month per member of staff.' },
	{ id: 'workforce.throughput', label: 'Cases served per worker', unit: 'cases per month', family: 'workforce', better: 'neither', byQuintile: false, byArea: true,
		meaning: 'Cases served this month per member of staff (quantity).' },
	{ id: 'prevention.crisisRate', label: 'Crisis rate', unit: 'per 1,000 per year', family: 'prevention', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Crisis episodes per 1,000 citizens, annualised.' },
	{ id: 'prevention.failureDemandShare', label: 'Failure demand', unit: 'share', family: 'prevention', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Share of contacts caused by an earlier failure: repeats of unresolved needs and crises while waiting.' },
	{ id: 'prevention.revolvingDoorRate', label: 'Repeat crises', unit: 'per 1,000 per year', family: 'prevention', better: 'lower', byQuintile: true, byArea: true,
		meaning: 'Crises of citizens who had another crisis in the previous 12 months, per 1,000 citizens, annualised.' },
	{ id: 'prevention.spendShare', label: 'Prevention share of spend', unit: 'share', family: 'prevention', better: 'neither', byQuintile: false, byArea: true,
		meaning: 'Share of service spending that goes to prevention and outreach.' },
	{ id: 'inequality.outcomeGap', label: 'Outcome gap', unit: 'healthy months per year', family: 'inequality', better: 'lower', byQuintile: false, byArea: false,
		meaning: 'Healthy months per person per year in the least deprived quintile minus the most deprived.' },
	{ id: 'inequality.waitGap', label: 'Wait gap', unit: 'days', family: 'inequality', better: 'lower', byQuintile: false, byArea: false,
		meaning: 'Mean true wait of the most deprived quintile minus the least deprived.' },
	{ id: 'inequality.areaSpread', label: 'Postcode lottery', unit: 'SD of share', family: 'inequality', better: 'lower', byQuintile: false, byArea: false,
		meaning: 'Standard deviation across areas of the smoothed share of needs resolved.' },
	{ id: 'quality.true', label: 'Needs resolved', unit: 'share', family: 'quality', better: 'higher', byQuintile: true, byArea: true,
		meaning: 'Share of cases served this month whose need was resolved (true quality).' },
	{ id: 'cost.perResolvedNeed', label: 'Cost per resolved need', unit: '£', family: 'cost', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Service spending plus the acute cost of crises, over needs resolved.' },
	{ id: 'cost.totalPerCitizen', label: 'System cost per citizen', unit: '£ per year', family: 'cost', better: 'lower', byQuintile: false, byArea: true,
		meaning: 'Service spending plus the acute cost of crises per citizen, annualised.' },
	{ id: 'trust.mean', label: 'Trust in services', unit: '0–1', family: 'trust', better: 'higher', byQuintile: true, byArea: true,
		meaning: 'Mean citizen trust in services.' },
	{ id: 'wellbeing.healthyMonths', label: 'Healthy months', unit: 'months per year', family: 'wellbeing', better: 'higher', byQuintile: true, byArea: true,
		meaning: 'Months per person per year not spent waiting with a presenting need or in crisis.' }
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

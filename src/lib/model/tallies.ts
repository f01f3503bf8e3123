import { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE } from './constants';

/**
 * Monthly event counts by group (overall, quintiles, areas), reset each month and turned into
 * outcomes by the collector. One flat Float64Array: group g, key k is at g * TALLY_KEYS + k.
 */
export const T = {
	population: 0,
	healthy: 1,
	trustSum: 2,
	contacts: 3,
	failureContacts: 4,
	crises: 5,
	repeatCrises: 6,
	served: 7,
	trueWithin: 8,
	recordedWithin: 9,
	waitDaysSum: 10,
	resolved: 11,
	complexConsidered: 12,
	parked: 13,
	turnedAway: 14,
	staff: 15,
	burnt: 16,
	gaming: 17,
	motivationSum: 18,
	skillSum: 19,
	leavers: 20,
	posts: 21,
	vacancies: 22,
	openCases: 23,
	spend: 24,
	preventionSpend: 25,
	qualityStock: 26,
	cultureSum: 27,
	staffBefore: 28,
	providerServed: 29,
	crisisCost: 30
} as const;

export const TALLY_KEYS = 31;

export interface Tallies {
	groups: number;
	values: Float64Array;
}

export function allocateTallies(areas: number): Tallies {
	const groups = GROUP_FIRST_AREA + areas;
	return { groups, values: new Float64Array(groups * TALLY_KEYS) };
}

/** Add `amount` to key `k` for the overall group, the citizen's quintile and area. */
export function tallyCitizen(
	values: Float64Array,
	k: number,
	quintile: number,
	area: number,
	amount: number
): void {
	values[k] += amount;
	values[(GROUP_FIRST_QUINTILE + quintile) * TALLY_KEYS + k] += amount;
	values[(GROUP_FIRST_AREA + area) * TALLY_KEYS + k] += amount;
}

/** Add `amount` to key `k` for the overall group and an area. */
export function tallyArea(values: Float64Array, k: number, area: number, amount: number): void {
	values[k] += amount;
	values[(GROUP_FIRST_AREA + area) * TALLY_KEYS + k] += amount;
}

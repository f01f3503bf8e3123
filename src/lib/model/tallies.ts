import { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, QUINTILES } from './constants';
import { separateColumns, type ColumnSource } from './arena';

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
	cultureSum: 26,
	staffBefore: 27,
	providerServed: 28,
	complexReferrals: 29,
	declined: 30,
	crisesWhileWaiting: 31,
	clinicallyLate: 32,
	waiting: 33,
	staffFte: 34,
	redundancies: 35,
	effortSum: 36,
	caseworkUnits: 37,
	relationalUnits: 38,
	outreachUnits: 39,
	effortHeads: 40
} as const;

export const TALLY_KEYS = 41;

export interface Tallies {
	groups: number;
	/** By group: overall, quintiles, areas. */
	values: Float64Array;
	/** Citizen events by (area, quintile) cell, folded into the groups once a month. */
	cells: Float64Array;
}

/** Tallies for `areas` areas, the cells (which the service kernel counts into) from `source`. */
export function allocateTallies(areas: number, source: ColumnSource = separateColumns): Tallies {
	const groups = GROUP_FIRST_AREA + areas;
	return {
		groups,
		values: new Float64Array(groups * TALLY_KEYS),
		cells: source.column(Float64Array, areas * QUINTILES * TALLY_KEYS)
	};
}

/** Add `amount` to key `k` for a citizen of this quintile and area (one write; folded later). */
export function tallyCitizen(cells: Float64Array, k: number, quintile: number, area: number, amount: number): void {
	cells[(area * QUINTILES + quintile) * TALLY_KEYS + k] += amount;
}

/** Add the month's cell tallies to the overall, quintile and area groups, and clear the cells. */
export function foldCells(tallies: Tallies): void {
	const { values, cells } = tallies;
	const areas = cells.length / (QUINTILES * TALLY_KEYS);
	for (let a = 0; a < areas; a++) {
		for (let q = 0; q < QUINTILES; q++) {
			const cell = (a * QUINTILES + q) * TALLY_KEYS;
			const quintile = (GROUP_FIRST_QUINTILE + q) * TALLY_KEYS;
			const area = (GROUP_FIRST_AREA + a) * TALLY_KEYS;
			for (let k = 0; k < TALLY_KEYS; k++) {
				const v = cells[cell + k];
				if (v === 0) continue;
				values[k] += v;
				values[quintile + k] += v;
				values[area + k] += v;
			}
		}
	}
	cells.fill(0);
}

/** Add `amount` to key `k` for the overall group and an area. */
export function tallyArea(values: Float64Array, k: number, area: number, amount: number): void {
	values[k] += amount;
	values[(GROUP_FIRST_AREA + area) * TALLY_KEYS + k] += amount;
}

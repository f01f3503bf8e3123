import { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, QUINTILES } from '../constants';
import { layOutCommon } from '../kernel-tables';
import { OUTCOME_INDEX as O, OUTCOMES } from '../outcomes';
import { foldCells, T, TALLY_KEYS, tallyArea, tallyCitizen } from '../tallies';
import { WAIT_BINS, waitQuantile, waitTotal } from '../wait-bins';
import type { World } from '../world';


/**
 * Process 9 — outcomes. Turn the month's tallies into every outcome, overall, by deprivation
 * quintile and by area, and write them into `series` at `index`:
 * series[(outcome * groups + group) * months + index].
 */
export function collectOutcomes(world: World, series: Float64Array, months: number, index: number): void {
	tallyWorkforce(world);
	tallyCells(world);
	foldCells(world.tallies);
	const waits = world.waitGroups;
	const v = world.tallies.values;
	const groups = world.tallies.groups;
	const areas = world.areas;
	const crisisCost = world.p.crisisCost;


	const put = (outcome: number, group: number, value: number) => {
		series[(outcome * groups + group) * months + index] = value;
	};
	const ratio = (num: number, den: number) => (den > 0 ? num / den : NaN);
	const shareOrZero = (num: number, den: number) => (den > 0 ? num / den : 0);

	for (let g = 0; g < groups; g++) {
		const isQuintile = g >= GROUP_FIRST_QUINTILE && g < GROUP_FIRST_AREA;
		const isArea = g >= GROUP_FIRST_AREA;
		const b = g * TALLY_KEYS;
		const pop = v[b + T.population];
		const served = v[b + T.served];
		const trueWithin = ratio(v[b + T.trueWithin], served);
		const reported = ratio(v[b + T.recordedWithin], served);
		const cost = v[b + T.spend] + crisisCost * v[b + T.crises];
		const declined = shareOrZero(v[b + T.declined], v[b + T.complexReferrals]);
		const parked = shareOrZero(v[b + T.parked], v[b + T.complexConsidered]);
		const ended = served + v[b + T.turnedAway] + v[b + T.declined] + v[b + T.crisesWhileWaiting];
		put(O['access.trueWithinTarget'], g, trueWithin);
		put(O['access.allNeedWithinTarget'], g, ratio(v[b + T.trueWithin], ended));
		put(O['access.reportedWithinTarget'], g, reported);
		put(O['access.meanWaitDays'], g, ratio(v[b + T.waitDaysSum], served));
		const counted = waitTotal(waits, g * WAIT_BINS);
		put(O['access.medianWaitDays'], g, waitQuantile(waits, g * WAIT_BINS, 0.5, counted));
		put(O['access.p92WaitDays'], g, waitQuantile(waits, g * WAIT_BINS, 0.92, counted));
		put(O['access.waitingListPer1000'], g, (1000 * v[b + T.waiting]) / pop);
		put(O['access.clinicallyLateShare'], g, ratio(v[b + T.clinicallyLate], served));
		put(O['gaming.gap'], g, 100 * (reported - trueWithin));
		put(O['gaming.creamedShare'], g, 1 - (1 - declined) * (1 - parked));
		put(O['gaming.parkedShare'], g, parked);
		put(O['prevention.crisisRate'], g, (12000 * v[b + T.crises]) / pop);
		put(O['prevention.failureDemandShare'], g, shareOrZero(v[b + T.failureContacts], v[b + T.contacts]));
		put(O['prevention.revolvingDoorRate'], g, (12000 * v[b + T.repeatCrises]) / pop);
		put(O['quality.true'], g, ratio(v[b + T.resolved], served));
		put(O['trust.mean'], g, v[b + T.trustSum] / pop);
		put(O['wellbeing.healthyMonths'], g, (12 * v[b + T.healthy]) / pop);
		if (isQuintile) continue;
		const staff = v[b + T.staff];
		put(O['gaming.workerShare'], g, shareOrZero(v[b + T.gaming], staff));
		put(O['gaming.culture'], g, ratio(v[b + T.cultureSum], countProviders(world, g)));
		put(O['workforce.burnoutShare'], g, ratio(v[b + T.burnt], staff));
		put(O['workforce.leaverRate'], g, (12 * v[b + T.leavers]) / v[b + T.staffBefore]);
		put(O['workforce.vacancyRate'], g, shareOrZero(v[b + T.vacancies], v[b + T.posts]));
		put(O['workforce.motivation'], g, ratio(v[b + T.motivationSum], staff));
		put(O['workforce.skill'], g, ratio(v[b + T.skillSum], staff));
		put(O['workforce.caseloadPerWorker'], g, ratio(v[b + T.openCases], v[b + T.staffFte]));
		put(O['workforce.throughput'], g, ratio(v[b + T.providerServed], v[b + T.staffFte]));
		put(O['workforce.effort'], g, ratio(v[b + T.effortSum], v[b + T.effortHeads]));
		put(O['workforce.relationalIntensity'], g, ratio(v[b + T.relationalUnits], v[b + T.caseworkUnits]));
		put(O['workforce.outreachShare'], g, ratio(v[b + T.outreachUnits], v[b + T.caseworkUnits] + v[b + T.outreachUnits]));
		put(O['prevention.spendShare'], g, shareOrZero(v[b + T.preventionSpend], v[b + T.spend]));
		put(O['cost.perResolvedNeed'], g, ratio(cost, v[b + T.resolved]));
		put(O['cost.totalPerCitizen'], g, (12 * cost) / pop);
		if (isArea) continue;
		put(O['access.sortingIndex'], g, sortingIndex(world));
		put(O['inequality.outcomeGap'], g, 12 * (quintileHealthyShare(v, 0) - quintileHealthyShare(v, QUINTILES - 1)));
		put(
			O['inequality.waitGap'],
			g,
			quintileRatio(v, QUINTILES - 1, T.waitDaysSum, T.served) - quintileRatio(v, 0, T.waitDaysSum, T.served)
		);
		put(O['inequality.areaSpread'], g, areaQualitySpread(world));
	}
	// Outcomes not defined for a kind of group are NaN.
	for (let o = 0; o < OUTCOMES.length; o++) {
		const spec = OUTCOMES[o];
		for (let g = 1; g < groups; g++) {
			const isQuintile = g < GROUP_FIRST_AREA;
			if ((isQuintile && !spec.byQuintile) || (!isQuintile && !spec.byArea)) put(o, g, NaN);
		}
	}
}

/** Add citizens well, citizens waiting and trust, kept by cell, to the tallies. */
function tallyCells(world: World): void {
	const cells = world.tallies.cells;
	for (let a = 0; a < world.areas.n; a++) {
		for (let q = 0; q < QUINTILES; q++) {
			const cell = a * QUINTILES + q;
			tallyCitizen(cells, T.healthy, q, a, world.cellWell[cell]);
			tallyCitizen(cells, T.waiting, q, a, world.cellWaiting[cell]);
			tallyCitizen(cells, T.trustSum, q, a, world.cellTrust[cell]);
		}
	}
}

/** Add the workforce and provider figures of the month to the area tallies. */
function tallyWorkforce(world: World): void {
	const pr = world.providers;
	const v = world.tallies.values;
	const arena = world.arena;
	const kernels = arena.kernels;
	const sums = world.workerSums;
	layOutCommon(world);
	kernels.beginTally(arena.at(world.kernelColumns), arena.at(world.kernelScalars));
	for (let k = 0; k < pr.n; k++) {
		const a = pr.area[k];
		// The provider's staff counted and summed in slot order (assembly/collect-outcomes.ts).
		kernels.workersTally(pr.slotStart[k], pr.slotStart[k] + pr.slotCount[k]);
		const staff = sums[0];
		const fte = sums[1];
		const burnt = sums[2];
		const gaming = sums[3];
		const motivation = sums[4];
		const skill = sums[5];
		const posts = pr.posts[k];
		tallyArea(v, T.staff, a, staff);
		tallyArea(v, T.staffFte, a, fte);
		tallyArea(v, T.burnt, a, burnt);
		tallyArea(v, T.gaming, a, gaming);
		tallyArea(v, T.motivationSum, a, motivation);
		tallyArea(v, T.skillSum, a, skill);
		tallyArea(v, T.posts, a, posts);
		tallyArea(v, T.vacancies, a, Math.max(0, posts - fte));
		tallyArea(v, T.openCases, a, pr.monthServed[k] + pr.queueLength[k]);
		tallyArea(v, T.providerServed, a, pr.monthServed[k]);
		tallyArea(v, T.cultureSum, a, pr.culture[k]);
	}
}

function countProviders(world: World, group: number): number {
	return group === 0 ? world.providers.n : world.areas.providerCount[group - GROUP_FIRST_AREA];
}

function quintileHealthyShare(v: Float64Array, q: number): number {
	const b = (GROUP_FIRST_QUINTILE + q) * TALLY_KEYS;
	return v[b + T.healthy] / v[b + T.population];
}

function quintileRatio(v: Float64Array, q: number, num: number, den: number): number {
	const b = (GROUP_FIRST_QUINTILE + q) * TALLY_KEYS;
	return v[b + den] > 0 ? v[b + num] / v[b + den] : NaN;
}

/**
 * Sorting of users by deprivation across providers beyond what where they live explains: the
 * between-provider sum of squares of deprivation now, minus what it is when everyone uses their
 * home provider, over the within-area sum of squares. 0 without choice; positive when users sort
 * by deprivation, negative when choice mixes them across areas.
 */
function sortingIndex(world: World): number {
	const sum = world.registeredDeprivation;
	const count = world.registeredCount;
	const mean = world.deprivationMean;
	let between = 0;
	for (let k = 0; k < sum.length; k++) {
		if (count[k] > 0) {
			const d = sum[k] / count[k] - mean;
			between += count[k] * d * d;
		}
	}
	const within = world.deprivationTotalSS - world.deprivationAreaSS;
	return within > 0 ? (between - world.deprivationHomeSS) / within : NaN;
}

/**
 * The postcode lottery: the standard deviation across areas of their providers' smoothed share of
 * needs resolved (about a quarter's memory, kept every month, so it has no start-up transient).
 */
function areaQualitySpread(world: World): number {
	const pr = world.providers;
	const areaQuality = world.areaScratch;
	areaQuality.fill(0);
	for (let k = 0; k < pr.n; k++) areaQuality[pr.area[k]] += pr.trueQuality[k] / world.areas.providerCount[pr.area[k]];
	let mean = 0;
	for (let a = 0; a < areaQuality.length; a++) mean += areaQuality[a];
	mean /= areaQuality.length;
	let ss = 0;
	for (let a = 0; a < areaQuality.length; a++) ss += (areaQuality[a] - mean) * (areaQuality[a] - mean);
	return Math.sqrt(ss / areaQuality.length);
}

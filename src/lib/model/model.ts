import { OUTCOMES } from './outcomes';
import { applyLevers } from './mechanisms/levers';
import { stepNeedDynamics } from './mechanisms/need-dynamics';
import { stepAccess } from './mechanisms/access-and-choice';
import { stepService } from './mechanisms/service';
import { stepGaming } from './mechanisms/gaming';
import { stepWorkforce } from './mechanisms/workforce';
import { stepLearning } from './mechanisms/learning';
import { stepFunding } from './mechanisms/funding';
import { collectOutcomes } from './mechanisms/collect-outcomes';
import { LEVERS, defaultLevers, type AssumptionValues, type LeverId, type LeverValues } from './parameters/registry';
import { sharedSettledCache, settledKey, type SettledStateCache } from './settled-cache';
import { spinUpMonths, stepToEnd } from './spin-up';
import { TALLY_KEYS, T } from './tallies';
import { createWorld, HISTOGRAM_BINS, HISTOGRAM_BIN_DAYS, minimumCitizens, type Population, type World } from './world';

/** Everything one replicate needs: resolved inputs, no expressions, no files. */
export interface RunInput {
	/** Lever values by month: `levers[id][t]` for t in 0..months-1. */
	levers: Readonly<Record<LeverId, Float64Array>>;
	assumptions: AssumptionValues;
	population: Population;
	months: number;
	/** Seed of this replicate (already derived from the base seed and replicate index). */
	seed: number;
	/** Collect wait histograms and provider snapshots. */
	detail?: boolean;
}

export interface ProviderSnapshot {
	trueQuality: number;
	reportedPerformance: number;
	caseloadPerWorker: number;
	burnoutShare: number;
	gamingShare: number;
	staff: number;
}

export interface RunOutput {
	months: number;
	/** Months the spin-up took, and whether it settled before the longest spin-up allowed. */
	spinUp: { months: number; settled: boolean };
	/** Groups: overall, quintiles 1..5 (5 = most deprived), then areas. */
	groups: number;
	/** series[(outcome * groups + group) * months + t] */
	series: Float64Array;
	detail?: {
		targetDays: number;
		binDays: number;
		trueWaits: Float64Array;
		recordedWaits: Float64Array;
		providers: { id: number; area: number; start: ProviderSnapshot; end: ProviderSnapshot }[];
	};
}

/** The nine processes, in the order they run every month (frontline effort is decided at the start of service). */
export const PROCESS_ORDER = [
	'levers',
	'need-dynamics',
	'access-and-choice',
	'service',
	'gaming',
	'workforce',
	'learning',
	'funding',
	'collect-outcomes'
] as const;

/** Options of a run that never change its numbers. */
export interface RunOptions {
	/** Where settled states are kept and found (null: none); by default one cache per thread. */
	cache?: SettledStateCache | null;
}

/**
 * Run one replicate: a spin-up under the status-quo levers with no growth until the system has
 * settled (spin-up.ts), then `months` recorded months under the scenario's levers. Pure: same
 * input, same output, in any JavaScript engine, with or without a cache of settled states.
 */
export function runModel(input: RunInput, options: RunOptions = {}): RunOutput {
	return stepToEnd(runMonths(input, options));
}

/**
 * runModel, pausing after every month of the spin-up and of the recorded run, so that a worker
 * can answer messages between months and stop a run nobody wants any more (`throw()` or
 * `return()` on the generator: a recorded run's world then goes back to the cache as a finished
 * one's would).
 * Pausing changes nothing else: stepped to the end, it gives runModel's output exactly.
 */
export function* runMonths(input: RunInput, options: RunOptions = {}): Generator<void, RunOutput, void> {
	const { assumptions: p, population, months } = input;
	const minimum = minimumCitizens(p.postsPer1000, population);
	if (population.citizens < minimum)
		throw new RangeError(`population of ${population.citizens} citizens is below the minimum of ${minimum} for its providers`);
	const cache = options.cache === undefined ? sharedSettledCache : options.cache;
	const { world, spinUpMonths, settled } = yield* settledWorld(input, cache);
	try {
		world.recordStart = world.month;
		world.waitHistogram = input.detail
			? { trueWaits: new Float64Array(HISTOGRAM_BINS), recordedWaits: new Float64Array(HISTOGRAM_BINS) }
			: null;
		const groups = world.tallies.groups;
		const series = new Float64Array(OUTCOMES.length * groups * months);
		const scratch: LeverValues = { ...defaultLevers() };
		let startSnapshot: ProviderSnapshot[] | null = null;

		for (let t = 0; t < months; t++) {
			for (const lever of LEVERS) scratch[lever.id] = input.levers[lever.id][t];
			world.recordHistogram = t >= months - 12;
			stepMonth(world, scratch);
			collectOutcomes(world, series, months, t);
			if (t === 0 && input.detail) startSnapshot = snapshotProviders(world);
			world.month++;
			if (t < months - 1) yield;
		}

		const output: RunOutput = { months, spinUp: { months: spinUpMonths, settled }, groups, series };
		if (input.detail && world.waitHistogram && startSnapshot) {
			const end = snapshotProviders(world);
			output.detail = {
				targetDays: p.targetDays,
				binDays: HISTOGRAM_BIN_DAYS,
				trueWaits: world.waitHistogram.trueWaits,
				recordedWaits: world.waitHistogram.recordedWaits,
				providers: end.map((snapshot, k) => ({
					id: k,
					area: world.providers.area[k],
					start: startSnapshot![k],
					end: snapshot
				}))
			};
		}
		return output;
	} finally {
		// The next settled state is restored into this world (settled-cache.ts says why).
		cache?.release(world);
	}
}

/** The world settled under the status quo for this input's assumptions, population and seed. */
function* settledWorld(
	input: RunInput,
	cache: SettledStateCache | null
): Generator<void, { world: World; spinUpMonths: number; settled: boolean }, void> {
	const key = cache ? settledKey(input.assumptions, input.population, input.seed) : '';
	const cached = cache?.get(key);
	if (cached) {
		// Equal to the cached ones (the key holds them); the caller's own objects, as in a world just built.
		cached.world.p = input.assumptions;
		cached.world.population = input.population;
		return { world: cached.world, spinUpMonths: cached.months, settled: cached.settled };
	}
	const statusQuo = defaultLevers();
	// Built in the arena of the run before, if it is over and laid out alike (a new memory is dear).
	const world = createWorld(input.assumptions, statusQuo, input.population, input.seed, 0, false, 0, cache?.takeSpareArena());
	const result = yield* spinUpMonths(world, statusQuo, Math.round(input.assumptions.spinUpMonths), stepMonth);
	cache?.set(key, world, result.months, result.settled);
	return { world, spinUpMonths: result.months, settled: result.settled };
}

/** The processes of a month after the levers, in PROCESS_ORDER (outcomes apart). */
export const MONTH_STEPS: readonly ((world: World) => void)[] = [
	stepNeedDynamics,
	stepAccess,
	stepService,
	stepGaming,
	stepWorkforce,
	stepLearning,
	stepFunding
];

/** One month: the per-month reset, the levers, then MONTH_STEPS. */
export function stepMonth(world: World, levers: LeverValues): void {
	resetMonth(world);
	applyLevers(world, levers);
	for (const step of MONTH_STEPS) step(world);
}

/** Clear the month's tallies, provider counts, crises, wait histograms and the presenting list. */
export function resetMonth(world: World): void {
	const v = world.tallies.values;
	v.fill(0);
	world.tallies.cells.fill(0);
	const population = world.groupPopulation;
	for (let g = 0; g < population.length; g++) v[g * TALLY_KEYS + T.population] = population[g];
	const pr = world.providers;
	pr.monthPresented.fill(0);
	pr.monthTurnedAway.fill(0);
	pr.monthDeclined.fill(0);
	pr.monthParked.fill(0);
	pr.monthComplexConsidered.fill(0);
	pr.monthServed.fill(0);
	pr.monthTrueWithin.fill(0);
	pr.monthRecordedWithin.fill(0);
	pr.monthResolved.fill(0);
	world.crisesByProvider.fill(0);
	world.waitGroups.fill(0);
	world.presentingCount = 0;
}

function snapshotProviders(world: World): ProviderSnapshot[] {
	const pr = world.providers;
	const snapshots: ProviderSnapshot[] = [];
	for (let k = 0; k < pr.n; k++) {
		snapshots.push({
			trueQuality: pr.trueQuality[k],
			reportedPerformance: pr.reportedPerformance[k],
			caseloadPerWorker: pr.staff[k] > 0 ? (pr.monthServed[k] + pr.queueLength[k]) / pr.staff[k] : NaN,
			burnoutShare: pr.burnoutShare[k],
			gamingShare: pr.gamingShare[k],
			staff: pr.staff[k]
		});
	}
	return snapshots;
}


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
import { TALLY_KEYS, T } from './tallies';
import { createWorld, HISTOGRAM_BIN_DAYS, type Population, type World } from './world';

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

/** The nine processes, in the order they run every month. */
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

/**
 * Run one replicate: a spin-up under the status-quo levers, then `months` recorded months
 * under the scenario's levers. Pure: same input, same output, in any JavaScript engine.
 */
export function runModel(input: RunInput): RunOutput {
	const { assumptions: p, population, months } = input;
	const statusQuo = defaultLevers();
	const spinUp = Math.round(p.spinUpMonths);
	const world = createWorld(p, statusQuo, population, input.seed, 0, input.detail === true, -spinUp);
	const groups = world.tallies.groups;
	const series = new Float64Array(OUTCOMES.length * groups * months);
	const scratch: LeverValues = { ...statusQuo };
	let startSnapshot: ProviderSnapshot[] | null = null;

	for (let t = -spinUp; t < months; t++) {
		world.month = t;
		if (t >= 0) for (const lever of LEVERS) scratch[lever.id] = input.levers[lever.id][t];
		world.recordHistogram = t >= months - 12;
		stepMonth(world, t >= 0 ? scratch : statusQuo);
		if (t >= 0) collectOutcomes(world, series, months, t);
		if (t === 0 && input.detail) startSnapshot = snapshotProviders(world);
	}

	const output: RunOutput = { months, groups, series };
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
}

/** One month: the per-month reset, then the processes in PROCESS_ORDER (outcomes apart). */
export function stepMonth(world: World, levers: LeverValues): void {
	resetMonth(world);
	applyLevers(world, levers);
	stepNeedDynamics(world);
	stepAccess(world);
	stepService(world);
	stepGaming(world);
	stepWorkforce(world);
	stepLearning(world);
	stepFunding(world);
}

/** Clear the month's tallies, provider counts, crises and the presenting list. */
export function resetMonth(world: World): void {
	const v = world.tallies.values;
	v.fill(0);
	world.tallies.cells.fill(0);
	const population = world.groupPopulation;
	for (let g = 0; g < population.length; g++) v[g * TALLY_KEYS + T.population] = population[g];
	const pr = world.providers;
	pr.monthPresented.fill(0);
	pr.monthTurnedAway.fill(0);
	pr.monthParked.fill(0);
	pr.monthComplexConsidered.fill(0);
	pr.monthServed.fill(0);
	pr.monthTrueWithin.fill(0);
	pr.monthRecordedWithin.fill(0);
	pr.monthResolved.fill(0);
	world.crisesByProvider.fill(0);
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


import { finalValue, runEnsemble, summarise, valueAt, type Ensemble } from '../ensemble/index';
import { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, OUTCOME_INDEX, type AssumptionValues, type OutcomeId } from '../model/index';
import { resolveScenario, toRunInput, type Overrides, type ScenarioLibrary } from '../scenario/index';

export const BASELINE_ID = 'baseline-england-2023';
/**
 * Runs in every validation ensemble (checks, mutations, lever audit, report): the one constant.
 * 32, as in the workbench: from 8 runs the 5–95% interval falls between the lowest two and the
 * highest two runs, so it is narrower than the spread it estimates and one run moves its end;
 * checks near a bound then flipped with any change of path. From 32 it falls between the second
 * and third lowest and highest.
 */
export const VALIDATION_RUNS = 32;
export const VALIDATION_SEED = 2024;
/** Other base seeds on which the report runs every check again, to show which results are fragile. */
export const ROBUSTNESS_SEEDS = [7, 99];

type Assumptions = Partial<AssumptionValues>;

/** The 5–95% interval of a figure across runs (or paired runs), with its mean. */
export interface Interval {
	mean: number;
	p05: number;
	p95: number;
}

/**
 * Runs ensembles of the built-in scenarios for validation, caching each by its settings.
 * A mutated view (`mutated`) lays extra assumptions under every ensemble's own and shares the
 * cache, keyed by the settings actually run, so nothing is run twice.
 */
export class Experiments {
	constructor(
		private readonly library: ScenarioLibrary,
		readonly runs: number = VALIDATION_RUNS,
		readonly seed: number = VALIDATION_SEED,
		/** Assumptions under every ensemble's own: a mutation's switched-off mechanism. */
		readonly underlay: Assumptions = {},
		private readonly cache = new Map<string, Ensemble>()
	) {}

	/** The same experiments with `assumptions` laid under each ensemble's own assumptions. */
	mutated(assumptions: Assumptions): Experiments {
		return new Experiments(this.library, this.runs, this.seed, { ...this.underlay, ...assumptions }, this.cache);
	}

	/** A built-in scenario with overrides, over the validation seeds; `detail` adds wait histograms. */
	ensemble(scenarioId: string, overrides: Overrides = {}, detail = false): Ensemble {
		const settings: Overrides = {
			runs: this.runs,
			seed: this.seed,
			...overrides,
			assumptions: { ...this.underlay, ...overrides.assumptions }
		};
		const key = canonicalJson([scenarioId, settings, detail]);
		const cached = this.cache.get(key);
		if (cached) return cached;
		const file = this.library.get(scenarioId);
		if (!file) throw new Error(`no built-in scenario ${scenarioId}`);
		const scenario = resolveScenario(file, this.library, settings);
		const result = runEnsemble((seed) => toRunInput(scenario, seed, detail), scenario.runs, scenario.seed);
		this.cache.set(key, result);
		return result;
	}

	/** The baseline with levers and assumptions laid over it (with wait histograms if `detail`). */
	baselineWith(levers: Overrides['levers'] = {}, assumptions: Assumptions = {}, detail = false): Ensemble {
		return this.ensemble(BASELINE_ID, { levers, assumptions }, detail);
	}

	/**
	 * The funding level at which the status quo, under the given assumptions, sees the same share
	 * of cases within target over its first year as the calibrated baseline: comparisons across
	 * contexts (a simpler or more complex case mix) then hold the load on services equal.
	 */
	loadMatchedFunding(assumptions: Assumptions): number {
		const firstYear = (extra: Assumptions) =>
			windowOf(this.ensemble(BASELINE_ID, { months: 12, assumptions: extra }), 'access.trueWithinTarget', 0, 12).interval().mean;
		const reference = firstYear({});
		let lo = 0.5;
		let hi = 1.5;
		for (let step = 0; step < 8; step++) {
			const mid = (lo + hi) / 2;
			if (firstYear({ ...assumptions, fundingLevel: mid }) < reference) lo = mid;
			else hi = mid;
		}
		return (lo + hi) / 2;
	}
}

/** JSON with object keys sorted, so equal settings give equal cache keys. */
function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_, v) =>
		v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v
	);
}

// ── Per-run statistics ─────────────────────────────────────────────────────────
// A check derives its figure within each run (or each pair of runs on a common seed) and only
// then takes the interval across runs: a ratio of means is not the typical run's ratio.

/** One figure per run, in replicate order, tagged with the seeds so pairing can be checked. */
export class PerRun {
	constructor(
		readonly seeds: readonly number[],
		readonly values: Float64Array
	) {}

	/** Run by run, this minus `other`: a paired difference on common seeds. */
	minus(other: PerRun): PerRun {
		return this.combine(other, (a, b) => a - b);
	}

	/** Run by run, this over `other`. */
	dividedBy(other: PerRun): PerRun {
		return this.combine(other, (a, b) => a / b);
	}

	/** Each run's figure times `k` (a change of unit). */
	times(k: number): PerRun {
		return new PerRun(this.seeds, this.values.map((v) => v * k));
	}

	/** Each run's figure through `f`. */
	map(f: (value: number) => number): PerRun {
		return new PerRun(this.seeds, this.values.map(f));
	}

	/** Mean and 5–95% interval across runs; runs where the figure is undefined (NaN) are left out. */
	interval(): Interval {
		const s = summarise(this.values, new Float64Array(this.values.length));
		return { mean: s.mean, p05: s.p05, p95: s.p95 };
	}

	private combine(other: PerRun, f: (a: number, b: number) => number): PerRun {
		const paired = this.seeds.length === other.seeds.length && this.seeds.every((s, i) => s === other.seeds[i]);
		if (!paired) throw new Error('per-run figures can only be combined on the same seeds');
		return new PerRun(this.seeds, this.values.map((v, r) => f(v, other.values[r])));
	}
}

const OVERALL = 0;

/** Each run's mean of an outcome over months [from, to), ignoring undefined months. */
export function windowOf(e: Ensemble, id: OutcomeId, from: number, to: number, group = OVERALL): PerRun {
	const o = OUTCOME_INDEX[id];
	const values = Float64Array.from(e.runs, (run) => {
		let sum = 0;
		let n = 0;
		for (let t = Math.max(0, from); t < Math.min(to, run.months); t++) {
			const v = valueAt(run, o, group, t);
			if (v === v) {
				sum += v;
				n++;
			}
		}
		return n > 0 ? sum / n : NaN;
	});
	return new PerRun(e.seeds, values);
}

/** Each run's final figure of an outcome: its mean over the last 12 months. */
export function finalOf(e: Ensemble, id: OutcomeId, group = OVERALL): PerRun {
	const o = OUTCOME_INDEX[id];
	return new PerRun(e.seeds, Float64Array.from(e.runs, (run) => finalValue(run, o, group)));
}

/** Each run's final figure for deprivation quintile q (1 least deprived … 5 most). */
export function quintileOf(e: Ensemble, id: OutcomeId, q: 1 | 2 | 3 | 4 | 5): PerRun {
	return finalOf(e, id, GROUP_FIRST_QUINTILE + q - 1);
}

/** Number of areas in an ensemble's runs (areas are numbered from least to most deprived). */
export function areaCount(e: Ensemble): number {
	return e.groups - GROUP_FIRST_AREA;
}

/** Each run's mean of the final figures of the given areas (0-based, least deprived first). */
export function areasOf(e: Ensemble, id: OutcomeId, areas: number[]): PerRun {
	const parts = areas.map((a) => finalOf(e, id, GROUP_FIRST_AREA + a));
	return new PerRun(e.seeds, Float64Array.from(e.runs, (_, r) => parts.reduce((sum, p) => sum + p.values[r], 0) / parts.length));
}

/** Per run: `f` of every area's final figure, e.g. the range between the best and worst area. */
export function acrossAreas(e: Ensemble, id: OutcomeId, f: (areaValues: number[]) => number): PerRun {
	const areas = Array.from({ length: areaCount(e) }, (_, a) => finalOf(e, id, GROUP_FIRST_AREA + a));
	return new PerRun(e.seeds, Float64Array.from(e.runs, (_, r) => f(areas.map((p) => p.values[r]))));
}

/** Paired change in an outcome's final figure, variant minus reference, run by run. */
export function change(variant: Ensemble, reference: Ensemble, id: OutcomeId): PerRun {
	return finalOf(variant, id).minus(finalOf(reference, id));
}

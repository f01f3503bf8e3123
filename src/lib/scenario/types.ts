import type { AssumptionValues, LeverId, Population } from '../model/index';

/** The `schema` every scenario file declares. */
export const SCENARIO_SCHEMA = 'levers-scenario';
/** The only schema version this build reads. */
export const SCENARIO_VERSION = 1;
/** Scenario ids: lower-case letters, digits and hyphens, 1–64 characters. */
export const SCENARIO_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Inclusive integer ranges of the run settings. */
export const SETTING_LIMITS = {
	citizens: { min: 100, max: 2_000_000 },
	areas: { min: 1, max: 1200 },
	providersPerArea: { min: 1, max: 10 },
	months: { min: 12, max: 360 },
	seed: { min: 0, max: 2 ** 31 - 1 },
	runs: { min: 1, max: 1000 }
} as const;

/** Run settings used when no scenario in the chain sets them. */
export const SETTING_DEFAULTS = {
	population: { citizens: 20_000, areas: 12, providersPerArea: 3 },
	months: 120,
	seed: 1,
	runs: 16
} as const;

/** A publication and the sections of it that a scenario encodes. */
export interface ScenarioSource {
	publication: string;
	sections: string;
}

/** A lever setting: a constant, or a mathjs expression of `t` (the month, 0-based). */
export type LeverSetting = number | string;

/** One scenario file (schema version 1), as validated: only known keys, fresh objects. */
export interface ScenarioFile {
	schema: typeof SCENARIO_SCHEMA;
	version: typeof SCENARIO_VERSION;
	id: string;
	title: string;
	description?: string;
	sources?: ScenarioSource[];
	extends?: string;
	levers?: Partial<Record<LeverId, LeverSetting>>;
	assumptions?: Partial<AssumptionValues>;
	population?: Partial<Population>;
	months?: number;
	seed?: number;
	runs?: number;
}

/** Built-in (or otherwise known) scenarios by id: where `extends` looks up parents. */
export type ScenarioLibrary = ReadonlyMap<string, ScenarioFile>;

/** Settings laid over a resolved scenario (the CLI's `--set`, share links). */
export interface Overrides {
	levers?: Partial<Record<LeverId, LeverSetting>>;
	assumptions?: Partial<AssumptionValues>;
	months?: number;
	seed?: number;
	runs?: number;
	citizens?: number;
}

/** A scenario with its `extends` chain, defaults and overrides applied: ready to run. */
export interface ResolvedScenario {
	id: string;
	title: string;
	description: string;
	/** Own sources first, then the parents', without duplicates. */
	sources: ScenarioSource[];
	/** Ids from this scenario up to the root of its `extends` chain. */
	chain: string[];
	/** Every lever: a constant or the source of its expression. */
	levers: Record<LeverId, LeverSetting>;
	/** Every assumption. */
	assumptions: AssumptionValues;
	population: Population;
	months: number;
	seed: number;
	runs: number;
	/** Every lever's value for each month 0..months-1. */
	schedules: Record<LeverId, Float64Array>;
}

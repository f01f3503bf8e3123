/**
 * The scenario worker's API: everything that needs the scenario layer (validation, `extends`,
 * lever schedules, mathjs) runs here, off the page's first load. The page asks it for the
 * library, for the meaning of a link, for a scenario resolved and ready to run, and whether a
 * lever expression is valid as the user types.
 */
import { ASSUMPTIONS, LEVERS, MODEL_VERSION, type AssumptionValues, type LeverId, type Population } from '../model/index';
import {
	resolveScenario,
	ScenarioError,
	validateOverrides,
	validateScenarioFile,
	type LeverSetting,
	type Overrides,
	type ResolvedScenario,
	type ScenarioFile,
	type ScenarioLibrary,
	type ScenarioSource
} from '../scenario/index';
import { baselineScenarioId, decodeShareLink, type DecodedLink } from '../scenario/share-link';

/** One setting a scenario changes from the baseline. */
export interface Change {
	kind: 'lever' | 'assumption';
	id: string;
	from: LeverSetting;
	to: LeverSetting;
}

export interface LibraryEntry {
	id: string;
	title: string;
	description: string;
	sources: ScenarioSource[];
	extends: string | undefined;
	/** What it sets differently from the baseline scenario, levers first in registry order. */
	changes: Change[];
}

export interface LibraryInfo {
	baselineId: string;
	entries: LibraryEntry[];
	/** Built-in files that could not be read (named, and left out). */
	problems: string[];
}

/** A resolved scenario as plain data for the page: settings, not schedules. */
export interface ScenarioSettings {
	id: string;
	title: string;
	levers: Record<LeverId, LeverSetting>;
	assumptions: AssumptionValues;
	population: Population;
	months: number;
	seed: number;
	runs: number;
}

export type Prepared =
	| { ok: true; key: string; settings: ScenarioSettings; schedules: Record<string, Float64Array> }
	| { ok: false; error: string };

export type LeverCheck = { ok: true; values: number[] } | { ok: false; error: string };

export interface ScenarioWorkerApi {
	/** The scenario the others extend (cheap: `library` resolves every scenario). */
	baselineId(): string;
	library(): LibraryInfo;
	decodeLink(link: string, tabs: readonly string[]): DecodedLink;
	prepare(scenarioId: string, overrides: Overrides): Prepared;
	checkLever(scenarioId: string, leverId: string, text: string, months: number): LeverCheck;
}

export function createScenarioApi(data: readonly unknown[]): ScenarioWorkerApi {
	const problems: string[] = [];
	const library = new Map<string, ScenarioFile>();
	for (const item of data) {
		try {
			const file = validateScenarioFile(item);
			library.set(file.id, file);
		} catch (error) {
			problems.push(error instanceof Error ? error.message : String(error));
		}
	}
	const baselineId = baselineScenarioId(library);

	return {
		baselineId: () => baselineId,
		library: () => describeLibrary(library, baselineId, problems),
		decodeLink: (link, tabs) => decodeShareLink(link, library, { defaultScenarioId: baselineId, tabs }),
		prepare: (scenarioId, overrides) => prepare(library, scenarioId, overrides),
		checkLever: (scenarioId, leverId, text, months) => checkLever(library, scenarioId, leverId, text, months)
	};
}

function describeLibrary(library: ScenarioLibrary, baselineId: string, problems: string[]): LibraryInfo {
	const baseline = resolveScenario(library.get(baselineId)!, library);
	const entries: LibraryEntry[] = [];
	for (const file of library.values()) {
		try {
			const s = resolveScenario(file, library);
			entries.push({
				id: s.id,
				title: s.title,
				description: s.description,
				sources: s.sources,
				extends: file.extends,
				changes: changesFrom(baseline, s)
			});
		} catch (error) {
			problems.push(error instanceof Error ? error.message : String(error));
		}
	}
	// The baseline first, then the others by title.
	entries.sort((a, b) => Number(b.id === baselineId) - Number(a.id === baselineId) || a.title.localeCompare(b.title));
	return { baselineId, entries, problems: [...problems] };
}

function changesFrom(base: ResolvedScenario, s: ResolvedScenario): Change[] {
	const changes: Change[] = [];
	for (const lever of LEVERS) {
		const id = lever.id as LeverId;
		if (base.levers[id] !== s.levers[id]) changes.push({ kind: 'lever', id, from: base.levers[id], to: s.levers[id] });
	}
	for (const a of ASSUMPTIONS) {
		const id = a.id as keyof AssumptionValues;
		if (base.assumptions[id] !== s.assumptions[id]) changes.push({ kind: 'assumption', id, from: base.assumptions[id], to: s.assumptions[id] });
	}
	return changes;
}

function prepare(library: ScenarioLibrary, scenarioId: string, overrides: Overrides): Prepared {
	try {
		const file = library.get(scenarioId);
		if (!file) return { ok: false, error: `there is no scenario "${scenarioId}"` };
		const s = resolveScenario(file, library, validateOverrides(overrides));
		const settings: ScenarioSettings = {
			id: s.id,
			title: s.title,
			levers: s.levers,
			assumptions: s.assumptions,
			population: s.population,
			months: s.months,
			seed: s.seed,
			runs: s.runs
		};
		// Equal keys mean equal inputs and seeds, so equal numbers: the scheduler's cache key.
		const key = JSON.stringify([MODEL_VERSION, LEVERS.map((l) => Array.from(s.schedules[l.id as LeverId])), s.assumptions, s.population, s.months, s.seed, s.runs]);
		return { ok: true, key, settings, schedules: s.schedules };
	} catch (error) {
		if (error instanceof ScenarioError) return { ok: false, error: error.message };
		throw error;
	}
}

function checkLever(library: ScenarioLibrary, scenarioId: string, leverId: string, text: string, months: number): LeverCheck {
	const file = library.get(scenarioId);
	if (!file) return { ok: false, error: `there is no scenario "${scenarioId}"` };
	try {
		const s = resolveScenario(file, library, validateOverrides({ levers: { [leverId]: text.trim() }, months }, 'expression'));
		return { ok: true, values: Array.from(s.schedules[leverId as LeverId]) };
	} catch (error) {
		if (error instanceof ScenarioError)
			return { ok: false, error: error.message.replace(/^(scenario "[^"]*"(\s*\([^)]*\))?|expression): /, '') };
		throw error;
	}
}

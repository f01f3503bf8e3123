/** Resolution: the `extends` chain, defaults, overrides and the monthly lever schedules. */
import {
	LEVERS,
	defaultAssumptions,
	defaultLevers,
	findParameter,
	minimumCitizens,
	MIN_POSTS_PER_PROVIDER,
	type LeverId,
	type Population,
	type RunInput
} from '../model/index';
import { ScenarioError, quote, showRange } from './errors';
import { compileExpression } from './expression';
import { validateOverrides } from './overrides';
import { didYouMean } from './suggest';
import {
	SETTING_DEFAULTS,
	SETTING_LIMITS,
	type LeverSetting,
	type Overrides,
	type ResolvedScenario,
	type ScenarioFile,
	type ScenarioLibrary,
	type ScenarioSource
} from './types';
import { validateScenarioFile } from './validate';

/**
 * Resolves a scenario: starts from the registry defaults, applies its ancestors from the root
 * down, then the scenario itself, then the overrides; evaluates every lever for every month.
 * Throws ScenarioError.
 */
export function resolveScenario(file: ScenarioFile, library: ScenarioLibrary, overrides: Overrides = {}): ResolvedScenario {
	const head = validateScenarioFile(file);
	const where = `scenario "${head.id}"`;
	const chain = collectChain(head, library);
	const extra = validateOverrides(overrides);

	const levers: Record<LeverId, LeverSetting> = defaultLevers();
	const origin = new Map<LeverId, string>();
	const assumptions = defaultAssumptions();
	const population: Population = { ...SETTING_DEFAULTS.population };
	let months: number = SETTING_DEFAULTS.months;
	let seed: number = SETTING_DEFAULTS.seed;
	let runs: number = SETTING_DEFAULTS.runs;

	for (const f of [...chain].reverse()) {
		for (const [id, value] of entries(f.levers)) {
			levers[id] = value;
			origin.set(id, `scenario "${f.id}"`);
		}
		Object.assign(assumptions, f.assumptions);
		// A file that sets the citizens but not the areas keeps the size of places, as --citizens does.
		if (f.population?.citizens !== undefined && f.population.areas === undefined)
			Object.assign(population, withCitizens(population, f.population.citizens));
		Object.assign(population, f.population);
		months = f.months ?? months;
		seed = f.seed ?? seed;
		runs = f.runs ?? runs;
	}
	for (const [id, value] of entries(extra.levers)) {
		levers[id] = value;
		origin.set(id, 'the overrides');
	}
	Object.assign(assumptions, extra.assumptions);
	if (extra.citizens !== undefined) Object.assign(population, withCitizens(population, extra.citizens));
	months = extra.months ?? months;
	seed = extra.seed ?? seed;
	runs = extra.runs ?? runs;
	checkPopulation(where, population, assumptions.postsPer1000);

	const schedules = {} as Record<LeverId, Float64Array>;
	for (const lever of LEVERS) {
		const set = origin.get(lever.id);
		const label = set && set !== where ? `${where} (levers.${lever.id} from ${set})` : where;
		schedules[lever.id] = schedule(label, lever.id, levers[lever.id], months);
	}

	return {
		id: head.id,
		title: head.title,
		description: head.description ?? '',
		sources: mergeSources(chain),
		chain: chain.map((f) => f.id),
		levers,
		assumptions,
		population,
		months,
		seed,
		runs,
		schedules
	};
}

/** The input of one model run (one replicate) of a resolved scenario. Schedules are shared, not copied. */
export function toRunInput(s: ResolvedScenario, seed: number, detail = false): RunInput {
	return {
		levers: s.schedules,
		assumptions: { ...s.assumptions },
		population: { ...s.population },
		months: s.months,
		seed,
		detail
	};
}

/**
 * The population with `citizens` people in areas (and so providers) of the size it had: more
 * citizens simulate the same system more precisely, not a system of bigger providers. Provider
 * size matters in its own right (a small provider's backlog is noisier, so it reaches the
 * threshold of turning people away more often, and areas' resolution rates spread more by chance),
 * so a population given only by its number of citizens (in a file, or overridden) keeps the size
 * of its places. A scenario file that sets its areas gets exactly those.
 */
export function withCitizens(population: Population, citizens: number): Population {
	const { min, max } = SETTING_LIMITS.areas;
	const scaled = Math.round((population.areas * citizens) / population.citizens);
	return { ...population, citizens, areas: Math.min(max, Math.max(min, scaled)) };
}

/** Refuse a population too small to give every provider a team (the model's minimum). */
function checkPopulation(where: string, population: Population, postsPer1000: number): void {
	const providers = population.areas * population.providersPerArea;
	const minimum = minimumCitizens(postsPer1000, population);
	if (population.citizens < minimum)
		throw new ScenarioError(
			`${where}: ${population.citizens} citizens are too few for ${providers} providers (${population.areas} areas × ${population.providersPerArea}): ` +
				`at ${postsPer1000} funded posts per 1,000 citizens each provider needs at least ${MIN_POSTS_PER_PROVIDER} posts, ` +
				`so at least ${minimum} citizens (or fewer areas or providers per area)`
		);
}

/** The scenario and its ancestors, child first. Parents are validated as they are found. */
function collectChain(head: ScenarioFile, library: ScenarioLibrary): ScenarioFile[] {
	const chain = [head];
	const seen = new Set([head.id]);
	let current = head;
	while (current.extends !== undefined) {
		const parentId = current.extends;
		if (seen.has(parentId)) {
			const ids = [...chain.map((f) => f.id), parentId];
			throw new ScenarioError(`scenario "${head.id}": extends cycle ${ids.join(' → ')}`);
		}
		const parent = library.get(parentId);
		if (parent === undefined)
			throw new ScenarioError(
				`scenario "${current.id}": extends unknown scenario "${parentId}"${didYouMean(parentId, [...library.keys()])}`
			);
		current = validateScenarioFile(parent);
		if (current.id !== parentId)
			throw new ScenarioError(`scenario library: entry "${parentId}" holds scenario "${current.id}"`);
		chain.push(current);
		seen.add(parentId);
	}
	return chain;
}

function schedule(where: string, id: LeverId, setting: LeverSetting, months: number): Float64Array {
	const out = new Float64Array(months);
	if (typeof setting === 'number') return out.fill(setting);
	const spec = findParameter(id)!;
	const compiled = compileExpression(setting);
	const expr = `expression for lever ${id} (${quote(setting, 60)})`;
	if (!compiled.ok) throw new ScenarioError(`${where}: ${expr}: ${compiled.error}`);
	for (let t = 0; t < months; t++) {
		const result = compiled.value(t);
		if (result.kind === 'error') throw new ScenarioError(`${where}: ${expr} fails at month ${t}: ${result.error}`);
		if (result.kind === 'other')
			throw new ScenarioError(`${where}: ${expr} gives ${result.got} at month ${t}, not a number`);
		const v = result.value;
		if (!Number.isFinite(v)) throw new ScenarioError(`${where}: ${expr} gives ${v} at month ${t}, not a finite number`);
		if (v < spec.min || v > spec.max)
			throw new ScenarioError(`${where}: ${expr} gives ${v} at month ${t}, outside ${showRange(spec.min, spec.max)}`);
		out[t] = v;
	}
	return out;
}

function mergeSources(chain: ScenarioFile[]): ScenarioSource[] {
	const seen = new Set<string>();
	const out: ScenarioSource[] = [];
	for (const f of chain)
		for (const s of f.sources ?? []) {
			const key = `${s.publication}\u0000${s.sections}`;
			if (seen.has(key)) continue;
			seen.add(key);
			out.push({ ...s });
		}
	return out;
}

function entries<K extends string, V>(record: Partial<Record<K, V>> | undefined): [K, V][] {
	return record ? (Object.entries(record) as [K, V][]) : [];
}

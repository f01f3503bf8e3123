/**
 * A sweep design (`"schema": "levers-sweep", "version": 1`): a base scenario, a grid over
 * levers and assumptions and/or a seeded Latin hypercube sample over ranges of them, and the
 * run settings shared by every point. Parsed and validated like a scenario file: one-line
 * messages that name the key and the problem. Pure: no fs; the base scenario is named here and
 * read by the command line.
 */
import { OUTCOMES, findParameter, isAssumptionId, isLeverId } from '../model/index';
import { ScenarioError, describeType, showRange, showValue } from '../scenario/errors';
import { checkInteger, checkKeys, isPlainObject } from '../scenario/fields';
import { findJsonTextProblem } from '../scenario/json-text';
import { didYouMean } from '../scenario/suggest';
import { SETTING_LIMITS } from '../scenario/types';
import { ASSUMPTION_IDS, LEVER_IDS } from '../scenario/fields';
import { SweepError } from './sweep-error';

export const SWEEP_SCHEMA = 'levers-sweep';
export const SWEEP_VERSION = 1;
/** The largest design file read, in bytes. */
export const MAX_DESIGN_BYTES = 1_000_000;
/** Points × replicates of one design at most: a bound on what one design can ask for. */
export const MAX_TASKS = 10_000_000;
/** Points of a Latin hypercube sample at most. */
export const MAX_SAMPLE_POINTS = 1_000_000;
export const SAMPLE_METHODS = ['latin-hypercube'] as const;

export { SweepError };

/** Values of swept parameters: levers and assumptions, keyed by id, in the order written. */
export interface SweptParameters<V> {
	levers: [string, V][];
	assumptions: [string, V][];
}

export interface SampleSpec {
	method: (typeof SAMPLE_METHODS)[number];
	points: number;
	/** Seed of the sample's draws; defaults to the design's seed. */
	seed?: number;
	/** [min, max] per parameter. */
	ranges: SweptParameters<[number, number]>;
}

/** A validated design: only known keys, fresh objects, parameter order as written. */
export interface SweepDesign {
	schema: typeof SWEEP_SCHEMA;
	version: typeof SWEEP_VERSION;
	/** A built-in scenario id or a scenario file (resolved against the design file's folder). */
	scenario: string;
	/** Values per parameter; every combination is a point (the first parameter varies slowest). */
	grid?: SweptParameters<number[]>;
	sample?: SampleSpec;
	replicates: number;
	months?: number;
	citizens?: number;
	seed?: number;
	/** Outcome ids or families to report; undefined for all. */
	outcomes?: string[];
}

const TOP_KEYS = ['schema', 'version', 'title', 'scenario', 'grid', 'sample', 'replicates', 'months', 'citizens', 'seed', 'outcomes'] as const;
const PARAMETER_KEYS = ['levers', 'assumptions'] as const;
const SAMPLE_KEYS = ['method', 'points', 'seed', 'levers', 'assumptions'] as const;
const MAX_NESTING = 8;
const MAX_GRID_VALUES = 10_000;

/** Parses and validates the text of a design file. Throws SweepError. */
export function parseSweepJson(text: string): SweepDesign {
	if (text.length > MAX_DESIGN_BYTES) throw new SweepError(`sweep design is over ${MAX_DESIGN_BYTES} bytes long`);
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	let data: unknown;
	try {
		data = JSON.parse(body);
	} catch (error) {
		throw new SweepError(`sweep design is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
	}
	const problem = findJsonTextProblem(body, MAX_NESTING);
	if (problem?.kind === 'too-deep') throw new SweepError(`sweep design: nested more than ${problem.maxDepth} levels deep`);
	if (problem?.kind === 'duplicate-key')
		throw new SweepError(
			`sweep design: key ${showValue(problem.key)} appears twice ${problem.where === '' ? 'at the top level' : `in ${problem.where}`}; give each key once`
		);
	return validateSweepDesign(data);
}

/** Checks parsed JSON against the design schema and returns a clean copy. Throws SweepError. */
export function validateSweepDesign(data: unknown): SweepDesign {
	const where = 'sweep design';
	try {
		return validate(where, data);
	} catch (error) {
		// The scenario layer's field checks throw ScenarioError; a design's problems are SweepErrors.
		if (error instanceof ScenarioError) throw new SweepError(error.message);
		throw error;
	}
}

function validate(where: string, data: unknown): SweepDesign {
	if (!isPlainObject(data)) throw new SweepError(`${where} must be a JSON object, not ${describeType(data)}`);
	if (data.schema !== SWEEP_SCHEMA)
		throw new SweepError(
			data.schema === undefined
				? `${where}: missing required key "schema" (it must be "${SWEEP_SCHEMA}")`
				: `${where}: schema ${showValue(data.schema)} is not "${SWEEP_SCHEMA}"`
		);
	if (data.version !== SWEEP_VERSION)
		throw new SweepError(
			data.version === undefined
				? `${where}: missing required key "version" (it must be ${SWEEP_VERSION})`
				: `${where}: version ${showValue(data.version)} is not supported; this build reads version ${SWEEP_VERSION}`
		);
	checkKeys(where, 'top-level', data, TOP_KEYS);
	if (data.title !== undefined && typeof data.title !== 'string') throw new SweepError(`${where}: title must be a string, not ${describeType(data.title)}`);
	if (data.scenario === undefined) throw new SweepError(`${where}: missing required key "scenario" (a built-in scenario id or a scenario file)`);
	if (typeof data.scenario !== 'string' || data.scenario.trim() === '')
		throw new SweepError(`${where}: scenario must be a scenario id or file name, not ${showValue(data.scenario)}`);
	if (data.replicates === undefined) throw new SweepError(`${where}: missing required key "replicates" (runs per point, e.g. 8)`);
	const design: SweepDesign = {
		schema: SWEEP_SCHEMA,
		version: SWEEP_VERSION,
		scenario: data.scenario,
		replicates: checkInteger(where, 'replicates', data.replicates, SETTING_LIMITS.runs.min, SETTING_LIMITS.runs.max)
	};
	if (data.grid !== undefined) design.grid = checkGrid(where, data.grid);
	if (data.sample !== undefined) design.sample = checkSample(where, data.sample);
	if (!design.grid && !design.sample) throw new SweepError(`${where}: give a "grid", a "sample" or both: there is nothing to sweep`);
	if (design.grid && design.sample) {
		const gridIds = new Set(ids(design.grid));
		const both = ids(design.sample.ranges).find((id) => gridIds.has(id));
		if (both) throw new SweepError(`${where}: ${both} is in both the grid and the sample; sweep each parameter one way`);
	}
	for (const key of ['months', 'citizens', 'seed'] as const) {
		if (data[key] === undefined) continue;
		const { min, max } = SETTING_LIMITS[key];
		design[key] = checkInteger(where, key, data[key], min, max);
	}
	if (data.outcomes !== undefined) design.outcomes = checkOutcomes(where, data.outcomes);
	const points = pointCount(design);
	if (points * design.replicates > MAX_TASKS)
		throw new SweepError(
			`${where}: ${points.toLocaleString('en-GB')} points × ${design.replicates} replicates is more than ${MAX_TASKS.toLocaleString('en-GB')} runs; split it into several designs`
		);
	return design;
}

/** Points of a design: the grid's combinations times the sample's points. */
export function pointCount(design: Pick<SweepDesign, 'grid' | 'sample'>): number {
	const grid = design.grid ? [...design.grid.levers, ...design.grid.assumptions].reduce((n, [, values]) => n * values.length, 1) : 1;
	return grid * (design.sample ? design.sample.points : 1);
}

/** Swept parameter ids: levers then assumptions, each in the order written. */
export function ids<V>(p: SweptParameters<V>): string[] {
	return [...p.levers.map(([id]) => id), ...p.assumptions.map(([id]) => id)];
}

function checkGrid(where: string, value: unknown): SweptParameters<number[]> {
	if (!isPlainObject(value)) throw new SweepError(`${where}: grid must be an object { levers, assumptions }, not ${describeType(value)}`);
	checkKeys(where, 'grid', value, PARAMETER_KEYS);
	const grid = parameters(where, 'grid', value, (path, id, v) => {
		if (!Array.isArray(v)) throw new SweepError(`${where}: ${path} must be an array of values, not ${describeType(v)}`);
		if (v.length === 0) throw new SweepError(`${where}: ${path} is empty; give at least one value`);
		if (v.length > MAX_GRID_VALUES) throw new SweepError(`${where}: ${path} has ${v.length} values; at most ${MAX_GRID_VALUES} are allowed`);
		const values = v.map((x, i) => parameterValue(where, `${path}[${i}]`, id, x));
		const seen = new Set<number>();
		for (const x of values) {
			if (seen.has(x)) throw new SweepError(`${where}: ${path} lists ${x} twice; give each value once`);
			seen.add(x);
		}
		return values;
	});
	if (grid.levers.length + grid.assumptions.length === 0) throw new SweepError(`${where}: grid names no levers or assumptions`);
	return grid;
}

function checkSample(where: string, value: unknown): SampleSpec {
	if (!isPlainObject(value))
		throw new SweepError(`${where}: sample must be an object { method, points, levers, assumptions }, not ${describeType(value)}`);
	checkKeys(where, 'sample', value, SAMPLE_KEYS);
	if (value.method !== undefined && !(SAMPLE_METHODS as readonly unknown[]).includes(value.method))
		throw new SweepError(`${where}: sample.method ${showValue(value.method)} is not known (methods: ${SAMPLE_METHODS.join(', ')})`);
	if (value.points === undefined) throw new SweepError(`${where}: sample needs "points", the number of points to draw`);
	const points = checkInteger(where, 'sample.points', value.points, 1, MAX_SAMPLE_POINTS);
	const { levers, assumptions } = value;
	const ranges = parameters(where, 'sample', { levers, assumptions }, (path, id, v) => {
		if (!Array.isArray(v) || v.length !== 2)
			throw new SweepError(`${where}: ${path} must be a range [min, max], not ${Array.isArray(v) ? `${v.length} values` : describeType(v)}`);
		const lo = parameterValue(where, `${path}[0]`, id, v[0]);
		const hi = parameterValue(where, `${path}[1]`, id, v[1]);
		if (lo > hi) throw new SweepError(`${where}: ${path} = [${lo}, ${hi}] runs backwards; give [min, max]`);
		return [lo, hi] as [number, number];
	});
	if (ranges.levers.length + ranges.assumptions.length === 0) throw new SweepError(`${where}: sample names no levers or assumptions`);
	const sample: SampleSpec = { method: 'latin-hypercube', points, ranges };
	if (value.seed !== undefined) sample.seed = checkInteger(where, 'sample.seed', value.seed, SETTING_LIMITS.seed.min, SETTING_LIMITS.seed.max);
	return sample;
}

function parameters<V>(
	where: string,
	at: string,
	value: Record<string, unknown>,
	check: (path: string, id: string, value: unknown) => V
): SweptParameters<V> {
	const out: SweptParameters<V> = { levers: [], assumptions: [] };
	for (const kind of PARAMETER_KEYS) {
		const group = value[kind];
		if (group === undefined) continue;
		if (!isPlainObject(group)) throw new SweepError(`${where}: ${at}.${kind} must be an object keyed by ${kind === 'levers' ? 'lever' : 'assumption'} id, not ${describeType(group)}`);
		for (const [id, v] of Object.entries(group)) {
			const known = kind === 'levers' ? isLeverId(id) : isAssumptionId(id);
			if (!known) {
				const other = kind === 'levers' ? isAssumptionId(id) : isLeverId(id);
				const hint = other ? `; it is ${kind === 'levers' ? 'an assumption' : 'a lever'}: put it under ${at}.${kind === 'levers' ? 'assumptions' : 'levers'}` : didYouMean(id, kind === 'levers' ? LEVER_IDS : ASSUMPTION_IDS);
				throw new SweepError(`${where}: ${at}.${kind} names unknown ${kind === 'levers' ? 'lever' : 'assumption'} ${showValue(id)}${hint}`);
			}
			out[kind].push([id, check(`${at}.${kind}.${id}`, id, v)]);
		}
	}
	return out;
}

/** A number inside the parameter's range (sweeps take numbers, not expressions of t). */
function parameterValue(where: string, path: string, id: string, value: unknown): number {
	const spec = findParameter(id)!;
	if (typeof value !== 'number')
		throw new SweepError(`${where}: ${path} = ${showValue(value)} must be a number, not ${describeType(value)} (sweeps take constant values)`);
	if (!Number.isFinite(value)) throw new SweepError(`${where}: ${path} = ${value} is not a finite number`);
	if (value < spec.min || value > spec.max) throw new SweepError(`${where}: ${path} = ${value} is outside ${id}'s range ${showRange(spec.min, spec.max)}`);
	return value;
}

function checkOutcomes(where: string, value: unknown): string[] {
	if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string'))
		throw new SweepError(`${where}: outcomes must be a non-empty array of outcome ids or families, not ${describeType(value)}`);
	const families = [...new Set(OUTCOMES.map((o) => o.family as string))];
	for (const name of value as string[])
		if (!families.includes(name) && !OUTCOMES.some((o) => o.id === name))
			throw new SweepError(
				`${where}: outcomes: ${showValue(name)} is neither an outcome id nor a family${didYouMean(name, [...families, ...OUTCOMES.map((o) => o.id)])} (families: ${families.join(', ')})`
			);
	return [...(value as string[])];
}

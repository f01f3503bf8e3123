/** The structure of one scenario file (schema version 1). Says nothing about `extends`. */
import type { Population } from '../model/index';
import { ScenarioError, describeType, oneLine, showValue } from './errors';
import { checkAssumptions, checkInteger, checkKeys, checkLevers, isPlainObject } from './fields';
import { findJsonTextProblem } from './json-text';
import {
	SCENARIO_ID_PATTERN,
	SCENARIO_SCHEMA,
	SCENARIO_VERSION,
	SETTING_LIMITS,
	type ScenarioFile,
	type ScenarioSource
} from './types';

const TOP_LEVEL_KEYS = [
	'schema', 'version', 'id', 'title', 'description', 'sources', 'extends',
	'levers', 'assumptions', 'population', 'months', 'seed', 'runs'
] as const;
const POPULATION_KEYS = ['citizens', 'areas', 'providersPerArea'] as const;
const SOURCE_KEYS = ['publication', 'sections'] as const;

/** The largest scenario file read, in bytes of UTF-8: readers check it before reading a file. */
export const MAX_FILE_BYTES = 1_000_000;
/** No scenario needs more than three levels (top, sources, a source); deeper input is hostile. */
const MAX_NESTING = 16;
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 2000;
const MAX_SOURCES = 50;
const MAX_SOURCE_TEXT = 500;

/**
 * Parses and validates the text of a scenario file. A leading byte-order mark is ignored; a
 * key given twice, nesting deeper than a scenario needs and files over MAX_FILE_BYTES are
 * errors. Throws ScenarioError.
 */
export function parseScenarioJson(text: string): ScenarioFile {
	if (typeof text !== 'string') throw new ScenarioError(`scenario file must be text, not ${describeType(text)}`);
	// Cheap bound first (a character is at least one byte), then the exact byte count.
	const bytes = text.length > MAX_FILE_BYTES ? text.length : utf8Length(text);
	if (bytes > MAX_FILE_BYTES)
		throw new ScenarioError(`scenario file is ${bytes} bytes long; at most ${MAX_FILE_BYTES} bytes are allowed`);
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	let data: unknown;
	try {
		data = JSON.parse(body);
	} catch (error) {
		throw new ScenarioError(`scenario file is not valid JSON: ${oneLine(error instanceof Error ? error.message : String(error))}`);
	}
	const problem = findJsonTextProblem(body, MAX_NESTING);
	if (problem?.kind === 'too-deep')
		throw new ScenarioError(`scenario file: nested more than ${problem.maxDepth} levels deep; a scenario needs three`);
	if (problem?.kind === 'duplicate-key')
		throw new ScenarioError(
			`scenario file: key ${showValue(problem.key)} appears twice ${problem.where === '' ? 'at the top level' : `in ${problem.where}`}; give each key once`
		);
	return validateScenarioFile(data);
}

function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			bytes += 4; // a surrogate pair is one four-byte character
			i++;
		} else bytes += 3;
	}
	return bytes;
}

/** Checks parsed JSON against schema version 1 and returns a clean copy. Throws ScenarioError. */
export function validateScenarioFile(data: unknown): ScenarioFile {
	let where = 'scenario file';
	if (!isPlainObject(data)) throw new ScenarioError(`${where} must be a JSON object, not ${describeType(data)}`);

	if (data.schema !== SCENARIO_SCHEMA)
		throw new ScenarioError(
			data.schema === undefined
				? `${where}: missing required key "schema" (it must be "${SCENARIO_SCHEMA}")`
				: `${where}: schema ${showValue(data.schema)} is not "${SCENARIO_SCHEMA}"`
		);
	if (data.version === undefined) throw new ScenarioError(`${where}: missing required key "version" (it must be ${SCENARIO_VERSION})`);
	if (data.version !== SCENARIO_VERSION)
		throw new ScenarioError(
			typeof data.version === 'number'
				? `${where}: version ${data.version} is not supported; this build reads version ${SCENARIO_VERSION}`
				: `${where}: version ${showValue(data.version)} must be the number ${SCENARIO_VERSION}, not ${describeType(data.version)}`
		);
	checkKeys(where, 'top-level', data, TOP_LEVEL_KEYS);

	if (data.id === undefined) throw new ScenarioError(`${where}: missing required key "id"`);
	if (typeof data.id !== 'string' || !SCENARIO_ID_PATTERN.test(data.id))
		throw new ScenarioError(
			`${where}: id ${showValue(data.id)} must be 1–64 lower-case letters, digits and hyphens, starting with a letter or digit`
		);
	const id = data.id;
	where = `scenario "${id}"`;

	const file: ScenarioFile = {
		schema: SCENARIO_SCHEMA,
		version: SCENARIO_VERSION,
		id,
		title: checkText(where, 'title', data.title, MAX_TITLE, true)
	};
	if (data.description !== undefined)
		file.description = checkText(where, 'description', data.description, MAX_DESCRIPTION, false, true);
	if (data.sources !== undefined) file.sources = checkSources(where, data.sources);
	if (data.extends !== undefined) {
		if (typeof data.extends !== 'string' || !SCENARIO_ID_PATTERN.test(data.extends))
			throw new ScenarioError(`${where}: extends ${showValue(data.extends)} is not a scenario id`);
		file.extends = data.extends;
	}
	if (data.levers !== undefined) file.levers = checkLevers(where, data.levers);
	if (data.assumptions !== undefined) file.assumptions = checkAssumptions(where, data.assumptions);
	if (data.population !== undefined) file.population = checkPopulation(where, data.population);
	const { months, seed, runs } = SETTING_LIMITS;
	if (data.months !== undefined) file.months = checkInteger(where, 'months', data.months, months.min, months.max);
	if (data.seed !== undefined) file.seed = checkInteger(where, 'seed', data.seed, seed.min, seed.max);
	if (data.runs !== undefined) file.runs = checkInteger(where, 'runs', data.runs, runs.min, runs.max);
	return file;
}

function checkText(where: string, key: string, value: unknown, max: number, required: boolean, lineBreaks = false): string {
	if (value === undefined && required) throw new ScenarioError(`${where}: missing required key "${key}"`);
	if (typeof value !== 'string') throw new ScenarioError(`${where}: ${key} must be a string, not ${describeType(value)}`);
	if (required && value.trim() === '') throw new ScenarioError(`${where}: ${key} is empty`);
	if (value.length > max) throw new ScenarioError(`${where}: ${key} is ${value.length} characters long; at most ${max} are allowed`);
	const hidden = findHiddenCharacter(value, lineBreaks);
	if (hidden)
		throw new ScenarioError(
			`${where}: ${key} contains ${hidden.name} (${hidden.code}) at character ${hidden.index + 1}; it must be plain text`
		);
	return value;
}

/**
 * The first character that would hide or reorder text where a title is shown (terminals,
 * tables, file names): controls, bidirectional-text controls, line separators, a byte-order
 * mark, an unpaired surrogate. Ordinary letters of every script, emoji and joiners pass.
 */
function findHiddenCharacter(text: string, lineBreaks: boolean): { name: string; code: string; index: number } | undefined {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let name: string | undefined;
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
			if (!(lineBreaks && (c === 0x0a || c === 0x0d || c === 0x09))) name = 'a control character';
		} else if (c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
			name = 'a bidirectional-text control';
		} else if (c === 0x2028 || c === 0x2029) {
			name = 'a line separator';
		} else if (c === 0xfeff) {
			name = 'a byte-order mark';
		} else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
			i++; // a well-formed pair: one character outside the Basic Multilingual Plane
		} else if (c >= 0xd800 && c <= 0xdfff) {
			name = 'an unpaired surrogate';
		}
		if (name) return { name, code: `U+${c.toString(16).toUpperCase().padStart(4, '0')}`, index: i };
	}
	return undefined;
}

function isLowSurrogate(c: number): boolean {
	return c >= 0xdc00 && c <= 0xdfff;
}

function checkSources(where: string, value: unknown): ScenarioSource[] {
	if (!Array.isArray(value))
		throw new ScenarioError(`${where}: sources must be an array of { publication, sections }, not ${describeType(value)}`);
	if (value.length > MAX_SOURCES) throw new ScenarioError(`${where}: sources has ${value.length} entries; at most ${MAX_SOURCES} are allowed`);
	return value.map((entry, i) => {
		const at = `sources[${i}]`;
		if (!isPlainObject(entry))
			throw new ScenarioError(`${where}: ${at} must be an object { publication, sections }, not ${describeType(entry)}`);
		checkKeys(where, at, entry, SOURCE_KEYS);
		return {
			publication: checkText(where, `${at}.publication`, entry.publication, MAX_SOURCE_TEXT, true),
			sections: checkText(where, `${at}.sections`, entry.sections, MAX_SOURCE_TEXT, true)
		};
	});
}

function checkPopulation(where: string, value: unknown): Partial<Population> {
	if (!isPlainObject(value))
		throw new ScenarioError(`${where}: population must be an object { citizens, areas, providersPerArea }, not ${describeType(value)}`);
	checkKeys(where, 'population', value, POPULATION_KEYS);
	const out: Partial<Population> = {};
	for (const key of POPULATION_KEYS) {
		if (value[key] === undefined) continue;
		const { min, max } = SETTING_LIMITS[key];
		out[key] = checkInteger(where, `population.${key}`, value[key], min, max);
	}
	return out;
}

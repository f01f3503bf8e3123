/**
 * Property tests: random text, random expressions and random mutations of a valid scenario
 * never throw anything but ScenarioError. The work a hostile input can cause is bounded by its
 * size and nesting, which the parsers check before any work: the tests assert those bounds, not
 * the time a case took (a wall-clock limit fails at random on a loaded machine).
 */
import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { ScenarioError } from './errors';
import { EXPRESSION_MAX_DEPTH, EXPRESSION_MAX_LENGTH, compileExpression } from './expression';
import { applySetting } from './overrides';
import { resolveScenario } from './resolve';
import { expectScenarioError } from './spec-helpers';
import type { ScenarioLibrary } from './types';
import { MAX_FILE_BYTES, parseScenarioJson, validateScenarioFile } from './validate';

const parent = validateScenarioFile({
	schema: 'levers-scenario',
	version: 1,
	id: 'parent',
	title: 'Parent',
	levers: { audit: 't < 12 ? 0.2 : 0.4' },
	assumptions: { fundingLevel: 0.9 }
});
const library: ScenarioLibrary = new Map([['parent', parent]]);

const valid = {
	schema: 'levers-scenario',
	version: 1,
	id: 'fuzz',
	title: 'Fuzz',
	description: 'Valid before mutation.',
	sources: [{ publication: 'P (2023)', sections: 'Ch1' }],
	extends: 'parent',
	levers: { targets: 0.9, prevention: 't < 24 ? 0.05 : 0.15', choice: '0.2 + (0.8 - 0.2) * min(1, t / 24)' },
	assumptions: { fundingGrowth: 0.06 },
	population: { citizens: 2000, areas: 4, providersPerArea: 2 },
	months: 36,
	seed: 5,
	runs: 2
};

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

const TOKENS = [
	't', 't', '0.5', '1', '2', '24', '1e308', '-', '+', '*', '/', '^', '%', ' mod ', '!', '<', '>', '==', '!=', ' and ', ' or ',
	' not ', ' xor ', '?', ':', '(', ')', '(', ')', '[', ']', '{', '}', ',', ';', '\n', '.', '=', '"', "'", ' ', 'pi', 'e',
	'min', 'max', 'sqrt', 'log', 'import', 'evaluate', 'parse', 'constructor', 'x', 'f', 'true', 'null', 'NaN',
	'Infinity', '&', '|', '??', ':', 'to', 'cm', '$', '\\', '@', '#'
];

function randomExpression(rng: Rng): string {
	const n = 1 + Math.floor(rng() * 24);
	let s = '';
	for (let i = 0; i < n; i++) s += pick(rng, TOKENS);
	return s;
}

function randomText(rng: Rng): string {
	const alphabet = '{}[]":,0123456789.-+eEtruefalsnl \n\\abcxyz\u00e9\u2013\u0000';
	const n = Math.floor(rng() * 200);
	let s = '';
	for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
	return s;
}

function randomValue(rng: Rng, depth = 0): unknown {
	switch (Math.floor(rng() * 12)) {
		case 0:
			return rng();
		case 1:
			return Math.floor(rng() * 4000) - 1000;
		case 2:
			return pick(rng, [0, -0, 1, 12, 360, 1e308, -1e308, 2 ** 31, 0.5, 1.5, 100, 2_000_000]);
		case 3:
			return randomExpression(rng);
		case 4:
			return pick(rng, ['levers-scenario', 'parent', 'fuzz', '', '1', 'targets', 'x'.repeat(600)]);
		case 5:
			return null;
		case 6:
			return rng() < 0.5;
		case 7:
			return depth > 2 ? [] : [randomValue(rng, depth + 1), randomValue(rng, depth + 1)];
		case 8:
			return depth > 2 ? {} : { [randomKey(rng)]: randomValue(rng, depth + 1) };
		case 9:
			return pick(rng, ['t / 10', 't > 3', 'min()', 'sqrt(t - 5)', '0.1 / (t - 5) ^ 2', 't < 12 ? 0 : 1']);
		default:
			return undefined; // delete the key
	}
}

const KEYS = [
	'schema', 'version', 'id', 'title', 'description', 'sources', 'extends', 'levers', 'assumptions', 'population',
	'months', 'seed', 'runs', 'targets', 'prevention', 'audit', 'fundingGrowth', 'citizens', 'areas',
	'providersPerArea', 'publication', 'sections', '__proto__', 'constructor', 'toString', 'unknown'
];
const randomKey = (rng: Rng) => pick(rng, KEYS);

function mutate(rng: Rng): unknown {
	const data = structuredClone(valid) as Record<string, unknown>;
	const count = 1 + Math.floor(rng() * 4);
	for (let i = 0; i < count; i++) {
		// Pick a container: the top level or one of the nested objects.
		let target: Record<string, unknown> = data;
		const nested = pick(rng, [null, 'levers', 'assumptions', 'population', 'sources']);
		if (nested) {
			const inner = data[nested];
			if (Array.isArray(inner) && inner.length > 0 && typeof inner[0] === 'object' && inner[0] !== null)
				target = inner[0] as Record<string, unknown>;
			else if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) target = inner as Record<string, unknown>;
		}
		const keys = Object.keys(target);
		const key = rng() < 0.8 && keys.length > 0 ? pick(rng, keys) : randomKey(rng);
		const value = randomValue(rng);
		if (value === undefined) delete target[key];
		else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
	}
	return data;
}

function mutateText(rng: Rng, text: string): string {
	let s = text;
	const edits = 1 + Math.floor(rng() * 3);
	for (let i = 0; i < edits; i++) {
		const at = Math.floor(rng() * s.length);
		const ch = '{}[]":,0123456789.-tx '[Math.floor(rng() * 22)];
		const op = Math.floor(rng() * 3);
		s = op === 0 ? s.slice(0, at) + s.slice(at + 1) : op === 1 ? s.slice(0, at) + ch + s.slice(at) : s.slice(0, at) + ch + s.slice(at + 1);
	}
	return s;
}

/** Runs `fn`; anything thrown must be a ScenarioError. Returns whether it succeeded. */
function onlyScenarioErrors(fn: () => unknown, input: unknown): boolean {
	let ok = true;
	try {
		fn();
	} catch (error) {
		ok = false;
		if (!(error instanceof ScenarioError))
			throw new Error(`non-ScenarioError for ${JSON.stringify(input)?.slice(0, 300)}: ${String(error)}`);
		expect(error.message).not.toMatch(/[\r\n]/);
	}
	return ok;
}

/** Deepest bracket nesting of a text, the measure the expression parser bounds. */
function bracketDepth(text: string): number {
	let depth = 0;
	let deepest = 0;
	for (const ch of text) {
		if ('([{'.includes(ch)) deepest = Math.max(deepest, ++depth);
		else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
	}
	return deepest;
}

describe('hostile input is refused by its size or nesting before any parsing', () => {
	test('expressions: a megabyte, a thousand open brackets, or one level too deep', () => {
		for (const source of ['t+'.repeat(500_000) + 't', '('.repeat(1000) + 't' + ')'.repeat(1000)]) {
			const result = compileExpression(source);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.error).toContain(`at most ${EXPRESSION_MAX_LENGTH}`);
		}
		const tooDeep = compileExpression('('.repeat(EXPRESSION_MAX_DEPTH + 1) + 't' + ')'.repeat(EXPRESSION_MAX_DEPTH + 1));
		expect(tooDeep.ok).toBe(false);
		if (!tooDeep.ok) expect(tooDeep.error).toContain(`at most ${EXPRESSION_MAX_DEPTH}`);
		expect(compileExpression('('.repeat(EXPRESSION_MAX_DEPTH) + 't' + ')'.repeat(EXPRESSION_MAX_DEPTH)).ok).toBe(true);
	});

	test('scenario files: over the byte limit, or nested far deeper than a scenario', () => {
		expectScenarioError(() => parseScenarioJson('{' + ' '.repeat(MAX_FILE_BYTES) + '}'), `at most ${MAX_FILE_BYTES} bytes`);
		expectScenarioError(() => parseScenarioJson('['.repeat(400_000) + ']'.repeat(400_000)), 'nested more than');
	});
});

describe('fuzz', () => {
	test('the valid scenario itself resolves', () => {
		expect(resolveScenario(parseScenarioJson(JSON.stringify(valid)), library).chain).toEqual(['fuzz', 'parent']);
	});

	test('random text', () => {
		const rng = seedrandom('levers-fuzz-text');
		for (let i = 0; i < 500; i++) {
			const text = randomText(rng);
			onlyScenarioErrors(() => resolveScenario(parseScenarioJson(text), library), text);
		}
	});

	test('random expressions never throw and evaluate to a tagged value', () => {
		const rng = seedrandom('levers-fuzz-expr');
		let compiled = 0;
		for (let i = 0; i < 3000; i++) {
			const source = randomExpression(rng);
			const result = compileExpression(source);
			if (result.ok) {
				compiled++;
				// Whatever compiles lies within the bounds that keep parsing and evaluation cheap.
				expect(source.length).toBeLessThanOrEqual(EXPRESSION_MAX_LENGTH);
				expect(bracketDepth(source)).toBeLessThanOrEqual(EXPRESSION_MAX_DEPTH);
				for (const t of [0, 1, 59]) expect(['number', 'other', 'error']).toContain(result.value(t).kind);
			} else {
				expect(typeof result.error).toBe('string');
				expect(result.error).not.toMatch(/[\r\n]/);
			}
			onlyScenarioErrors(() => resolveScenario(validateScenarioFile({ ...valid, levers: { targets: source } }), library), source);
			onlyScenarioErrors(() => applySetting({}, `targets=${source}`), source);
		}
		expect(compiled).toBeGreaterThan(30); // the generator reaches both outcomes
	});

	test('random structural mutations of a valid scenario', () => {
		const rng = seedrandom('levers-fuzz-json');
		let passed = 0;
		let failed = 0;
		for (let i = 0; i < 2000; i++) {
			const data = mutate(rng);
			const text = JSON.stringify(data);
			const ok =
				onlyScenarioErrors(() => resolveScenario(validateScenarioFile(data), library), data) &&
				onlyScenarioErrors(() => resolveScenario(parseScenarioJson(text), library), text);
			if (ok) passed++;
			else failed++;
		}
		expect(passed).toBeGreaterThan(50);
		expect(failed).toBeGreaterThan(500);
	});

	test('random character edits of a valid file', () => {
		const rng = seedrandom('levers-fuzz-chars');
		const text = JSON.stringify(valid, null, 1);
		for (let i = 0; i < 1000; i++) {
			const edited = mutateText(rng, text);
			onlyScenarioErrors(() => resolveScenario(parseScenarioJson(edited), library), edited);
		}
	});

	test('random overrides', () => {
		const rng = seedrandom('levers-fuzz-overrides');
		const base = parseScenarioJson(JSON.stringify(valid));
		for (let i = 0; i < 500; i++) {
			const overrides = { [pick(rng, ['levers', 'assumptions', 'months', 'seed', 'runs', 'citizens', 'areas'])]: randomValue(rng) };
			onlyScenarioErrors(() => resolveScenario(base, library, overrides as never), overrides);
			const raw = randomValue(rng);
			const setting = `${pick(rng, KEYS)}=${typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? '')}`;
			onlyScenarioErrors(() => applySetting({}, setting), setting);
		}
	});
});

/**
 * Determinism: the same scenario and seed give the same numbers, whatever else ran before; the
 * model does not change its input; and the model code has no source of non-determinism.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { LEVERS, replicateSeed, runModel, type RunInput, type RunOutput } from '../src/lib/model/index';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';
import { resolveScenario, toRunInput, type ResolvedScenario } from '../src/lib/scenario/index';

const SMALL = { citizens: 4000, months: 24, runs: 2 };
const library = loadBuiltinScenarios();
const ids = [...library.keys()];

/** Index of the first element where a and b differ (NaN equals NaN), or -1. */
function firstDifference(a: Float64Array, b: Float64Array): number {
	if (a.length !== b.length) return Math.min(a.length, b.length);
	for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return i;
	return -1;
}

function scenarioOf(id: string): ResolvedScenario {
	return resolveScenario(library.get(id)!, library, SMALL);
}

function seedsOf(s: ResolvedScenario): number[] {
	return Array.from({ length: s.runs }, (_, r) => replicateSeed(s.seed, r));
}

/** First pass (in replicate order) and second pass (in reverse order), per scenario. */
const firstPass = new Map<string, RunOutput[]>();
const secondPass = new Map<string, RunOutput[]>();

beforeAll(() => {
	for (const id of ids) {
		const s = scenarioOf(id);
		firstPass.set(id, seedsOf(s).map((seed) => runModel(toRunInput(s, seed))));
	}
	// Second pass: scenarios in reverse order, replicates in reverse order, after everything else ran.
	for (const id of [...ids].reverse()) {
		const s = scenarioOf(id);
		const outputs = [...seedsOf(s)].reverse().map((seed) => runModel(toRunInput(s, seed)));
		secondPass.set(id, outputs.reverse());
	}
});

describe.each(ids)('%s', (id) => {
	test('running the same seeds again in the same process gives identical series', () => {
		const a = firstPass.get(id)!;
		const b = secondPass.get(id)!;
		expect(a).toHaveLength(SMALL.runs);
		a.forEach((run, r) => {
			expect(run.series.length).toBeGreaterThan(0);
			expect(firstDifference(run.series, b[r].series), `replicate ${r}`).toBe(-1);
			expect([b[r].months, b[r].groups]).toEqual([run.months, run.groups]);
		});
	});

	test('running replicates in another order gives each seed the same result', () => {
		const s = scenarioOf(id);
		const [s0, s1] = seedsOf(s);
		// Replicate 1 first, then replicate 0: each equals its result from the in-order first pass.
		const alone = runModel(toRunInput(s, s1));
		expect(firstDifference(alone.series, firstPass.get(id)![1].series)).toBe(-1);
		const again = runModel(toRunInput(s, s0));
		expect(firstDifference(again.series, firstPass.get(id)![0].series)).toBe(-1);
	});

	test('different seeds give different series', () => {
		const [a, b] = firstPass.get(id)!;
		expect(firstDifference(a.series, b.series)).not.toBe(-1);
		// Differences are not confined to one corner: many values differ.
		let differing = 0;
		for (let i = 0; i < a.series.length; i++) if (a.series[i] !== b.series[i] && !(Number.isNaN(a.series[i]) && Number.isNaN(b.series[i]))) differing++;
		expect(differing).toBeGreaterThan(a.series.length / 10);
	});
});

describe('runModel input', () => {
	function snapshot(input: RunInput) {
		return {
			levers: Object.fromEntries(LEVERS.map((l) => [l.id, Array.from(input.levers[l.id])])),
			assumptions: { ...input.assumptions },
			population: { ...input.population },
			months: input.months,
			seed: input.seed,
			detail: input.detail
		};
	}

	test.each([false, true])('runModel does not change its input (detail %s): schedules, assumptions, population', (detail) => {
		const s = resolveScenario(library.get('targets-and-terror')!, library, {
			...SMALL,
			levers: { prevention: 't < 12 ? 0.05 : 0.2' }
		});
		const scheduleCopies = Object.fromEntries(LEVERS.map((l) => [l.id, Array.from(s.schedules[l.id])]));
		const input = toRunInput(s, replicateSeed(s.seed, 0), detail);
		const before = snapshot(input);
		expect(new Set(before.levers.prevention).size).toBe(2);
		runModel(input);
		expect(snapshot(input)).toEqual(before);
		for (const lever of LEVERS) expect(Array.from(s.schedules[lever.id]), lever.id).toEqual(scheduleCopies[lever.id]);
	});

	test('two runs sharing one set of schedules do not interfere', () => {
		const s = scenarioOf('wigan-deal');
		const seed = replicateSeed(s.seed, 0);
		const a = runModel(toRunInput(s, seed));
		runModel(toRunInput(s, replicateSeed(s.seed, 1)));
		const b = runModel(toRunInput(s, seed));
		expect(firstDifference(a.series, b.series)).toBe(-1);
	});
});

describe('model source', () => {
	const MODEL_DIR = fileURLToPath(new URL('../src/lib/model/', import.meta.url));

	function sourceFiles(dir: string): string[] {
		return readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) return sourceFiles(path);
			return /\.(ts|js|mjs)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
		});
	}

	const FORBIDDEN_CALLS = ['Math.random', 'Date.now', 'new Date', 'performance.now'];
	const FORBIDDEN_MODULES = /(?:from\s+|import\s*\(\s*|import\s+|require\s*\(\s*)['"](svelte|\$app|comlink|mathjs)(?:\/[^'"]*)?['"]/;

	test('there are model sources to scan', () => {
		const files = sourceFiles(MODEL_DIR).map((f) => relative(MODEL_DIR, f));
		expect(files).toContain('model.ts');
		expect(files).toContain('rng.ts');
		expect(files.some((f) => f.startsWith('mechanisms'))).toBe(true);
	});

	test('no file under src/lib/model/ (outside specs) uses Math.random, Date.now, new Date or performance.now', () => {
		const hits: string[] = [];
		for (const file of sourceFiles(MODEL_DIR)) {
			const text = readFileSync(file, 'utf8');
			for (const call of FORBIDDEN_CALLS) if (text.includes(call)) hits.push(`${relative(MODEL_DIR, file)}: ${call}`);
		}
		expect(hits).toEqual([]);
	});

	test('no file under src/lib/model/ (outside specs) imports svelte, $app, comlink or mathjs', () => {
		const hits: string[] = [];
		for (const file of sourceFiles(MODEL_DIR)) {
			const text = readFileSync(file, 'utf8');
			const match = FORBIDDEN_MODULES.exec(text);
			if (match) hits.push(`${relative(MODEL_DIR, file)}: ${match[0]}`);
		}
		expect(hits).toEqual([]);
	});

	test('the import pattern catches the forms it is meant to catch', () => {
		for (const line of [
			"import { create } from 'mathjs/number';",
			'import * as Comlink from "comlink";',
			"import { page } from '$app/stores';",
			"const m = await import('svelte');",
			"import 'mathjs';"
		])
			expect(FORBIDDEN_MODULES.test(line), line).toBe(true);
		for (const line of ["import { detExp } from './det-math';", "import seedrandom from 'seedrandom';", "import x from './svelte-like';"])
			expect(FORBIDDEN_MODULES.test(line), line).toBe(false);
	});
});

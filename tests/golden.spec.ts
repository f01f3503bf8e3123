/**
 * Golden summaries: every built-in scenario, at fixed seeds, gives exactly the recorded numbers.
 * If the model changed on purpose, bump MODEL_VERSION, add a changelog entry and run
 * `npm run golden`; old share links then say the model has changed. Nothing else can refresh
 * the golden numbers, and the script refuses to without a new version and changelog entry.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { changelogHasEntry, goldenRefusal, goldenSummaries, type GoldenSummaries } from '../src/lib/golden/golden-summaries';
import { MODEL_VERSION } from '../src/lib/model/index';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const golden = JSON.parse(read('tests/golden/summaries.json')) as GoldenSummaries;
const library = loadBuiltinScenarios();

describe('golden summaries of the built-in scenarios', () => {
	it('were recorded with this model version', () => {
		expect(golden.modelVersion).toBe(MODEL_VERSION);
	});

	it('belong to a model version with a changelog entry', () => {
		expect(changelogHasEntry(read('CHANGELOG.md'), MODEL_VERSION), `CHANGELOG.md needs "## ${MODEL_VERSION}"`).toBe(true);
	});

	it('cover every built-in scenario', () => {
		expect(Object.keys(golden.scenarios).sort()).toEqual([...library.keys()].sort());
	});

	it('are reproduced exactly', () => {
		const now = goldenSummaries(library);
		for (const id of Object.keys(golden.scenarios)) {
			expect(now.scenarios[id], `scenario ${id}`).toEqual(golden.scenarios[id]);
		}
	});
});

describe('refreshing the golden summaries', () => {
	const recorded: GoldenSummaries = { modelVersion: '1.0.0', settings: { runs: 4, seed: 11 }, scenarios: { a: { x: 1 } } };
	const changed = { ...recorded, scenarios: { a: { x: 2 } } };
	const changelog = '# Changelog\n\n## 1.1.0 — later\n\n## 1.0.0 — first\n';

	it('is refused when the numbers change but the model version does not', () => {
		expect(goldenRefusal(recorded, changed, changelog)).toMatch(/bump MODEL_VERSION/);
		expect(goldenRefusal(recorded, { ...recorded, settings: { runs: 8, seed: 11 } } as unknown as GoldenSummaries, changelog)).toMatch(/bump/);
	});

	it('is refused for a model version without a changelog entry', () => {
		expect(goldenRefusal(recorded, { ...changed, modelVersion: '1.2.0' }, changelog)).toMatch(/no entry "## 1.2.0"/);
		expect(changelogHasEntry('## 1.10.0', '1.1.0')).toBe(false);
	});

	it('is allowed with a new version and its changelog entry, or with the same numbers', () => {
		expect(goldenRefusal(recorded, { ...changed, modelVersion: '1.1.0' }, changelog)).toBeUndefined();
		expect(goldenRefusal(recorded, recorded, changelog)).toBeUndefined();
		expect(goldenRefusal(undefined, recorded, changelog)).toBeUndefined();
	});

	it('happens only through scripts/update-golden.ts, which has no bypass', () => {
		const script = read('scripts/update-golden.ts');
		expect(script).toContain('goldenRefusal(');
		expect(script).not.toMatch(/process\.argv|--same-version|--force/);
		const writers: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(join(root, dir))) {
				const path = `${dir}/${name}`;
				if (statSync(join(root, path)).isDirectory()) walk(path);
				else if (/\.(ts|js|mjs)$/.test(name) && !name.endsWith('.spec.ts') && read(path).includes('golden/summaries.json')) writers.push(path);
			}
		};
		for (const dir of ['scripts', 'src', 'bin']) walk(dir);
		expect(writers).toEqual(['scripts/update-golden.ts']);
	});
});

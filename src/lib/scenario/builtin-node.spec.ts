import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BUILTIN_SCENARIO_DIR, loadBuiltinScenarios } from './builtin-node';
import { expectScenarioError } from './spec-helpers';

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'levers-scenarios-'));
	dirs.push(dir);
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const text = (id: string, extra: Record<string, unknown> = {}) =>
	JSON.stringify({ schema: 'levers-scenario', version: 1, id, title: id, ...extra });

describe('loadBuiltinScenarios', () => {
	test('finds the repository folder from the source file, whatever the working directory', () => {
		expect(BUILTIN_SCENARIO_DIR.replace(/\\/g, '/')).toMatch(/\/scenarios\/?$/);
		expect(existsSync(join(BUILTIN_SCENARIO_DIR, 'baseline-england-2023.json'))).toBe(true);
		const cwd = process.cwd();
		process.chdir(tmpdir());
		try {
			expect(loadBuiltinScenarios().has('baseline-england-2023')).toBe(true);
		} finally {
			process.chdir(cwd);
		}
	});

	test('loads every .json file by id and ignores other files', () => {
		const dir = folder({ 'a.json': text('a'), 'b.json': text('b', { extends: 'a' }), 'notes.txt': 'not a scenario' });
		const library = loadBuiltinScenarios(dir);
		expect([...library.keys()]).toEqual(['a', 'b']);
		expect(library.get('b')?.extends).toBe('a');
	});

	test('a broken file is named', () => {
		expectScenarioError(() => loadBuiltinScenarios(folder({ 'a.json': text('a'), 'bad.json': '{ nope' })), 'built-in scenario file scenarios/bad.json: scenario file is not valid JSON');
		expectScenarioError(
			() => loadBuiltinScenarios(folder({ 'x.json': text('x', { levers: { targets: 2 } }) })),
			'built-in scenario file scenarios/x.json: scenario "x": levers.targets = 2 is outside 0–1'
		);
	});

	test('the file name must be the id', () => {
		expectScenarioError(() => loadBuiltinScenarios(folder({ 'y.json': text('z') })), 'scenarios/y.json: id "z" does not match the file name');
	});
});

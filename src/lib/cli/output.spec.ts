/**
 * Files in and out: outputs are checked before any run and never silently replace a file;
 * scenario files are read within bounds; a closed pipe ends quietly; --save-scenario writes a
 * file that reproduces the run.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { OUTCOMES } from '../model/index';
import { cli, specFolder } from './spec-io';

const BASE = 'baseline-england-2023';
const SMALL = ['--citizens', '4000', '--months', '24', '--runs', '2'];
const scenarioText = (extra: Record<string, unknown> = {}) =>
	JSON.stringify({ schema: 'levers-scenario', version: 1, id: 'mine', title: 'Mine', extends: BASE, population: { citizens: 4000 }, months: 24, runs: 2, ...extra }, null, 2);

/** Expects exit 2 with one line containing every part, nothing on stdout and no run. */
async function refused(argv: string[], ...parts: string[]) {
	const result = await cli(argv);
	expect(result.code, result.stderr).toBe(2);
	expect(result.stdout).toBe('');
	expect(result.runs, 'runs before the refusal').toBe(0);
	expect(result.stderr).toMatch(/^levers: [^\n]+\n$/);
	for (const part of parts) expect(result.stderr).toContain(part);
	return result.stderr;
}

describe('--out is checked before any run', () => {
	let dir: string;
	beforeAll(() => {
		dir = specFolder();
		writeFileSync(join(dir, 'results.json'), 'precious');
		writeFileSync(join(dir, 'mine.json'), scenarioText());
		mkdirSync(join(dir, 'folder'));
	});

	test('a folder that does not exist', async () => {
		await refused(['run', BASE, ...SMALL, '--out', join(dir, 'missing', 'r.json')], '--out', 'the folder', 'does not exist');
	});

	test('a folder instead of a file', async () => {
		await refused(['run', BASE, ...SMALL, '--out', join(dir, 'folder')], 'is a folder');
	});

	test('a folder that cannot be written to', async () => {
		await refused(['run', BASE, ...SMALL, '--out', '/sys/levers-results.json'], 'cannot write in the folder "/sys"');
		await refused(['run', BASE, ...SMALL, '--out', '/proc/version', '--force'], 'cannot write in the folder "/proc"');
	});

	test('an existing file, without --force: refused, and the file is untouched', async () => {
		const stderr = await refused(['run', BASE, ...SMALL, '--out', join(dir, 'results.json')], 'already exists', 'add --force to overwrite it');
		expect(stderr).toContain('results.json');
		expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('precious');
	});

	test('the scenario file being run, even with --force', async () => {
		const mine = join(dir, 'mine.json');
		await refused(['run', mine, '--out', mine], 'is also', 'choose another file');
		await refused(['run', mine, '--out', mine, '--force'], 'is also');
		await refused(['run', BASE, ...SMALL, '--baseline', mine, '--out', mine, '--force'], 'is also');
		await refused(['compare', BASE, '--baseline', mine, '--out', join(dir, '.', 'mine.json'), '--force'], 'is also');
		expect(readFileSync(mine, 'utf8')).toBe(scenarioText());
	});

	test('--out and --save-scenario naming the same file', async () => {
		const same = join(dir, 'both.json');
		await refused(['run', BASE, ...SMALL, '--out', same, '--save-scenario', same], 'is also');
	});

	test('with --force an existing file is replaced, in one step, and no temporary file is left', async () => {
		const path = join(dir, 'replace.json');
		writeFileSync(path, 'old');
		const result = await cli(['run', BASE, ...SMALL, '--out', path, '--force']);
		expect(result.code).toBe(0);
		expect(JSON.parse(readFileSync(path, 'utf8')).scenario.id).toBe(BASE);
		expect(readdirSync(dir).filter((f) => f.includes('.levers-'))).toEqual([]);
	});
});

describe('standard output closed by its reader (| head)', () => {
	test('ends quietly with exit code 0 and stops writing', async () => {
		for (const format of ['csv', 'json']) {
			const result = await cli(['run', BASE, ...SMALL, '--format', format], { stdoutClosesAfter: 1 });
			expect(result.code, format).toBe(0);
			expect(result.stderr, format).toBe('');
		}
		const list = await cli(['list'], { stdoutClosesAfter: 1 });
		expect(list).toMatchObject({ code: 0, stderr: '' });
	});

	test('CSV stops the runs as soon as nobody reads', async () => {
		const result = await cli(['run', BASE, '--citizens', '4000', '--months', '24', '--runs', '5', '--format', 'csv'], { stdoutClosesAfter: 1 });
		expect(result.code).toBe(0);
		expect(result.runs).toBe(0); // the first run's rows met the closed pipe
	});
});

describe('scenario files are read within bounds', () => {
	let dir: string;
	beforeAll(() => {
		dir = specFolder();
	});

	test('a byte-order mark at the start is accepted', async () => {
		const path = join(dir, 'bom.json');
		writeFileSync(path, '\uFEFF' + scenarioText());
		const result = await cli(['run', path]);
		expect(result.code, result.stderr).toBe(0);
		expect(JSON.parse(result.stdout).scenario.id).toBe('mine');
	});

	test('a file over the size limit is refused from its size, without reading it', async () => {
		const path = join(dir, 'big.json');
		writeFileSync(path, Buffer.alloc(3_000_000, 0x20));
		await refused(['run', path], 'it is 3,000,000 bytes; scenario files are at most 1,000,000');
	});

	test('a device (/dev/zero), a folder and text that is not UTF-8 are refused', async () => {
		await refused(['run', '/dev/zero'], 'not a regular file');
		await refused(['run', dir + '/'], 'it is a folder');
		const latin1 = join(dir, 'latin1.json');
		writeFileSync(latin1, Buffer.from(scenarioText({ title: 'Caf\u00e9' }), 'latin1'));
		await refused(['run', latin1], 'not UTF-8');
	});

	test('a missing or unreadable file names the reason', async () => {
		await refused(['run', join(dir, 'missing.json')], 'no such file (ENOENT)');
		const locked = join(dir, 'locked.json');
		const result = await cli(['run', locked], { unreadable: { [locked]: 'EACCES' } });
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('permission denied (EACCES)');
	});

	test('a key given twice is refused, not "last one wins"', async () => {
		const path = join(dir, 'twice.json');
		writeFileSync(path, scenarioText().replace('"runs": 2', '"runs": 1, "runs": 1000'));
		await refused(['run', path], 'key "runs" appears twice at the top level');
	});

	test('a title with a right-to-left override or NUL is refused', async () => {
		const rlo = join(dir, 'rlo.json');
		writeFileSync(rlo, scenarioText({ title: 'Safe\u202Egnp.exe' }));
		await refused(['run', rlo], 'title contains a bidirectional-text control (U+202E)');
		const nul = join(dir, 'nul.json');
		writeFileSync(nul, scenarioText({ title: 'A\u0000B' }));
		await refused(['run', nul], 'U+0000');
	});
});

describe('--save-scenario', () => {
	let dir: string;
	beforeAll(() => {
		dir = specFolder();
	});

	test('writes the resolved scenario with its --set changes; levers run on the file gives the same numbers', async () => {
		const path = join(dir, 'no-targets.json');
		const set = ['--set', 'targets=0', '--set', 'prevention=t < 12 ? 0.05 : 0.15', '--seed', '9'];
		const first = await cli(['run', BASE, ...SMALL, ...set, '--save-scenario', path]);
		expect(first.code, first.stderr).toBe(0);
		expect(first.stderr).toContain(`saved the scenario as ${path}`);
		const saved = JSON.parse(readFileSync(path, 'utf8'));
		expect(saved).toMatchObject({ schema: 'levers-scenario', version: 1, id: 'no-targets', seed: 9, runs: 2, months: 24 });
		expect(saved.title).toContain('targets=0');
		expect(saved.extends).toBeUndefined();
		expect(saved.levers.prevention).toBe('t < 12 ? 0.05 : 0.15');

		const again = await cli(['run', path]);
		expect(again.code, again.stderr).toBe(0);
		const a = JSON.parse(first.stdout);
		const b = JSON.parse(again.stdout);
		for (const key of ['seeds', 'outcomes', 'final', 'byQuintile', 'byArea']) expect(b[key], key).toEqual(a[key]);
		expect(b.scenario.levers).toEqual(a.scenario.levers);
		expect(b.scenario.assumptions).toEqual(a.scenario.assumptions);
	});

	test('with --dry-run it saves and checks without running anything', async () => {
		const path = join(dir, 'dry.json');
		const result = await cli(['run', BASE, '--set', 'audit=0.9', '--save-scenario', path, '--dry-run']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.runs).toBe(0);
		expect(result.stdout).toContain('would run: baseline-england-2023');
		expect(JSON.parse(readFileSync(path, 'utf8')).levers.audit).toBe(0.9);
	});

	test('refuses to replace an existing file without --force, before saving or running anything', async () => {
		const path = join(dir, 'exists.json');
		writeFileSync(path, 'mine');
		await refused(['run', BASE, '--save-scenario', path], '--save-scenario', 'already exists');
		expect(readFileSync(path, 'utf8')).toBe('mine');
	});
});

describe('a population too small for its providers (--citizens 100)', () => {
	test('is refused in one line before any run, or else the outcomes with no value are named in a warning', async () => {
		const result = await cli(['run', BASE, '--citizens', '100', '--months', '12', '--runs', '2']);
		if (result.code === 2) {
			// The scenario layer refuses it: one line, naming the population, before any run.
			expect(result.runs).toBe(0);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/^levers: [^\n]*citizens[^\n]*\n$/);
			return;
		}
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout);
		const missing = OUTCOMES.filter((o) => report.final[o.id].mean === null).map((o) => o.id);
		expect(missing.length, 'this population leaves outcomes undefined').toBeGreaterThan(0);
		expect(result.stderr).toMatch(/^levers: warning: baseline-england-2023: \d+ of \d+ outcomes have no value in any run/);
		expect(result.stderr).toContain(missing[0]);
		expect(result.stderr).toContain('try more --citizens');
		expect((await cli(['run', BASE, '--citizens', '100', '--months', '12', '--runs', '2', '--quiet'])).stderr).toBe('');
	});
});

describe('no files are created by refused commands', () => {
	test('a refused run leaves its --out folder as it was', async () => {
		const dir = specFolder();
		await refused(['run', BASE, ...SMALL, '--set', 'targets=2', '--out', join(dir, 'r.json')], 'targets');
		expect(readdirSync(dir)).toEqual([]);
		expect(existsSync(join(dir, 'r.json'))).toBe(false);
	});
});

/**
 * The `levers` command as a real process: `node bin/levers.mjs`, exit codes, pipes, terminals,
 * npm, signals, the bundle it runs from, what it loads, its memory, and the same numbers in
 * separate processes and in-process.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cli } from '../src/lib/cli/spec-io';

/** The checkout under test (LEVERS_TEST_ROOT runs these tests against another one). */
const ROOT = process.env.LEVERS_TEST_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const HELPERS = fileURLToPath(new URL('./helpers/', import.meta.url));
const BASE = 'baseline-england-2023';
const RUN = ['run', BASE, '--citizens', '4000', '--months', '24', '--runs', '2'];

function temp(): string {
	return mkdtempSync(join(tmpdir(), 'levers-process-'));
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
	const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024, ...options });
	if (result.error) throw result.error;
	return { status: result.status, signal: result.signal, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function levers(args: string[], options: SpawnSyncOptions = {}) {
	return run(process.execPath, ['bin/levers.mjs', ...args], options);
}

/** A shell command line with its arguments quoted. */
function shell(args: string[]): string {
	return args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
}

describe('bad input in a real process', () => {
	test.each([
		[['run', 'baseline-england-2032'], 'unknown scenario "baseline-england-2032"'],
		[['run', BASE, '--set', 'targets=2'], 'targets'],
		[['run', BASE, '-r', '4'], 'unknown option "-r"'],
		[['run', BASE, '--out', join(tmpdir(), 'no-such-folder-levers', 'r.json')], 'does not exist']
	])('levers %j exits 2 with one stderr line and empty stdout', (args, part) => {
		const result = levers(args);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^levers: [^\n]+\n$/);
		expect(result.stderr).toContain(part);
	});

	test('levers run /dev/zero is refused at once instead of reading forever', () => {
		const result = levers(['run', '/dev/zero'], { timeout: 60_000 });
		expect(result.signal).toBeNull();
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('not a regular file');
	});
});

describe('determinism across processes', () => {
	test('two processes with the same arguments print byte-identical output, another --seed differs, and runCli in-process matches', async () => {
		const args = [...RUN, '--seed', '5'];
		const first = levers(args);
		const second = levers(args);
		expect(first.stderr).toBe('');
		expect(first.status).toBe(0);
		expect(JSON.parse(first.stdout).scenario.seed).toBe(5);
		expect(second.stdout).toBe(first.stdout);
		const other = levers([...RUN, '--seed', '6']);
		expect(JSON.parse(other.stdout).seeds).not.toEqual(JSON.parse(first.stdout).seeds);
		const here = await cli(args);
		expect(here.stderr).toBe('');
		expect(here.stdout).toBe(first.stdout);
	});
});

describe('pipes', () => {
	test('a CSV far larger than a pipe buffer arrives whole and equals the in-process output', async () => {
		const args = [...RUN, '--format', 'csv'];
		const piped = levers(args);
		expect(piped.status).toBe(0);
		expect(piped.stdout.length).toBeGreaterThan(512 * 1024);
		expect(piped.stdout).toBe((await cli(args)).stdout);
	});

	test('piped into head, it stops quietly with exit code 0, not "internal error: EPIPE"', () => {
		const dir = temp();
		for (const args of [[...RUN, '--format', 'csv'], ['list']]) {
			const script = `node bin/levers.mjs ${shell(args)} 2>'${dir}/err' | head -n 2 > '${dir}/out'; echo "\${PIPESTATUS[0]}"`;
			const result = run('bash', ['-c', script]);
			expect(result.stdout.trim(), args.join(' ')).toBe('0');
			expect(readFileSync(join(dir, 'err'), 'utf8')).toBe('');
			expect(readFileSync(join(dir, 'out'), 'utf8').split('\n')).toHaveLength(3);
		}
	});
});

describe('terminals', () => {
	test('on a terminal, run prints a table by default; through a pipe, JSON', () => {
		// Standard error goes elsewhere, so only standard output is on the terminal.
		const command = `stty cols 100 rows 40; node bin/levers.mjs ${shell([...RUN, '--seed', '5'])} 2>/dev/null`;
		const onTerminal = run('script', ['-qec', command, '/dev/null']);
		expect(onTerminal.status).toBe(0);
		const text = onTerminal.stdout.replace(/\r/g, '');
		expect(text).toMatch(/^Scenario {2}baseline-england-2023/m);
		expect(text).toMatch(/^Exploratory, not a forecast\. .*base seed 5; 2 runs/m);
		for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
		const piped = levers([...RUN, '--seed', '5']);
		expect(JSON.parse(piped.stdout).scenario.id).toBe(BASE);
	});
});

describe('through npm', () => {
	test('npm run -s levers -- … writes clean output; without -s, npm\'s banner is named in a warning', () => {
		const silent = run('npm', ['run', '-s', 'levers', '--', 'list', 'outcomes', '--format', 'json']);
		expect(silent.status).toBe(0);
		expect(Array.isArray(JSON.parse(silent.stdout))).toBe(true);
		const noisy = run('npm', ['run', 'levers', '--', 'list', 'outcomes', '--format', 'json']);
		expect(noisy.status).toBe(0);
		expect(noisy.stdout).toMatch(/^\s*> levers@/);
		expect(noisy.stderr).toContain('levers: warning: npm printed its "> levers@…" banner into standard output');
		expect(noisy.stderr).toContain('npm run -s levers --');
	});
});

describe('Ctrl-C during a run with --out', () => {
	test('leaves neither the output nor a temporary file behind, and exits 130', async () => {
		const dir = temp();
		const out = join(dir, 'results.csv');
		const child = spawn(process.execPath, ['bin/levers.mjs', 'run', BASE, '--runs', '200', '--citizens', '20000', '--out', out, '--quiet'], { cwd: ROOT });
		// Wait until rows are being written (the temporary file exists), then interrupt.
		for (let i = 0; i < 600 && readdirSync(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
		expect(readdirSync(dir).length).toBe(1);
		child.kill('SIGINT');
		const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? signal)));
		expect(code).toBe(130);
		expect(readdirSync(dir)).toEqual([]);
	});
});

describe('start-up', () => {
	/** The modules a command loads, run from the TypeScript sources through tsx. */
	function loadedBy(args: string[]): string[] {
		const record = join(temp(), 'loads.txt');
		writeFileSync(record, '');
		const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/levers.ts')).href)}); process.exitCode = await main(${JSON.stringify(args)}, ${JSON.stringify(ROOT)});`;
		const result = run(process.execPath, ['--import', join(HELPERS, 'record-loads.mjs'), '--import', 'tsx', '--input-type=module', '-e', script], {
			env: { ...process.env, LEVERS_RECORD_LOADS: record }
		});
		expect(result.status, result.stderr).toBe(0);
		return readFileSync(record, 'utf8').split('\n').filter(Boolean);
	}
	const heavy = (urls: string[]) => urls.filter((u) => /\/node_modules\/mathjs\/|\/src\/lib\/model\/model\.ts$|\/src\/lib\/scenario\/expression\.ts$|\/src\/lib\/ensemble\//.test(u));

	test('help, list and show of a lever load neither mathjs nor the model\'s code; run does', () => {
		for (const args of [['--help'], ['run', '--help'], ['list'], ['list', 'levers', '--format', 'csv'], ['show', 'targets']]) {
			const urls = loadedBy(args);
			expect(urls.some((u) => u.endsWith('/src/lib/cli/cli.ts')), args.join(' ')).toBe(true);
			expect(heavy(urls), args.join(' ')).toEqual([]);
		}
		expect(heavy(loadedBy(['run', BASE, '--runs', '1', '--months', '12', '--dry-run'])).length).toBeGreaterThan(0);
	});

	test('on a clean checkout (no bundle yet) the command builds its bundle, then runs from it', () => {
		const cache = temp();
		const env = { ...process.env, LEVERS_CLI_CACHE: cache };
		const first = levers(['list', 'levers', '--format', 'json'], { env });
		expect(first.status, first.stderr).toBe(0);
		expect(existsSync(join(cache, 'current', 'levers.mjs'))).toBe(true);
		const built = statSync(join(cache, 'current', 'levers.mjs')).mtimeMs;
		const second = levers(['list', 'levers', '--format', 'json'], { env });
		expect(second.stdout).toBe(first.stdout);
		expect(statSync(join(cache, 'current', 'levers.mjs')).mtimeMs).toBe(built);
	});

	test('where no bundle can be written, the command runs from the sources with the same output', () => {
		const bundled = levers(['list', 'outcomes', '--format', 'json']);
		const fromSources = levers(['list', 'outcomes', '--format', 'json'], { env: { ...process.env, LEVERS_CLI_CACHE: '/proc/levers-cannot-write-here' } });
		expect(fromSources.status, fromSources.stderr).toBe(0);
		expect(fromSources.stdout).toBe(bundled.stdout);
	});

	test('two commands starting together on a clean checkout both build and run', async () => {
		const cache = temp();
		const start = () =>
			new Promise<{ code: number | null; out: string }>((resolve) => {
				const child = spawn(process.execPath, ['bin/levers.mjs', 'list', 'outcomes', '--format', 'json'], { cwd: ROOT, env: { ...process.env, LEVERS_CLI_CACHE: cache } });
				let out = '';
				child.stdout.on('data', (d) => (out += d));
				child.on('exit', (code) => resolve({ code, out }));
			});
		const [a, b] = await Promise.all([start(), start()]);
		expect([a.code, b.code]).toEqual([0, 0]);
		expect(a.out).toBe(b.out);
		expect(JSON.parse(a.out).length).toBeGreaterThan(10);
	});

	test('the bundle is rebuilt when a file it was built from changes', async () => {
		const { freshBundle } = await import(pathToFileURL(join(ROOT, 'bin/cli-bundle.mjs')).href);
		const project = temp();
		mkdirSync(join(project, 'src/cli'), { recursive: true });
		const entry = join(project, 'src/cli/levers.ts');
		writeFileSync(entry, `export const main = (): string => 'first';\n`);
		const cache = join(project, 'cache');
		const load = async () => (await import(`${pathToFileURL(await freshBundle(project, cache)).href}?t=${Math.random()}`)).main();
		expect(await load()).toBe('first');
		const built = statSync(join(cache, 'current', 'levers.mjs')).mtimeMs;
		expect(await load()).toBe('first');
		expect(statSync(join(cache, 'current', 'levers.mjs')).mtimeMs).toBe(built);
		writeFileSync(entry, `export const main = (): string => 'second, changed';\n`);
		expect(await load()).toBe('second, changed');
	});
});

describe('memory', () => {
	test('a long ensemble over many areas keeps per-run summaries, not every run\'s series', () => {
		// 60 runs × 60 areas × 360 months: every run's full series would be 60 × 5.1 MB = 310 MB.
		const dir = temp();
		const file = join(dir, 'wide.json');
		writeFileSync(file, JSON.stringify({ schema: 'levers-scenario', version: 1, id: 'wide', title: 'Wide', extends: BASE, population: { citizens: 6000, areas: 60, providersPerArea: 1 }, months: 360, runs: 60 }));
		const result = run(process.execPath, ['--import', join(HELPERS, 'peak-memory.mjs'), 'bin/levers.mjs', 'run', file, '--quiet']);
		expect(result.status, result.stderr).toBe(0);
		const peakMB = Number(/peak-rss-kb (\d+)/.exec(result.stderr)![1]) / 1024;
		expect(JSON.parse(result.stdout).runs).toBe(60);
		expect(peakMB).toBeLessThan(300);
	});
});

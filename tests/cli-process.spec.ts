/**
 * The `levers` command as a real process: `node bin/levers.mjs`, exit codes, streams, and the
 * same numbers in separate processes and in-process.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cli } from '../src/lib/cli/spec-io';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUN = ['run', 'baseline-england-2023', '--citizens', '2000', '--months', '24', '--runs', '2'];

function levers(args: string[]) {
	const result = spawnSync(process.execPath, ['bin/levers.mjs', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 90_000,
		maxBuffer: 64 * 1024 * 1024
	});
	if (result.error) throw result.error;
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same command in this process, with stdout and stderr captured. */
async function inProcess(args: string[]) {
	const { code: status, stdout, stderr } = await cli(args);
	return { status, stdout, stderr };
}

describe('bad input in a real process', () => {
	test.each([
		[['run', 'baseline-england-2032'], 'unknown scenario "baseline-england-2032"'],
		[['run', 'baseline-england-2023', '--set', 'targets=2'], 'targets']
	])('levers %j exits 2 with one stderr line and empty stdout', (args, part) => {
		const result = levers(args);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^levers: [^\n]+\n$/);
		expect(result.stderr).toContain(part);
	});
});

describe('determinism across processes', () => {
	test('two processes with the same arguments print byte-identical output, another --seed differs, and runCli in-process matches', async () => {
		const args = [...RUN, '--seed', '5'];
		const first = levers(args);
		const second = levers(args);
		expect(first.stderr).toBe('');
		expect(first.status).toBe(0);
		expect(first.stdout.length).toBeGreaterThan(1000);
		expect(JSON.parse(first.stdout).scenario.seed).toBe(5);
		expect(second.status).toBe(0);
		expect(second.stdout).toBe(first.stdout);

		const other = levers([...RUN, '--seed', '6']);
		expect(other.status).toBe(0);
		const a = JSON.parse(first.stdout);
		const b = JSON.parse(other.stdout);
		expect(b.seeds).not.toEqual(a.seeds);
		expect(JSON.stringify(b.outcomes)).not.toBe(JSON.stringify(a.outcomes));
		expect(JSON.stringify(b.final)).not.toBe(JSON.stringify(a.final));

		const here = await inProcess(args);
		expect(here.stderr).toBe('');
		expect(here.status).toBe(0);
		expect(here.stdout).toBe(first.stdout);
	});
});

describe('large output through a pipe', () => {
	test('a CSV far larger than a pipe buffer arrives whole and equals the in-process output', async () => {
		// About a megabyte: a pipe takes 64 KiB at a time, so partial writes must be completed.
		const args = [...RUN, '--format', 'csv'];
		const piped = levers(args);
		expect(piped.status).toBe(0);
		expect(piped.stdout.length).toBeGreaterThan(512 * 1024);
		expect(piped.stdout).toBe((await inProcess(args)).stdout);
	});
});

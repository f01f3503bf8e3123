/**
 * `levers sweep` and `levers merge` end to end: the same bytes with any number of threads, in
 * one process or as shards run in separate processes and merged in any order; each row is what
 * a direct run of its point gives; and bad designs, shards and outputs are refused before
 * anything is written.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { cli, specFolder } from '../src/lib/cli/spec-io';
import { finalValue } from '../src/lib/ensemble/index';
import { OUTCOME_INDEX, replicateSeed, runModel, type OutcomeId } from '../src/lib/model/index';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';
import { resolveScenario, toRunInput } from '../src/lib/scenario/index';

const ROOT = process.env.LEVERS_TEST_ROOT ?? fileURLToPath(new URL('..', import.meta.url));

/** 3 grid values × 2 sample points × 2 replicates = 12 tasks of 12 months, 4,000 citizens. */
const DESIGN = {
	schema: 'levers-sweep',
	version: 1,
	scenario: 'baseline-england-2023',
	grid: { levers: { targets: [0.1, 0.5, 0.9] } },
	sample: { points: 2, assumptions: { postsPer1000: [45, 60] } },
	replicates: 2,
	months: 12,
	citizens: 4000,
	seed: 5,
	outcomes: ['gaming.gap', 'workforce.burnoutShare', 'access.trueWithinTarget']
};

function writeDesign(dir: string, design: Record<string, unknown> = DESIGN, name = 'design.json'): string {
	const path = join(dir, name);
	writeFileSync(path, JSON.stringify(design, null, 2));
	return path;
}

async function ok(argv: string[]) {
	const result = await cli(argv);
	expect(result.stderr, argv.join(' ')).toBe('');
	expect(result.code, argv.join(' ')).toBe(0);
	return result;
}

async function refused(argv: string[], part: string) {
	const result = await cli(argv);
	expect(result.code).toBe(2);
	expect(result.stdout).toBe('');
	expect(result.stderr).toMatch(/^levers: [^\n]+\n$/);
	expect(result.stderr).toContain(part);
	return result;
}

/** The process environment with a bundle cache of this test's own, so no other checkout's bundle is touched. */
const processEnv = { ...process.env, LEVERS_CLI_CACHE: mkdtempSync(join(tmpdir(), 'levers-sweep-bundle-')) };

function levers(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['bin/levers.mjs', ...args], { cwd: ROOT, env: processEnv });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

describe('levers sweep', () => {
	test('the same bytes in this thread and with 1 or 2 worker threads; one row per task with its point, seed and values', async () => {
		const dir = specFolder();
		const design = writeDesign(dir);
		const inThread = await ok(['sweep', design, '--threads', '0']);
		const one = await ok(['sweep', design, '--threads', '1']);
		const two = await ok(['sweep', design, '--threads', '2']);
		expect(one.stdout).toBe(inThread.stdout);
		expect(two.stdout).toBe(inThread.stdout);

		const lines = inThread.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^# levers-sweep results=1 model=levers@\d+\.\d+\.\d+ design=[0-9a-f]{16} shard=0\/1 tasks=12$/);
		expect(lines[1]).toBe('task,point,replicate,seed,targets,postsPer1000,access.trueWithinTarget,gaming.gap,workforce.burnoutShare');
		const rows = lines.slice(2).map((l) => l.split(',').map(Number));
		expect(rows).toHaveLength(12);
		expect(rows.map((r) => r[0])).toEqual([...Array(12).keys()]);
		expect(rows.map((r) => r[4])).toEqual([0.1, 0.1, 0.1, 0.1, 0.5, 0.5, 0.5, 0.5, 0.9, 0.9, 0.9, 0.9]);
		for (const r of rows) {
			expect(r[3]).toBe(replicateSeed(5, r[2]));
			expect(r[5]).toBeGreaterThanOrEqual(45);
			expect(r[5]).toBeLessThan(60);
			expect(r.slice(6).every(Number.isFinite)).toBe(true);
		}
		// The two sample points differ and repeat under each grid value.
		expect(rows[0][5]).not.toBe(rows[2][5]);
		expect(rows[4][5]).toBe(rows[0][5]);
	});

	test('a row holds what a direct run of its point and replicate gives (the mean of its last 12 months)', async () => {
		const dir = specFolder();
		const { stdout } = await ok(['sweep', writeDesign(dir), '--threads', '0']);
		const lines = stdout.trimEnd().split('\n');
		const columns = lines[1].split(',');
		const row = lines[2 + 7].split(',').map(Number); // task 7: point 3, replicate 1
		const library = loadBuiltinScenarios();
		const resolved = resolveScenario(library.get('baseline-england-2023')!, library, {
			months: 12,
			citizens: 4000,
			seed: 5,
			levers: { targets: row[4] },
			assumptions: { postsPer1000: row[5] }
		});
		const output = runModel(toRunInput(resolved, replicateSeed(5, 1)));
		for (const id of ['gaming.gap', 'workforce.burnoutShare', 'access.trueWithinTarget'] as OutcomeId[])
			expect(row[columns.indexOf(id)]).toBe(finalValue(output, OUTCOME_INDEX[id], 0));
	});

	test.each(['csv', 'json'] as const)('%s shards written to files and merged in shuffled order give the bytes of the unsharded run', async (format) => {
		const dir = specFolder();
		const design = writeDesign(dir);
		const whole = join(dir, `whole.${format}`);
		await ok(['sweep', design, '--threads', '2', '--out', whole]);
		const shards = [0, 1, 2, 3, 4].map((i) => join(dir, `shard-${i}.${format}`));
		for (const [i, path] of shards.entries()) await ok(['sweep', design, '--shard', `${i}/5`, '--threads', String(i % 3), '--out', path]);
		expect(readFileSync(shards[3], 'utf8')).toContain(format === 'csv' ? 'shard=3/5 tasks=12' : '"shard":"3/5","tasks":12');
		const merged = join(dir, `merged.${format}`);
		await ok(['merge', shards[3], shards[0], shards[4], shards[2], shards[1], '--out', merged]);
		expect(readFileSync(merged, 'utf8')).toBe(readFileSync(whole, 'utf8'));
		const toStdout = await ok(['merge', ...[...shards].reverse()]);
		expect(toStdout.stdout).toBe(readFileSync(whole, 'utf8'));
	});

	test('shards run in separate processes (node bin/levers.mjs, worker threads) and merged there match the in-process run', async () => {
		const dir = specFolder();
		const design = writeDesign(dir);
		const whole = await ok(['sweep', design, '--threads', '0']);
		// Build the bundle once before the shards start together.
		expect((await levers(['--help'])).code).toBe(0);
		const shards = [0, 1, 2].map((i) => join(dir, `p-${i}.csv`));
		const runs = await Promise.all(shards.map((path, i) => levers(['sweep', design, '--shard', `${i}/3`, '--threads', '1', '--out', path])));
		for (const r of runs) expect([r.code, r.stderr]).toEqual([0, '']);
		const merged = await levers(['merge', shards[2], shards[0], shards[1]]);
		expect([merged.code, merged.stderr]).toEqual([0, '']);
		expect(merged.stdout).toBe(whole.stdout);
	});

	test('Arrow from the bundled command: the CSV\'s columns and values, the header as metadata; shards run apart, in another order and with other threads, merge to its bytes', async () => {
		const dir = specFolder();
		const design = writeDesign(dir);
		const csv = (await ok(['sweep', design, '--threads', '0'])).stdout.trimEnd().split('\n');
		// bin/levers.mjs runs the bundle, which loads apache-arrow only now.
		const whole = join(dir, 'whole.arrow');
		const run = await levers(['sweep', design, '--threads', '2', '--out', whole]);
		expect([run.code, run.stderr]).toEqual([0, '']);
		const bytes = readFileSync(whole);
		const table = tableFromIPC(bytes);
		const header = /model=(\S+) design=(\S+)/.exec(csv[0])!;
		expect(Object.fromEntries(table.schema.metadata)).toEqual({ schema: 'levers-sweep-results', version: '1', model: header[1], design: header[2], shard: '0/1', tasks: '12' });
		const columns = csv[1].split(',');
		expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual(columns.map((c, i) => [c, i < 4 ? 'Int32' : 'Float64']));
		const rows = csv.slice(2).map((line) => line.split(','));
		for (let c = 0; c < columns.length; c++) expect([...table.getChildAt(c)!], columns[c]).toEqual(rows.map((r) => (r[c] === '' ? null : Number(r[c]))));

		const shards = [0, 1, 2].map((i) => join(dir, `shard-${i}.arrow`));
		for (const i of [2, 0, 1]) await ok(['sweep', design, '--shard', `${i}/3`, '--threads', String(i), '--format', 'arrow', '--out', shards[i]]);
		const merged = join(dir, 'merged.arrow');
		const merge = await levers(['merge', shards[1], shards[2], shards[0], '--out', merged]);
		expect([merge.code, merge.stderr]).toEqual([0, '']);
		expect(readFileSync(merged).equals(bytes)).toBe(true);

		// A shard cut short, and Arrow to standard output: one line each, nothing written.
		const cut = join(dir, 'cut.arrow');
		writeFileSync(cut, readFileSync(shards[1]).subarray(0, 200));
		const never = join(dir, 'never.arrow');
		await refused(['merge', shards[0], cut, shards[2], '--out', never], `${cut}: ends before the end of its Arrow file`);
		await refused(['sweep', design, '--format', 'arrow'], '--format arrow writes a binary file: give --out FILE');
		await refused(['merge', ...shards], 'is an Arrow file, and Arrow is binary: give --out FILE');
		expect(existsSync(never)).toBe(false);
	});

	test('a progress line on a terminal counts the shard\'s runs and is cleared at the end; --quiet silences it', async () => {
		const dir = specFolder();
		const design = writeDesign(dir);
		let t = 0;
		const clock = () => (t += 400);
		const shown = await cli(['sweep', design, '--shard', '1/2', '--threads', '0'], { terminal: { stderr: true }, clock });
		expect(shown.code).toBe(0);
		expect(shown.stderr).toMatch(/^\rlevers: \d of 6 runs, /);
		expect(shown.stderr.endsWith('\r\x1b[K')).toBe(true);
		t = 0;
		const quiet = await cli(['sweep', design, '--shard', '1/2', '--threads', '0', '--quiet'], { terminal: { stderr: true }, clock });
		expect(quiet.stderr).toBe('');
		expect(quiet.stdout).toBe(shown.stdout);
	});

	test('a scenario file named in the design is found beside the design', async () => {
		const dir = specFolder();
		writeFileSync(
			join(dir, 'base.json'),
			JSON.stringify({ schema: 'levers-scenario', version: 1, id: 'my-base', title: 'Mine', extends: 'baseline-england-2023', levers: { audit: 0.4 } })
		);
		const design = writeDesign(dir, { ...DESIGN, scenario: 'base.json', sample: undefined, grid: { levers: { targets: [0.5] } }, replicates: 1 });
		const { stdout } = await ok(['sweep', design, '--threads', '0', '--dry-run']);
		expect(stdout).toContain('would sweep: my-base');
		expect(stdout).toContain('1 × 1 replicates = 1 tasks');
	});

	test('a workbench share link as the base scenario gives the rows of a scenario file with the same change', async () => {
		const dir = specFolder();
		const point = { sample: undefined, grid: { levers: { targets: [0.5] } }, replicates: 1 };
		const viaLink = await ok(['sweep', writeDesign(dir, { ...DESIGN, ...point, scenario: '?s=baseline-england-2023&au=0.4' }, 'link.json'), '--threads', '0']);
		writeFileSync(join(dir, 'base.json'), JSON.stringify({ schema: 'levers-scenario', version: 1, id: 'audited', title: 'Audited', extends: 'baseline-england-2023', levers: { audit: 0.4 } }));
		const viaFile = await ok(['sweep', writeDesign(dir, { ...DESIGN, ...point, scenario: 'base.json' }, 'file.json'), '--threads', '0']);
		const plain = await ok(['sweep', writeDesign(dir, { ...DESIGN, ...point }, 'plain.json'), '--threads', '0']);
		const rows = (text: string) => text.split('\n').slice(1).join('\n');
		expect(rows(viaLink.stdout)).toBe(rows(viaFile.stdout));
		expect(rows(viaLink.stdout)).not.toBe(rows(plain.stdout));
	});
});

describe('refusals', () => {
	test('a bad design, a bad shard and a missing design file: one line, exit code 2, nothing run', async () => {
		const dir = specFolder();
		await refused(['sweep', writeDesign(dir, { ...DESIGN, replicates: 0 })], 'design.json: sweep design: replicates = 0 must be an integer from 1 to 1000');
		await refused(['sweep', writeDesign(dir, { ...DESIGN, grid: { levers: { tagrets: [1] } } })], "did you mean 'targets'?");
		await refused(['sweep', writeDesign(dir), '--shard', '3/3'], '--shard 3/3: i counts from 0');
		await refused(['sweep', join(dir, 'nowhere.json')], 'cannot read sweep design');
		await refused(['sweep', writeDesign(dir), '--threads', 'two'], '--threads must be a whole number');
		await refused(['merge', join(dir, 'nowhere.csv')], 'cannot read shard file');
	});

	test('a point the model refuses (too few citizens for its posts) stops the sweep before any run, naming the point', async () => {
		const dir = specFolder();
		// 500 citizens keep one area of 3 providers: enough posts at 50 per 1,000, too few at 20.
		const design = writeDesign(dir, { ...DESIGN, citizens: 500, sample: undefined, grid: { assumptions: { postsPer1000: [50, 20] } } });
		const result = await refused(['sweep', design, '--threads', '0'], 'point 1 (postsPer1000=20)');
		expect(result.runs).toBe(0);
	});

	test('an existing --out file is refused before anything runs and left as it was', async () => {
		const dir = specFolder();
		const out = join(dir, 'old.csv');
		writeFileSync(out, 'keep me\n');
		await refused(['sweep', writeDesign(dir), '--out', out], 'already exists; add --force');
		expect(readFileSync(out, 'utf8')).toBe('keep me\n');
	});

	test('merge refuses the shards of different designs and a missing shard, and writes no output', async () => {
		const dir = specFolder();
		const a = writeDesign(dir, DESIGN, 'a.json');
		const b = writeDesign(dir, { ...DESIGN, seed: 6 }, 'b.json');
		await ok(['sweep', a, '--shard', '0/2', '--threads', '0', '--out', join(dir, 'a0.csv')]);
		await ok(['sweep', b, '--shard', '1/2', '--threads', '0', '--out', join(dir, 'b1.csv')]);
		const out = join(dir, 'merged.csv');
		await refused(['merge', join(dir, 'a0.csv'), join(dir, 'b1.csv'), '--out', out], 'come from different sweeps: design');
		await refused(['merge', join(dir, 'a0.csv'), '--out', out], 'shard 1 of 2 is missing');
		expect(existsSync(out)).toBe(false);
	});
});

describe('start-up', () => {
	test('levers sweep --help and levers merge --help load neither mathjs, apache-arrow nor the model', () => {
		for (const args of [['sweep', '--help'], ['merge', '--help']]) {
			const record = join(mkdtempSync(join(tmpdir(), 'levers-sweep-loads-')), 'loads.txt');
			writeFileSync(record, '');
			const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/levers.ts')).href)}); process.exitCode = await main(${JSON.stringify(args)}, ${JSON.stringify(ROOT)});`;
			const helper = join(ROOT, 'tests/helpers/record-loads.mjs');
			const r = spawnSync(process.execPath, ['--import', helper, '--import', 'tsx', '--input-type=module', '-e', script], {
				cwd: ROOT,
				encoding: 'utf8',
				env: { ...process.env, LEVERS_RECORD_LOADS: record }
			});
			expect(r.status, r.stderr).toBe(0);
			expect(r.stdout).toContain(`levers ${args[0]} —`);
			const urls = readFileSync(record, 'utf8').split('\n').filter(Boolean);
			expect(urls.some((u) => u.endsWith('/src/lib/cli/cli.ts'))).toBe(true);
			// The heavy modules, as tests/cli-process.spec.ts counts them, and the sweep's own.
			const heavy = /\/node_modules\/(mathjs|apache-arrow)\/|\/src\/lib\/model\/model\.ts$|\/src\/lib\/scenario\/expression\.ts$|\/src\/lib\/ensemble\/|\/src\/lib\/sweep\/(design|merge|threads|arrow-results)\.ts$/;
			expect(urls.filter((u) => heavy.test(u))).toEqual([]);
		}
	});
});

/**
 * The batch-engine examples in deploy/sweep/ split a sweep the way the command line expects:
 * the engine's index i (a GNU parallel argument, a Slurm array task id, a Kubernetes
 * completion index) runs `--shard i/N` with N the engine's task count, and merging their files
 * gives the unsharded output. Each is checked as text (the fields that must agree) and run as
 * the engine would run it, with the variables it sets, on a small design.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli, specFolder } from '../src/lib/cli/spec-io';
import { parseShard, shardSize } from '../src/lib/sweep/shard';

const ROOT = process.env.LEVERS_TEST_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const DEPLOY = join(ROOT, 'deploy', 'sweep');
const read = (name: string) => readFileSync(join(DEPLOY, name), 'utf8');

/** 3 points × 2 replicates = 6 tasks: with 8 shards, two are empty. */
const DESIGN = {
	schema: 'levers-sweep',
	version: 1,
	scenario: 'baseline-england-2023',
	grid: { levers: { targets: [0.1, 0.5, 0.9] } },
	replicates: 2,
	months: 12,
	citizens: 4000,
	seed: 3,
	outcomes: ['gaming.gap']
};
const TASKS = 6;

/** A bundle cache of this test's own, so no other checkout's bundle is touched. */
const env = { ...process.env, LEVERS_CLI_CACHE: mkdtempSync(join(tmpdir(), 'levers-deploy-bundle-')) };

function sh(command: string[], options: { cwd: string; env?: Record<string, string> }) {
	const r = spawnSync(command[0], command.slice(1), { cwd: options.cwd, env: { ...env, ...options.env }, encoding: 'utf8', timeout: 120_000 });
	if (r.error) throw r.error;
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function folderWithDesign(): string {
	const dir = specFolder();
	writeFileSync(join(dir, 'design.json'), JSON.stringify(DESIGN));
	return dir;
}

let whole: string;
beforeAll(async () => {
	const dir = folderWithDesign();
	const result = await cli(['sweep', join(dir, 'design.json'), '--threads', '0']);
	expect(result.code).toBe(0);
	whole = result.stdout;
	// Build the bundle once, before the shards' processes start.
	expect(sh([process.execPath, 'bin/levers.mjs', '--help'], { cwd: ROOT }).status).toBe(0);
});

/** Every index 0 … n−1 is a shard the command line accepts, and the shards cover the tasks once. */
function expectShardsCover(n: number): void {
	let covered = 0;
	for (let i = 0; i < n; i++) {
		const shard = parseShard(`${i}/${n}`);
		expect(typeof shard).not.toBe('string');
		covered += shardSize(shard as { index: number; count: number }, TASKS);
	}
	expect(covered).toBe(TASKS);
}

describe('the example design', () => {
	test('deploy/sweep/example-design.json is a valid design: 60 points × 8 replicates', async () => {
		const result = await cli(['sweep', join(DEPLOY, 'example-design.json'), '--dry-run', '--shard', '3/8', '--threads', '2']);
		expect([result.code, result.stderr]).toEqual([0, '']);
		expect(result.stdout).toContain('points: 60 × 8 replicates = 480 tasks of 60 months, 20,000 citizens');
		expect(result.stdout).toContain('shard 3/8: 60 tasks');
	});
});

describe('Slurm array job', () => {
	const job = read('slurm.sbatch');
	const merge = read('slurm-merge.sbatch');
	const array = /^#SBATCH --array=0-(\d+)$/m.exec(job);
	const shards = Number(/^SHARDS=(\d+)$/m.exec(job)?.[1]);

	test('the array 0…N−1, SHARDS and the merge agree; the task id is the shard index', () => {
		expect(array).not.toBeNull();
		const n = Number(array![1]) + 1;
		expect(shards).toBe(n);
		expect(Number(/^SHARDS=(\d+)$/m.exec(merge)?.[1])).toBe(n);
		expect(job).toContain('--shard "$SLURM_ARRAY_TASK_ID/$SHARDS"');
		expect(job).toContain('--out "shard-$SLURM_ARRAY_TASK_ID.$FORMAT"');
		expect(merge).toContain('seq -f "shard-%.0f.$FORMAT" 0 $((SHARDS - 1))');
		for (const text of [job, merge]) expect(text).toContain('FORMAT=${SWEEP_FORMAT:-csv}');
		expectShardsCover(n);
	});

	test('run as Slurm runs it (each array task id, then the merge job), it gives the unsharded output', () => {
		const dir = folderWithDesign();
		for (let i = 0; i < shards; i++) {
			const r = sh(['bash', join(DEPLOY, 'slurm.sbatch')], {
				cwd: dir,
				env: { SLURM_ARRAY_TASK_ID: String(i), SLURM_ARRAY_TASK_COUNT: String(shards), SLURM_CPUS_PER_TASK: '1', LEVERS_HOME: ROOT }
			});
			expect([r.status, r.stderr]).toEqual([0, '']);
		}
		const m = sh(['bash', join(DEPLOY, 'slurm-merge.sbatch')], { cwd: dir, env: { LEVERS_HOME: ROOT } });
		expect([m.status, m.stderr]).toEqual([0, '']);
		expect(readFileSync(join(dir, 'results.csv'), 'utf8')).toBe(whole);
	});

	test('an array of another size than SHARDS is refused', () => {
		const r = sh(['bash', join(DEPLOY, 'slurm.sbatch')], {
			cwd: folderWithDesign(),
			env: { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: String(shards + 1), LEVERS_HOME: ROOT }
		});
		expect(r.status).toBe(2);
		expect(r.stderr).toContain(`but SHARDS=${shards}`);
	});
});

describe('Kubernetes Indexed Job', () => {
	const job = read('k8s-sweep-job.yaml');
	const merge = read('k8s-merge-job.yaml');
	const field = (text: string, name: string) => /^\s*(\S+)/.exec(text.split(new RegExp(`^\\s*${name}:`, 'm'))[1] ?? '')?.[1];
	/** The container's shell command: the item under `args:`. */
	const command = (text: string) => /^\s*args:\n\s*- (.+)$/m.exec(text)![1];
	/** The FORMAT the container's environment sets. */
	const format = (text: string) => /- name: FORMAT\n\s*value: "(\w+)"/.exec(text)?.[1];
	const completions = Number(field(job, 'completions'));

	test('Indexed completion mode; completions, SHARDS and the --shard divisor agree; the completion index is the shard index', () => {
		expect(field(job, 'completionMode')).toBe('Indexed');
		expect(completions).toBeGreaterThan(0);
		expect(Number(field(job, 'parallelism'))).toBeLessThanOrEqual(completions);
		expect(/- name: SHARDS\n\s*value: "(\d+)"/.exec(job)?.[1]).toBe(String(completions));
		expect(command(job)).toContain('--shard "$JOB_COMPLETION_INDEX/$SHARDS"');
		expect(command(job)).toContain('--out "/results/shard-$JOB_COMPLETION_INDEX.$FORMAT"');
		expect(command(merge)).toContain('merge /results/shard-*.$FORMAT');
		expect([format(job), format(merge)]).toEqual(['csv', 'csv']);
		expect(field(job, 'workingDir')).toBe(field(merge, 'workingDir'));
		expectShardsCover(completions);
	});

	test('run as the Job runs it (each completion index, then the merge Job), it gives the unsharded output', () => {
		const dir = folderWithDesign();
		const results = join(dir, 'results');
		mkdirSync(results);
		// The mounts: the ConfigMap at /sweep and the volume at /results; the image's /levers is this checkout.
		const local = (c: string) => c.replaceAll('/sweep/', `${dir}/`).replaceAll('/results/', `${results}/`);
		for (let i = 0; i < completions; i++) {
			const r = sh(['sh', '-c', local(command(job))], { cwd: ROOT, env: { JOB_COMPLETION_INDEX: String(i), SHARDS: String(completions), FORMAT: format(job)! } });
			expect([r.status, r.stderr]).toEqual([0, '']);
		}
		const m = sh(['sh', '-c', local(command(merge))], { cwd: ROOT, env: { FORMAT: format(merge)! } });
		expect([m.status, m.stderr]).toEqual([0, '']);
		expect(readFileSync(join(results, 'results.csv'), 'utf8')).toBe(whole);
	});
});

describe('GNU parallel', () => {
	const script = read('parallel.sh');

	test('the job for argument i of seq 0 … N−1 runs shard i/N and the merge takes shards 0 … N−1', () => {
		expect(script).toContain('seq 0 $((N - 1)) | parallel');
		expect(script).toContain('--shard {}/$N');
		expect(script).toContain('--out shard-{}.$FORMAT');
		expect(script).toContain('--return "shard-{}.$FORMAT"');
		expect(script).toContain('merge $(seq -f "shard-%.0f.$FORMAT" 0 $((N - 1)))');
		expect(script).toContain('FORMAT=${SWEEP_FORMAT:-csv}');
		expectShardsCover(3);
	});

	/** Runs parallel.sh with a stand-in for GNU parallel (not installed here) that runs each job in turn. */
	function runParallel(dir: string, env: Record<string, string> = {}) {
		const bin = join(dir, 'bin');
		mkdirSync(bin);
		// The stand-in replaces {} in the command by each input line.
		writeFileSync(join(bin, 'parallel'), '#!/usr/bin/env bash\ncmd="${@: -1}"\nwhile IFS= read -r arg; do bash -c "${cmd//\\{\\}/$arg}" || exit 1; done\n');
		chmodSync(join(bin, 'parallel'), 0o755);
		return sh(['bash', join(DEPLOY, 'parallel.sh'), 'design.json', '3'], { cwd: dir, env: { PATH: `${bin}:${process.env.PATH}`, LEVERS_HOME: ROOT, ...env } });
	}

	test('run with a stand-in for parallel that runs each job here in turn, it gives the unsharded output', () => {
		const dir = folderWithDesign();
		const r = runParallel(dir);
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('levers: merged 3 shards into results.csv\n');
		expect(readFileSync(join(dir, 'results.csv'), 'utf8')).toBe(whole);
		expect(readFileSync(join(dir, 'shard-2.csv'), 'utf8')).toContain('shard=2/3 tasks=6');
	});

	test('with SWEEP_FORMAT=arrow, Arrow shards merge to the unsharded Arrow file', async () => {
		const dir = folderWithDesign();
		const unsharded = join(dir, 'unsharded.arrow');
		expect((await cli(['sweep', join(dir, 'design.json'), '--threads', '0', '--out', unsharded])).code).toBe(0);
		const r = runParallel(dir, { SWEEP_FORMAT: 'arrow' });
		expect([r.status, r.stderr]).toEqual([0, 'levers: merged 3 shards into results.arrow\n']);
		expect(readFileSync(join(dir, 'results.arrow')).equals(readFileSync(unsharded))).toBe(true);
		expect(readFileSync(join(dir, 'shard-2.arrow')).subarray(0, 6).toString()).toBe('ARROW1');
	});
});

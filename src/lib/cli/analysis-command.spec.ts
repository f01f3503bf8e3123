/**
 * `levers sensitivity` and `levers explain` in-process, on small populations (4,000 citizens,
 * 24 months, 2 runs) so every model run is quick. The analysis maths is specified against closed
 * forms in src/lib/analysis; here: the command agrees with `levers run --baseline`, states and
 * makes the runs it says, gives the same bytes in this thread and on worker threads, and
 * refuses bad input before running anything.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultThreads } from '../sweep/thread-pool';
import { cli, specFolder, type Captured, type SpecIoOptions } from './spec-io';

const SMALL = ['--citizens', '4000', '--months', '24', '--runs', '2'];
/** Few enough citizens for one area of 3 providers, too few for them at the low end of funded posts. */
const TINY = ['--citizens', '500', '--months', '24', '--runs', '2'];
/** Runs in this thread, and on two worker threads: the numbers must not change. */
const IN_THREAD = ['--threads', '0'];
const TWO_THREADS = ['--threads', '2'];
const BASE = 'baseline-england-2023';
const OUTCOME = 'prevention.crisisRate';
const TWO = ['escalationRate', 'preventionMaxEffect'];
type Json = any;

async function ok(argv: string[], options: SpecIoOptions = {}): Promise<Captured> {
	const result = await cli(argv, options);
	expect(result.code, result.stderr).toBe(0);
	return result;
}

/** A scenario file that changes two levers of the baseline: four coalitions for explain. */
function twoLeverScenario(): string {
	const path = join(specFolder(), 'two-levers.json');
	writeFileSync(
		path,
		JSON.stringify({ schema: 'levers-scenario', version: 1, id: 'two-levers', title: 'Two levers', extends: BASE, levers: { targets: 0.1, prevention: 0.25 } })
	);
	return path;
}

/** The paired difference `levers run --baseline` reports for the outcome. */
async function runDifference(scenario: string): Promise<Json> {
	const { stdout } = await ok(['run', scenario, '--baseline', BASE, ...SMALL, '--outcomes', OUTCOME, '--format', 'json']);
	return JSON.parse(stdout).difference.final[OUTCOME];
}

describe('sensitivity --method tornado', () => {
	const argv = ['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--assumptions', TWO.join(','), ...SMALL];
	let first: Captured;
	let doc: Json;

	beforeAll(async () => {
		first = await ok([...argv, ...IN_THREAD, '--format', 'json']);
		doc = JSON.parse(first.stdout);
	});

	test('states its model runs before starting, and makes exactly that many', () => {
		// (1 + 2 × 2) paired ensembles × 2 runs × 2 arms.
		expect(first.stderr).toMatch(/^levers: tornado of 2 assumptions: 1 \+ 2 × 2 = 5 paired ensembles × 2 runs × 2 arms = 20 model runs, about /);
		expect(first.runs).toBe(20);
	});

	test('the difference as given is the paired difference levers run --baseline reports', async () => {
		const run = await runDifference('wigan-deal');
		expect(doc.base.mean).toBeCloseTo(run.mean, 12);
		expect(doc.base.p05).toBeCloseTo(run.p05, 12);
		expect(doc.base.p95).toBeCloseTo(run.p95, 12);
	});

	test('JSON: each assumption at both ends of its registry range, sorted by swing, with the comparison recorded', () => {
		expect(doc.analysis).toBe('tornado');
		expect(doc.outcome.id).toBe(OUTCOME);
		expect(doc.scenario.id).toBe('wigan-deal');
		expect(doc.baseline.id).toBe(BASE);
		expect(doc.runs).toBe(2);
		expect(doc.bars.map((b: Json) => b.id).sort()).toEqual([...TWO].sort());
		const esc = doc.bars.find((b: Json) => b.id === 'escalationRate');
		expect([esc.low, esc.high, esc.grade]).toEqual([0, 0.1, 'weak']);
		const swings = doc.bars.map((b: Json) => Math.abs(b.swing.mean));
		expect(swings[0]).toBeGreaterThanOrEqual(swings[1]);
		for (const b of doc.bars) {
			expect(b.swing.mean).toBeCloseTo(b.atHigh.mean - b.atLow.mean, 9);
			expect(b.changeAtHigh.mean).toBeCloseTo(b.atHigh.mean - doc.base.mean, 9);
			expect(b.fragile).toBe(b.signFlips && ['weak', 'assumption'].includes(b.grade));
		}
		expect(doc.fragile).toEqual(doc.bars.filter((b: Json) => b.fragile).map((b: Json) => b.id));
	});

	test('on two worker threads: byte-identical output, every run made and counted by the progress line', async () => {
		let t = 0;
		// The clock moves 6 s at each look, so every run but the last (the line then clears) is shown.
		const threaded = await ok([...argv, ...TWO_THREADS, '--format', 'json', '--progress'], { clock: () => (t += 6000) });
		expect(threaded.stdout).toBe(first.stdout);
		expect(threaded.stderr).toMatch(/^levers: [^\n]* = 20 model runs, about [^\n]* on 2 threads\n/);
		expect(threaded.runs).toBe(20);
		const counts = [...threaded.stderr.matchAll(/levers: (\d+) of 20 runs, /g)].map((m) => Number(m[1]));
		expect(counts).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
	});

	test('CSV: a header and one row per assumption, in the JSON\'s order', async () => {
		const { stdout } = await ok([...argv, ...IN_THREAD, '--format', 'csv', '--quiet']);
		const lines = stdout.trimEnd().split('\n');
		expect(lines[0]).toBe(
			'assumption,grade,low,high,base_mean,at_low_mean,at_low_p05,at_low_p95,at_high_mean,at_high_p05,at_high_p95,swing_mean,swing_p05,swing_p95,sign_flips,fragile'
		);
		expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(doc.bars.map((b: Json) => b.id));
		expect(Number(lines[1].split(',')[11])).toBeCloseTo(doc.bars[0].swing.mean, 12);
	});

	test('table: title, each assumption by label with its grade, the verdict on fragility and the footer', async () => {
		const { stdout } = await ok([...argv, ...IN_THREAD, '--format', 'table']);
		expect(stdout).toContain('Sensitivity (one at a time): Crisis rate (prevention.crisisRate');
		expect(stdout).toMatch(/Escalation while waiting\s+weak/);
		expect(stdout).toMatch(/Maximum effect of prevention\s+weak/);
		expect(stdout).toMatch(doc.fragile.length ? /Fragile: the difference changes sign/ : /holds at both ends|no fragile conclusion/);
		expect(stdout).toContain('Exploratory, not a forecast.');
	});
});

describe('sensitivity --method morris', () => {
	test('states r × (k + 1) × runs × 2 runs, reports μ*, μ and σ, and gives the same bytes on two worker threads', async () => {
		const argv = ['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--method', 'morris', '--assumptions', TWO.join(','), '--trajectories', '2', ...SMALL, '--format', 'json'];
		const result = await ok([...argv, ...IN_THREAD]);
		// 2 trajectories × (2 + 1) × 2 runs × 2 arms.
		expect(result.stderr).toContain('= 24 model runs');
		expect(result.runs).toBe(24);
		const doc = JSON.parse(result.stdout);
		expect(doc.analysis).toBe('morris');
		expect([doc.trajectories, doc.levels, doc.evaluations]).toEqual([2, 4, 6]);
		expect(doc.delta).toBeCloseTo(2 / 3, 12);
		expect(doc.effects.map((e: Json) => e.id).sort()).toEqual([...TWO].sort());
		for (const e of doc.effects) {
			expect(e.muStar).toBeGreaterThanOrEqual(Math.abs(e.mu) - 1e-12);
			expect(e.sigma).toBeGreaterThanOrEqual(0);
		}
		expect(doc.effects[0].muStar).toBeGreaterThanOrEqual(doc.effects[1].muStar);
		const threaded = await ok([...argv, ...TWO_THREADS]);
		expect(threaded.stdout).toBe(result.stdout);
		expect(threaded.runs).toBe(24);
	});
});

describe('explain', () => {
	let path: string;
	let doc: Json;
	let captured: Captured;

	beforeAll(async () => {
		path = twoLeverScenario();
		captured = await ok(['explain', path, '--baseline', BASE, '--outcome', OUTCOME, ...SMALL, ...IN_THREAD, '--format', 'json']);
		doc = JSON.parse(captured.stdout);
	});

	test('on two worker threads: byte-identical output, the same runs made', async () => {
		const threaded = await ok(['explain', path, '--baseline', BASE, '--outcome', OUTCOME, ...SMALL, ...TWO_THREADS, '--format', 'json']);
		expect(threaded.stdout).toBe(captured.stdout);
		expect(threaded.runs).toBe(8);
	});

	test('states and makes 2^2 combinations × 2 runs', () => {
		expect(captured.stderr).toContain('2 changed inputs (targets, prevention), exact over 2^2 = 4 combinations × 2 runs = 8 model runs');
		expect(captured.runs).toBe(8);
	});

	test('the contributions of the changed levers add up to the paired difference of levers run --baseline', async () => {
		expect(doc.method).toBe('exact');
		expect(doc.contributions.map((k: Json) => k.id).sort()).toEqual(['prevention', 'targets']);
		const targets = doc.contributions.find((k: Json) => k.id === 'targets');
		expect([targets.kind, targets.from, targets.to]).toEqual(['lever', 0.6, 0.1]);
		const sum = doc.contributions.reduce((s: number, k: Json) => s + k.mean, 0);
		expect(sum).toBeCloseTo(doc.total.mean, 9);
		for (let r = 0; r < 2; r++) expect(doc.contributions.reduce((s: number, k: Json) => s + k.perRun[r], 0)).toBeCloseTo(doc.totalPerRun[r], 9);
		const run = await runDifference(path);
		expect(doc.total.mean).toBeCloseTo(run.mean, 9);
	});

	test('says in words what drives the difference', () => {
		expect(doc.explanation).toMatch(/^Crisis rate changes by /);
		expect(doc.explanation).toMatch(/Prevention investment|Targets/);
	});

	test('table and CSV carry the same contributions', async () => {
		const table = (await ok(['explain', path, '--baseline', BASE, '--outcome', OUTCOME, ...SMALL, ...IN_THREAD, '--format', 'table', '--quiet'])).stdout;
		expect(table).toContain('What drives the difference: Crisis rate');
		expect(table).toMatch(/Targets\s+lever\s+0\.6 → 0\.1/);
		expect(table).toContain('Total difference');
		const csv = (await ok(['explain', path, '--baseline', BASE, '--outcome', OUTCOME, ...SMALL, ...IN_THREAD, '--format', 'csv', '--quiet'])).stdout.trimEnd().split('\n');
		expect(csv[0]).toBe('input,kind,from,to,mean,p05,p95');
		expect(csv.map((l) => l.split(',')[0])).toEqual(['input', ...doc.contributions.map((k: Json) => k.id), 'total']);
		expect(Number(csv[3].split(',')[4])).toBeCloseTo(doc.total.mean, 12);
	});
});

describe('before anything runs', () => {
	test('--dry-run states the work and runs nothing', async () => {
		const result = await ok(['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--grades', 'assumption', ...TINY, ...TWO_THREADS, '--dry-run']);
		expect(result.runs).toBe(0);
		// Funded posts at the low end would leave 500 citizens (one area of 3 providers) too few: left out, and said so.
		expect(result.stderr).toBe(
			'levers: warning: leaving out postsPer1000: at the low end of its range (20) 500 citizens are too few at 20 funded posts per 1,000 (at least 750 for 3 providers); use more --citizens to include it\n'
		);
		expect(result.stdout).not.toMatch(/assumptions: .*postsPer1000/);
		expect(result.stdout).toMatch(/^would run: sensitivity \(tornado\) of prevention\.crisisRate, wigan-deal against baseline baseline-england-2023\n/);
		expect(result.stdout).toMatch(/model runs: tornado of \d+ assumptions/);
		expect(result.stdout).toMatch(/\noutput: json to standard output, 2 worker threads\n$/);
	});

	test('--quiet says nothing on standard error; --progress shows a progress line', async () => {
		const argv = ['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--assumptions', 'escalationRate', ...SMALL, ...IN_THREAD, '--format', 'json'];
		expect((await ok([...argv, '--quiet'])).stderr).toBe('');
		let t = 0;
		const shown = await ok([...argv, '--progress'], { clock: () => (t += 6000) });
		expect(shown.stderr).toMatch(/levers: \d+ of 12 runs, /);
	});

	test('without --threads, as many worker threads as levers sweep uses (one fewer than the cores)', async () => {
		const result = await ok(['explain', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, ...SMALL, '--dry-run']);
		const threads = defaultThreads();
		expect(result.stdout).toMatch(new RegExp(`\\noutput: json to standard output, ${threads} worker threads?\\n$`));
	});

	test.each([
		[['sensitivity', 'wigan-deal', '--outcome', OUTCOME], 'needs --baseline'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE], 'needs --outcome'],
		[['explain', '--baseline', BASE, '--outcome', OUTCOME], 'needs a scenario'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', 'crisisRate'], 'unknown outcome "crisisRate"; did you mean \'prevention.crisisRate\'?'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', 'gaming'], '"gaming" is a family: pick one of gaming.gap'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--assumptions', 'escalationRat'], 'unknown assumption "escalationRat"; did you mean \'escalationRate\'?'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--assumptions', 'targets'], '"targets" is a lever, not an assumption'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--assumptions', 'a,,b'], '--assumptions must be a comma-separated list'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--grades', 'weakk'], '"weakk" is not an evidence grade; did you mean weak?'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--grades', 'weak', '--assumptions', 'escalationRate'], 'not both'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--method', 'sobol'], '--method must be tornado or morris, not "sobol"'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--trajectories', '4'], '--trajectories is for --method morris'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--method', 'morris', '--levels', '5'], '--levels must be even'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--assumptions', 'postsPer1000', ...TINY], 'postsPer1000 at the low end of its range (20)'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--runs', '200'], 'this would take about'],
		[['explain', 'wigan-deal', '--baseline', 'wigan-deal', '--outcome', OUTCOME, ...SMALL], 'there is no difference to explain'],
		[['explain', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--permutations', '0'], '--permutations 0 is outside 1–10,000'],
		[['sensitivity', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--threads', 'two'], '--threads must be a whole number, not "two"'],
		[['explain', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--threads', '-1'], '--threads must be a whole number, not "-1"'],
		[['explain', 'wigan-deal', '--baseline', BASE, '--outcome', OUTCOME, '--threads', '257'], '--threads 257 is outside 0–256'],
		[['explain', 'wigan-deal', '--baseline', 'baseline-england-2032', '--outcome', OUTCOME], 'unknown scenario "baseline-england-2032"']
	])('levers %j exits 2 naming the problem, before any run', async (argv, part) => {
		const result = await cli(argv);
		expect(result.code).toBe(2);
		expect(result.runs).toBe(0);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^levers: [^\n]+\n$/);
		expect(result.stderr).toContain(part);
	});
});

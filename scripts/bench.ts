/**
 * Speed and memory of the model (a benchmark, not a test). Prints a table; with --json, one
 * JSON object as the last line. On a shared, noisy machine the cases alternate in one process
 * (bench-stats.ts) and each is reported as min / p25 / median:
 * - defaultRunMs: median of 7 runs of the default scenario with fresh seeds (20,000 citizens,
 *   120 months, plus the spin-up until settled), alternating with the re-runs, after 2 warm-up
 *   rounds; defaultRun: min / p25 / median, defaultRunCpu: the same of the process's CPU time
 *   (not inflated while other processes hold the cores); spinUpMonths: their spin-ups;
 * - rerunMs: median of 7 re-runs of one seed, whose settled state is cached (a lever change in
 *   the workbench, a paired baseline); rerun, rerunCpu: min / p25 / median;
 * - citizenMonthsPerSec: citizen-months simulated per second in the fresh runs (spin-up included);
 * - rerunAllocatedMB: megabytes a warm re-run of the model bundled as it ships allocates on the
 *   JavaScript heap (V8's sampling heap profiler, collected objects included: bench-allocation.ts),
 *   against the budget that the model's inner loops allocate nothing; rerunAllocationTop: its
 *   five largest sources;
 * - millionRunMs, millionPeakMB: one run of 1,000,000 citizens for 120 months, in a fresh
 *   process, and that process's peak resident memory;
 * - ensemble32Ms: a 32-run ensemble of the default scenario in one process;
 * - ensemble32ThreadsMs: the same ensemble on two Node worker threads (the browser's worker pool
 *   over worker_threads), started and warmed up first, as the page's pool is; ensemble32ThreadsCpuMs:
 *   the CPU time of both threads;
 *   ensemble32ThreadsRerunMs: that ensemble again (a lever change: the pool sends each replicate
 *   back to the thread that ran it, whose cache holds its settled state);
 * - coldEnsemble32ThreadsMs: the same ensemble on two threads just started, as on a page load
 *   (thread start-up and priming included); coldEnsemble32ThreadsUnprimedMs: the same on threads
 *   that skip priming their engine (runner/prime.ts); the median of 3 each, alternating;
 * - cliHelpMs, cliListMs: start-up of `levers --help` and `levers list` (median of 7 processes);
 * - with --analysis: tornado20Ms and morris20x10Ms, the wall time in one process of a one-at-a-time
 *   tornado and a Morris screen (10 trajectories) of the first 20 assumptions graded weak or
 *   assumption, on wigan-deal against the default scenario at its default size, each paired
 *   ensemble of --analysis-runs runs (default 2); analysisModelRuns counts their model runs;
 *   tornado20ThreadsMs and morris20x10ThreadsMs, the same two on two worker threads (the
 *   command line's pool, as `levers sensitivity --threads 2` runs them), started and warmed up
 *   first; their numbers must equal the in-process ones.
 * Options: --skip-million (quick look), --analysis (several minutes), --analysis-runs N, --json. Comparing two versions of the model: bench-variants.ts.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { morris, morrisModelRuns, pairedEvaluator, tornado, tornadoEvaluations, type ModelComparison } from '../src/lib/analysis/index';
import { threadRuns } from '../src/lib/analysis/thread-runs';
import { runEnsemble } from '../src/lib/ensemble/index';
import { ASSUMPTIONS, MODEL_VERSION, runModel } from '../src/lib/model/index';
import { resolveScenario, toRunInput } from '../src/lib/scenario/index';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';
import { cliStartupMs } from './bench-cli';
import { allocationPerRun, bundledModel } from './bench-allocation';
import { alternate, formatTiming, roundOrder, summarise } from './bench-stats';
import { startThreadPool } from './bench-threads';

const json = process.argv.includes('--json');
const library = loadBuiltinScenarios();
const base = library.get('baseline-england-2023')!;

if (process.argv.includes('--million-child')) {
	// Child mode: one large run, then report time and peak memory.
	const scenario = resolveScenario(base, library, { citizens: 1_000_000, months: 120, runs: 1 });
	const t0 = performance.now();
	runModel(toRunInput(scenario, 1));
	const ms = performance.now() - t0;
	const peakMB = process.resourceUsage().maxRSS / 1024;
	process.stdout.write(JSON.stringify({ ms, peakMB }) + '\n');
	process.exit(0);
}

const median = (xs: number[]) => summarise(xs).median;

const scenario = resolveScenario(base, library, { runs: 1 });
const input = toRunInput(scenario, 1);
// Fresh runs: new seeds, so each spins up until settled; re-runs of one seed, whose settled
// state is cached (every lever change in the workbench, every paired baseline). They alternate.
// Each is timed by the wall clock and by the process's CPU time, which is not inflated while
// other processes hold the cores.
const spinUps: number[] = [];
const cpu: [number[], number[]] = [[], []];
const timed = (which: 0 | 1, run: () => void) => () => {
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	run();
	const ms = performance.now() - t0;
	const c = process.cpuUsage(c0);
	cpu[which].push((c.user + c.system) / 1000);
	return ms;
};
const WARM_UP = 2;
let nextSeed = 200;
const [times, reruns] = alternate(
	[
		timed(0, () => {
			const months = runModel(toRunInput(scenario, nextSeed++)).spinUp.months;
			if (nextSeed > 200 + WARM_UP) spinUps.push(months);
		}),
		timed(1, () => void runModel(input))
	],
	7,
	WARM_UP
);
const [timesCpu, rerunsCpu] = cpu.map((t) => t.slice(WARM_UP));
// On the model as a bundle (as it ships), warmed up with as many re-runs as the timed ones had.
const bundled = await bundledModel();
for (let r = 0; r < WARM_UP + 7; r++) bundled.runModel(input);
const rerunAllocation = await allocationPerRun(() => void bundled.runModel(input), 5);
const defaultRunMs = median(times);
const rerunMs = median(reruns);
const simulatedMonths = scenario.months + median(spinUps);
const citizenMonthsPerSec = (scenario.population.citizens * simulatedMonths) / (defaultRunMs / 1000);

const ensembleScenario = resolveScenario(base, library, { runs: 32 });
const e0 = performance.now();
runEnsemble((seed) => toRunInput(ensembleScenario, seed), 32, ensembleScenario.seed);
const ensemble32Ms = performance.now() - e0;

// The same ensemble on two worker threads, warmed up on other seeds first; the process's CPU
// time includes the threads'.
const threadJob = (() => {
	const { levers, assumptions, population, months } = toRunInput(ensembleScenario, 0);
	return { schedules: levers as Record<string, Float64Array>, assumptions, population, months, detail: false };
})();
const pool = await startThreadPool(2);
let ensemble32ThreadsMs: number;
let ensemble32ThreadsCpuMs: number;
let ensemble32ThreadsRerunMs: number;
try {
	const job = threadJob;
	// Warm up both paths of every thread: fresh runs, then re-runs from the cache of settled states.
	await pool.ensemble(job, 4, ensembleScenario.seed + 1);
	await pool.ensemble(job, 4, ensembleScenario.seed + 1);
	const c0 = process.cpuUsage();
	ensemble32ThreadsMs = await pool.ensemble(job, 32, ensembleScenario.seed);
	const c = process.cpuUsage(c0);
	ensemble32ThreadsCpuMs = (c.user + c.system) / 1000;
	ensemble32ThreadsRerunMs = await pool.ensemble(job, 32, ensembleScenario.seed);
} finally {
	pool.close();
}

// Cold threads, as on a page load: primed as shipped, and not, alternating.
const cold: [number[], number[]] = [[], []];
for (let round = 0; round < 3; round++)
	for (const which of roundOrder(2, round)) {
		const coldPool = await startThreadPool(2, { prime: which === 0 });
		try {
			cold[which].push(await coldPool.ensemble(threadJob, 32, ensembleScenario.seed));
		} finally {
			coldPool.close();
		}
	}

let millionRunMs: number | null = null;
let millionPeakMB: number | null = null;
if (!process.argv.includes('--skip-million')) {
	const script = fileURLToPath(import.meta.url);
	const child = spawnSync(process.execPath, ['--import', 'tsx', script, '--million-child'], {
		encoding: 'utf8',
		maxBuffer: 1 << 20
	});
	const line = child.stdout.trim().split('\n').pop() ?? '';
	try {
		const parsed = JSON.parse(line) as { ms: number; peakMB: number };
		millionRunMs = parsed.ms;
		millionPeakMB = parsed.peakMB;
	} catch {
		console.error(`the 1,000,000-citizen run failed: ${child.stderr.trim().split('\n').pop() ?? 'no output'}`);
	}
}

// Sensitivity analyses: slow (hundreds of default-size runs), so only when asked for.
let tornado20Ms: number | null = null;
let morris20x10Ms: number | null = null;
let tornado20ThreadsMs: number | null = null;
let morris20x10ThreadsMs: number | null = null;
let analysisModelRuns: { tornado: number; morris: number } | null = null;
const analysisRunsAt = process.argv.indexOf('--analysis-runs');
const analysisRuns = analysisRunsAt > 0 ? Number(process.argv[analysisRunsAt + 1]) : 2;
if (process.argv.includes('--analysis')) {
	if (!Number.isInteger(analysisRuns) || analysisRuns < 1) throw new Error(`--analysis-runs must be a whole number of at least 1, not ${process.argv[analysisRunsAt + 1]}`);
	const comparison: ModelComparison = {
		scenario: resolveScenario(library.get('wigan-deal')!, library, { runs: analysisRuns, seed: 1 }),
		baseline: resolveScenario(base, library, { runs: analysisRuns, seed: 1 }),
		outcome: 'prevention.crisisRate'
	};
	const factors = ASSUMPTIONS.filter((a) => a.grade === 'weak' || a.grade === 'assumption')
		.slice(0, 20)
		.map((a) => ({ id: a.id, min: a.min, max: a.max, grade: a.grade }));
	analysisModelRuns = { tornado: tornadoEvaluations(20) * analysisRuns * 2, morris: morrisModelRuns(20, 10, analysisRuns) };
	if (!json) console.log(`analysis: a tornado of ${analysisModelRuns.tornado} and a Morris screen of ${analysisModelRuns.morris} model runs…`);
	/** A tornado then a Morris screen of the comparison, each timed. */
	const timeAnalyses = async (c: ModelComparison) => {
		const t0 = performance.now();
		const tornadoResult = await tornado(factors, pairedEvaluator(c));
		const tornadoMs = performance.now() - t0;
		const m0 = performance.now();
		const morrisResult = await morris(factors, pairedEvaluator(c), { trajectories: 10, seed: 1 });
		return { results: JSON.stringify([tornadoResult, morrisResult]), tornadoMs, morrisMs: performance.now() - m0 };
	};
	const inProcess = await timeAnalyses(comparison);
	tornado20Ms = inProcess.tornadoMs;
	morris20x10Ms = inProcess.morrisMs;

	// The same two on two worker threads, started and warmed up (a run each, other seeds) first.
	const runs = await threadRuns(2);
	try {
		await Promise.all([9001, 9002].map((seed) => runs.run(toRunInput(comparison.baseline, seed), () => {})));
		const threaded = await timeAnalyses({ ...comparison, runs });
		tornado20ThreadsMs = threaded.tornadoMs;
		morris20x10ThreadsMs = threaded.morrisMs;
		if (threaded.results !== inProcess.results) throw new Error('the analyses on worker threads gave other numbers than in one process');
	} finally {
		runs.close();
	}
}

const result = {
	modelVersion: MODEL_VERSION,
	node: process.version,
	defaultRunMs: round(defaultRunMs),
	defaultRunsMs: times.map(round),
	defaultRun: rounded(summarise(times)),
	defaultRunCpu: rounded(summarise(timesCpu)),
	spinUpMonths: spinUps,
	rerunMs: round(rerunMs),
	rerun: rounded(summarise(reruns)),
	rerunCpu: rounded(summarise(rerunsCpu)),
	citizenMonthsPerSec: Math.round(citizenMonthsPerSec),
	rerunAllocatedMB: round(rerunAllocation.mbPerRun),
	rerunAllocationTop: rerunAllocation.top.map(({ site, mbPerRun }) => ({ site, mb: round(mbPerRun) })),
	millionRunMs: millionRunMs === null ? null : round(millionRunMs),
	millionPeakMB: millionPeakMB === null ? null : round(millionPeakMB),
	ensemble32Ms: round(ensemble32Ms),
	ensemble32ThreadsMs: round(ensemble32ThreadsMs),
	ensemble32ThreadsCpuMs: round(ensemble32ThreadsCpuMs),
	ensemble32ThreadsRerunMs: round(ensemble32ThreadsRerunMs),
	coldEnsemble32ThreadsMs: round(median(cold[0])),
	coldEnsemble32ThreadsUnprimedMs: round(median(cold[1])),
	cliHelpMs: round(cliStartupMs(['--help'])),
	cliListMs: round(cliStartupMs(['list'])),
	tornado20Ms: tornado20Ms === null ? null : round(tornado20Ms),
	morris20x10Ms: morris20x10Ms === null ? null : round(morris20x10Ms),
	tornado20ThreadsMs: tornado20ThreadsMs === null ? null : round(tornado20ThreadsMs),
	morris20x10ThreadsMs: morris20x10ThreadsMs === null ? null : round(morris20x10ThreadsMs),
	analysisRuns: tornado20Ms === null ? null : analysisRuns,
	analysisModelRuns
};

// Issue 6's budgets on a 2-core machine (architecture.md's looser ones in brackets).
const budget = { defaultRunMs: 60, rerunMs: 40, millionRunMs: 6_000, millionPeakMB: 400, ensemble32ThreadsMs: 1200 };
const rows: [string, string, string][] = [
	['default run, fresh seed (median of 7, ms)', String(result.defaultRunMs), `≤ ${budget.defaultRunMs}`],
	['  min / p25 / median', formatTiming(summarise(times)), ''],
	['  CPU time: min / p25 / median', formatTiming(summarise(timesCpu)), ''],
	[`  spin-up months (median)`, String(median(spinUps)), ''],
	['re-run, same seed, settled state cached (ms)', String(result.rerunMs), `≤ ${budget.rerunMs}`],
	['  min / p25 / median', formatTiming(summarise(reruns)), ''],
	['  CPU time: min / p25 / median', formatTiming(summarise(rerunsCpu)), ''],
	['citizen-months per second', result.citizenMonthsPerSec.toLocaleString('en-GB'), ''],
	['allocated per re-run (MB, sampled)', String(result.rerunAllocatedMB), 'inner loops: none'],
	...result.rerunAllocationTop.map(({ site, mb }): [string, string, string] => [`  ${site}`, String(mb), '']),
	['1,000,000 citizens × 120 months (ms)', String(result.millionRunMs ?? 'skipped'), `≤ ${budget.millionRunMs} (≤ 10000)`],
	['1,000,000-citizen peak memory (MB)', String(result.millionPeakMB ?? 'skipped'), `≤ ${budget.millionPeakMB} (≤ 500)`],
	['32-run ensemble, one process (ms)', String(result.ensemble32Ms), ''],
	['32-run ensemble, two worker threads (ms)', String(result.ensemble32ThreadsMs), `≤ ${budget.ensemble32ThreadsMs} (≤ 1500)`],
	['  CPU time of both threads (ms)', String(result.ensemble32ThreadsCpuMs), ''],
	['  again, after a lever change (ms)', String(result.ensemble32ThreadsRerunMs), ''],
	['  on threads just started (median of 3, ms)', String(result.coldEnsemble32ThreadsMs), ''],
	['  the same, threads not primed (ms)', String(result.coldEnsemble32ThreadsUnprimedMs), ''],
	['levers --help start-up (ms)', String(result.cliHelpMs), '< 1000'],
	['levers list start-up (ms)', String(result.cliListMs), '< 1000'],
	[`tornado, 20 assumptions, ${analysisRuns}-run pairs, in-process (ms)`, String(result.tornado20Ms ?? 'skipped (--analysis)'), ''],
	[`Morris, 20 assumptions × 10 trajectories, ${analysisRuns}-run pairs, in-process (ms)`, String(result.morris20x10Ms ?? 'skipped (--analysis)'), ''],
	['  tornado, two worker threads (ms)', String(result.tornado20ThreadsMs ?? 'skipped (--analysis)'), ''],
	['  Morris, two worker threads (ms)', String(result.morris20x10ThreadsMs ?? 'skipped (--analysis)'), '']
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`Levers model ${MODEL_VERSION} on Node ${process.version}`);
for (const [label, value, target] of rows) console.log(`${label.padEnd(width)}  ${value.padStart(22)}  ${target}`);
if (json) console.log(JSON.stringify(result));

function round(x: number): number {
	return Math.round(x * 10) / 10;
}

function rounded(t: { min: number; p25: number; median: number }): { min: number; p25: number; median: number } {
	return { min: round(t.min), p25: round(t.p25), median: round(t.median) };
}

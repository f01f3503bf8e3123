/**
 * Speed and memory of the model (a benchmark, not a test). Prints a table; with --json, one
 * JSON object as the last line:
 * - defaultRunMs: median of 7 runs of the default scenario with fresh seeds (20,000 citizens,
 *   120 months, plus the spin-up until settled) after 3 warm-up runs; spinUpMonths: their spin-ups;
 * - rerunMs: median of 7 re-runs of one seed, whose settled state is cached;
 * - citizenMonthsPerSec: citizen-months simulated per second in those runs (spin-up included);
 * - millionRunMs, millionPeakMB: one run of 1,000,000 citizens for 120 months, in a fresh
 *   process, and that process's peak resident memory;
 * - ensemble32Ms: a 32-run ensemble of the default scenario in one process;
 * - cliHelpMs, cliListMs: start-up of `levers --help` and `levers list` (median of 7 processes);
 * - with --analysis: tornado20Ms and morris20x10Ms, the wall time in one process of a one-at-a-time
 *   tornado and a Morris screen (10 trajectories) of the first 20 assumptions graded weak or
 *   assumption, on wigan-deal against the default scenario at its default size, each paired
 *   ensemble of --analysis-runs runs (default 2); analysisModelRuns counts their model runs.
 * Options: --skip-million (quick look), --analysis (several minutes), --analysis-runs N, --json.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { morris, morrisModelRuns, pairedEvaluator, tornado, tornadoEvaluations, type ModelComparison } from '../src/lib/analysis/index';
import { runEnsemble } from '../src/lib/ensemble/index';
import { ASSUMPTIONS, MODEL_VERSION, runModel } from '../src/lib/model/index';
import { resolveScenario, toRunInput } from '../src/lib/scenario/index';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';
import { cliStartupMs } from './bench-cli';

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

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const scenario = resolveScenario(base, library, { runs: 1 });
const input = toRunInput(scenario, 1);
for (let i = 0; i < 3; i++) runModel(toRunInput(scenario, 100 + i));
// Fresh runs: new seeds, so each spins up until settled; then re-runs of one seed, whose settled
// state is cached (every lever change in the workbench, every paired baseline).
const times: number[] = [];
const spinUps: number[] = [];
for (let i = 0; i < 7; i++) {
	const run = toRunInput(scenario, 200 + i);
	const t0 = performance.now();
	spinUps.push(runModel(run).spinUp.months);
	times.push(performance.now() - t0);
}
runModel(input);
const reruns: number[] = [];
for (let i = 0; i < 7; i++) {
	const t0 = performance.now();
	runModel(input);
	reruns.push(performance.now() - t0);
}
const defaultRunMs = median(times);
const rerunMs = median(reruns);
const simulatedMonths = scenario.months + median(spinUps);
const citizenMonthsPerSec = (scenario.population.citizens * simulatedMonths) / (defaultRunMs / 1000);

const ensembleScenario = resolveScenario(base, library, { runs: 32 });
const e0 = performance.now();
runEnsemble((seed) => toRunInput(ensembleScenario, seed), 32, ensembleScenario.seed);
const ensemble32Ms = performance.now() - e0;

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
	const t0 = performance.now();
	await tornado(factors, pairedEvaluator(comparison));
	tornado20Ms = performance.now() - t0;
	const m0 = performance.now();
	await morris(factors, pairedEvaluator(comparison), { trajectories: 10, seed: 1 });
	morris20x10Ms = performance.now() - m0;
}

const result = {
	modelVersion: MODEL_VERSION,
	node: process.version,
	defaultRunMs: round(defaultRunMs),
	defaultRunsMs: times.map(round),
	spinUpMonths: spinUps,
	rerunMs: round(rerunMs),
	citizenMonthsPerSec: Math.round(citizenMonthsPerSec),
	millionRunMs: millionRunMs === null ? null : round(millionRunMs),
	millionPeakMB: millionPeakMB === null ? null : round(millionPeakMB),
	ensemble32Ms: round(ensemble32Ms),
	cliHelpMs: round(cliStartupMs(['--help'])),
	cliListMs: round(cliStartupMs(['list'])),
	tornado20Ms: tornado20Ms === null ? null : round(tornado20Ms),
	morris20x10Ms: morris20x10Ms === null ? null : round(morris20x10Ms),
	analysisRuns: tornado20Ms === null ? null : analysisRuns,
	analysisModelRuns
};

const budget = { defaultRunMs: 60, millionRunMs: 10_000, millionPeakMB: 500, ensemble32Ms: 1500 };
const rows: [string, string, string][] = [
	['default run, fresh seed (median of 7, ms)', String(result.defaultRunMs), `≤ ${budget.defaultRunMs}`],
	[`  of which spin-up months (median)`, String(median(spinUps)), ''],
	['re-run, same seed, settled state cached (ms)', String(result.rerunMs), '≤ 40 (issue 6)'],
	['citizen-months per second', result.citizenMonthsPerSec.toLocaleString('en-GB'), ''],
	['1,000,000 citizens × 120 months (ms)', String(result.millionRunMs ?? 'skipped'), `≤ ${budget.millionRunMs}`],
	['1,000,000-citizen peak memory (MB)', String(result.millionPeakMB ?? 'skipped'), `≤ ${budget.millionPeakMB}`],
	['32-run ensemble, one process (ms)', String(result.ensemble32Ms), `(browser pool: ≤ ${budget.ensemble32Ms})`],
	['levers --help start-up (ms)', String(result.cliHelpMs), '< 1000'],
	['levers list start-up (ms)', String(result.cliListMs), '< 1000'],
	[`tornado, 20 assumptions, ${analysisRuns}-run pairs, in-process (ms)`, String(result.tornado20Ms ?? 'skipped (--analysis)'), ''],
	[`Morris, 20 assumptions × 10 trajectories, ${analysisRuns}-run pairs (ms)`, String(result.morris20x10Ms ?? 'skipped (--analysis)'), '']
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`Levers model ${MODEL_VERSION} on Node ${process.version}`);
for (const [label, value, target] of rows) console.log(`${label.padEnd(width)}  ${value.padStart(12)}  ${target}`);
if (json) console.log(JSON.stringify(result));

function round(x: number): number {
	return Math.round(x * 10) / 10;
}

/**
 * Where a re-run's time goes (a benchmark helper, not a test): the model bundled as it ships, its
 * settled state cached by one run, then `--runs` re-runs of the default scenario under V8's
 * sampling profiler; with `--fresh`, runs of seeds not run before, each spinning up its world.
 * Prints self time by function (the engine's inlining folds small functions
 * into their callers; the compiled kernels' functions by name, from a build of them with a name
 * section and the same code) and, with `--lines`, the named functions' busiest lines of the bundle.
 * `--json` prints one JSON object as the last line.
 *
 *   npm run bench:profile -- [--citizens 20000] [--runs 10] [--seed 1] [--fresh] [--top 20] [--lines stepNeedDynamics,serveCase] [--json]
 */
import { Session } from 'node:inspector/promises';
import { MODEL_VERSION } from '../src/lib/model/index';
import { resolveScenario, toRunInput } from '../src/lib/scenario/index';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';
import { bundledModelWithSource } from './bench-allocation';
import { lineTicks, selfTimeByFunction, type CpuProfile } from './profile-summary';

const USAGE =
	'usage: npm run bench:profile -- [--citizens N] [--runs N] [--seed N] [--fresh] [--top N] [--lines name[,name…]] [--json]';

function options(argv: string[]) {
	const found = { citizens: 20_000, runs: 10, seed: 1, fresh: false, top: 20, lines: [] as string[], json: false };
	const whole = (flag: string, text: string | undefined, min: number, max: number) => {
		const n = Number(text);
		if (text === undefined || !Number.isInteger(n) || n < min || n > max)
			throw new Error(`${flag} needs a whole number from ${min} to ${max}${text === undefined ? '' : `, not "${text}"`}`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag === '--json') found.json = true;
		else if (flag === '--fresh') found.fresh = true;
		else if (flag === '--citizens') found.citizens = whole(flag, argv[++i], 1000, 2_000_000);
		else if (flag === '--runs') found.runs = whole(flag, argv[++i], 1, 1000);
		else if (flag === '--seed') found.seed = whole(flag, argv[++i], 0, 2 ** 31 - 1);
		else if (flag === '--top') found.top = whole(flag, argv[++i], 1, 500);
		else if (flag === '--lines') {
			const names = argv[++i];
			if (!names || names.startsWith('--')) throw new Error('--lines needs function names, separated by commas');
			found.lines = names.split(',').filter(Boolean);
		} else throw new Error(`unknown option "${flag}"`);
	}
	return found;
}

let o: ReturnType<typeof options>;
try {
	o = options(process.argv.slice(2));
} catch (error) {
	process.stderr.write(`bench:profile: ${(error as Error).message}\n${USAGE}\n`);
	process.exit(2);
}

const library = loadBuiltinScenarios();
const scenario = resolveScenario(library.get('baseline-england-2023')!, library, { runs: 1, citizens: o.citizens });
const input = toRunInput(scenario, o.seed);
// The kernels with their functions' names (the same code), so the profile names them too.
const { model, source } = await bundledModelWithSource({ namedKernels: true });
// The first run spins up and caches the settled state; two more let the engine compile the rest.
for (let r = 0; r < 3; r++) model.runModel(input);

/** The r-th profiled fresh run's input: a seed none of the warm-up runs used, so nothing settled is cached. */
function freshInput(r: number) {
	return toRunInput(scenario, (o.seed + 1 + r) % 2 ** 31);
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t0 = performance.now();
for (let r = 0; r < o.runs; r++) model.runModel(o.fresh ? freshInput(r) : input);
const t1 = performance.now();
const msPerRun = (t1 - t0) / o.runs;
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
session.disconnect();

const bundleLines = source.split('\n');
const functions = selfTimeByFunction(profile).slice(0, o.top);
const lines = Object.fromEntries(
	o.lines.map((name) => [
		name,
		lineTicks(profile, name)
			.filter((l) => l.share >= 0.01)
			.map((l) => ({ ...l, text: (bundleLines[l.line - 1] ?? '').trim().slice(0, 110) }))
	])
);
const percent = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);

process.stdout.write(`Levers model ${MODEL_VERSION}: ${o.runs} ${o.fresh ? 'fresh run(s)' : 're-run(s)'} of ${o.citizens.toLocaleString('en-GB')} citizens, ${msPerRun.toFixed(1)} ms each (profiled)\n`);
process.stdout.write('self time by function (idle left out)\n');
for (const f of functions) process.stdout.write(`${percent(f.share)}  ${(f.ms / o.runs).toFixed(2).padStart(8)} ms/run  ${f.name}\n`);
for (const [name, rows] of Object.entries(lines)) {
	process.stdout.write(`\nlines of ${name} (1% of its samples or more)\n`);
	if (rows.length === 0) process.stdout.write('  none sampled: is the name right, or is it inlined into a caller?\n');
	for (const row of rows) process.stdout.write(`${percent(row.share)}  ${String(row.line).padStart(6)}  ${row.text}\n`);
}
if (o.json)
	process.stdout.write(
		JSON.stringify({
			modelVersion: MODEL_VERSION,
			citizens: o.citizens,
			runs: o.runs,
			fresh: o.fresh,
			msPerRun: Math.round(msPerRun * 10) / 10,
			functions: functions.map((f) => ({ name: f.name, share: Math.round(f.share * 1000) / 1000, msPerRun: Math.round((f.ms / o.runs) * 100) / 100 })),
			lines
		}) + '\n'
	);

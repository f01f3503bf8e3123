/**
 * Compare the speed of two (or more) versions of the model fairly on a noisy machine: each
 * version is loaded into this one process from its own copy of the sources, and the versions
 * run in alternation (bench-stats.ts), the same seed in the same round, so that load from
 * other processes falls on all of them alike. Prints min / p25 / median per version and case, of
 * wall time and of the process's CPU time (user + system: unlike wall time, not inflated while
 * other processes hold the cores, though it counts the garbage collector's helper threads), and
 * checks that every version gives identical numbers (an optimisation must not change them).
 *
 *   npm run bench:variants -- [--rounds 15] [--citizens 20000] [--seed 4] [--scenario baseline-england-2023] [--case fresh,rerun,newseed,steps] [--months 1000] <ref> [<ref>…]
 *
 * A ref is a git commit, branch or tag (its src/ and scenarios/ are exported to a temporary
 * folder) or `.` for the working tree. With one ref, it is compared with the working tree.
 * - fresh: a run of the default scenario without a cache of settled states (spin-up included),
 *   always the same seed, since spin-ups differ in length from seed to seed;
 * - rerun: a run of the same seed whose settled state is cached (a lever change in the workbench);
 * - newseed: a run of a seed not run before, with the cache (each run of an ensemble's first
 *   showing): spin-up included, its settled state kept, built where a run before it worked. Every
 *   version runs the same new seed in a round; the seeds, and so the spin-ups, differ between rounds.
 * - steps: each process of the month (the model's MONTH_STEPS, then collectOutcomes) timed on its
 *   own, in a world of each version settled on the same seed and stepped on under the scenario's
 *   levers (month by month as a run takes them, then held at their last month), the versions
 *   taking turns month by month (--months, default 1000, after 60 untimed). A step
 *   takes a fraction of a millisecond, so a thousand samples each pin down a change of a few per
 *   cent that whole runs, on this machine, cannot tell from the noise. The versions' outcomes are
 *   compared month by month. Needs a version with MONTH_STEPS (0.3.2 on).
 * Every case runs the built-in scenario `--scenario` (by default the status quo): a step whose cost
 * depends on the levers (gaming under strong targets, choice under quasi-markets) is timed under them.
 *
 * The variant loaded first can run a few per cent faster than the same code loaded second (a
 * version compared with itself: about 5% on fresh runs, 0–2% on re-runs), so read a small
 * difference in both orders: `… <ref> .` and `… . <ref>`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { alternate, formatChange, formatTiming, roundOrder, summarise } from './bench-stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const i = argv.indexOf(`--${name}`);
	if (i === -1) return fallback;
	const value = argv[i + 1];
	argv.splice(i, 2);
	return value;
};
const rounds = Number(option('rounds', '15'));
const citizens = Number(option('citizens', '20000'));
const seed = Number(option('seed', '4'));
const months = Number(option('months', '1000'));
const scenarioId = option('scenario', 'baseline-england-2023');
const CASES = ['fresh', 'rerun', 'newseed'] as const;
type CaseName = (typeof CASES)[number];
const caseNames = option('case', 'fresh,rerun').split(',') as (CaseName | 'steps')[];
for (const name of caseNames)
	if (!CASES.includes(name as CaseName) && name !== 'steps') {
		console.error(`bench:variants: unknown case "${name}" (${CASES.join(', ')}, steps)`);
		process.exit(2);
	}
const refs = argv.length === 0 ? ['HEAD', '.'] : argv.length === 1 ? [argv[0], '.'] : argv;

interface Variant {
	label: string;
	/** Each case's run, giving its series. */
	run: Record<CaseName, () => ArrayBufferView>;
	/** A world settled on `seed`, stepped a month at a time (the steps case). */
	steppedWorld: () => SteppedWorld;
}

interface SteppedWorld {
	/** The month's steps, by name. */
	names: string[];
	/** Step one month, writing each step's milliseconds into `ms`; gives the month's outcomes. */
	month(ms: number[]): ArrayBufferView;
}

/** A mistake in the command line, told in a line rather than a stack trace. */
class UsageError extends Error {}

const work = mkdtempSync(join(tmpdir(), 'levers-variants-'));
try {
	const variants: Variant[] = [];
	for (const [n, ref] of refs.entries()) variants.push(await load(ref, n));
	console.log(`${scenarioId}, ${citizens.toLocaleString('en-GB')} citizens, seed ${seed}; runs: ${rounds} rounds after one warm-up, alternating; min / p25 / median ms`);
	const identical: boolean[] = [];
	for (const name of caseNames) {
		if (name === 'steps') {
			timeSteps(variants, identical);
			continue;
		}
		let round: string[] = [];
		const check = (v: number, out: ArrayBufferView) => {
			const h = createHash('sha256').update(new Uint8Array(out.buffer, out.byteOffset, out.byteLength)).digest('hex');
			round[v] = h;
			if (round.filter(Boolean).length === variants.length) {
				identical.push(round.every((x) => x === round[0]));
				round = [];
			}
		};
		const cpu = variants.map(() => [] as number[]);
		const cases = variants.map((variant, v) => () => {
			const c0 = process.cpuUsage();
			const t0 = performance.now();
			const out = variant.run[name]();
			const ms = performance.now() - t0;
			const c = process.cpuUsage(c0);
			cpu[v].push((c.user + c.system) / 1000);
			check(v, out);
			return ms;
		});
		const wall = alternate(cases, rounds, 1);
		for (const [kind, times] of [['wall', wall], ['cpu', cpu.map((t) => t.slice(1))]] as const) {
			const base = summarise(times[0]);
			console.log(`\n${name}, ${kind} time`);
			variants.forEach((variant, v) => {
				const t = summarise(times[v]);
				const change = v === 0 ? '' : `  ${formatChange(t, base)}`;
				console.log(`  ${variant.label.padEnd(24)} ${formatTiming(t).padStart(24)}${change}`);
			});
		}
	}
	console.log(`\nnumbers identical across versions in every round: ${identical.every(Boolean) ? 'yes' : 'NO'}`);
	if (!identical.every(Boolean)) process.exitCode = 1;
} catch (error) {
	if (!(error instanceof UsageError)) throw error;
	console.error(error.message);
	process.exitCode = 2;
} finally {
	rmSync(work, { recursive: true, force: true });
}

/** The steps case: each version's world a month at a time, in turns, every step timed apart. */
function timeSteps(variants: Variant[], identical: boolean[]): void {
	const worlds = variants.map((v) => v.steppedWorld());
	const names = worlds[0].names;
	if (worlds.some((w) => w.names.join() !== names.join())) {
		console.error('bench:variants: the versions step their months through different processes; compare them by whole runs');
		process.exitCode = 2;
		return;
	}
	const times = worlds.map(() => names.map(() => [] as number[]));
	const ms = names.map(() => 0);
	const warmUp = 60;
	for (let m = 0; m < warmUp + months; m++) {
		const hashes: string[] = [];
		for (const v of roundOrder(worlds.length, m)) {
			const outcomes = worlds[v].month(ms);
			hashes[v] = createHash('sha256').update(new Uint8Array(outcomes.buffer, outcomes.byteOffset, outcomes.byteLength)).digest('hex');
			if (m >= warmUp) ms.forEach((t, j) => times[v][j].push(t));
		}
		identical.push(hashes.every((h) => h === hashes[0]));
	}
	console.log(`\nsteps, wall time of each process a month, ${months} months alternating; min / p25 / median µs`);
	names.forEach((step, j) => {
		const base = summarise(times[0][j]);
		variants.forEach((variant, v) => {
			const t = summarise(times[v][j]);
			const micro = { ...t, min: t.min * 1000, p25: t.p25 * 1000, median: t.median * 1000 };
			const change = v === 0 ? '' : `  ${formatChange(t, base)}`;
			console.log(`  ${(v === 0 ? step : '').padEnd(20)} ${variant.label.padEnd(24)} ${formatTiming(micro).padStart(24)}${change}`);
		});
	});
}

async function load(ref: string, n: number): Promise<Variant> {
	let dir = ROOT;
	let label = 'working tree';
	if (ref !== '.') {
		const sha = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
		label = ref === sha ? sha : `${ref} (${sha})`;
		// A folder per position, so that a version may be compared with itself (an A/A check of fairness).
		dir = join(work, `${n}-${sha}`);
		if (!existsSync(dir)) {
			mkdirSync(dir);
			const tar = execFileSync('git', ['archive', sha, 'src', 'scenarios', 'package.json'], { cwd: ROOT, maxBuffer: 1 << 28 });
			execFileSync('tar', ['-x', '-C', dir], { input: tar });
			symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
		}
	}
	const url = (path: string) => pathToFileURL(join(dir, path)).href;
	const model = await import(url('src/lib/model/index.ts'));
	const scenario = await import(url('src/lib/scenario/index.ts'));
	const builtin = await import(url('src/lib/scenario/builtin-node.ts'));
	const library = builtin.loadBuiltinScenarios(join(dir, 'scenarios'));
	const chosen = library.get(scenarioId);
	if (!chosen) {
		throw new UsageError(`bench:variants: no built-in scenario "${scenarioId}" in ${label} (${[...library.keys()].join(', ')})`);
	}
	const resolved = scenario.resolveScenario(chosen, library, { runs: 1, citizens });
	const cache = new model.SettledStateCache();
	// The steps case reaches past the model's entry to its month (the same modules the runs use).
	const month = await import(url('src/lib/model/model.ts'));
	const worlds = await import(url('src/lib/model/world.ts'));
	const spinUps = await import(url('src/lib/model/spin-up.ts'));
	const levers = await import(url('src/lib/model/mechanisms/levers.ts'));
	const registry = await import(url('src/lib/model/parameters/registry.ts'));
	const outcomes = await import(url('src/lib/model/mechanisms/collect-outcomes.ts'));
	// Seeds of their own for newseed, the same sequence in every version.
	let newSeed = seed + 1000;
	return {
		label,
		run: {
			fresh: () => model.runModel(scenario.toRunInput(resolved, seed), { cache: null }).series,
			rerun: () => model.runModel(scenario.toRunInput(resolved, seed), { cache }).series,
			newseed: () => model.runModel(scenario.toRunInput(resolved, newSeed++), { cache }).series
		},
		steppedWorld: () => {
			const input = scenario.toRunInput(resolved, seed);
			const statusQuo = registry.defaultLevers();
			const world = worlds.createWorld(input.assumptions, statusQuo, input.population, seed, 0, false, 0);
			spinUps.spinUp(world, statusQuo, Math.round(input.assumptions.spinUpMonths), month.stepMonth);
			// Recorded from here, as a run is (growth in funding counts from its start).
			world.recordStart = world.month;
			const levels = { ...statusQuo };
			let t = 0;
			// The month's steps, then its outcomes gathered as a run does (one month's worth).
			const series = new Float64Array(model.OUTCOMES.length * world.tallies.groups);
			const steps: ((w: unknown) => void)[] = [...month.MONTH_STEPS, function collectOutcomes(w: unknown) {
				outcomes.collectOutcomes(w, series, 1, 0);
			}];
			return {
				names: steps.map((step) => step.name),
				month: (ms) => {
					const at = Math.min(t++, input.months - 1);
					for (const id of Object.keys(levels)) levels[id] = input.levers[id][at];
					month.resetMonth(world);
					levers.applyLevers(world, levels);
					steps.forEach((step, j) => {
						const t0 = performance.now();
						step(world);
						ms[j] = performance.now() - t0;
					});
					world.month++;
					return series;
				}
			};
		}
	};
}

/**
 * `levers sensitivity` and `levers explain`: the analysis layer (src/lib/analysis) on one outcome
 * of one comparison. As with `run`, everything that can be wrong is found before the first run,
 * and the number of model runs is stated before any starts.
 */
import {
	changedInputs,
	coalitionEvaluator,
	morris,
	morrisModelRuns,
	pairedEvaluator,
	populationProblem,
	shapley,
	shapleyEvaluations,
	tornado,
	tornadoEvaluations,
	EXACT_UP_TO,
	inThisThread,
	type Factor,
	type ModelComparison,
	type ModelRuns
} from '../analysis/index';
import { threadRuns } from '../analysis/thread-runs';
import { ASSUMPTIONS, isLeverId, OUTCOMES, type AssumptionSpec, type OutcomeId, type OutcomeSpec } from '../model/index';
import { resolveScenario, type Overrides, type ResolvedScenario, type ScenarioLibrary } from '../scenario/index';
import { didYouMean } from '../scenario/suggest';
import { defaultThreads } from '../sweep/thread-pool';
import { ANALYSIS_RUNS, MORRIS_TRAJECTORIES, type AnalysisArgs, type ExplainArgs, type RunFormat, type SensitivityArgs } from './args';
import { explainReport, morrisReport, tornadoReport, type AnalysisContext } from './analysis-report';
import { stdoutFile, type CliIo } from './cli';
import { CliError } from './cli-error';
import { describeEstimate, estimate, overLimits, type Estimate } from './estimate';
import { formatCount, formatDuration } from './number-format';
import { Progress } from './progress';
import { resolveScenarioArgument } from './scenario-argument';

/** Grades a sensitivity moves by default: the assumptions the evidence says least about. */
const DEFAULT_GRADES = ['weak', 'assumption'] as const;
/** Orders sampled by `explain` beyond the exact limit unless --permutations says otherwise. */
const DEFAULT_PERMUTATIONS = 64;

interface Planned {
	resolved: ResolvedScenario;
	overrides: Overrides;
	path?: string;
}

export async function analysisCommand(args: SensitivityArgs | ExplainArgs, io: CliIo): Promise<void> {
	const library = await io.library();
	const { scenario, baseline } = planComparison(args, library, io);
	const outcome = pickOutcome(args.outcome);
	const format = chooseFormat(args, io);
	const inputs = [scenario.path, baseline.path].filter((p): p is string => p !== undefined);
	const output = args.out ? io.prepareOutput(args.out, { force: args.force, protect: inputs, flag: '--out' }) : stdoutFile(io);
	try {
		const context: AnalysisContext = { scenario, baseline, outcome, format, width: io.terminal.stdout ? Math.max(60, io.terminal.columns ?? 100) : 120 };
		const text = args.command === 'sensitivity' ? await sensitivity(args, context, io) : await explain(args, context, io);
		if (text === undefined) {
			output.discard();
			return;
		}
		output.write(text);
		output.commit();
	} catch (error) {
		output.discard();
		throw error;
	}
}

async function sensitivity(args: SensitivityArgs, context: AnalysisContext, io: CliIo): Promise<string | undefined> {
	const scenario = context.scenario.resolved;
	// Funded posts at the low end of their range may leave a small population too few citizens
	// for the model's minimum team per provider: refuse if named, leave out (and say so) if chosen by grade.
	const specs = chooseAssumptions(args).filter((spec) => {
		if (spec.id !== 'postsPer1000') return true;
		const problem = populationProblem(scenario, spec.min) ?? populationProblem(context.baseline.resolved, spec.min);
		if (!problem) return true;
		if (args.assumptions) throw new CliError(`postsPer1000 at the low end of its range (${spec.min}): ${problem}; use more --citizens or leave postsPer1000 out`);
		if (!args.quiet) io.stderr(`levers: warning: leaving out postsPer1000: at the low end of its range (${spec.min}) ${problem}; use more --citizens to include it\n`);
		return false;
	});
	if (specs.length === 0) throw new CliError('no assumption is left to move');
	const factors: Factor[] = specs.map((s) => ({ id: s.id, min: s.min, max: s.max, grade: s.grade }));
	const k = factors.length;
	const runs = scenario.runs;
	const trajectories = args.trajectories ?? MORRIS_TRAJECTORIES;
	const ensembles = args.method === 'tornado' ? tornadoEvaluations(k) : morrisModelRuns(k, trajectories, 1) / 2;
	const modelRuns = ensembles * runs * 2;
	const what =
		args.method === 'tornado'
			? `tornado of ${k} assumption${k === 1 ? '' : 's'}: 1 + 2 × ${k} = ${formatCount(ensembles)} paired ensembles`
			: `Morris screen of ${k} assumption${k === 1 ? '' : 's'}: ${trajectories} trajectories × (${k} + 1) = ${formatCount(ensembles)} paired ensembles`;
	const count = `${what} × ${runsText(runs)} × 2 arms = ${formatCount(modelRuns)} model runs`;
	const cost = checkCost(args, scenario, ensembles * 2, runs);
	const threads = threadsFor(args, modelRuns);
	if (args.dryRun) {
		io.stdout(dryRunText(args, context, [`assumptions: ${factors.map((f) => f.id).join(', ')}`, `model runs: ${count}`], cost, threads) + '\n');
		return undefined;
	}
	if (!args.quiet) io.stderr(`levers: ${count}, ${duration(cost, threads)}\n`);
	const comparison = await withProgress(context, modelRuns, threads, args, io);
	try {
		const evaluate = pairedEvaluator(comparison);
		if (args.method === 'tornado') return tornadoReport(await tornado(factors, evaluate), specs, context);
		const result = await morris(factors, evaluate, { trajectories, levels: args.levels, seed: scenario.seed });
		return morrisReport(result, specs, context);
	} finally {
		comparison.finish();
	}
}

async function explain(args: ExplainArgs, context: AnalysisContext, io: CliIo): Promise<string | undefined> {
	const scenario = context.scenario.resolved;
	const baseline = context.baseline.resolved;
	const inputs = changedInputs(scenario, baseline);
	if (inputs.length === 0)
		throw new CliError(`${scenario.id} and ${baseline.id} set every lever and assumption alike: there is no difference to explain`);
	const permutations = args.permutations ?? DEFAULT_PERMUTATIONS;
	const options = { permutations, seed: scenario.seed };
	const coalitions = shapleyEvaluations(inputs.length, options);
	const exact = inputs.length <= EXACT_UP_TO;
	const runs = scenario.runs;
	const modelRuns = coalitions * runs;
	const n = inputs.length;
	const count = exact
		? `${n} changed input${n === 1 ? '' : 's'} (${inputs.map((i) => i.id).join(', ')}), exact over 2^${n} = ${formatCount(coalitions)} combinations × ${runsText(runs)} = ${formatCount(modelRuns)} model runs`
		: `${n} changed inputs, more than ${EXACT_UP_TO}: ${formatCount(permutations)} sampled orders, at most ${formatCount(coalitions)} combinations × ${runsText(runs)} = ${formatCount(modelRuns)} model runs`;
	const cost = checkCost(args, scenario, coalitions, runs);
	const threads = threadsFor(args, modelRuns);
	if (args.dryRun) {
		io.stdout(dryRunText(args, context, [`changed: ${inputs.map((i) => i.id).join(', ')}`, `model runs: ${count}`], cost, threads) + '\n');
		return undefined;
	}
	if (!args.quiet) io.stderr(`levers: ${count}, ${duration(cost, threads)}\n`);
	const comparison = await withProgress(context, modelRuns, threads, args, io);
	try {
		const result = await shapley(
			inputs.map((i) => i.id),
			coalitionEvaluator(comparison, inputs),
			options
		);
		return explainReport(result, inputs, context);
	} finally {
		comparison.finish();
	}
}

/** The comparison, with --runs, --seed, --months and --citizens; the baseline shares them so runs pair. */
function planComparison(args: AnalysisArgs, library: ScenarioLibrary, io: CliIo): { scenario: Planned; baseline: Planned } {
	const main = resolveScenarioArgument(args.scenario, library, io);
	for (const problem of main.problems ?? []) io.stderr(`levers: link: ${problem}\n`);
	const overrides: Overrides = { ...main.overrides };
	for (const key of ['runs', 'seed', 'months', 'citizens'] as const) {
		if (args[key] === undefined) continue;
		if (overrides[key] !== undefined) throw new CliError(`${key} is given twice (in the link, ${overrides[key]}, and --${key} ${args[key]}); give it once`);
		overrides[key] = args[key];
	}
	overrides.runs ??= ANALYSIS_RUNS;
	const scenario: Planned = { resolved: resolveScenario(main.file, library, overrides), overrides, path: main.path };
	const other = resolveScenarioArgument(args.baseline, library, io);
	for (const problem of other.problems ?? []) io.stderr(`levers: link: ${problem}\n`);
	const r = scenario.resolved;
	const shared: Overrides = { ...other.overrides, runs: r.runs, seed: r.seed, months: r.months, citizens: r.population.citizens };
	const baseline: Planned = { resolved: resolveScenario(other.file, library, shared), overrides: shared, path: other.path };
	const a = r.population;
	const b = baseline.resolved.population;
	if (a.areas !== b.areas || a.providersPerArea !== b.providersPerArea)
		throw new CliError(`${baseline.resolved.id} has ${b.areas} areas × ${b.providersPerArea} providers and ${r.id} ${a.areas} × ${a.providersPerArea}: runs cannot be paired`);
	return { scenario, baseline };
}

function pickOutcome(id: string): OutcomeSpec {
	const spec = OUTCOMES.find((o) => o.id === id);
	if (spec) return spec;
	const family = OUTCOMES.filter((o) => o.family === id);
	if (family.length)
		throw new CliError(`--outcome takes one outcome, and "${id}" is a family: pick one of ${family.map((o) => o.id).join(', ')}`);
	// "crisisRate" for "prevention.crisisRate": an id without its family.
	const suffix = OUTCOMES.filter((o) => o.id.endsWith(`.${id}`)).map((o) => o.id);
	const hint = suffix.length ? `; did you mean '${suffix[0]}'?` : didYouMean(id, OUTCOMES.map((o) => o.id));
	throw new CliError(`--outcome: unknown outcome "${id}"${hint} (levers list outcomes)`);
}

/** The assumptions to move: named ones, or every one of the chosen grades, in registry order. */
function chooseAssumptions(args: SensitivityArgs): AssumptionSpec[] {
	if (args.assumptions) {
		const seen = new Set<string>();
		return args.assumptions.map((id) => {
			if (seen.has(id)) throw new CliError(`--assumptions names "${id}" twice`);
			seen.add(id);
			const spec = ASSUMPTIONS.find((a) => a.id === id);
			if (spec) return spec;
			if (isLeverId(id))
				throw new CliError(`--assumptions: "${id}" is a lever, not an assumption; sensitivity moves assumptions (levers explain shows what changed levers contribute)`);
			throw new CliError(`--assumptions: unknown assumption "${id}"${didYouMean(id, ASSUMPTIONS.map((a) => a.id))} (levers list assumptions)`);
		});
	}
	const grades: readonly string[] = args.grades ?? DEFAULT_GRADES;
	const chosen = ASSUMPTIONS.filter((a) => grades.includes(a.grade));
	if (chosen.length === 0) throw new CliError(`no assumption is graded ${grades.join(' or ')}`);
	return chosen;
}

/** Refuses work above the run limits unless --force, as `levers run` does. */
function checkCost(args: AnalysisArgs, r: ResolvedScenario, ensembles: number, runs: number): Estimate {
	const one = {
		runs,
		citizens: r.population.citizens,
		simulatedMonths: r.months + Math.round(r.assumptions.spinUpMonths),
		months: r.months,
		areas: r.population.areas,
		providers: r.population.areas * r.population.providersPerArea
	};
	const cost = estimate(new Array(ensembles).fill(one), { format: 'table', detail: false, outcomes: [] }, 1);
	const over = overLimits(cost);
	if (over && !args.force && !args.dryRun)
		throw new CliError(`this would take ${over} (${describeEstimate(cost)}); use fewer --runs, assumptions, --trajectories, --months or --citizens, or add --force`);
	return cost;
}

/** Worker threads for the runs: --threads, else levers sweep's default; never more than the runs. */
function threadsFor(args: AnalysisArgs, modelRuns: number): number {
	return Math.min(args.threads ?? defaultThreads(), modelRuns);
}

/** The estimate stated before the runs: the work shared among the threads. */
function duration(cost: Estimate, threads: number): string {
	return `about ${formatDuration(cost.seconds / Math.max(1, threads))}${threads > 1 ? ` on ${threads} threads` : ''}`;
}

/**
 * A comparison whose runs are made on `threads` worker threads (0: in this thread), and whose
 * every model run moves the progress line and lets Ctrl-C through. finish() stops the threads.
 */
async function withProgress(context: AnalysisContext, total: number, threads: number, args: AnalysisArgs, io: CliIo): Promise<ModelComparison & { finish(): void }> {
	const mode = args.quiet ? 'off' : io.terminal.stderr ? 'terminal' : args.progress ? 'log' : 'off';
	const progress = new Progress(io, total, mode);
	const runs: ModelRuns = threads > 0 ? await threadRuns(threads) : inThisThread();
	return {
		scenario: context.scenario.resolved,
		baseline: context.baseline.resolved,
		outcome: context.outcome.id as OutcomeId,
		runs,
		onRun: async () => {
			progress.runDone();
			await io.pause();
		},
		finish: () => {
			runs.close();
			progress.finish();
		}
	};
}

function chooseFormat(args: AnalysisArgs, io: CliIo): RunFormat {
	if (args.format) return args.format;
	if (args.out) return /\.csv$/i.test(args.out) ? 'csv' : /\.(txt|text)$/i.test(args.out) ? 'table' : 'json';
	return io.terminal.stdout ? 'table' : 'json';
}

function dryRunText(args: SensitivityArgs | ExplainArgs, context: AnalysisContext, lines: string[], cost: Estimate, threads: number): string {
	const r = context.scenario.resolved;
	const what = args.command === 'sensitivity' ? `sensitivity (${args.method})` : 'explain';
	const over = overLimits(cost);
	return [
		`would run: ${what} of ${context.outcome.id}, ${r.id} against baseline ${context.baseline.resolved.id}`,
		`each paired ensemble: ${formatCount(r.runs)} runs, ${r.months} months, ${formatCount(r.population.citizens)} citizens in ${r.population.areas} areas, base seed ${r.seed}`,
		...lines,
		`estimate: ${describeEstimate(cost)}${over && !args.force ? ` (over the limits: needs --force)` : ''}`,
		`output: ${context.format} to ${args.out ?? 'standard output'}, ${threads === 0 ? 'in this thread' : `${threads} worker thread${threads === 1 ? '' : 's'}`}`
	].join('\n');
}

function runsText(runs: number): string {
	return `${formatCount(runs)} run${runs === 1 ? '' : 's'}`;
}

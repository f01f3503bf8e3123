/**
 * `levers run` and `levers compare`. Everything that can be wrong is found before the first
 * run: scenarios, settings, outputs, the size of the work. Runs keep per-run summaries only
 * (see ensemble/run-summary.ts); CSV rows are written as each run ends.
 */
import { EnsembleCollector, summariseRunSummaries, type EnsembleSummary, type SummarisedEnsemble } from '../ensemble/index';
import { MODEL_NAME, MODEL_VERSION, OUTCOMES, runModel } from '../model/index';
import { applySetting, resolveScenario, toRunInput, type Overrides, type ResolvedScenario, type ScenarioLibrary } from '../scenario/index';
import { scenarioFileText, toScenarioFile } from '../scenario/serialise';
import { SCENARIO_ID_PATTERN } from '../scenario/types';
import type { CompareArgs, EnsembleArgs, RunArgs, RunFormat } from './args';
import { stdoutFile, type CliIo } from './cli';
import { CliError } from './cli-error';
import { CSV_HEADER, writeRunCsv, type IndexedOutcome } from './csv-report';
import { describeEstimate, estimate, isLarge, overLimits, type Estimate } from './estimate';
import { DetailCollector, scenarioRecord, summaryReport } from './json-report';
import { formatCount } from './number-format';
import { selectOutcomes } from './outcome-selection';
import { Progress } from './progress';
import { resolveScenarioArgument } from './scenario-argument';
import { compareTable, runTable, type TableScenario } from './table-report';

/** One ensemble of the plan: a scenario or the baseline, resolved and ready to run. */
interface PlannedEnsemble {
	role: 'scenario' | 'baseline';
	resolved: ResolvedScenario;
	/** What was laid over the scenario's chain, for the record. */
	overrides: Overrides;
	/** `--set` changes as typed, for labels. */
	changes: string[];
	/** The file it was read from, which no output may overwrite. */
	path?: string;
	ensemble?: SummarisedEnsemble;
	summary?: EnsembleSummary;
	difference?: EnsembleSummary;
}

interface Plan {
	/** In the order they run: run → scenario, baseline; compare → baseline, scenarios. */
	ensembles: PlannedEnsemble[];
	baseline?: PlannedEnsemble;
}

export async function ensembleCommand(args: RunArgs | CompareArgs, io: CliIo): Promise<void> {
	const library = await io.library();
	const plan = args.command === 'run' ? planRun(args, library, io) : planCompare(args, library, io);
	checkPairable(plan);
	// Each ensemble's first run input, built now, so any check the scenario layer makes on it
	// refuses bad input before anything runs.
	for (const { resolved } of plan.ensembles) toRunInput(resolved, resolved.seed);
	const outcomes = selectOutcomes(args.outcomes);
	const format = chooseFormat(args, io);
	const detail = args.command === 'run' && args.detail;

	const inputs = plan.ensembles.flatMap((e) => (e.path ? [e.path] : []));
	const savePath = args.command === 'run' ? args.saveScenario : undefined;
	const save = savePath
		? io.prepareOutput(savePath, { force: args.force, protect: [...inputs, ...(args.out ? [args.out] : [])], flag: '--save-scenario' })
		: undefined;
	const output = args.out
		? io.prepareOutput(args.out, { force: args.force, protect: [...inputs, ...(savePath ? [savePath] : [])], flag: '--out' })
		: stdoutFile(io);

	const cost = estimate(
		plan.ensembles.map(({ resolved: r }) => ({
			runs: r.runs,
			citizens: r.population.citizens,
			simulatedMonths: r.months + Math.round(r.assumptions.spinUpMonths),
			months: r.months,
			areas: r.population.areas,
			providers: r.population.areas * r.population.providersPerArea
		})),
		{ format, detail, outcomes: outcomes.map((o) => o.spec) },
		OUTCOMES.length
	);
	const over = overLimits(cost);
	if (over && !args.force) {
		output.discard();
		save?.discard();
		throw new CliError(`this would take ${over} (${describeEstimate(cost)}); use fewer --runs, --months or --citizens, or add --force`);
	}
	if (!args.quiet && (over || isLarge(cost)) && !args.dryRun)
		io.stderr(
			`levers: ${describeEstimate(cost)}${over ? '; over the limits, run anyway (--force)' : ''}. Ctrl-C stops it${args.out ? `; ${args.out} appears only when complete` : ''}.\n`
		);

	if (args.command === 'run' && save) {
		save.write(scenarioFileText(savedScenario(plan.ensembles[0], savePath!)));
		save.commit();
		if (!args.quiet) io.stderr(`levers: saved the scenario as ${savePath}; levers run ${savePath} gives the same numbers\n`);
	}
	if (args.dryRun) {
		output.discard();
		io.stdout(dryRunText(plan, format, args, cost) + '\n');
		return;
	}

	try {
		if (format === 'csv') output.write(CSV_HEADER + '\n');
		const details = detail ? new DetailCollector() : undefined;
		await runEnsembles(plan, io, args, cost, detail, (entry, replicate, run) => {
			if (format === 'csv') writeRunCsv(entry.resolved.id, entry.role, replicate, run, outcomes, (chunk) => output.write(chunk));
			if (details && entry.role === 'scenario') details.add(run, replicate);
		});
		if (format !== 'csv') output.write(report(args, plan, format, outcomes, details, io));
		output.commit();
	} catch (error) {
		output.discard();
		throw error;
	}
	if (!args.quiet) warnUndefined(plan, outcomes, io);
}

function planRun(args: RunArgs, library: ScenarioLibrary, io: CliIo): Plan {
	const main = resolveScenarioArgument(args.scenario, library, io);
	for (const problem of main.problems ?? []) io.stderr(`levers: link: ${problem}\n`);
	// A link's changes come first; --set changes apply on top of them.
	let overrides: Overrides = main.overrides ?? {};
	const setIds = new Map<string, string>();
	for (const setting of args.settings) {
		const id = setting.slice(0, Math.max(0, setting.indexOf('='))).trim();
		if (id !== '' && setIds.has(id)) throw new CliError(`--set ${id} is given twice ("${setIds.get(id)}" and "${setting}"); give it once`);
		setIds.set(id, setting);
		overrides = applySetting(overrides, setting);
	}
	overrides = withFlags(overrides, args);
	const scenario: PlannedEnsemble = {
		role: 'scenario',
		resolved: resolveScenario(main.file, library, overrides),
		overrides,
		changes: args.settings,
		path: main.path
	};
	if (!args.baseline) return { ensembles: [scenario] };
	// The baseline shares the run settings, so its runs pair with the scenario's seed by seed.
	const baseline = plannedBaseline(args.baseline, library, io, sharedSettings(scenario.resolved));
	return { ensembles: [scenario, baseline], baseline };
}

function planCompare(args: CompareArgs, library: ScenarioLibrary, io: CliIo): Plan {
	const baseline = plannedBaseline(args.baseline, library, io, withFlags({}, args));
	const shared = sharedSettings(baseline.resolved);
	const scenarios = args.scenarios.map((name): PlannedEnsemble => {
		const argument = resolveScenarioArgument(name, library, io);
		for (const problem of argument.problems ?? []) io.stderr(`levers: link: ${problem}\n`);
		const overrides = { ...argument.overrides, ...shared };
		return { role: 'scenario', resolved: resolveScenario(argument.file, library, overrides), overrides, changes: [], path: argument.path };
	});
	return { ensembles: [baseline, ...scenarios], baseline };
}

function plannedBaseline(name: string, library: ScenarioLibrary, io: CliIo, overrides: Overrides): PlannedEnsemble {
	const argument = resolveScenarioArgument(name, library, io);
	for (const problem of argument.problems ?? []) io.stderr(`levers: link: ${problem}\n`);
	const merged = { ...argument.overrides, ...overrides };
	return { role: 'baseline', resolved: resolveScenario(argument.file, library, merged), overrides: merged, changes: [], path: argument.path };
}

/** --runs, --seed, --months and --citizens laid over the overrides; each may be set one way only. */
function withFlags(overrides: Overrides, args: EnsembleArgs): Overrides {
	const out = { ...overrides };
	for (const key of ['runs', 'seed', 'months', 'citizens'] as const) {
		if (args[key] === undefined) continue;
		if (out[key] !== undefined) throw new CliError(`${key} is given twice (--set ${key}=${out[key]} and --${key} ${args[key]}); give it once`);
		out[key] = args[key];
	}
	return out;
}

function sharedSettings(r: ResolvedScenario): Overrides {
	return { runs: r.runs, seed: r.seed, months: r.months, citizens: r.population.citizens };
}

/** Paired differences need every run of every ensemble to have the same groups. */
function checkPairable(plan: Plan): void {
	const [first, ...rest] = plan.ensembles;
	for (const other of rest) {
		const a = first.resolved.population;
		const b = other.resolved.population;
		if (a.areas !== b.areas || a.providersPerArea !== b.providersPerArea)
			throw new CliError(
				`${other.resolved.id} has ${b.areas} areas × ${b.providersPerArea} providers and ${first.resolved.id} ${a.areas} × ${a.providersPerArea}: runs cannot be paired`
			);
	}
}

/** --format if given; else by --out's extension; else a table on a terminal and JSON in a pipe. */
function chooseFormat(args: RunArgs | CompareArgs, io: CliIo): RunFormat {
	if (args.format) return args.format;
	if (args.command === 'run' && args.detail) return 'json';
	if (args.out) return /\.csv$/i.test(args.out) ? 'csv' : /\.(txt|text)$/i.test(args.out) ? 'table' : 'json';
	return io.terminal.stdout ? 'table' : 'json';
}

async function runEnsembles(
	plan: Plan,
	io: CliIo,
	args: EnsembleArgs,
	cost: Estimate,
	detail: boolean,
	onRun: (entry: PlannedEnsemble, replicate: number, run: ReturnType<typeof runModel>) => void
): Promise<void> {
	const mode = args.quiet ? 'off' : io.terminal.stderr ? 'terminal' : args.progress ? 'log' : 'off';
	const progress = new Progress(io, cost.runs, mode);
	try {
		for (const entry of plan.ensembles) {
			const r = entry.resolved;
			const collector = new EnsembleCollector(r.seed, r.runs);
			for (let seed = collector.nextSeed(); seed !== undefined; seed = collector.nextSeed()) {
				const run = runModel(toRunInput(r, seed, detail && entry.role === 'scenario'));
				onRun(entry, collector.done, run);
				collector.add(run);
				progress.runDone();
				await io.pause();
			}
			entry.ensemble = collector.result();
			summarise(entry, plan);
		}
	} finally {
		progress.finish();
	}
}

/**
 * Summaries as soon as an ensemble and its baseline are both in, then the per-run summaries
 * go: memory holds at most two ensembles' per-run summaries at a time.
 */
function summarise(entry: PlannedEnsemble, plan: Plan): void {
	entry.summary = summariseRunSummaries(entry.ensemble!);
	const baseline = plan.baseline;
	if (!baseline) {
		entry.ensemble = undefined;
		return;
	}
	if (!baseline.ensemble) return; // the baseline runs later (run --baseline): keep this one until then
	for (const scenario of plan.ensembles) {
		if (scenario.role !== 'scenario' || !scenario.ensemble) continue;
		scenario.difference = summariseRunSummaries(scenario.ensemble, baseline.ensemble);
		scenario.ensemble = undefined;
	}
	if (plan.ensembles.every((e) => e.role === 'baseline' || e.difference)) baseline.ensemble = undefined;
}

function report(
	args: RunArgs | CompareArgs,
	plan: Plan,
	format: 'json' | 'table',
	outcomes: IndexedOutcome[],
	details: DetailCollector | undefined,
	io: CliIo
): string {
	const specs = outcomes.map((o) => o.spec);
	const first = plan.ensembles[0].resolved;
	const seeds = new EnsembleCollector(first.seed, first.runs).seeds;
	const scenarios = plan.ensembles.filter((e) => e.role === 'scenario');
	if (format === 'table') {
		const settings = { modelName: MODEL_NAME, modelVersion: MODEL_VERSION, seed: first.seed, runs: first.runs, months: first.months, citizens: first.population.citizens };
		// A terminal's own width; a file or pipe gets 120 columns, the widest terminal the table is laid out for.
		const width = io.terminal.stdout ? Math.max(60, io.terminal.columns ?? 100) : 120;
		const baseline = plan.baseline && tableScenario(plan.baseline);
		return args.command === 'run'
			? runTable(tableScenario(scenarios[0]), baseline, specs, settings, width)
			: compareTable(scenarios.map(tableScenario), baseline!, specs, settings, width);
	}
	const model = { name: MODEL_NAME, version: MODEL_VERSION };
	const record = (e: PlannedEnsemble) => scenarioRecord(e.resolved, e.overrides);
	if (args.command === 'run') {
		const [scenario] = scenarios;
		const doc: Record<string, unknown> = {
			model,
			...record(scenario),
			runs: first.runs,
			seeds,
			months: first.months,
			...summaryReport(scenario.summary!, specs)
		};
		if (details) doc.detail = details.report();
		if (plan.baseline) {
			const b = record(plan.baseline);
			doc.baseline = b.scenario;
			doc.baselineResolution = b.resolution;
			doc.baselineFinal = summaryReport(plan.baseline.summary!, specs).final;
			doc.difference = summaryReport(scenario.difference!, specs);
		}
		return JSON.stringify(doc) + '\n';
	}
	return (
		JSON.stringify({
			model,
			runs: first.runs,
			seeds,
			months: first.months,
			baseline: { ...record(plan.baseline!), ...summaryReport(plan.baseline!.summary!, specs) },
			scenarios: scenarios.map((s) => ({ ...record(s), ...summaryReport(s.summary!, specs), difference: summaryReport(s.difference!, specs) }))
		}) + '\n'
	);
}

function tableScenario(e: PlannedEnsemble): TableScenario {
	return { id: e.resolved.id, title: e.resolved.title, changes: e.changes, summary: e.summary!, difference: e.difference };
}

/**
 * The scenario as --save-scenario writes it: its id from the file's name (my-run.json →
 * my-run) when that is a valid id, and a title that says what was changed.
 */
function savedScenario(entry: PlannedEnsemble, path: string) {
	const r = entry.resolved;
	const base = path.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
	const slug = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
	const id = SCENARIO_ID_PATTERN.test(slug) ? slug : r.id;
	const title = entry.changes.length ? cutTo(`${r.title} with ${entry.changes.join(', ')}`, 200) : r.title;
	const note = `Saved by levers (model ${MODEL_VERSION}) from ${r.chain.join(' ← ')}${entry.changes.length ? ` with --set ${entry.changes.join(' --set ')}` : ''}.`;
	const description = cutTo(r.description ? `${r.description} ${note}` : note, 2000);
	return toScenarioFile(r, { id, title, description });
}

function cutTo(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function dryRunText(plan: Plan, format: RunFormat, args: EnsembleArgs, cost: Estimate): string {
	const r = plan.ensembles[0].resolved;
	const names = plan.ensembles.map((e) => `${e.role === 'baseline' ? 'baseline ' : ''}${e.resolved.id}`).join(', ');
	return [
		`would run: ${names}`,
		`each: ${formatCount(r.runs)} runs, ${r.months} months, ${formatCount(r.population.citizens)} citizens in ${r.population.areas} areas, base seed ${r.seed}`,
		`estimate: ${describeEstimate(cost)}`,
		`output: ${format} to ${args.out ?? 'standard output'}`
	].join('\n');
}

/** Outcomes with no value in any run (nobody served, no staff): say so rather than print nulls. */
function warnUndefined(plan: Plan, outcomes: IndexedOutcome[], io: CliIo): void {
	for (const entry of plan.ensembles) {
		const missing = outcomes.filter(({ spec }) => Number.isNaN(entry.summary!.final[spec.id as keyof EnsembleSummary['final']].mean));
		if (missing.length === 0) continue;
		const ids = missing.map((o) => o.spec.id);
		const shown = ids.length > 4 ? `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more` : ids.join(', ');
		io.stderr(
			`levers: warning: ${entry.resolved.id}: ${missing.length} of ${outcomes.length} outcomes have no value in any run (${shown}); with ${formatCount(entry.resolved.population.citizens)} citizens for ${entry.resolved.population.areas * entry.resolved.population.providersPerArea} providers, too few may be served: try more --citizens\n`
		);
	}
}

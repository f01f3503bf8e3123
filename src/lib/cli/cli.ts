import { runEnsemble } from '../ensemble/index';
import { ASSUMPTIONS, LEVERS, OUTCOMES } from '../model/index';
import {
	applySetting,
	closeMatches,
	parseScenarioJson,
	resolveScenario,
	ScenarioError,
	toRunInput,
	type Overrides,
	type ScenarioFile,
	type ScenarioLibrary
} from '../scenario/index';
import { decodeShareLink, looksLikeShareLink } from '../scenario/share-link';
import { parseArgs, type ListArgs, type RunArgs } from './args';
import { CliError } from './cli-error';
import { writeCsv } from './csv-report';
import { jsonReport } from './json-report';
import { listTable } from './list-table';

/** What the command line touches outside itself, so it can be tested without a process. */
export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	/** Read a scenario file; throws on a missing or unreadable file. */
	readFile(path: string): string;
	/** Open an output: a file, or stdout when path is undefined. */
	openOutput(path: string | undefined): { write(chunk: string): void; close(): void };
	/** The built-in scenarios. */
	library(): ScenarioLibrary;
}

export const USAGE = `levers — agent-based model of public service reform (New Public Management vs "liberated" levers)

Usage:
  levers run <scenario-id | file.json> [--set <lever-or-assumption>=<value>]... [--runs N] [--seed S]
             [--months M] [--citizens N] [--detail] [--baseline <scenario-id | file.json>]
             [--format json|csv] [--out FILE]
  levers list [scenarios|levers|assumptions|outcomes] [--format json]
  levers help

A lever may be set to a number or to an expression of the month t, e.g. --set "targets=t < 24 ? 0.6 : 0.2".
--baseline runs a second scenario on the same seeds, months and population (without the --set
changes): JSON output gains paired differences, scenario minus baseline; CSV output gains the
baseline's rows under its own id.
Results are exploratory, not forecasts.`;

/** Run the command line; returns the exit code (0 ok, 2 bad input, 1 internal error). */
export function runCli(argv: readonly string[], io: CliIo): number {
	try {
		const args = parseArgs(argv);
		if (args.command === 'help') {
			io.stdout(USAGE + '\n');
			return 0;
		}
		if (args.command === 'list') {
			list(args, io);
			return 0;
		}
		run(args, io);
		return 0;
	} catch (error) {
		if (error instanceof CliError || error instanceof ScenarioError) {
			io.stderr(`levers: ${oneLine(error.message)}\n`);
			return 2;
		}
		io.stderr(`levers: internal error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
		return 1;
	}
}

function run(args: RunArgs, io: CliIo): void {
	const library = io.library();
	// A workbench share link stands for its scenario and changes; what it cannot use is named.
	const link = looksLikeShareLink(args.scenario) ? decodeShareLink(args.scenario, library) : undefined;
	for (const problem of link?.problems ?? []) io.stderr(`levers: link: ${problem}\n`);
	const file = link ? library.get(link.scenarioId)! : loadScenario(args.scenario, library, io);
	let overrides: Overrides = link ? link.overrides : {};
	for (const setting of args.settings) overrides = applySetting(overrides, setting);
	if (args.runs !== undefined) overrides = { ...overrides, runs: args.runs };
	if (args.seed !== undefined) overrides = { ...overrides, seed: args.seed };
	if (args.months !== undefined) overrides = { ...overrides, months: args.months };
	if (args.citizens !== undefined) overrides = { ...overrides, citizens: args.citizens };
	const scenario = resolveScenario(file, library, overrides);

	// The baseline shares the run settings, so its runs pair with the scenario's seed by seed.
	const baseline = args.baseline
		? resolveScenario(loadScenario(args.baseline, library, io), library, {
				runs: scenario.runs,
				seed: scenario.seed,
				months: scenario.months,
				citizens: scenario.population.citizens
			})
		: undefined;
	if (baseline && (baseline.population.areas !== scenario.population.areas || baseline.population.providersPerArea !== scenario.population.providersPerArea)) {
		throw new CliError(`--baseline ${baseline.id} has a different number of areas or providers from ${scenario.id}: runs cannot be paired`);
	}

	const ensemble = runEnsemble((seed) => toRunInput(scenario, seed, args.detail), scenario.runs, scenario.seed);
	const reference = baseline
		? { scenario: baseline, ensemble: runEnsemble((seed) => toRunInput(baseline, seed), baseline.runs, baseline.seed) }
		: undefined;

	const output = io.openOutput(args.out);
	try {
		if (args.format === 'csv') {
			writeCsv(scenario.id, ensemble, (chunk) => output.write(chunk));
			// A baseline's rows follow under its own id: tidy data holds both scenarios.
			if (reference) writeCsv(reference.scenario.id, reference.ensemble, (chunk) => output.write(chunk), false);
		} else output.write(JSON.stringify(jsonReport(scenario, ensemble, reference)) + '\n');
	} finally {
		output.close();
	}
}

/** A built-in id, or a path to a scenario file (anything ending .json or containing a slash). */
function loadScenario(name: string, library: ScenarioLibrary, io: CliIo): ScenarioFile {
	const looksLikeFile = name.endsWith('.json') || name.includes('/') || name.includes('\\');
	if (!looksLikeFile) {
		const builtIn = library.get(name);
		if (builtIn) return builtIn;
		const near = closeMatches(name, [...library.keys()]);
		const hint = near.length > 0 ? `; did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : '';
		throw new CliError(`unknown scenario "${name}"${hint} (see "levers list scenarios")`);
	}
	let text: string;
	try {
		text = io.readFile(name);
	} catch (error) {
		const reason = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'unreadable';
		throw new CliError(`cannot read scenario file "${name}" (${reason})`);
	}
	try {
		return parseScenarioJson(text);
	} catch (error) {
		if (error instanceof ScenarioError) throw new ScenarioError(`${name}: ${error.message}`);
		throw error;
	}
}

function list(args: ListArgs, io: CliIo): void {
	const library = io.library();
	const scenarios = [...library.values()].map((s) => ({
		id: s.id,
		title: s.title,
		extends: s.extends ?? null,
		description: s.description ?? '',
		sources: s.sources ?? []
	}));
	const data = {
		scenarios,
		levers: LEVERS.map((l) => ({ ...l })),
		assumptions: ASSUMPTIONS.map((a) => ({ ...a })),
		outcomes: OUTCOMES.map((o) => ({ ...o }))
	};
	const selected = args.what === 'all' ? data : { [args.what]: data[args.what] };
	if (args.format === 'json') io.stdout(JSON.stringify(args.what === 'all' ? selected : selected[args.what], null, 2) + '\n');
	else io.stdout(listTable(selected) + '\n');
}

function oneLine(message: string): string {
	return message.replace(/\s*\n\s*/g, ' ').trim();
}

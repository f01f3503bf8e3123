/**
 * The command line's grammar: each command's options as data (so parsing, "did you mean" and
 * the help text come from one place), and the typed arguments each command receives.
 * Nothing here loads the model or the scenario layer.
 */
import { SETTING_LIMITS } from '../scenario/types';
import { closeMatches } from '../scenario/suggest';
import { CliError } from './cli-error';

export type RunFormat = 'json' | 'csv' | 'table';
export type ListFormat = 'table' | 'json' | 'csv';
export type ShowFormat = 'text' | 'json';
export const LIST_KINDS = ['scenarios', 'levers', 'assumptions', 'outcomes'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** Settings shared by `run` and `compare`. */
export interface EnsembleArgs {
	runs?: number;
	seed?: number;
	months?: number;
	citizens?: number;
	/** Outcome ids or families to report; undefined for all. */
	outcomes?: string[];
	/** Undefined: a table on a terminal, else chosen by --out's extension, else JSON. */
	format?: RunFormat;
	out?: string;
	force: boolean;
	quiet: boolean;
	progress: boolean;
	dryRun: boolean;
}

export interface RunArgs extends EnsembleArgs {
	command: 'run';
	scenario: string;
	settings: string[];
	detail: boolean;
	/** A scenario to compare with on the same seeds (paired differences). */
	baseline?: string;
	saveScenario?: string;
}

export interface CompareArgs extends EnsembleArgs {
	command: 'compare';
	scenarios: string[];
	baseline: string;
}

export interface ListArgs {
	command: 'list';
	what: ListKind | 'all';
	format: ListFormat;
}

export interface ShowArgs {
	command: 'show';
	id: string;
	format: ShowFormat;
}

export interface HelpArgs {
	command: 'help';
	/** The command whose help to print; undefined for the overview. */
	topic?: CommandName;
}

export interface SweepArgs {
	command: 'sweep';
	design: string;
	/** "i/N" as typed; checked by the sweep layer. */
	shard?: string;
	/** Worker threads; 0 runs in this thread; undefined: one fewer than the cores. */
	threads?: number;
	format?: 'csv' | 'json' | 'arrow';
	out?: string;
	force: boolean;
	quiet: boolean;
	progress: boolean;
	dryRun: boolean;
}

/** Settings shared by `sensitivity` and `explain`: one outcome of one comparison. */
export interface AnalysisArgs {
	scenario: string;
	baseline: string;
	outcome: string;
	runs?: number;
	seed?: number;
	months?: number;
	citizens?: number;
	format?: RunFormat;
	out?: string;
	/** Worker threads for the model runs; 0 runs them in this thread; undefined: as levers sweep. */
	threads?: number;
	force: boolean;
	quiet: boolean;
	progress: boolean;
	dryRun: boolean;
}

export interface MergeArgs {
	command: 'merge';
	shards: string[];
	out?: string;
	force: boolean;
}

export const SENSITIVITY_METHODS = ['tornado', 'morris'] as const;
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];
/** Evidence grades, weakest last (as the registry grades parameters). */
export const GRADES = ['strong', 'moderate', 'weak', 'assumption'] as const;

export interface SensitivityArgs extends AnalysisArgs {
	command: 'sensitivity';
	method: SensitivityMethod;
	/** Assumption ids to move; undefined: those of the grades below. */
	assumptions?: string[];
	grades?: (typeof GRADES)[number][];
	/** Morris only. */
	trajectories?: number;
	levels?: number;
}

export interface ExplainArgs extends AnalysisArgs {
	command: 'explain';
	/** Orders sampled when more inputs changed than the exact decomposition takes. */
	permutations?: number;
}

export type Args = RunArgs | CompareArgs | ListArgs | ShowArgs | SweepArgs | MergeArgs | SensitivityArgs | ExplainArgs | HelpArgs;
export type CommandName = 'run' | 'compare' | 'list' | 'show' | 'sweep' | 'merge' | 'sensitivity' | 'explain';

export interface OptionSpec {
	name: string;
	/** Placeholder of the value, e.g. "N"; absent for a flag. */
	value?: string;
	repeatable?: boolean;
	help: string;
}

export interface CommandSpec {
	name: CommandName;
	usage: string;
	summary: string;
	options: readonly OptionSpec[];
	/** Paragraphs after the options in `levers <command> --help`. */
	notes: readonly string[];
}

const range = ({ min, max }: { min: number; max: number }) => `${min.toLocaleString('en-GB')}–${max.toLocaleString('en-GB')}`;

/** Options that run, compare, sensitivity and explain share, worded the same in each help. */
const SEED_OPTION: OptionSpec = { name: '--seed', value: 'S', help: 'base seed; replicate r uses a seed derived from S and r' };
const MONTHS_OPTION: OptionSpec = { name: '--months', value: 'M', help: `horizon in months, ${range(SETTING_LIMITS.months)}` };
const CITIZENS_OPTION: OptionSpec = { name: '--citizens', value: 'N', help: `citizens simulated, ${range(SETTING_LIMITS.citizens)}; areas scale with them, so places and providers keep their size` };
const FORMAT_OPTION: OptionSpec = { name: '--format', value: 'F', help: 'table, json or csv (default: table on a terminal, else json)' };
const OUT_OPTION: OptionSpec = { name: '--out', value: 'FILE', help: 'write to FILE instead of standard output (.csv implies csv)' };
const PROGRESS_OPTION: OptionSpec = { name: '--progress', help: 'a progress line even when standard error is not a terminal' };
const HELP_OPTION: OptionSpec = { name: '--help', help: 'this help' };

const ENSEMBLE_OPTIONS: readonly OptionSpec[] = [
	{ name: '--runs', value: 'N', help: `replicates, ${range(SETTING_LIMITS.runs)} (default: the scenario's, usually 16)` },
	SEED_OPTION,
	MONTHS_OPTION,
	CITIZENS_OPTION,
	{ name: '--outcomes', value: 'LIST', help: 'outcome ids or families, comma-separated (e.g. gaming,workforce)' },
	FORMAT_OPTION,
	OUT_OPTION,
	{ name: '--force', help: 'overwrite an existing --out file; allow a run above the size limits' },
	{ name: '--quiet', help: 'no progress line, estimate or warnings on standard error' },
	PROGRESS_OPTION,
	{ name: '--dry-run', help: 'check everything and print the estimate, but run nothing' },
	HELP_OPTION
];

/** Worker threads of levers sweep, sensitivity and explain. */
export const THREAD_LIMITS = { min: 0, max: 256 } as const;
const THREADS_OPTION: OptionSpec = {
	name: '--threads',
	value: 'N',
	help: `worker threads, ${range(THREAD_LIMITS)}; 0 runs in this thread (default: one fewer than the cores)`
};

/** Runs of each paired ensemble in an analysis unless --runs says otherwise. */
export const ANALYSIS_RUNS = 8;
export const MORRIS_TRAJECTORIES = 10;

const ANALYSIS_OPTIONS: readonly OptionSpec[] = [
	{ name: '--baseline', value: 'SCENARIO', help: 'the scenario compared with, on the same seeds (required)' },
	{ name: '--outcome', value: 'ID', help: 'the outcome analysed (required; levers list outcomes)' },
	{ name: '--runs', value: 'N', help: `runs of each paired ensemble, ${range(SETTING_LIMITS.runs)} (default ${ANALYSIS_RUNS})` },
	SEED_OPTION,
	MONTHS_OPTION,
	CITIZENS_OPTION,
	THREADS_OPTION,
	FORMAT_OPTION,
	OUT_OPTION,
	{ name: '--force', help: 'overwrite an existing --out file; allow work above the size limits' },
	{ name: '--quiet', help: 'no run count, progress line or warnings on standard error' },
	PROGRESS_OPTION,
	{ name: '--dry-run', help: 'check everything and state the model runs it would take, but run nothing' },
	HELP_OPTION
];

export const COMMANDS: Record<CommandName, CommandSpec> = {
	run: {
		name: 'run',
		usage: 'levers run <scenario> [--set id=value]... [--baseline <scenario>] [options]',
		summary: 'run a scenario\'s ensemble, alone or against a baseline',
		options: [
			{ name: '--set', value: 'id=value', repeatable: true, help: 'set a lever, an assumption, runs, seed, months or citizens; a lever may take an expression of the month t' },
			{ name: '--baseline', value: 'SCENARIO', help: 'also run SCENARIO on the same seeds and report paired differences' },
			{ name: '--detail', help: 'add wait histograms and provider snapshots (JSON only)' },
			{ name: '--save-scenario', value: 'FILE', help: 'write the resolved scenario (with --set changes) as a scenario file' },
			...ENSEMBLE_OPTIONS
		],
		notes: [
			'<scenario> is a built-in id (levers list scenarios) or a scenario file (*.json, or any path with a slash).',
			'The table shows each outcome\'s final figure: the mean over each run\'s last 12 months, its mean and 5–95% range across runs; with --baseline, the paired change (scenario minus baseline, run by run on common seeds) with its 5–95% range, and whether that is better or worse.',
			'JSON has every outcome\'s monthly series and final figures; CSV has one row per run, month, outcome and group.'
		]
	},
	compare: {
		name: 'compare',
		usage: 'levers compare <scenario>... --baseline <scenario> [options]',
		summary: 'several scenarios side by side against one baseline',
		options: [{ name: '--baseline', value: 'SCENARIO', help: 'the scenario every other is compared with (required)' }, ...ENSEMBLE_OPTIONS],
		notes: [
			'Every scenario runs with the baseline\'s runs, seed, months and citizens (or the options above), so run r of each shares its random draws with run r of the baseline.',
			'To compare a scenario changed with --set, save it first: levers run <scenario> --set … --save-scenario FILE --dry-run.'
		]
	},
	list: {
		name: 'list',
		usage: 'levers list [scenarios|levers|assumptions|outcomes] [--format table|json|csv]',
		summary: 'the built-in scenarios and the parameter registry',
		options: [
			{ name: '--format', value: 'F', help: 'table (default), json or csv' },
			{ name: '--help', help: 'this help' }
		],
		notes: ['Tables are cut to the terminal\'s width; levers show <id> prints one entry in full.']
	},
	show: {
		name: 'show',
		usage: 'levers show <id> [--format text|json]',
		summary: 'one lever, assumption, outcome or scenario in full',
		options: [
			{ name: '--format', value: 'F', help: 'text (default) or json' },
			{ name: '--help', help: 'this help' }
		],
		notes: ['Levers and assumptions: meaning, benefit and cost, unit, default and range, source and evidence grade. Outcomes: meaning, unit, which direction is better. Scenarios: what they set.']
	},
	sweep: {
		name: 'sweep',
		usage: 'levers sweep <design.json> [--shard i/N] [--threads N] [--out FILE] [options]',
		summary: 'a grid or sample over levers and assumptions, with replicates',
		options: [
			{ name: '--shard', value: 'i/N', help: 'run only shard i of N (i from 0): tasks i, i+N, i+2N, …; levers merge joins the shards' },
			THREADS_OPTION,
			{ name: '--format', value: 'F', help: 'csv, json or arrow (default: by --out\'s extension: .json, .arrow, else csv)' },
			{ name: '--out', value: 'FILE', help: 'write to FILE instead of standard output (needed for arrow)' },
			{ name: '--force', help: 'overwrite an existing --out file' },
			{ name: '--quiet', help: 'no progress line on standard error' },
			{ name: '--progress', help: 'a progress line even when standard error is not a terminal' },
			{ name: '--dry-run', help: 'check the design and print the number of points, tasks and shard size, but run nothing' },
			{ name: '--help', help: 'this help' }
		],
		notes: [
			'<design.json> is a sweep design ("schema": "levers-sweep"): a base scenario, a grid and/or a Latin hypercube sample over levers and assumptions, replicates, months, citizens and seed. docs/cli.md describes the format.',
			'One row per task (a point\'s replicate): task, point, replicate, seed, the parameter values, and each outcome\'s final figure (the mean of the run\'s last 12 months). In CSV the first line is a comment holding the model version, the design\'s hash and the shard.',
			'Arrow is the Arrow IPC file format (Feather 2), for pandas.read_feather, polars.read_ipc or R\'s arrow::read_feather: the same columns (task, point, replicate, seed as integers, the rest as doubles with nulls) and the header in the schema\'s metadata.',
			'The same design gives the same bytes with any --threads; merging all N shards gives the bytes of the unsharded run.'
		]
	},
	merge: {
		name: 'merge',
		usage: 'levers merge <shard file>... [--out FILE]',
		summary: 'join the shards of one sweep into its whole output',
		options: [
			{ name: '--out', value: 'FILE', help: 'write to FILE instead of standard output (needed for Arrow shards)' },
			{ name: '--force', help: 'overwrite an existing --out file' },
			{ name: '--help', help: 'this help' }
		],
		notes: [
			'Shards may be given in any order, as CSV, JSON or Arrow (all in one format; Arrow needs --out). Merge refuses shards of different designs or model versions, a shard given twice, a missing shard and a shard cut short; the output is byte for byte what levers sweep writes without --shard.'
		]
	},
	sensitivity: {
		name: 'sensitivity',
		usage: 'levers sensitivity <scenario> --baseline <scenario> --outcome <id> [options]',
		summary: 'which assumptions a comparison\'s conclusion depends on',
		options: [
			{ name: '--method', value: 'M', help: 'tornado (one at a time, default) or morris (elementary effects)' },
			{ name: '--assumptions', value: 'LIST', help: 'assumption ids to move, comma-separated' },
			{ name: '--grades', value: 'LIST', help: 'or every assumption of these evidence grades (default: weak,assumption)' },
			{ name: '--trajectories', value: 'N', help: `Morris trajectories, 1–1,000 (default ${MORRIS_TRAJECTORIES})` },
			{ name: '--levels', value: 'P', help: 'Morris grid levels, an even number 2–20 (default 4)' },
			...ANALYSIS_OPTIONS
		],
		notes: [
			'The figure analysed is the paired difference in the outcome\'s final figure (the mean of each run\'s last 12 months), scenario minus baseline, run by run on the same seeds; an assumption is set to the same value in both.',
			'tornado moves each assumption to the low and then the high end of its plausible range (levers show <id>), others as the scenarios set them: 1 + 2k paired ensembles for k assumptions. It reports the difference at each end with its 5–95% range across runs, largest swing first, and names fragile conclusions: where the difference changes sign within the range of an assumption graded weak or assumption.',
			'morris runs r trajectories through the unit hypercube of the plausible ranges (r × (k + 1) paired ensembles) and reports per assumption μ* (mean absolute elementary effect: how much it matters), μ (its usual direction) and σ (interactions or curvature), each as a change in the difference over the assumption\'s whole range.',
			'The number of model runs is stated on standard error before anything runs. The same inputs give the same numbers with any --threads.'
		]
	},
	explain: {
		name: 'explain',
		usage: 'levers explain <scenario> --baseline <scenario> --outcome <id> [options]',
		summary: 'what drives the difference between a scenario and its baseline',
		options: [{ name: '--permutations', value: 'N', help: 'orders sampled when more than 8 inputs changed, 1–10,000 (default 64)' }, ...ANALYSIS_OPTIONS],
		notes: [
			'Splits the paired difference in the outcome\'s final figure into the contribution of each lever and assumption that differs between the two scenarios (Shapley values: each input\'s average effect over every order of switching the inputs from the baseline\'s setting to the scenario\'s). Exact over all 2^n combinations for up to 8 changed inputs, sampled orders beyond.',
			'Contributions are computed run by run on the same seeds and add up to the total difference; each has its 5–95% range across runs. A sentence names the main contributors and what they act through, in the registry\'s words.',
			'The number of model runs is stated on standard error before anything runs. The same inputs give the same numbers with any --threads.'
		]
	}
};

const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** Parse the command line (without `node` and the script). Throws CliError. */
export function parseArgs(argv: readonly string[]): Args {
	const [first, ...rest] = argv;
	if (first === undefined || first === '--help' || first === '-h') return { command: 'help' };
	if (first === 'help') return parseHelp(rest);
	if (!(COMMAND_NAMES as string[]).includes(first)) {
		const hint = closeMatches(first, COMMAND_NAMES);
		throw new CliError(
			`unknown command "${first}"${hint.length ? `; did you mean "levers ${hint[0]}"?` : ''} (commands: ${COMMAND_NAMES.join(', ')}; levers --help for more)`
		);
	}
	const command = first as CommandName;
	if (rest.some((arg) => arg === '--help' || arg === '-h')) return { command: 'help', topic: command };
	const parsed = parseOptions(COMMANDS[command], rest);
	switch (command) {
		case 'run':
			return toRunArgs(parsed);
		case 'compare':
			return toCompareArgs(parsed);
		case 'list':
			return toListArgs(parsed);
		case 'show':
			return toShowArgs(parsed);
		case 'sweep':
			return toSweepArgs(parsed);
		case 'merge':
			return toMergeArgs(parsed);
		case 'sensitivity':
			return toSensitivityArgs(parsed);
		case 'explain':
			return toExplainArgs(parsed);
	}
}

function parseHelp(rest: readonly string[]): HelpArgs {
	if (rest.length === 0) return { command: 'help' };
	const [topic, ...extra] = rest;
	if (!(COMMAND_NAMES as string[]).includes(topic) || extra.length > 0)
		throw new CliError(`levers help takes one command (${COMMAND_NAMES.join(', ')}), not "${rest.join(' ')}"`);
	return { command: 'help', topic: topic as CommandName };
}

interface ParsedOptions {
	positionals: string[];
	/** Values by option name; a flag has one empty string. */
	values: Map<string, string[]>;
}

/**
 * Splits arguments into options and positionals by the command's spec. Refuses unknown
 * options (with a close match), a missing value, a value given to a flag and a repeated
 * option that is not meant to repeat: nothing is resolved silently by "last one wins".
 */
function parseOptions(spec: CommandSpec, argv: readonly string[]): ParsedOptions {
	const byName = new Map(spec.options.map((o) => [o.name, o]));
	const values = new Map<string, string[]>();
	const positionals: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			positionals.push(...argv.slice(i + 1));
			break;
		}
		if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
			positionals.push(arg);
			continue;
		}
		const eq = arg.indexOf('=');
		const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
		const option = byName.get(name);
		if (!option) throw new CliError(unknownOption(spec, name));
		let value = '';
		if (option.value) {
			if (eq > 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
			else {
				const next = argv[i + 1];
				if (next === undefined || next.startsWith('--')) throw new CliError(`${name} needs a value (${name} ${option.value})`);
				value = next;
				i++;
			}
		} else if (eq > 0) {
			throw new CliError(`${name} takes no value`);
		}
		const previous = values.get(name);
		if (previous && !option.repeatable) {
			const both = option.value ? ` (${JSON.stringify(previous[0])} and ${JSON.stringify(value)})` : '';
			throw new CliError(`${name} is given twice${both}; give it once`);
		}
		values.set(name, [...(previous ?? []), value]);
	}
	return { positionals, values };
}

function unknownOption(spec: CommandSpec, name: string): string {
	const names = spec.options.map((o) => o.name);
	let near: string[];
	if (/^-[^-]/.test(name)) {
		// A short option such as -r: suggest the long options that start with its letter.
		near = names.filter((n) => n[2] === name[1]).slice(0, 3);
	} else near = closeMatches(name.replace(/^-+/, '--'), names);
	const hint = near.length ? `; did you mean ${near.join(' or ')}?` : '';
	return `unknown option "${name}" for "levers ${spec.name}"${hint} (levers ${spec.name} --help lists them)`;
}

function one(p: ParsedOptions, name: string): string | undefined {
	return p.values.get(name)?.[0];
}

function flag(p: ParsedOptions, name: string): boolean {
	return p.values.has(name);
}

/** A whole number within the scenario layer's limits for the setting. */
function integer(name: string, text: string | undefined, limits: { min: number; max: number }): number | undefined {
	if (text === undefined) return undefined;
	if (!/^\d+$/.test(text)) throw new CliError(`${name} must be a whole number, not "${text}"`);
	const n = Number(text);
	if (n < limits.min || n > limits.max) throw new CliError(`${name} ${n} is outside ${range(limits)}`);
	return n;
}

function choice<T extends string>(name: string, text: string | undefined, allowed: readonly T[]): T | undefined {
	if (text === undefined) return undefined;
	if (!(allowed as readonly string[]).includes(text)) throw new CliError(`${name} must be ${orList(allowed)}, not "${text}"`);
	return text as T;
}

function nonEmpty(name: string, text: string | undefined): string | undefined {
	if (text !== undefined && text.trim() === '') throw new CliError(`${name} needs a file name, not an empty string`);
	return text;
}

function orList(items: readonly string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function ensembleArgs(p: ParsedOptions): EnsembleArgs {
	const outcomes = one(p, '--outcomes');
	if (outcomes !== undefined && outcomes.split(',').some((s) => s.trim() === ''))
		throw new CliError(`--outcomes must be a comma-separated list of outcome ids or families, not "${outcomes}"`);
	return {
		runs: integer('--runs', one(p, '--runs'), SETTING_LIMITS.runs),
		seed: integer('--seed', one(p, '--seed'), SETTING_LIMITS.seed),
		months: integer('--months', one(p, '--months'), SETTING_LIMITS.months),
		citizens: integer('--citizens', one(p, '--citizens'), SETTING_LIMITS.citizens),
		outcomes: outcomes?.split(',').map((s) => s.trim()),
		format: choice('--format', one(p, '--format'), ['table', 'json', 'csv'] as const),
		out: nonEmpty('--out', one(p, '--out')),
		force: flag(p, '--force'),
		quiet: flag(p, '--quiet'),
		progress: flag(p, '--progress'),
		dryRun: flag(p, '--dry-run')
	};
}

function toRunArgs(p: ParsedOptions): RunArgs {
	if (p.positionals.length === 0) throw new CliError('levers run needs a scenario id or a scenario file (levers list scenarios)');
	if (p.positionals.length > 1)
		throw new CliError(
			`levers run takes one scenario, but "${p.positionals[1]}" follows "${p.positionals[0]}" (levers compare runs several)`
		);
	const args: RunArgs = {
		command: 'run',
		scenario: p.positionals[0],
		settings: p.values.get('--set') ?? [],
		detail: flag(p, '--detail'),
		baseline: one(p, '--baseline'),
		saveScenario: nonEmpty('--save-scenario', one(p, '--save-scenario')),
		...ensembleArgs(p)
	};
	if (args.detail && args.format !== undefined && args.format !== 'json')
		throw new CliError(`--detail is only in JSON output, not ${args.format} (use --format json)`);
	return args;
}

function toCompareArgs(p: ParsedOptions): CompareArgs {
	const baseline = one(p, '--baseline');
	if (p.positionals.length === 0) throw new CliError('levers compare needs one or more scenarios and --baseline <scenario>');
	if (baseline === undefined) throw new CliError('levers compare needs --baseline <scenario>: the scenario the others are compared with');
	const seen = new Set<string>();
	for (const s of [...p.positionals, baseline]) {
		if (seen.has(s)) throw new CliError(`levers compare names "${s}" twice; each scenario once (the baseline included)`);
		seen.add(s);
	}
	return { command: 'compare', scenarios: p.positionals, baseline, ...ensembleArgs(p) };
}

function toListArgs(p: ParsedOptions): ListArgs {
	const [what, ...extra] = p.positionals;
	if (what !== undefined && !(LIST_KINDS as readonly string[]).includes(what)) {
		const near = closeMatches(what, LIST_KINDS);
		throw new CliError(`levers list takes ${orList(LIST_KINDS)}, not "${what}"${near.length ? `; did you mean ${near[0]}?` : ''}`);
	}
	if (extra.length > 0) throw new CliError(`levers list takes one kind at a time, but "${extra[0]}" follows "${what}"`);
	return { command: 'list', what: (what as ListKind | undefined) ?? 'all', format: choice('--format', one(p, '--format'), ['table', 'json', 'csv'] as const) ?? 'table' };
}

function toShowArgs(p: ParsedOptions): ShowArgs {
	if (p.positionals.length !== 1)
		throw new CliError(
			p.positionals.length === 0
				? 'levers show needs an id: a lever, assumption, outcome or scenario (levers list)'
				: `levers show takes one id, but "${p.positionals[1]}" follows "${p.positionals[0]}"`
		);
	return { command: 'show', id: p.positionals[0], format: choice('--format', one(p, '--format'), ['text', 'json'] as const) ?? 'text' };
}

function toSweepArgs(p: ParsedOptions): SweepArgs {
	if (p.positionals.length !== 1)
		throw new CliError(
			p.positionals.length === 0
				? 'levers sweep needs a sweep design file (levers sweep --help describes it)'
				: `levers sweep takes one design file, but "${p.positionals[1]}" follows "${p.positionals[0]}"`
		);
	return {
		command: 'sweep',
		design: p.positionals[0],
		shard: one(p, '--shard'),
		threads: threads(p),
		format: choice('--format', one(p, '--format'), ['csv', 'json', 'arrow'] as const),
		out: nonEmpty('--out', one(p, '--out')),
		force: flag(p, '--force'),
		quiet: flag(p, '--quiet'),
		progress: flag(p, '--progress'),
		dryRun: flag(p, '--dry-run')
	};
}

function analysisArgs(p: ParsedOptions, command: 'sensitivity' | 'explain'): AnalysisArgs {
	if (p.positionals.length === 0) throw new CliError(`levers ${command} needs a scenario, --baseline <scenario> and --outcome <id>`);
	if (p.positionals.length > 1)
		throw new CliError(`levers ${command} takes one scenario, but "${p.positionals[1]}" follows "${p.positionals[0]}"`);
	const baseline = one(p, '--baseline');
	if (baseline === undefined) throw new CliError(`levers ${command} needs --baseline <scenario>: the scenario the difference is taken against`);
	const outcome = one(p, '--outcome');
	if (outcome === undefined || outcome.trim() === '') throw new CliError(`levers ${command} needs --outcome <id>: the outcome to analyse (levers list outcomes)`);
	return {
		scenario: p.positionals[0],
		baseline,
		outcome: outcome.trim(),
		runs: integer('--runs', one(p, '--runs'), SETTING_LIMITS.runs),
		seed: integer('--seed', one(p, '--seed'), SETTING_LIMITS.seed),
		months: integer('--months', one(p, '--months'), SETTING_LIMITS.months),
		citizens: integer('--citizens', one(p, '--citizens'), SETTING_LIMITS.citizens),
		format: choice('--format', one(p, '--format'), ['table', 'json', 'csv'] as const),
		out: nonEmpty('--out', one(p, '--out')),
		threads: threads(p),
		force: flag(p, '--force'),
		quiet: flag(p, '--quiet'),
		progress: flag(p, '--progress'),
		dryRun: flag(p, '--dry-run')
	};
}

function threads(p: ParsedOptions): number | undefined {
	return integer('--threads', one(p, '--threads'), THREAD_LIMITS);
}

function toMergeArgs(p: ParsedOptions): MergeArgs {
	if (p.positionals.length === 0) throw new CliError('levers merge needs the shard files of one sweep (levers sweep … --shard i/N --out FILE)');
	const seen = new Set<string>();
	for (const s of p.positionals) {
		if (seen.has(s)) throw new CliError(`levers merge names "${s}" twice; give each shard file once`);
		seen.add(s);
	}
	return { command: 'merge', shards: p.positionals, out: nonEmpty('--out', one(p, '--out')), force: flag(p, '--force') };
}

/** A comma-separated list with no empty items. */
function list(name: string, text: string | undefined, what: string): string[] | undefined {
	if (text === undefined) return undefined;
	const items = text.split(',').map((s) => s.trim());
	if (items.some((s) => s === '')) throw new CliError(`${name} must be a comma-separated list of ${what}, not "${text}"`);
	return items;
}

function toSensitivityArgs(p: ParsedOptions): SensitivityArgs {
	const base = analysisArgs(p, 'sensitivity');
	const method = choice('--method', one(p, '--method'), SENSITIVITY_METHODS) ?? 'tornado';
	const assumptions = list('--assumptions', one(p, '--assumptions'), 'assumption ids');
	const gradeNames = list('--grades', one(p, '--grades'), `evidence grades (${GRADES.join(', ')})`);
	if (assumptions && gradeNames) throw new CliError('give --assumptions or --grades, not both');
	const grades = gradeNames?.map((g) => {
		if ((GRADES as readonly string[]).includes(g)) return g as (typeof GRADES)[number];
		const near = closeMatches(g, GRADES);
		throw new CliError(`--grades: "${g}" is not an evidence grade${near.length ? `; did you mean ${near[0]}?` : ''} (grades: ${GRADES.join(', ')})`);
	});
	const trajectories = integer('--trajectories', one(p, '--trajectories'), { min: 1, max: 1000 });
	const levels = integer('--levels', one(p, '--levels'), { min: 2, max: 20 });
	if (levels !== undefined && levels % 2 !== 0) throw new CliError(`--levels must be even (Morris steps pair each level with one Δ away), not ${levels}`);
	if (method === 'tornado' && (trajectories !== undefined || levels !== undefined))
		throw new CliError(`${trajectories !== undefined ? '--trajectories' : '--levels'} is for --method morris; a tornado moves each assumption to its two ends`);
	return { command: 'sensitivity', ...base, method, assumptions, grades, trajectories, levels };
}

function toExplainArgs(p: ParsedOptions): ExplainArgs {
	return { command: 'explain', ...analysisArgs(p, 'explain'), permutations: integer('--permutations', one(p, '--permutations'), { min: 1, max: 10000 }) };
}

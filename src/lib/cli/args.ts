import { CliError } from './cli-error';

export type OutputFormat = 'json' | 'csv' | 'table';

export interface RunArgs {
	command: 'run';
	scenario: string;
	settings: string[];
	runs?: number;
	seed?: number;
	months?: number;
	citizens?: number;
	detail: boolean;
	/** A scenario to compare with on the same seeds (paired differences). */
	baseline?: string;
	format: 'json' | 'csv';
	out?: string;
}

export interface ListArgs {
	command: 'list';
	what: 'scenarios' | 'levers' | 'assumptions' | 'outcomes' | 'all';
	format: 'json' | 'table';
}

export interface HelpArgs {
	command: 'help';
}

export type Args = RunArgs | ListArgs | HelpArgs;

const LIST_KINDS = ['scenarios', 'levers', 'assumptions', 'outcomes'] as const;

/** Parse the command line (without `node` and the script). Throws CliError. */
export function parseArgs(argv: readonly string[]): Args {
	const [command, ...rest] = argv;
	if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
	if (command === 'run') return parseRun(rest);
	if (command === 'list') return parseList(rest);
	throw new CliError(`unknown command "${command}"; use "levers run" or "levers list" ("levers help" for more)`);
}

function parseRun(argv: readonly string[]): RunArgs {
	const args: RunArgs = { command: 'run', scenario: '', settings: [], detail: false, format: 'json' };
	const positional: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = splitFlag(arg);
		const value = () => {
			if (inline !== undefined) return inline;
			const next = argv[++i];
			if (next === undefined) throw new CliError(`${flag} needs a value`);
			return next;
		};
		switch (flag) {
			case '--set':
				args.settings.push(value());
				break;
			case '--runs':
				args.runs = integer(flag, value(), 1, 1000);
				break;
			case '--seed':
				args.seed = integer(flag, value(), 0, 2 ** 31 - 1);
				break;
			case '--months':
				args.months = integer(flag, value(), 12, 360);
				break;
			case '--citizens':
				args.citizens = integer(flag, value(), 100, 2_000_000);
				break;
			case '--detail':
				if (inline !== undefined) throw new CliError('--detail takes no value');
				args.detail = true;
				break;
			case '--format': {
				const format = value();
				if (format !== 'json' && format !== 'csv') throw new CliError(`--format must be json or csv, not "${format}"`);
				args.format = format;
				break;
			}
			case '--out':
				args.out = value();
				break;
			case '--baseline':
				args.baseline = value();
				break;
			default:
				if (arg.startsWith('--')) throw new CliError(`unknown option "${flag}" for "levers run"`);
				positional.push(arg);
		}
	}
	if (positional.length === 0) throw new CliError('levers run needs a scenario id or a scenario file (see "levers list scenarios")');
	if (positional.length > 1) throw new CliError(`levers run takes one scenario, not ${positional.length}: ${positional.join(', ')}`);
	args.scenario = positional[0];
	return args;
}

function parseList(argv: readonly string[]): ListArgs {
	const args: ListArgs = { command: 'list', what: 'all', format: 'table' };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = splitFlag(argv[i]);
		if (flag === '--format') {
			const format = inline ?? argv[++i];
			if (format !== 'json' && format !== 'table') throw new CliError(`--format must be json or table, not "${format ?? ''}"`);
			args.format = format;
		} else if (flag.startsWith('--')) {
			throw new CliError(`unknown option "${flag}" for "levers list"`);
		} else if ((LIST_KINDS as readonly string[]).includes(flag) && args.what === 'all') {
			args.what = flag as ListArgs['what'];
		} else {
			throw new CliError(`levers list takes one of ${LIST_KINDS.join(', ')}, not "${flag}"`);
		}
	}
	return args;
}

function splitFlag(arg: string): [string, string | undefined] {
	if (!arg.startsWith('--')) return [arg, undefined];
	const eq = arg.indexOf('=');
	return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function integer(flag: string, text: string, min: number, max: number): number {
	if (!/^\d+$/.test(text)) throw new CliError(`${flag} must be a whole number, not "${text}"`);
	const n = Number(text);
	if (n < min || n > max) throw new CliError(`${flag} ${n} is outside ${min}–${max}`);
	return n;
}

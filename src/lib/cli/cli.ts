/**
 * The `levers` command line. This module and what it imports statically stay light: help and
 * the registry answer without loading the model's code or mathjs; `run` and `compare` load them
 * when they are asked for.
 */
import { ScenarioError, oneLine } from '../scenario/errors';
import type { ScenarioLibrary } from '../scenario/types';
import { SweepError } from '../sweep/sweep-error';
import { parseArgs, type Args } from './args';
import { listCommand, showCommand } from './catalogue';
import { CliError, OutputClosedError } from './cli-error';
import { USAGE, commandHelp } from './help';
import type { CatalogueScenario } from './scenario-catalogue';

export { USAGE } from './help';

/** A file being written: nothing replaces the old file (if any) until commit. */
export interface OutputFile {
	/** Text (UTF-8) or bytes (an Arrow file). */
	write(chunk: string | Uint8Array): void;
	/** Put the written file in place. */
	commit(): void;
	/** Drop what was written; the old file, if any, stays. */
	discard(): void;
}

/** Standard output as an OutputFile. Text only: a command refuses binary output (Arrow) without --out. */
export function stdoutFile(io: Pick<CliIo, 'stdout'>): OutputFile {
	return {
		write: (chunk) => {
			if (typeof chunk !== 'string') throw new Error('binary output needs --out FILE, not standard output');
			io.stdout(chunk);
		},
		commit: () => {},
		discard: () => {}
	};
}

/** What the command line touches outside itself, so it can be tested without a process. */
export interface CliIo {
	/** Throws OutputClosedError when the reader has gone (a closed pipe). */
	stdout(text: string): void;
	stderr(text: string): void;
	/** Whether standard output and error are terminals, and the terminal's width. */
	terminal: { stdout: boolean; stderr: boolean; columns?: number };
	env: Readonly<Record<string, string | undefined>>;
	/** Milliseconds from any fixed start, for the progress line. */
	now(): number;
	/** Lets a pending Ctrl-C be handled between runs. */
	pause(): Promise<void>;
	/**
	 * Reads a file of at most maxBytes (`what` names it in messages: "scenario file" unless
	 * given). Throws CliError, or an error with a `code`.
	 */
	readFile(path: string, maxBytes: number, what?: string): string;
	/** As readFile, the bytes as they are: for files that may be binary (Arrow shards). */
	readFileBytes(path: string, maxBytes: number, what?: string): Uint8Array;
	/**
	 * Checks an output path before any work and returns its writer. Throws CliError for an
	 * empty path, a folder, a missing or unwritable folder, an existing file without `force`,
	 * and always for a path in `protect` (the scenario files being run, the other output).
	 * `flag` names the option in messages.
	 */
	prepareOutput(path: string, options: { force: boolean; protect: readonly string[]; flag: string }): OutputFile;
	/** The built-in scenarios, fully validated. */
	library(): Promise<ScenarioLibrary>;
	/** The built-in scenarios' ids, titles and sources, read without loading the scenario layer. */
	scenarioCatalogue(): Promise<CatalogueScenario[]>;
}

/** Run the command line; resolves to the exit code (0 ok, 2 bad input, 1 internal error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
	try {
		const args = parseArgs(argv);
		warnAboutNpmBanner(args, io);
		switch (args.command) {
			case 'help':
				io.stdout((args.topic ? commandHelp(args.topic) : USAGE) + '\n');
				break;
			case 'list':
				await listCommand(args, catalogueIo(io));
				break;
			case 'show':
				await showCommand(args, catalogueIo(io));
				break;
			case 'run':
			case 'compare': {
				// The model, ensembles and mathjs load here, only when a run needs them.
				const { ensembleCommand } = await import('./ensemble-command');
				await ensembleCommand(args, io);
				break;
			}
			case 'sweep': {
				const { sweepCommand } = await import('./sweep-command');
				await sweepCommand(args, io);
				break;
			}
			case 'merge': {
				const { mergeCommand } = await import('./merge-command');
				await mergeCommand(args, io);
				break;
			}
			case 'sensitivity':
			case 'explain': {
				// The analysis layer loads the model too: only when asked for.
				const { analysisCommand } = await import('./analysis-command');
				await analysisCommand(args, io);
				break;
			}
		}
		return 0;
	} catch (error) {
		if (error instanceof OutputClosedError) return 0;
		if (error instanceof CliError || error instanceof ScenarioError || error instanceof SweepError) {
			io.stderr(`levers: ${oneLine(error.message)}\n`);
			return 2;
		}
		io.stderr(`levers: internal error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
		return 1;
	}
}

function catalogueIo(io: CliIo) {
	return { stdout: io.stdout, library: io.library, scenarioCatalogue: io.scenarioCatalogue, columns: io.terminal.stdout ? io.terminal.columns : undefined };
}

/**
 * `npm run levers -- … > file` puts npm's "> levers@… levers" banner into the file ahead of the
 * output, and nothing the command can do removes it. Say so, with the two forms that avoid it.
 */
function warnAboutNpmBanner(args: Args, io: CliIo): void {
	const { env } = io;
	const toStdout =
		args.command === 'list' ||
		args.command === 'show' ||
		((args.command === 'run' || args.command === 'compare' || args.command === 'sweep' || args.command === 'sensitivity' || args.command === 'explain') && !args.out && !args.dryRun) ||
		(args.command === 'merge' && !args.out);
	if (!toStdout || io.terminal.stdout) return;
	if (env.npm_lifecycle_event === undefined || (env.npm_command !== 'run' && env.npm_command !== 'run-script') || env.npm_config_loglevel === 'silent') return;
	io.stderr('levers: warning: npm printed its "> levers@…" banner into standard output ahead of this output; use "npx levers …" or "npm run -s levers -- …" for clean output\n');
}

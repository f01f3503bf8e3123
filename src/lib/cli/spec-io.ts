/**
 * The command line in-process for specs: real files (in a temporary folder) and real output
 * checks, captured standard output and error, and a terminal, environment and clock of the
 * test's choosing. Not part of the command line itself.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import type { ScenarioLibrary } from '../scenario/types';
import { runCli, type CliIo } from './cli';
import { OutputClosedError } from './cli-error';
import { prepareOutputFile, readBoundedBytes, readBoundedFile } from './node-io';
import { catalogueOf } from './scenario-catalogue';

let library: ScenarioLibrary | undefined;

export interface Captured {
	code: number;
	stdout: string;
	stderr: string;
	/** Runs completed (the command pauses once after each run). */
	runs: number;
}

export interface SpecIoOptions {
	terminal?: Partial<CliIo['terminal']>;
	env?: Record<string, string>;
	/** Milliseconds returned by successive now() calls; defaults to a clock that never moves. */
	clock?: () => number;
	/** Paths whose reading fails with this error code, as a file without permission would. */
	unreadable?: Record<string, string>;
	/** Standard output closes (as `| head` does) after this many characters. */
	stdoutClosesAfter?: number;
}

/** A fresh temporary folder for a spec's files. */
export function specFolder(): string {
	return mkdtempSync(join(tmpdir(), 'levers-cli-spec-'));
}

/** Runs `levers <argv>` in this process and captures what it did. */
export async function cli(argv: string[], options: SpecIoOptions = {}): Promise<Captured> {
	const captured: Captured = { code: -1, stdout: '', stderr: '', runs: 0 };
	const unreadable = (path: string) => {
		const code = options.unreadable?.[path];
		if (code) throw Object.assign(new Error(`${code}: cannot open '${path}'`), { code });
	};
	const io: CliIo = {
		stdout: (text) => {
			const limit = options.stdoutClosesAfter ?? Infinity;
			if (captured.stdout.length >= limit) throw new OutputClosedError();
			captured.stdout += text;
		},
		stderr: (text) => {
			captured.stderr += text;
		},
		terminal: { stdout: false, stderr: false, ...options.terminal },
		env: options.env ?? {},
		now: options.clock ?? (() => 0),
		pause: async () => {
			captured.runs++;
		},
		readFile: (path, maxBytes, what) => {
			unreadable(path);
			return readBoundedFile(path, maxBytes, what);
		},
		readFileBytes: (path, maxBytes, what) => {
			unreadable(path);
			return readBoundedBytes(path, maxBytes, what);
		},
		prepareOutput: prepareOutputFile,
		library: async () => (library ??= loadBuiltinScenarios()),
		scenarioCatalogue: async () => catalogueOf((library ??= loadBuiltinScenarios()))
	};
	captured.code = await runCli(argv, io);
	return captured;
}

/**
 * What a scenario argument on the command line names. This is the one place arguments are
 * recognised, so a new kind (a workbench link) is added here and nowhere else.
 */
import { parseScenarioJson, ScenarioError, type ScenarioFile, type ScenarioLibrary } from '../scenario/index';
import { didYouMean } from '../scenario/suggest';
import { MAX_FILE_BYTES } from '../scenario/validate';
import { CliError } from './cli-error';

export interface ScenarioArgument {
	file: ScenarioFile;
	/** The path it was read from, so no output overwrites it; undefined for a built-in. */
	path?: string;
}

export interface ScenarioReader {
	/** Reads a file of at most maxBytes; throws CliError, or an error with a `code` (ENOENT…). */
	readFile(path: string, maxBytes: number): string;
}

/** A built-in id, or a path to a scenario file (anything ending .json or containing a slash). */
export function resolveScenarioArgument(arg: string, library: ScenarioLibrary, io: ScenarioReader): ScenarioArgument {
	const looksLikeFile = arg.endsWith('.json') || arg.includes('/') || arg.includes('\\');
	if (!looksLikeFile) {
		const builtIn = library.get(arg);
		if (builtIn) return { file: builtIn };
		throw new CliError(`unknown scenario "${arg}"${didYouMean(arg, [...library.keys()])} (levers list scenarios; a file needs .json or a slash)`);
	}
	let text: string;
	try {
		text = io.readFile(arg, MAX_FILE_BYTES);
	} catch (error) {
		if (error instanceof CliError) throw error;
		const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'unreadable';
		throw new CliError(`cannot read scenario file "${arg}": ${REASONS[code] ?? 'unreadable'} (${code})`);
	}
	try {
		return { file: parseScenarioJson(text), path: arg };
	} catch (error) {
		if (error instanceof ScenarioError) throw new ScenarioError(`${arg}: ${error.message}`);
		throw error;
	}
}

const REASONS: Record<string, string> = {
	ENOENT: 'no such file',
	EACCES: 'permission denied',
	EPERM: 'not permitted',
	EISDIR: 'it is a folder',
	ELOOP: 'too many symbolic links'
};

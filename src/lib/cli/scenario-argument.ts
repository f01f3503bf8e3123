/**
 * What a scenario argument on the command line names: a built-in id, a scenario file, or a
 * workbench share link (its scenario with the link's changes). This is the one place arguments
 * are recognised.
 */
import { parseScenarioJson, ScenarioError, type Overrides, type ScenarioFile, type ScenarioLibrary } from '../scenario/index';
import { decodeShareLink, looksLikeShareLink } from '../scenario/share-link';
import { didYouMean } from '../scenario/suggest';
import { MAX_FILE_BYTES } from '../scenario/validate';
import { CliError } from './cli-error';

export interface ScenarioArgument {
	file: ScenarioFile;
	/** The path it was read from, so no output overwrites it; undefined for a built-in. */
	path?: string;
	/** A share link's changes to its scenario (levers, assumptions, run settings). */
	overrides?: Overrides;
	/** What a share link held that could not be used, one sentence each. */
	problems?: string[];
}

export interface ScenarioReader {
	/** Reads a file of at most maxBytes; throws CliError, or an error with a `code` (ENOENT…). */
	readFile(path: string, maxBytes: number): string;
}

/**
 * A share link (an address or query string with `s=`), a built-in id, or a path to a scenario
 * file (anything ending .json or containing a slash).
 */
export function resolveScenarioArgument(arg: string, library: ScenarioLibrary, io: ScenarioReader): ScenarioArgument {
	if (looksLikeShareLink(arg)) {
		const link = decodeShareLink(arg, library);
		return { file: library.get(link.scenarioId)!, overrides: link.overrides, problems: link.problems };
	}
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

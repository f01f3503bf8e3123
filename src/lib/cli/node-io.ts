import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import type { CliIo } from './cli';

/** The command line's input and output on a real Node process. */
export const nodeIo: CliIo = {
	stdout: (text) => {
		writeSync(1, text);
	},
	stderr: (text) => {
		writeSync(2, text);
	},
	readFile: (path) => readFileSync(path, 'utf8'),
	openOutput: (path) => {
		const fd = path === undefined ? 1 : openSync(path, 'w');
		return {
			write: (chunk) => {
				writeSync(fd, chunk);
			},
			close: () => {
				if (fd !== 1) closeSync(fd);
			}
		};
	},
	library: () => loadBuiltinScenarios()
};

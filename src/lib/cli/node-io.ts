import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import type { CliIo } from './cli';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write all of `text` to a file descriptor. A pipe may take only part of a write (64 KiB at a
 * time) or refuse it for a moment (EAGAIN) when the reader is slow, so loop until done.
 */
export function writeAll(fd: number, text: string): void {
	const bytes = Buffer.from(text, 'utf8');
	let offset = 0;
	while (offset < bytes.length) {
		try {
			offset += writeSync(fd, bytes, offset, bytes.length - offset);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
			Atomics.wait(pause, 0, 0, 2);
		}
	}
}

/** The command line's input and output on a real Node process. */
export const nodeIo: CliIo = {
	stdout: (text) => writeAll(1, text),
	stderr: (text) => writeAll(2, text),
	readFile: (path) => readFileSync(path, 'utf8'),
	openOutput: (path) => {
		const fd = path === undefined ? 1 : openSync(path, 'w');
		return {
			write: (chunk) => writeAll(fd, chunk),
			close: () => {
				if (fd !== 1) closeSync(fd);
			}
		};
	},
	library: () => loadBuiltinScenarios()
};

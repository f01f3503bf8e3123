/**
 * The command line's input and output on a real Node process: bounded reads of scenario
 * files, outputs that never silently replace a file, and a closed pipe that ends quietly.
 */
import { closeSync, constants, fstatSync, linkSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CliIo, OutputFile } from './cli';
import { CliError, OutputClosedError } from './cli-error';
import { readScenarioCatalogue } from './scenario-catalogue';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write all of `text` to a file descriptor. A pipe may take only part of a write (64 KiB at a
 * time) or refuse it for a moment (EAGAIN) when the reader is slow, so loop until done. A
 * reader that has gone (EPIPE: `levers … | head`) ends the command quietly.
 */
export function writeAll(fd: number, chunk: string | Uint8Array): void {
	const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
	let offset = 0;
	while (offset < bytes.length) {
		try {
			offset += writeSync(fd, bytes, offset, bytes.length - offset);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'EPIPE') throw new OutputClosedError();
			if (code !== 'EAGAIN') throw error;
			Atomics.wait(pause, 0, 0, 2);
		}
	}
}

/**
 * Reads a scenario file of at most `maxBytes` without ever reading more: a device such as
 * /dev/zero, a pipe, a folder or an oversized file is refused from its metadata.
 */
export function readBoundedFile(path: string, maxBytes: number, what = 'scenario file'): string {
	const bytes = readBoundedBytes(path, maxBytes, what);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new CliError(`cannot read ${what} "${path}": it is not UTF-8 text`);
	}
}

/** As readBoundedFile, the bytes undecoded. */
export function readBoundedBytes(path: string, maxBytes: number, what = 'scenario file'): Uint8Array {
	// O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
	const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
	try {
		const stat = fstatSync(fd);
		const refuse = (why: string) => new CliError(`cannot read ${what} "${path}": ${why}`);
		if (stat.isDirectory()) throw refuse('it is a folder');
		if (!stat.isFile()) throw refuse('it is not a regular file (a device, pipe or socket)');
		if (stat.size > maxBytes)
			throw refuse(`it is ${stat.size.toLocaleString('en-GB')} bytes; ${what}s are at most ${maxBytes.toLocaleString('en-GB')}`);
		// Room for the whole file and a little growth, never more than the limit allows.
		const buffer = Buffer.alloc(Math.min(maxBytes, stat.size + (1 << 20)) + 1);
		let length = 0;
		for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
		if (length === buffer.length)
			throw refuse(length > maxBytes ? `it grew past ${maxBytes.toLocaleString('en-GB')} bytes while being read` : 'it grew while being read');
		return buffer.subarray(0, length);
	} finally {
		closeSync(fd);
	}
}

let tempCounter = 0;

/**
 * An output file that replaces nothing until commit: checked now (before any long work), then
 * written to a temporary file beside it and moved into place at the end. Without `force` an
 * existing file is refused, and the move itself refuses a file that appeared meanwhile.
 * Devices and pipes (/dev/null, a FIFO) are written to directly.
 */
export function prepareOutputFile(path: string, options: { force: boolean; protect: readonly string[]; flag: string }): OutputFile {
	const { flag } = options;
	if (path.trim() === '') throw new CliError(`${flag} needs a file name, not an empty string`);
	const target = resolve(path);
	const existing = statSync(target, { throwIfNoEntry: false });
	for (const other of options.protect) {
		const o = statSync(other, { throwIfNoEntry: false });
		const same = resolve(other) === target || (o && existing && o.dev === existing.dev && o.ino === existing.ino);
		if (same) throw new CliError(`${flag} "${path}" is also "${other}", a file this command reads or writes; choose another file`);
	}
	if (existing?.isDirectory()) throw new CliError(`${flag} "${path}" is a folder; give a file name`);
	if (existing && !existing.isFile()) return directOutput(target);
	if (existing && !options.force) throw new CliError(`${flag} "${path}" already exists; add --force to overwrite it`);

	const folder = dirname(target);
	const folderStat = statSync(folder, { throwIfNoEntry: false });
	if (!folderStat) throw new CliError(`${flag} "${path}": the folder "${folder}" does not exist`);
	if (!folderStat.isDirectory()) throw new CliError(`${flag} "${path}": "${folder}" is not a folder`);
	const temp = join(folder, `.${basename(target)}.levers-${process.pid}-${++tempCounter}.tmp`);
	try {
		closeSync(openSync(temp, 'wx'));
		unlinkSync(temp);
	} catch (error) {
		throw new CliError(`${flag} "${path}": cannot write in the folder "${folder}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
	}
	return new TemporaryOutput(temp, target, path, flag, options.force);
}

class TemporaryOutput implements OutputFile {
	private fd: number | undefined;
	private readonly onSignal = (signal: NodeJS.Signals) => {
		this.discard();
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};

	constructor(
		private readonly temp: string,
		private readonly target: string,
		private readonly shown: string,
		private readonly flag: string,
		private readonly force: boolean
	) {}

	write(chunk: string | Uint8Array): void {
		this.open();
		writeAll(this.fd!, chunk);
	}

	commit(): void {
		this.open();
		this.close();
		if (this.force) {
			renameSync(this.temp, this.target);
			return;
		}
		try {
			linkSync(this.temp, this.target); // fails if the target appeared meanwhile: never replace it
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST')
				throw new CliError(`${this.flag} "${this.shown}" appeared while levers ran and was left as it is; the output is in "${this.temp}"`);
			if (statSync(this.target, { throwIfNoEntry: false })) throw error;
			renameSync(this.temp, this.target); // a file system without hard links
			return;
		}
		unlinkSync(this.temp);
	}

	discard(): void {
		if (this.fd === undefined) return;
		this.close();
		try {
			unlinkSync(this.temp);
		} catch {
			// already gone
		}
	}

	private open(): void {
		if (this.fd !== undefined) return;
		this.fd = openSync(this.temp, 'wx');
		// A Ctrl-C between runs removes the partial file instead of leaving it behind.
		process.once('SIGINT', this.onSignal);
		process.once('SIGTERM', this.onSignal);
	}

	private close(): void {
		if (this.fd === undefined) return;
		closeSync(this.fd);
		this.fd = undefined;
		process.removeListener('SIGINT', this.onSignal);
		process.removeListener('SIGTERM', this.onSignal);
	}
}

function directOutput(target: string): OutputFile {
	let fd: number | undefined;
	return {
		write: (chunk) => writeAll((fd ??= openSync(target, 'w')), chunk),
		commit: () => {
			if (fd !== undefined) closeSync(fd);
		},
		discard: () => {
			if (fd !== undefined) closeSync(fd);
		}
	};
}

/** The command line's input and output on this process; built-in scenarios from `scenarioDir`. */
export function nodeIo(scenarioDir: string): CliIo {
	return {
		stdout: (text) => writeAll(1, text),
		stderr: (text) => {
			try {
				writeAll(2, text);
			} catch {
				// Nowhere left to report to.
			}
		},
		terminal: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true, columns: process.stdout.columns },
		env: process.env,
		now: () => performance.now(),
		pause: () => new Promise((resolve) => setImmediate(resolve)),
		readFile: readBoundedFile,
		readFileBytes: readBoundedBytes,
		prepareOutput: (path, options) => prepareOutputFile(path, options),
		library: async () => {
			// The scenario layer brings mathjs with it: load it only when scenarios are needed.
			const { loadBuiltinScenarios } = await import('../scenario/builtin-node');
			return loadBuiltinScenarios(scenarioDir);
		},
		scenarioCatalogue: async () => readScenarioCatalogue(scenarioDir)
	};
}

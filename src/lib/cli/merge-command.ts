/**
 * `levers merge <shard>...`: checks that the files are every shard of one sweep and writes
 * the whole sweep's output, byte for byte what `levers sweep` writes without --shard.
 */
import { mergeShards, type ShardFile } from '../sweep/merge';
import { isArrowFile } from '../sweep/results';
import type { MergeArgs } from './args';
import { stdoutFile, type CliIo, type OutputFile } from './cli';
import { CliError } from './cli-error';

/** Shard files are read whole: at most this many bytes each (V8's longest string is about 512 MiB). */
export const MAX_SHARD_BYTES = 500_000_000;

export async function mergeCommand(args: MergeArgs, io: CliIo): Promise<void> {
	const files = args.shards.map((name) => readShard(name, io));
	const arrow = files.find((f) => 'bytes' in f);
	if (arrow && !args.out) throw new CliError(`${arrow.name} is an Arrow file, and Arrow is binary: give --out FILE (or --out /dev/stdout to pipe it)`);
	const output: OutputFile = args.out
		? io.prepareOutput(args.out, { force: args.force, protect: args.shards, flag: '--out' })
		: stdoutFile(io);
	try {
		// Every check is made before the first byte is written.
		await mergeShards(files, (chunk) => output.write(chunk));
		output.commit();
	} catch (error) {
		output.discard();
		throw error;
	}
}

/** A shard as text (CSV, JSON) or, when it starts as an Arrow file does, as bytes. */
function readShard(path: string, io: CliIo): ShardFile {
	let bytes: Uint8Array;
	try {
		bytes = io.readFileBytes(path, MAX_SHARD_BYTES, 'shard file');
	} catch (error) {
		if (error instanceof CliError) throw error;
		const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'unreadable';
		throw new CliError(`cannot read shard file "${path}": ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'unreadable'} (${code})`);
	}
	if (isArrowFile(bytes)) return { name: path, bytes };
	try {
		return { name: path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		throw new CliError(`cannot read shard file "${path}": it is neither UTF-8 text nor an Arrow file`);
	}
}

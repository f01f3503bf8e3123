/**
 * `levers merge <shard>...`: checks that the files are every shard of one sweep and writes
 * the whole sweep's output, byte for byte what `levers sweep` writes without --shard.
 */
import { mergeShards } from '../sweep/merge';
import type { MergeArgs } from './args';
import type { CliIo, OutputFile } from './cli';
import { CliError } from './cli-error';

/** Shard files are read whole: at most this many bytes each (V8's longest string is about 512 MiB). */
export const MAX_SHARD_BYTES = 500_000_000;

export async function mergeCommand(args: MergeArgs, io: CliIo): Promise<void> {
	const files = args.shards.map((name) => ({ name, text: readShard(name, io) }));
	const output: OutputFile = args.out
		? io.prepareOutput(args.out, { force: args.force, protect: args.shards, flag: '--out' })
		: { write: (chunk) => io.stdout(chunk), commit: () => {}, discard: () => {} };
	try {
		// Every check is made before the first byte is written.
		mergeShards(files, (chunk) => output.write(chunk));
		output.commit();
	} catch (error) {
		output.discard();
		throw error;
	}
}

function readShard(path: string, io: CliIo): string {
	try {
		return io.readFile(path, MAX_SHARD_BYTES, 'shard file');
	} catch (error) {
		if (error instanceof CliError) throw error;
		const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'unreadable';
		throw new CliError(`cannot read shard file "${path}": ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'unreadable'} (${code})`);
	}
}

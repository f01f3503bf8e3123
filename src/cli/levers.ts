import { join } from 'node:path';
import { runCli } from '../lib/cli/cli';
import { nodeIo } from '../lib/cli/node-io';

/**
 * Entry point of the `levers` command: bin/levers.mjs loads this module (bundled, or through
 * tsx) and calls main with the repository's root, where the built-in scenarios are.
 */
export function main(argv: readonly string[], root: string): Promise<number> {
	return runCli(argv, nodeIo(join(root, 'scenarios')));
}

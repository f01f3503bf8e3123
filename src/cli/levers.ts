import { runCli } from '../lib/cli/cli';
import { nodeIo } from '../lib/cli/node-io';

/** Entry point of the `levers` command (see bin/levers.mjs). */
process.exitCode = runCli(process.argv.slice(2), nodeIo);

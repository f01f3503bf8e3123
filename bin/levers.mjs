#!/usr/bin/env node
// The `levers` command: runs the TypeScript CLI through tsx, so no build step is needed.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
register();
const { main } = await import('../src/cli/levers.ts');
process.exitCode = await main(process.argv.slice(2), root);

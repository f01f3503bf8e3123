#!/usr/bin/env node
// The `levers` command. It runs the command line bundled into one file (see cli-bundle.mjs),
// rebuilt whenever its sources change; where no bundle can be built it runs the TypeScript
// sources through tsx instead, which gives the same results, only more slowly at start-up.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function loadMain() {
	try {
		const { freshBundle } = await import('./cli-bundle.mjs');
		return (await import(pathToFileURL(await freshBundle(root)).href)).main;
	} catch (error) {
		if (process.env.LEVERS_CLI_DEBUG) console.error(`levers: running from the sources: ${error?.message ?? error}`);
		const { register } = await import('tsx/esm/api');
		register();
		return (await import('../src/cli/levers.ts')).main;
	}
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2), root);

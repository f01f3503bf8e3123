/**
 * Write docs/parameters.md from the parameter registry, so the documentation cannot drift
 * from the code. `--check` exits 1 if the file is out of date instead of writing it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parameterTables } from '../src/lib/docs/parameter-tables';

const path = fileURLToPath(new URL('../docs/parameters.md', import.meta.url));
const text = parameterTables();
if (process.argv.includes('--check')) {
	const current = readFileSync(path, 'utf8');
	if (current !== text) {
		console.error('docs/parameters.md is out of date: run npm run docs');
		process.exit(1);
	}
} else {
	writeFileSync(path, text);
	console.log(`wrote ${path}`);
}

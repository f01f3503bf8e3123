/**
 * The command line's documentation (README's section, docs/cli.md, docs/scenarios.md and the
 * help texts) cites only files that exist, and every example command in it works.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../src/lib/cli/args';
import { USAGE, commandHelp } from '../src/lib/cli/help';
import { cli, specFolder } from '../src/lib/cli/spec-io';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = ['README.md', 'docs/cli.md', 'docs/scenarios.md'];
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const helpTexts = [USAGE, ...Object.keys(COMMANDS).map((c) => commandHelp(c as keyof typeof COMMANDS))].join('\n');

/** Files a text cites: relative Markdown links, and code spans that are a path or a .md file. */
function citedFiles(text: string): string[] {
	const links = [...text.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
	const spans = [...text.matchAll(/`([\w.\-/*]+)`/g)]
		.map((m) => m[1])
		.filter((s) => (s.includes('/') || s.endsWith('.md')) && !s.includes('*') && !/^(node_modules|\/dev)\//.test(s));
	return [...links, ...spans];
}

describe('citations', () => {
	test.each(DOCS)('%s cites only files in the repository (publications are cited by name)', (doc) => {
		const missing = citedFiles(read(doc)).filter((file) => !existsSync(join(ROOT, file)) && !existsSync(join(ROOT, dirname(doc), file)));
		expect(missing).toEqual([]);
	});

	test('the help texts cite only files in the repository', () => {
		expect(citedFiles(helpTexts).filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
		expect(helpTexts).not.toContain('evidence.md');
	});

	test('the check itself finds a missing file', () => {
		expect(citedFiles('see `evidence.md` and [the report](docs/nowhere.md)')).toEqual(['docs/nowhere.md', 'evidence.md']);
	});
});

/** Arguments of a shell line: words, with single and double quotes. */
function shellWords(line: string): string[] {
	return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Example commands (`npx levers …`) in the code blocks of a document, comments removed. */
function examples(text: string): string[][] {
	const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
	return blocks
		.flatMap((b) => b.split('\n'))
		.map((line) => line.replace(/\s+#.*$/, '').trim())
		.filter((line) => line.startsWith('npx levers '))
		.map((line) => shellWords(line).slice(2));
}

describe('examples', () => {
	test.each(['README.md', 'docs/cli.md'])('every npx levers example in %s works (runs as --dry-run, files in a temporary folder)', async (doc) => {
		const dir = specFolder();
		const found = examples(read(doc));
		expect(found.length).toBeGreaterThan(5);
		for (const example of found) {
			// Files named in examples live in a temporary folder; built-in ids stay as they are.
			const args = example.map((arg) => (/^[\w.-]+\.(json|csv|txt)$/.test(arg) ? join(dir, arg) : arg));
			if (['run', 'compare', 'sensitivity', 'explain'].includes(args[0]) && !args.includes('--dry-run')) args.push('--dry-run');
			const result = await cli(args);
			expect(result.code, `${example.join(' ')}: ${result.stderr}`).toBe(0);
			expect(result.stderr.split('\n').filter((l) => l && !l.startsWith('levers: saved the scenario as ')), example.join(' ')).toEqual([]);
		}
	});
});

// The command line bundled with esbuild (installed with tsx) into node_modules/.cache/levers/:
// a small entry module for help, list and show, and chunks that only `run` and `compare` load
// (the model, the ensembles, mathjs). Loading a few files instead of some 700 TypeScript and
// mathjs modules through tsx is what lets `levers --help` and `levers list` answer at once.
//
// The entry records the size and modification time of every project file the bundle was built
// from, and of the installed dependencies (node_modules/.package-lock.json); when any of them
// differs it is rebuilt before use, so it can never run code older than the sources. Each build
// goes into a folder of its own and `current` (a symbolic link) is switched to it in one step,
// so a process never loads half of one build and half of another.
// `npm ci` builds it ahead of time (the `prepare` script runs this file).
import { closeSync, existsSync, mkdirSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the build options below change, so bundles built the old way are rebuilt. */
const BUILD_FORMAT = 2;
/** Builds older than this, other than the current one, are removed by the next build. */
const OLD_BUILD_MS = 60 * 60 * 1000;
const STAMP_PREFIX = '// levers-cli-build ';
const ENTRY = 'src/cli/levers.ts';
/** Not an import of the bundle, but it changes whenever the dependencies are reinstalled. */
const INSTALL_RECORD = 'node_modules/.package-lock.json';

export function defaultCacheDir(root) {
	return process.env.LEVERS_CLI_CACHE || join(root, 'node_modules', '.cache', 'levers');
}

/** The path of an up-to-date bundle's entry, building it first if there is none or it is stale. */
export async function freshBundle(root, cacheDir = defaultCacheDir(root)) {
	const entry = join(cacheDir, 'current', 'levers.mjs');
	const stamp = readStamp(entry);
	if (stamp && isFresh(stamp, root)) return entry;
	return buildBundle(root, cacheDir);
}

/** Builds the bundle into a new folder and switches `current` to it. Returns the entry's path. */
export async function buildBundle(root, cacheDir = defaultCacheDir(root)) {
	const { build } = await import('esbuild');
	makeFolder(cacheDir);
	const started = Date.now();
	const name = `build-${started}-${process.pid}`;
	const outdir = join(cacheDir, name);
	const result = await build({
		entryPoints: { levers: join(root, ENTRY) },
		absWorkingDir: root,
		bundle: true,
		splitting: true,
		outdir,
		entryNames: '[name]',
		chunkNames: 'chunk-[hash]',
		outExtension: { '.js': '.mjs' },
		platform: 'node',
		format: 'esm',
		target: 'node20',
		write: false,
		metafile: true,
		logLevel: 'silent',
		// The project's tsconfig extends one that `svelte-kit sync` generates; the CLI needs none of it.
		tsconfigRaw: {},
		// seedrandom asks for `require('crypto')`; give the bundle a require of its own.
		banner: { js: "import { createRequire as __leversCreateRequire } from 'node:module'; const require = __leversCreateRequire(import.meta.url);" }
	});
	const files = Object.keys(result.metafile.inputs)
		.map((input) => relative(root, resolve(root, input)))
		.filter((file) => !file.startsWith('node_modules'))
		.concat(INSTALL_RECORD);
	// A file changed while esbuild was reading it may not be what the bundle holds: record a
	// version it can never match, so the next command rebuilds.
	const version = (file) => {
		const v = fileVersion(root, file);
		return v && v[1] >= started ? [v[0], -1] : v;
	};
	const stamp = { format: BUILD_FORMAT, inputs: Object.fromEntries(files.map((file) => [file, version(file)])) };
	mkdirSync(outdir);
	for (const file of result.outputFiles) {
		const isEntry = file.path === join(outdir, 'levers.mjs');
		writeFileSync(file.path, isEntry ? `${STAMP_PREFIX}${JSON.stringify(stamp)}\n${file.text}` : file.contents);
	}
	// Switch `current` in one step: a new link renamed over the old one.
	const link = join(cacheDir, `current.${name}`);
	symlinkSync(name, link);
	renameSync(link, join(cacheDir, 'current'));
	removeOldBuilds(cacheDir, name);
	return join(cacheDir, 'current', 'levers.mjs');
}

/**
 * mkdir -p without `recursive: true`, which on Node 20 loops forever where the file system
 * answers ENOENT for a folder it will not create (/proc); here that is an error, and the
 * command falls back to tsx.
 */
function makeFolder(dir) {
	if (existsSync(dir)) return;
	makeFolder(dirname(dir));
	try {
		mkdirSync(dir);
	} catch (error) {
		if (error.code !== 'EEXIST') throw error;
	}
}

/** Other builds, once old enough that no process can still be loading their chunks. */
function removeOldBuilds(cacheDir, keep) {
	for (const entry of readdirSync(cacheDir)) {
		if (!entry.startsWith('build-') || entry === keep) continue;
		const path = join(cacheDir, entry);
		if (Date.now() - statSync(path).mtimeMs > OLD_BUILD_MS) rmSync(path, { recursive: true, force: true });
	}
}

function fileVersion(root, file) {
	const stat = statSync(join(root, file), { throwIfNoEntry: false });
	return stat ? [stat.size, stat.mtimeMs] : null;
}

function isFresh(stamp, root) {
	if (stamp.format !== BUILD_FORMAT) return false;
	for (const [file, version] of Object.entries(stamp.inputs)) {
		const now = fileVersion(root, file);
		if (now === null || version === null ? now !== version : now[0] !== version[0] || now[1] !== version[1]) return false;
	}
	return true;
}

/** The stamp on the entry's first line, or null. Reads only the start of the file. */
function readStamp(entry) {
	let fd;
	try {
		fd = openSync(entry, 'r');
	} catch {
		return null;
	}
	try {
		const buffer = Buffer.alloc(1 << 16);
		const length = readSync(fd, buffer, 0, buffer.length, 0);
		const head = buffer.toString('utf8', 0, length);
		const end = head.indexOf('\n');
		if (!head.startsWith(STAMP_PREFIX) || end < 0) return null;
		return JSON.parse(head.slice(STAMP_PREFIX.length, end));
	} catch {
		return null;
	} finally {
		closeSync(fd);
	}
}

// `node bin/cli-bundle.mjs` (the prepare script): build ahead of the first use. A failure here
// must not fail `npm ci`: the command builds on first use, or falls back to tsx.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const root = join(dirname(fileURLToPath(import.meta.url)), '..');
	try {
		await buildBundle(root);
	} catch (error) {
		console.warn(`levers: the command line was not bundled ahead of time (${error instanceof Error ? error.message.split('\n')[0] : error}); it will be on first use`);
	}
}

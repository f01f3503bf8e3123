/**
 * Compare the workbench's speed in two (or more) versions fairly on a noisy machine (a benchmark,
 * not a test): each version's site is built and served, each gets a page in one headless
 * Chromium, and lever changes alternate between the pages, round by round, each round starting
 * with another version (bench-stats.ts), so that load from other processes falls on all alike.
 * Read from the pages' own User Timing marks, as bench-browser.ts does: a lever change to the
 * first chart of the new ensemble, and to the whole ensemble drawn with its bands.
 *
 *   npm run bench:browser-variants -- [--rounds 10] [--runs 32] [--json] <ref> [<ref>…]
 *
 * A ref is a git commit, branch or tag (its tree is exported to a temporary folder and built
 * there) or `.` for the working tree's current build (`npm run build`). With one ref, it is
 * compared with the working tree. Only one page works at a time: the others' pools are idle.
 * With --json, the last line is one JSON object: per version its label, and the min / p25 /
 * median of firstChartMs and fullEnsembleMs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launch, serveBuild } from '../tests/e2e/harness';
import { formatChange, formatTiming, roundOrder, summarise, type Timing } from './bench-stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const json = argv.includes('--json');
if (json) argv.splice(argv.indexOf('--json'), 1);
const option = (name: string, fallback: number) => {
	const i = argv.indexOf(`--${name}`);
	if (i === -1) return fallback;
	const value = Number(argv[i + 1]);
	if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1, not ${argv[i + 1]}`);
	argv.splice(i, 2);
	return value;
};
const rounds = option('rounds', 10);
const runs = option('runs', 32);
const unknown = argv.find((arg) => arg.startsWith('--'));
if (unknown) throw new Error(`unknown option ${unknown}: the options are --rounds N, --runs N and --json`);
const refs = argv.length === 0 ? ['HEAD', '.'] : argv.length === 1 ? [argv[0], '.'] : argv;

interface Variant {
	label: string;
	page: Page;
	firstChart: number[];
	fullEnsemble: number[];
}

const work = mkdtempSync(join(tmpdir(), 'levers-browser-variants-'));
const servers: { close(): Promise<void> }[] = [];
const browser = await launch();
try {
	const variants: Variant[] = [];
	for (const [n, ref] of refs.entries()) {
		const { label, buildDir } = build(ref, n);
		const server = await serveBuild(buildDir);
		servers.push(server);
		const page = await browser.context.newPage();
		await page.goto(`${server.url}/?runs=${runs}`);
		// The first load's ensemble warms the page's workers (compiled model, settled states).
		await waitForMark(page, 'levers:full-ensemble');
		variants.push({ label, page, firstChart: [], fullEnsemble: [] });
	}
	// One untimed round more, then `rounds` timed; each change moves to a value not seen yet.
	for (let round = 0; round <= rounds; round++) {
		for (const v of roundOrder(variants.length, round)) {
			const sample = await leverChange(variants[v].page, round);
			if (round > 0) {
				variants[v].firstChart.push(sample.firstChartMs);
				variants[v].fullEnsemble.push(sample.fullEnsembleMs);
			}
		}
	}
	report(variants);
} finally {
	await browser.close();
	for (const server of servers) await server.close();
	rmSync(work, { recursive: true, force: true });
}

/** Build `ref`'s site (or take the working tree's build, for `.`). */
function build(ref: string, n: number): { label: string; buildDir: string } {
	if (ref === '.') return { label: 'working tree', buildDir: join(ROOT, 'build') };
	const sha = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
	// A folder per position, so that a version may be compared with itself (an A/A check of fairness).
	const dir = join(work, `${n}-${sha}`);
	mkdirSync(dir);
	const tar = execFileSync('git', ['archive', sha], { cwd: ROOT, maxBuffer: 1 << 30 });
	execFileSync('tar', ['-x', '-C', dir], { input: tar });
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: dir, stdio: 'inherit' });
	return { label: ref === sha ? sha : `${ref} (${sha})`, buildDir: join(dir, 'build') };
}

/** Press a lever's key and time the page's answer; alternates Targets down and Mission up. */
async function leverChange(page: Page, round: number): Promise<{ firstChartMs: number; fullEnsembleMs: number }> {
	await page.bringToFront();
	await page.evaluate(() => performance.clearMarks());
	await page.getByRole('slider', { name: round % 2 === 0 ? 'Targets' : 'Mission' }).focus();
	await page.keyboard.press(round % 2 === 0 ? 'ArrowDown' : 'ArrowUp');
	await waitForMark(page, 'levers:full-ensemble');
	const sample = await page.evaluate(() => {
		const changes = performance.getEntriesByName('levers:change');
		const start = changes[changes.length - 1].startTime;
		return {
			firstChartMs: performance.getEntriesByName('levers:first-chart')[0].startTime - start,
			fullEnsembleMs: performance.getEntriesByName('levers:full-ensemble')[0].startTime - start
		};
	});
	// Let the page finish drawing before the next version's turn.
	await new Promise((resolve) => setTimeout(resolve, 300));
	return sample;
}

async function waitForMark(page: Page, name: string): Promise<void> {
	await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, { timeout: 600_000 });
}

function report(variants: Variant[]): void {
	const summaries = variants.map((v) => ({ label: v.label, firstChartMs: summarise(v.firstChart), fullEnsembleMs: summarise(v.fullEnsemble) }));
	console.log(`${runs}-run ensembles, ${rounds} lever changes per version after one warm-up, alternating; min / p25 / median ms`);
	for (const [key, title] of [
		['firstChartMs', 'lever change → first chart'],
		['fullEnsembleMs', `lever change → ${runs}-run ensemble`]
	] as const) {
		console.log(`\n${title}`);
		const base = summaries[0][key];
		for (const [v, s] of summaries.entries()) {
			const change = v === 0 ? '' : `  ${formatChange(s[key], base)}`;
			console.log(`  ${s.label.padEnd(24)} ${formatTiming(s[key]).padStart(26)}${change}`);
		}
	}
	if (json) console.log(JSON.stringify({ runs, rounds, variants: summaries.map((s) => ({ ...s, firstChartMs: rounded(s.firstChartMs), fullEnsembleMs: rounded(s.fullEnsembleMs) })) }));
}

function rounded(t: Timing): Timing {
	return { runs: t.runs, min: Math.round(t.min), p25: Math.round(t.p25), median: Math.round(t.median) };
}

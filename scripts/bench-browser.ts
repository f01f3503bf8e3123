/**
 * The workbench's speed in headless Chromium, on the built site (a benchmark, not a test).
 * Prints a table; with --json, one JSON object as the last line:
 * - firstChartMs: a lever change (a key press on the Targets slider) to the page having drawn
 *   the first run of the new ensemble: median over several changes after a warm-up; split into
 *   prepareMs (the scenario worker resolving the change: levers:requested), firstRunMs (the
 *   model worker's first run arriving: levers:first-run) and drawMs (the page drawing it);
 * - firstChartBusyMs: the same for a change made while the last change's ensemble still runs
 *   (a key press on the Mission slider 300 ms after the last one's first chart), as when a
 *   slider is being worked: the rest of that ensemble is cancelled;
 * - fullEnsembleMs: the same change to the whole 32-run ensemble drawn with its bands;
 * - firstLoadKB: gzipped JavaScript the page itself loads before its first chart (the model's
 *   workers load their own bundles beside it: workerKB);
 * - loadToFullEnsembleMs: the first page load to its whole ensemble drawn, the workers cold (in
 *   Chromium a worker's first fresh run takes about 2 s and its runs reach their steady speed
 *   only after several more, as the engine compiles the model in tiers);
 * - loadToFirstChartMs: page load to the first chart, the median of --loads page loads, each in
 *   a fresh browser profile (loadSamples: each);
 * - also the pool size, the machine's cores and the load average while measuring.
 * Times come from the page's own User Timing marks (levers:change, levers:first-chart,
 * levers:full-ensemble). Options: --json, --changes N (default 5), --runs N (default 32),
 * --loads N (default 3).
 * Run "npm run build" first (npm run bench:browser does).
 */
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { poolSizeFor } from '../src/lib/runner/pool';
import { launch, serveBuild } from '../tests/e2e/harness';

const args = process.argv.slice(2);
const json = args.includes('--json');
const option = (name: string, fallback: number) => {
	const i = args.indexOf(name);
	return i >= 0 ? Number(args[i + 1]) : fallback;
};
const changes = option('--changes', 5);
const pageLoads = option('--loads', 3);
const runs = option('--runs', 32);

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await serveBuild();
const { context, close } = await launch();
const page = await context.newPage();

// Every script the page and its workers fetch, gzipped as a static host would serve it.
const scripts: { url: string; gzipBytes: number; worker: boolean; at: number }[] = [];
let firstChartAt = Infinity;
context.on('response', async (response) => {
	const url = response.url();
	if (!url.endsWith('.js')) return;
	const at = Date.now();
	try {
		const body = await response.body();
		scripts.push({ url, gzipBytes: gzipSync(body, { level: 9 }).length, worker: url.includes('/workers/') || response.request().frame() === null, at });
	} catch {
		/* a response without a body (e.g. a redirect) weighs nothing */
	}
});

const loadStart = Date.now();
await page.goto(`${server.url}/?runs=${runs}`);
await page.waitForFunction(() => performance.getEntriesByName('levers:first-chart').length > 0, null, { timeout: 300_000 });
firstChartAt = Date.now();
await page.waitForFunction(() => performance.getEntriesByName('levers:full-ensemble').length > 0, null, { timeout: 600_000 });
const loadToFullEnsembleMs = Date.now() - loadStart;
const loadToFirstChartMs = firstChartAt - loadStart;
await new Promise((r) => setTimeout(r, 200));
// Each file once: every worker of the pool fetches the same bundle (the browser serves the rest from its cache).
const firstLoad = [...new Map(scripts.filter((s) => s.at <= firstChartAt).map((s) => [s.url, s])).values()];
const firstLoadKB = firstLoad.filter((s) => !s.worker).reduce((a, s) => a + s.gzipBytes, 0) / 1024;
const workerKB = firstLoad.filter((s) => s.worker).reduce((a, s) => a + s.gzipBytes, 0) / 1024;

const slider = page.getByRole('slider', { name: 'Targets' });
const samples: { firstChartMs: number; fullEnsembleMs: number; prepareMs: number; firstRunMs: number; drawMs: number }[] = [];
const loads: number[] = [];
// One warm-up change, then the measured ones; each moves to a value not seen yet (no cache hits).
for (let i = 0; i <= changes; i++) {
	await page.evaluate(() => performance.clearMarks());
	await slider.focus();
	await page.keyboard.press(i % 2 === 0 ? 'PageDown' : 'ArrowDown');
	await page.waitForFunction(() => performance.getEntriesByName('levers:full-ensemble').length > 0, null, { timeout: 600_000 });
	const sample = await page.evaluate(() => {
		const changes = performance.getEntriesByName('levers:change');
		const start = changes[changes.length - 1].startTime;
		const first = performance.getEntriesByName('levers:first-chart')[0].startTime;
		const full = performance.getEntriesByName('levers:full-ensemble')[0].startTime;
		// (No named helper here: the bundler would wrap it in a function the page lacks.)
		const [requested, firstRun] = ['levers:requested', 'levers:first-run'].map(
			(name) => performance.getEntriesByName(name).find((e) => e.startTime >= start)?.startTime ?? NaN
		);
		return {
			firstChartMs: first - start,
			fullEnsembleMs: full - start,
			// Where the first chart's time goes: resolving the scenario, the first run, drawing.
			prepareMs: requested - start,
			firstRunMs: firstRun - requested,
			drawMs: first - firstRun
		};
	});
	loads.push(loadavg()[0]);
	if (i > 0) samples.push(sample);
}
// Changes made while the last change's ensemble still runs, as when a slider is being worked: each
// comes 300 ms after the last one's first chart, so the rest of that ensemble is cancelled.
const mission = page.getByRole('slider', { name: 'Mission' });
await mission.focus();
const busySamples: number[] = [];
for (let i = 0; i <= changes; i++) {
	await page.evaluate(() => performance.clearMarks());
	await page.keyboard.press('ArrowUp');
	await page.waitForFunction(() => performance.getEntriesByName('levers:first-chart').length > 0, null, { timeout: 600_000 });
	const ms = await page.evaluate(() => {
		const changes = performance.getEntriesByName('levers:change');
		return performance.getEntriesByName('levers:first-chart')[0].startTime - changes[changes.length - 1].startTime;
	});
	if (i > 0) busySamples.push(ms);
	await new Promise((r) => setTimeout(r, 300));
}
const poolSize = poolSizeFor(await page.evaluate(() => navigator.hardwareConcurrency));
const cores = await page.evaluate(() => navigator.hardwareConcurrency);
await close();
// More first loads, each in a fresh browser profile (nothing cached, workers cold): one is noisy.
const loadSamples = [loadToFirstChartMs];
for (let i = 1; i < pageLoads; i++) {
	const fresh = await launch();
	const freshPage = await fresh.context.newPage();
	const t0 = Date.now();
	await freshPage.goto(`${server.url}/?runs=${runs}`);
	await freshPage.waitForFunction(() => performance.getEntriesByName('levers:first-chart').length > 0, null, { timeout: 300_000 });
	loadSamples.push(Date.now() - t0);
	await fresh.close();
}
await server.close();

const result = {
	firstChartMs: Math.round(median(samples.map((s) => s.firstChartMs))),
	fullEnsembleMs: Math.round(median(samples.map((s) => s.fullEnsembleMs))),
	prepareMs: Math.round(median(samples.map((s) => s.prepareMs))),
	firstRunMs: Math.round(median(samples.map((s) => s.firstRunMs))),
	drawMs: Math.round(median(samples.map((s) => s.drawMs))),
	firstChartBusyMs: Math.round(median(busySamples)),
	firstLoadKB: Math.round(firstLoadKB * 10) / 10,
	workerKB: Math.round(workerKB * 10) / 10,
	loadToFirstChartMs: Math.round(median(loadSamples)),
	loadSamples,
	loadToFullEnsembleMs,
	runs,
	changes: samples.length,
	poolSize,
	cores,
	loadAverage: Math.round(median(loads) * 100) / 100,
	samples: samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Math.round(v)]))),
	busySamples: busySamples.map(Math.round),
	budget: { firstChartMs: 150, fullEnsembleMs: 1500, firstLoadKB: 350 }
};

const rows: [string, string, string][] = [
	['lever change → first chart (median)', `${result.firstChartMs} ms`, '≤ 150 ms'],
	['  resolve / first run / draw (medians)', `${result.prepareMs} / ${result.firstRunMs} / ${result.drawMs} ms`, ''],
	['… made while an ensemble runs (median)', `${result.firstChartBusyMs} ms`, '≤ 150 ms'],
	[`lever change → ${runs}-run ensemble (median)`, `${result.fullEnsembleMs} ms`, '≤ 1500 ms'],
	['first-load JavaScript (page, gzip)', `${result.firstLoadKB} KB`, '≤ 350 KB'],
	['model and scenario workers (gzip)', `${result.workerKB} KB`, ''],
	[`page load → first chart (median of ${pageLoads})`, `${result.loadToFirstChartMs} ms`, ''],
	[`page load → ${runs}-run ensemble (first load)`, `${result.loadToFullEnsembleMs} ms`, ''],
	['pool', `${poolSize} worker(s) on ${cores} cores, load average ${result.loadAverage}`, '']
];
for (const [what, value, budget] of rows) console.log(`${what.padEnd(42)} ${value.padEnd(40)} ${budget}`);
if (json) console.log(JSON.stringify(result));

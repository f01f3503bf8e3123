/**
 * `npm run robustness`: validation across the plausible assumptions. Evaluates every
 * calibration target and pattern check at each point of a Latin hypercube over the weak- and
 * assumption-graded parameters, and at the calibrated assumptions on other seeds; then screens
 * the checks that hold at some points and break at others (Monte Carlo filtering, then Morris).
 * Writes docs/validation-robustness.json and refreshes its two regions of docs/validation.md
 * (npm run docs writes the same text). Points run in forked processes, one per core by default
 * (--threads N); each point's numbers do not depend on which process ran it, so the file is the
 * same with any number. About half an hour on two cores. `--report-only` rewrites the report's
 * regions from the saved file without running anything.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MODEL_VERSION } from '../src/lib/model/index';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';
import {
	candidatesFor,
	currentDesign,
	evaluatePoint,
	NOISE_SEEDS,
	SAMPLED_CHECKS,
	screenCheck,
	type RobustnessData,
	type Screen
} from '../src/lib/validation/assumption-robustness';
import { sampledParameters, samplePoints } from '../src/lib/validation/assumption-sample';
import type { FilteredParameter } from '../src/lib/validation/monte-carlo-filtering';
import { readRobustness, ROBUSTNESS_PATH, writeRobustness } from '../src/lib/validation/robustness-file';
import { robustnessSection, robustnessSummary, SECTION_REGION, spliceRegion, SUMMARY_REGION } from '../src/lib/validation/robustness-report';

type Job = { kind: 'point'; key: string; assumptions: Record<string, number>; seed: number } | { kind: 'screen'; key: string; check: string; candidates: FilteredParameter[] };
type Reply = { key: string; figures?: (number | null)[]; screen?: Screen; error?: string };

const self = fileURLToPath(import.meta.url);

if (process.argv.includes('--worker')) {
	const library = loadBuiltinScenarios();
	process.on('message', async (job: Job) => {
		try {
			if (job.kind === 'point') process.send!({ key: job.key, figures: evaluatePoint(library, job.assumptions, job.seed) } satisfies Reply);
			else {
				const check = SAMPLED_CHECKS.find((c) => c.id === job.check)!;
				process.send!({ key: job.key, screen: await screenCheck(library, check, job.candidates) } satisfies Reply);
			}
		} catch (error) {
			process.send!({ key: job.key, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply);
		}
	});
} else if (process.argv.includes('--report-only')) {
	refreshReport(readRobustness());
} else {
	await main();
}

async function main(): Promise<void> {
	const threadsAt = process.argv.indexOf('--threads');
	const threads = threadsAt > 0 ? Number(process.argv[threadsAt + 1]) : Math.min(2, availableParallelism());
	if (!Number.isInteger(threads) || threads < 1) throw new Error(`--threads must be a whole number of at least 1, not ${process.argv[threadsAt + 1]}`);
	const started = Date.now();
	const log = (message: string) => console.error(`${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s  ${message}`);

	const design = currentDesign();
	const points = samplePoints(sampledParameters(), design.points, design.designSeed);
	log(`${points.length} points over ${design.parameters.length} parameters and ${NOISE_SEEDS.length} noise seeds, ${SAMPLED_CHECKS.length} checks, ${threads} processes`);
	const results = await runAll(
		[
			...points.map((assumptions, i): Job => ({ kind: 'point', key: `p${i}`, assumptions, seed: design.seed })),
			...NOISE_SEEDS.map((seed, i): Job => ({ kind: 'point', key: `n${i}`, assumptions: {}, seed }))
		],
		threads,
		log
	);
	const sampled: Pick<RobustnessData, 'design' | 'checks' | 'figures'> = {
		design,
		checks: SAMPLED_CHECKS.map((c) => c.id),
		figures: points.map((_, i) => results.get(`p${i}`)!.figures!)
	};
	const screens = SAMPLED_CHECKS.map((c) => ({ check: c.id, candidates: candidatesFor(sampled, c.id) })).filter((s) => s.candidates.length > 0);
	log(`screening ${screens.length} checks: ${screens.map((s) => s.check).join(', ')}`);
	const screened = await runAll(
		screens.map((s): Job => ({ kind: 'screen', key: s.check, check: s.check, candidates: s.candidates })),
		threads,
		log
	);
	const data: RobustnessData = {
		modelVersion: MODEL_VERSION,
		...sampled,
		noise: NOISE_SEEDS.map((_, i) => results.get(`n${i}`)!.figures!),
		screens: Object.fromEntries(screens.map((s) => [s.check, screened.get(s.check)!.screen!]))
	};
	writeRobustness(data);
	log(`wrote ${ROBUSTNESS_PATH}`);
	refreshReport(data);
}

/** Rewrites the robustness regions of docs/validation.md from the saved data (as npm run docs would). */
function refreshReport(data: RobustnessData | undefined): void {
	const reportPath = fileURLToPath(new URL('../docs/validation.md', import.meta.url));
	let report = readFileSync(reportPath, 'utf8');
	report = spliceRegion(report, SUMMARY_REGION, robustnessSummary(data), '**Patterns the model misses**');
	report = spliceRegion(report, SECTION_REGION, robustnessSection(data), '## Lever audit');
	writeFileSync(reportPath, report);
	console.error(`refreshed ${reportPath}`);
}

/** Runs the jobs on `threads` forked processes, handing out the next job as each finishes. */
async function runAll(jobs: Job[], threads: number, log: (message: string) => void): Promise<Map<string, Reply>> {
	const results = new Map<string, Reply>();
	let next = 0;
	const workers: ChildProcess[] = [];
	await new Promise<void>((resolve, reject) => {
		const give = (worker: ChildProcess) => {
			if (next >= jobs.length) {
				worker.kill();
				if (results.size === jobs.length) resolve();
				return;
			}
			worker.send(jobs[next++]);
		};
		for (let t = 0; t < Math.min(threads, jobs.length); t++) {
			const worker = fork(self, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
			workers.push(worker);
			worker.on('message', (reply: Reply) => {
				if (reply.error) {
					workers.forEach((w) => w.kill());
					reject(new Error(`${reply.key} failed: ${reply.error}`));
					return;
				}
				results.set(reply.key, reply);
				log(`${reply.key} done (${results.size} of ${jobs.length})`);
				give(worker);
			});
			worker.on('exit', (code) => {
				if (code && results.size < jobs.length) reject(new Error(`a worker process exited with code ${code}`));
			});
			give(worker);
		}
		if (jobs.length === 0) resolve();
	});
	return results;
}

/**
 * `levers sweep <design.json>`: reads and checks the design and its base scenario, resolves
 * every point of the shard (so a bad point is refused before anything runs), then runs the
 * shard's tasks in worker threads (or this thread with --threads 0) and writes one row per
 * task, in task order, through an output file that replaces nothing until it is complete.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { MODEL_NAME, MODEL_VERSION, OUTCOMES } from '../model/index';
import { runJob } from '../runner/model-api';
import type { RunJob } from '../runner/protocol';
import { resolveScenario, type Overrides, type ResolvedScenario } from '../scenario/index';
import { scenarioFileText, toScenarioFile } from '../scenario/serialise';
import { looksLikeShareLink } from '../scenario/share-link';
import { MAX_DESIGN_BYTES, parseSweepJson, type SweepDesign } from '../sweep/design';
import { designHash } from '../sweep/design-hash';
import { expandDesign, pointOverrides, type ExpandedDesign } from '../sweep/expand';
import { formatForPath, ResultsWriter, type ResultsFormat, type RowWriter } from '../sweep/results';
import { resultColumns, runSweepShard, type SweepRun } from '../sweep/run-sweep';
import { formatShard, parseShard, shardSize, shardTasks, WHOLE, type Shard } from '../sweep/shard';
import { SweepError } from '../sweep/sweep-error';
import { defaultThreads, startModelThreads } from '../sweep/thread-pool';
import type { SweepArgs } from './args';
import { stdoutFile, type CliIo, type OutputFile } from './cli';
import { CliError } from './cli-error';
import { estimate } from './estimate';
import { formatCount, formatDuration } from './number-format';
import { selectOutcomes } from './outcome-selection';
import { Progress } from './progress';
import { resolveScenarioArgument } from './scenario-argument';

export async function sweepCommand(args: SweepArgs, io: CliIo): Promise<void> {
	const shard = args.shard === undefined ? WHOLE : parseShard(args.shard);
	if (typeof shard === 'string') throw new CliError(shard);
	const format: ResultsFormat = args.format ?? formatForPath(args.out);
	if (format === 'arrow' && !args.out) throw new CliError('--format arrow writes a binary file: give --out FILE (or --out /dev/stdout to pipe it)');
	const design = readDesign(args.design, io);
	const library = await io.library();
	// A scenario file is found beside the design, so a design and its scenario travel together.
	const looksLikeFile =
		!looksLikeShareLink(design.scenario) && (design.scenario.endsWith('.json') || design.scenario.includes('/') || design.scenario.includes('\\'));
	const scenarioArg = looksLikeFile && !isAbsolute(design.scenario) ? join(dirname(args.design), design.scenario) : design.scenario;
	const argument = resolveScenarioArgument(scenarioArg, library, io);
	for (const problem of argument.problems ?? []) io.stderr(`levers: link: ${problem}\n`);
	const settings: Overrides = { ...argument.overrides };
	if (design.months !== undefined) settings.months = design.months;
	if (design.citizens !== undefined) settings.citizens = design.citizens;
	if (design.seed !== undefined) settings.seed = design.seed;
	const base = resolveScenario(argument.file, library, settings);
	const expanded = expandDesign(design, base.seed);
	const outcomes = selectOutcomes(design.outcomes).map(({ spec, index }) => ({ id: spec.id, index }));
	const hash = designHash(design, scenarioFileText(toScenarioFile(base)), base.seed);

	const resolvePoint = (values: readonly number[]): ResolvedScenario => {
		const point = pointOverrides(expanded.columns, values);
		return resolveScenario(argument.file, library, {
			...settings,
			levers: { ...settings.levers, ...point.levers },
			assumptions: { ...settings.assumptions, ...point.assumptions }
		});
	};
	checkPoints(expanded, shard, resolvePoint);

	const run: SweepRun = {
		expanded,
		shard,
		outcomes,
		jobFor: (task, values) => {
			const r = resolvePoint(values);
			return { schedules: r.schedules, assumptions: { ...r.assumptions }, population: { ...r.population }, months: r.months, seed: task.seed, detail: false };
		}
	};
	const tasks = shardSize(shard, expanded.tasks);
	const threads = args.threads ?? defaultThreads();

	if (args.dryRun) {
		const cost = estimate(
			[
				{
					runs: tasks,
					citizens: base.population.citizens,
					simulatedMonths: base.months + Math.round(base.assumptions.spinUpMonths),
					months: base.months,
					areas: base.population.areas,
					providers: base.population.areas * base.population.providersPerArea
				}
			],
			{ format: 'json', detail: false, outcomes: [] },
			OUTCOMES.length
		);
		const about = (seconds: number) => (seconds < 0.5 ? formatDuration(seconds) : `about ${formatDuration(seconds)}`);
		// An upper bound: each run is costed with the longest spin-up, which runs often share.
		const work = `computing: at most ${about(cost.seconds)} in one thread${threads > 1 ? `, ${about(cost.seconds / threads)} with ${threads} threads` : ''}`;
		io.stdout(
			[
				`would sweep: ${base.id} (design ${hash}, model ${MODEL_NAME} ${MODEL_VERSION})`,
				`points: ${formatCount(expanded.points)} × ${formatCount(expanded.replicates)} replicates = ${formatCount(expanded.tasks)} tasks of ${base.months} months, ${formatCount(base.population.citizens)} citizens`,
				`shard ${formatShard(shard)}: ${formatCount(tasks)} tasks`,
				work,
				`output: ${format} to ${args.out ?? 'standard output'}, ${threads === 0 ? 'in this thread' : `${threads} worker thread${threads === 1 ? '' : 's'}`}`
			].join('\n') + '\n'
		);
		return;
	}

	const protect = [args.design, ...(argument.path ? [argument.path] : [])];
	const output: OutputFile = args.out
		? io.prepareOutput(args.out, { force: args.force, protect, flag: '--out' })
		: stdoutFile(io);
	const mode = args.quiet ? 'off' : io.terminal.stderr ? 'terminal' : args.progress ? 'log' : 'off';
	const progress = new Progress(io, tasks, mode);
	// No more threads than the shard has tasks.
	const pool = threads > 0 && tasks > 0 ? await startModelThreads(Math.min(threads, tasks)) : undefined;
	try {
		const write = (chunk: string | Uint8Array) => output.write(chunk);
		// apache-arrow is loaded only for Arrow output.
		const writer: RowWriter = format === 'arrow' ? new (await import('../sweep/arrow-results')).ArrowResultsWriter(write) : new ResultsWriter(format, write);
		writer.begin({ model: `${MODEL_NAME}@${MODEL_VERSION}`, design: hash, shard, tasks: expanded.tasks, columns: resultColumns(run) });
		const execute = pool?.run ?? (async (job: RunJob) => runJob(job));
		await runSweepShard(run, execute, pool ? pool.threads * 2 : 1, async (row) => {
			writer.row(row);
			progress.runDone();
			await io.pause();
		});
		writer.end();
		output.commit();
	} catch (error) {
		output.discard();
		throw error;
	} finally {
		progress.finish();
		pool?.close();
	}
}

function readDesign(path: string, io: CliIo): SweepDesign {
	let text: string;
	try {
		text = io.readFile(path, MAX_DESIGN_BYTES, 'sweep design');
	} catch (error) {
		if (error instanceof CliError) throw error;
		const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'unreadable';
		throw new CliError(`cannot read sweep design "${path}": ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'unreadable'} (${code})`);
	}
	try {
		return parseSweepJson(text);
	} catch (error) {
		if (error instanceof SweepError) throw new SweepError(`${path}: ${error.message}`);
		throw error;
	}
}

/**
 * Every point the shard runs, resolved once before the first run: a point the scenario layer
 * refuses (say, too few citizens for the posts an assumption funds) stops the sweep now, not
 * hours in.
 */
function checkPoints(expanded: ExpandedDesign, shard: Shard, resolvePoint: (values: readonly number[]) => unknown): void {
	// A shard's tasks go through the points in ascending order, so each point is checked once.
	let last = -1;
	for (const k of shardTasks(shard, expanded.tasks)) {
		const { point } = expanded.task(k);
		if (point === last) continue;
		last = point;
		const values = expanded.pointValues(point);
		try {
			resolvePoint(values);
		} catch (error) {
			const shown = expanded.columns.map((c, i) => `${c.id}=${values[i]}`).join(', ');
			throw new SweepError(`point ${point} (${shown}): ${error instanceof Error ? error.message : String(error)}`);
		}
	}
}

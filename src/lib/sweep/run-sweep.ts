/**
 * Running a shard of a sweep: its tasks in index order, each through `execute` (in this thread
 * or a pool of worker threads), rows handed on in task order however the runs finish. A row
 * is the task's identity, its point's parameter values and each outcome's final figure (the
 * mean of the run's last 12 months, whole population), as results.ts lays out.
 */
import { finalValue } from '../ensemble/index';
import type { RunOutput } from '../model/index';
import type { RunJob } from '../runner/protocol';
import type { ExpandedDesign, Task } from './expand';
import { runInOrder } from './ordered';
import type { ResultRow } from './results';
import { shardTasks, type Shard } from './shard';

export interface SweepRun {
	expanded: ExpandedDesign;
	shard: Shard;
	/** Outcomes reported, with their index in a run's series. */
	outcomes: readonly { id: string; index: number }[];
	/** The model input of one task. */
	jobFor(task: Task, values: readonly number[]): RunJob;
}

/** Column names of the results: task columns, parameters, outcomes. */
export function resultColumns(run: Pick<SweepRun, 'expanded' | 'outcomes'>): string[] {
	return ['task', 'point', 'replicate', 'seed', ...run.expanded.columns.map((c) => c.id), ...run.outcomes.map((o) => o.id)];
}

export function taskRow(task: Task, values: readonly number[], output: RunOutput, outcomes: SweepRun['outcomes']): ResultRow {
	return [task.index, task.point, task.replicate, task.seed, ...values, ...outcomes.map((o) => finalValue(output, o.index, 0))];
}

/**
 * Runs the shard's tasks, at most `window` at a time, and calls `onRow` in task order.
 * `execute` runs one job; its results may arrive in any order.
 */
export async function runSweepShard(
	run: SweepRun,
	execute: (job: RunJob) => Promise<RunOutput>,
	window: number,
	onRow: (row: ResultRow) => void | Promise<void>
): Promise<number> {
	let rows = 0;
	await runInOrder(
		shardTasks(run.shard, run.expanded.tasks),
		window,
		(k) => {
			const task = run.expanded.task(k);
			const values = run.expanded.pointValues(task.point);
			return execute(run.jobFor(task, values)).then((output) => taskRow(task, values, output, run.outcomes));
		},
		async (_k, row) => {
			rows++;
			await onRow(row);
		}
	);
	return rows;
}

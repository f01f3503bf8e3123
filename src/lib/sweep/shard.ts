/**
 * Shards: `--shard i/N` runs one deterministic slice of a sweep. Assignment is round-robin by
 * task index: task k belongs to shard k mod N (shards numbered 0 to N−1, as Slurm array ids
 * and Kubernetes completion indexes are). Every task is in exactly one shard; shard sizes
 * differ by at most one; and a point's replicates, and neighbouring points, spread across
 * shards, so a slow region of the design does not land on one machine. The merged output is
 * the tasks in index order whatever the shards.
 */

export interface Shard {
	/** 0 … count − 1. */
	index: number;
	count: number;
}

/** The whole sweep as one shard: the form of unsharded and merged output. */
export const WHOLE: Shard = { index: 0, count: 1 };

/** The most shards a sweep may be cut into. */
export const MAX_SHARDS = 1_000_000;

/** Parses "i/N"; returns an error message instead of throwing, for the caller to wrap. */
export function parseShard(text: string): Shard | string {
	const m = /^(\d+)\/(\d+)$/.exec(text.trim());
	if (!m) return `--shard must look like i/N (shard i of N, counted from 0), not "${text}"`;
	const index = Number(m[1]);
	const count = Number(m[2]);
	if (count < 1 || count > MAX_SHARDS) return `--shard ${text}: N must be from 1 to ${MAX_SHARDS.toLocaleString('en-GB')}`;
	if (index >= count) return `--shard ${text}: i counts from 0, so it must be below N (0 to ${count - 1})`;
	return { index, count };
}

export function shardOf(task: number, count: number): number {
	return task % count;
}

/** How many of `tasks` tasks shard `index` of `count` runs. */
export function shardSize(shard: Shard, tasks: number): number {
	return shard.index >= tasks ? 0 : Math.floor((tasks - 1 - shard.index) / shard.count) + 1;
}

/** The task indexes of one shard, ascending. */
export function* shardTasks(shard: Shard, tasks: number): Generator<number> {
	for (let k = shard.index; k < tasks; k += shard.count) yield k;
}

export function formatShard(shard: Shard): string {
	return `${shard.index}/${shard.count}`;
}

/**
 * A pool of model workers: tasks queue by priority, each idle worker takes the next one.
 * Cancelling a tag drops its queued tasks and settles its running ones as cancelled at once.
 * A running one's worker is either stopped (terminated; a warm spare takes its place so new work
 * starts without waiting for a worker to boot) or, with `drainMs`, asked to end the run at its
 * next pause (the model worker pauses between months) and given up to that long to do so before
 * it takes new work: a stopped worker's replacement starts cold, without the settled states the
 * old one kept, and in a browser its first run can take ten times as long as a re-run. Only a run
 * that outlasts `drainMs` is stopped. A worker that crashes or hangs is replaced and its task
 * fails with the reason.
 *
 * Each worker keeps the settled states of the replicates it has run (the model's cache of
 * settled states, one per thread), so a replicate run again after a lever change goes, among
 * the tasks of the first ensemble waiting, to the worker that ran it before when that worker is
 * free: the re-run then skips the spin-up. Which worker runs a task never changes its numbers.
 */
import { WorkerFailure, type PoolWorker } from './guarded-worker';
import type { RunJob, RunResult } from './protocol';

export class Cancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'Cancelled';
	}
}

interface Task {
	tag: string;
	priority: number;
	seq: number;
	job: RunJob;
	/** settledStateKey(job), for sending a replicate back to the worker that ran it. */
	key: string;
	timeoutMs: number;
	resolve(result: RunResult): void;
	reject(error: unknown): void;
}

export interface PoolOptions {
	/** Keep one started worker in reserve to replace a stopped one instantly (started once the pool is first idle). */
	spare?: boolean;
	/** After this many workers in a row die without finishing a task, stop replacing them. */
	maxConsecutiveDeaths?: number;
	/** Let a cancelled task's run finish for up to this many ms, keeping its worker (default 0: stop it at once). */
	drainMs?: number;
	/** Start one worker, and the others once it has finished a task, so the first run does not share the cores with workers booting. */
	rampUp?: boolean;
	/**
	 * Tasks with a priority below this number (the first run of an ensemble, which the page draws
	 * at once) run without later work beside them: while one runs, idle workers take only tasks
	 * below it too, and wait otherwise. Two runs side by side each take a third longer or more
	 * in a browser, so the first chart comes sooner while the ensemble takes about as long.
	 */
	soloBelow?: number;
}

/** Replicates whose settled states a worker is taken to keep (its cache holds about this many default runs). */
const AFFINITY_KEYS = 64;

/** What a run's settled state depends on (as the model's cache key): assumptions, population, seed. */
export function settledStateKey(job: RunJob): string {
	const { citizens, areas, providersPerArea } = job.population;
	return `${job.seed}|${citizens}|${areas}|${providersPerArea}|${JSON.stringify(job.assumptions)}`;
}

/**
 * Model workers for a page on a machine: every core of a machine with one or two (leaving one
 * idle for the page would halve the ensemble's speed there, and the page only draws, at most
 * once a frame), one fewer than the cores above that.
 */
export function poolSizeFor(hardwareConcurrency: number | undefined): number {
	const cores = Number.isFinite(hardwareConcurrency) && hardwareConcurrency! > 0 ? Math.floor(hardwareConcurrency!) : 2;
	return cores <= 2 ? cores : cores - 1;
}

export class WorkerPool {
	private readonly workers: PoolWorker[] = [];
	private readonly running = new Map<PoolWorker, Task>();
	/** Workers finishing a cancelled task, each with the timer that stops it if it takes too long. */
	private readonly draining = new Map<PoolWorker, ReturnType<typeof setTimeout>>();
	/** Keys (settledStateKey) of the replicates each worker has run, oldest first. */
	private readonly ran = new WeakMap<PoolWorker, Set<string>>();
	private queue: Task[] = [];
	private spareWorker: PoolWorker | undefined;
	private seq = 0;
	private deathsInARow = 0;
	private broken: Error | undefined;
	/** Workers started over the pool's life: a measure of churn, for tests and the benchmark. */
	started = 0;

	constructor(
		private readonly factory: () => PoolWorker,
		readonly size: number,
		private readonly options: PoolOptions = {}
	) {
		if (!Number.isInteger(size) || size < 1) throw new RangeError(`a pool needs at least one worker, not ${size}`);
		const first = options.rampUp ? 1 : size;
		for (let i = 0; i < first; i++) this.workers.push(this.spawn());
	}

	/** With rampUp, the workers not started yet start now (once a first task is done). */
	private rampUp(): void {
		while (this.workers.length < this.size && !this.broken) this.workers.push(this.spawn());
	}

	/**
	 * The spare starts once the pool is first idle (a task done, none waiting or running), so that
	 * booting it (and priming its engine: prime.ts) takes no core from the first run or the
	 * first ensemble.
	 */
	private ensureSpare(): void {
		if (this.options.spare && !this.broken && (!this.spareWorker || this.spareWorker.dead)) this.spareWorker = this.spawn();
	}

	/** Queue a task; lower priority numbers run first, equal ones in submission order. */
	submit(tag: string, priority: number, job: RunJob, timeoutMs: number): Promise<RunResult> {
		if (this.broken) return Promise.reject(this.broken);
		return new Promise<RunResult>((resolve, reject) => {
			const task: Task = { tag, priority, seq: this.seq++, job, key: settledStateKey(job), timeoutMs, resolve, reject };
			let i = this.queue.length;
			while (i > 0 && this.queue[i - 1].priority > priority) i--;
			this.queue.splice(i, 0, task);
			this.pump();
		});
	}

	/** Drop queued tasks with this tag and stop the running ones; their promises reject with Cancelled. */
	cancel(tag: string): void {
		const dropped = this.queue.filter((t) => t.tag === tag);
		this.queue = this.queue.filter((t) => t.tag !== tag);
		for (const task of dropped) task.reject(new Cancelled());
		for (const [worker, task] of [...this.running]) {
			if (task.tag !== tag) continue;
			this.running.delete(worker);
			this.drainOrStop(worker);
			task.reject(new Cancelled());
		}
		this.pump();
	}

	/** A worker whose task was cancelled: let it finish (within drainMs) or stop it now. */
	private drainOrStop(worker: PoolWorker): void {
		const drainMs = this.options.drainMs ?? 0;
		if (drainMs <= 0) {
			worker.terminate();
			this.replace(worker);
			return;
		}
		const timer = setTimeout(() => {
			if (!this.draining.delete(worker)) return;
			worker.terminate();
			this.replace(worker);
			this.pump();
		}, drainMs);
		this.draining.set(worker, timer);
		// A worker that can be interrupted ends the run at its next pause, so it is free sooner.
		worker.interrupt?.();
	}

	/** A draining worker's run has ended (its result is dropped): it takes work again, or is replaced if it died. */
	private drained(worker: PoolWorker): boolean {
		const timer = this.draining.get(worker);
		if (timer === undefined) return false;
		clearTimeout(timer);
		this.draining.delete(worker);
		if (worker.dead) this.replace(worker);
		this.pump();
		return true;
	}

	/** After workers kept failing: start afresh (the user asked to try again). */
	revive(): void {
		this.broken = undefined;
		this.deathsInARow = 0;
		for (let i = 0; i < this.workers.length; i++) if (this.workers[i].dead) this.workers[i] = this.spawn();
		if (this.spareWorker?.dead) this.spareWorker = undefined;
	}

	/** Tasks waiting and running, for progress and tests. */
	get load(): { queued: number; running: number } {
		return { queued: this.queue.length, running: this.running.size };
	}

	dispose(): void {
		for (const timer of this.draining.values()) clearTimeout(timer);
		this.draining.clear();
		for (const task of this.queue) task.reject(new Cancelled());
		this.queue = [];
		for (const worker of [...this.workers, ...(this.spareWorker ? [this.spareWorker] : [])]) worker.terminate();
		for (const task of this.running.values()) task.reject(new Cancelled());
		this.running.clear();
		this.broken = new Error('the worker pool was closed');
	}

	private spawn(): PoolWorker {
		this.started++;
		return this.factory();
	}

	private pump(): void {
		// First each idle worker takes a task of the first priority whose replicate it ran before; then
		// the idle workers left take the first tasks.
		for (const affineOnly of [true, false]) {
			for (let i = 0; i < this.workers.length; i++) {
				if (this.queue.length === 0 || this.broken) return;
				if (this.running.has(this.workers[i]) || this.draining.has(this.workers[i])) continue;
				// A worker can die while idle (say, its script fails to load): replace it before giving it work.
				while (this.workers[i].dead && !this.broken) this.lost(this.workers[i], new WorkerFailure('crashed', 'a model worker stopped before it could run'));
				const worker = this.workers[i];
				if (this.broken || worker.dead || this.running.has(worker) || this.draining.has(worker)) continue;
				const j = this.affine(worker);
				if (j >= 0) this.start(worker, this.queue.splice(j, 1)[0]);
				else if (!affineOnly && this.mayStart(this.queue[0])) this.start(worker, this.queue.shift()!);
			}
		}
	}

	/** Whether a task may start now: not while a solo task runs, unless it is one too (see soloBelow). */
	private mayStart(task: Task): boolean {
		const solo = this.options.soloBelow;
		if (solo === undefined || task.priority < solo) return true;
		for (const running of this.running.values()) if (running.priority < solo) return false;
		return true;
	}

	/**
	 * The first queued task whose replicate this worker has run (and may start), or -1: among the
	 * tasks of the first priority and, unless the first task is one to run alone, the tasks of the
	 * same ensemble (tag) as the first. Each replicate of an ensemble has a priority of its own (the
	 * scheduler runs replicate r of every purpose before r + 1 of any), so matching on priority
	 * alone sent about half of a lever change's re-runs to the worker that had not run them, where
	 * they spun up afresh: the first change after a page load took 5 s instead of 3.
	 */
	private affine(worker: PoolWorker): number {
		const ran = this.ran.get(worker);
		if (!ran || this.queue.length === 0 || !this.mayStart(this.queue[0])) return -1;
		const head = this.queue[0];
		const solo = this.options.soloBelow !== undefined && head.priority < this.options.soloBelow;
		for (let i = 0; i < this.queue.length; i++) {
			const task = this.queue[i];
			const candidate = task.priority === head.priority || (!solo && task.tag === head.tag);
			if (candidate && ran.has(task.key)) return i;
		}
		return -1;
	}

	private start(worker: PoolWorker, task: Task): void {
		this.running.set(worker, task);
		let ran = this.ran.get(worker);
		if (!ran) this.ran.set(worker, (ran = new Set()));
		ran.delete(task.key);
		ran.add(task.key);
		if (ran.size > AFFINITY_KEYS) ran.delete(ran.values().next().value!);
		worker.run(task.job, task.timeoutMs).then(
			(result) => {
				if (this.drained(worker)) return; // cancelled meanwhile: already settled
				if (this.running.get(worker) !== task) return;
				this.running.delete(worker);
				this.deathsInARow = 0;
				task.resolve(result);
				this.rampUp();
				this.pump();
				if (this.queue.length === 0 && this.running.size === 0) this.ensureSpare();
			},
			(error: unknown) => {
				if (this.drained(worker)) return;
				if (this.running.get(worker) !== task) return;
				this.running.delete(worker);
				if (worker.dead) this.lost(worker, error);
				task.reject(error);
				this.pump();
			}
		);
	}

	/** A worker died under a task: replace it, unless workers keep dying before doing anything. */
	private lost(worker: PoolWorker, error: unknown): void {
		this.deathsInARow++;
		const limit = this.options.maxConsecutiveDeaths ?? 3;
		if (this.deathsInARow >= limit) {
			const reason = error instanceof Error ? error.message : String(error);
			this.broken = new WorkerFailure('crashed', `model workers keep failing (${reason}); reload the page to try again`);
			const waiting = this.queue;
			this.queue = [];
			for (const task of waiting) task.reject(this.broken);
			return;
		}
		this.replace(worker);
	}

	private replace(worker: PoolWorker): void {
		const i = this.workers.indexOf(worker);
		if (i < 0) return;
		const spare = this.spareWorker;
		if (spare && !spare.dead) {
			this.workers[i] = spare;
			this.spareWorker = this.spawn();
		} else {
			this.workers[i] = this.spawn();
			this.spareWorker = undefined;
			this.ensureSpare();
		}
	}
}

/**
 * A model worker whose calls always settle. Comlink leaves a pending call hanging forever
 * when its worker dies (comlink issue #601), so every call here races the worker's `error`
 * event and a watchdog; on either, the worker is terminated and every pending call rejected
 * with a WorkerFailure. The pool then replaces the worker.
 */
import { wrap, type Endpoint, type Remote } from 'comlink';
import type { ModelWorkerApi, RunJob, RunResult } from './protocol';

export type FailureKind = 'crashed' | 'hung' | 'stopped';

export class WorkerFailure extends Error {
	constructor(
		readonly kind: FailureKind,
		message: string
	) {
		super(message);
		this.name = 'WorkerFailure';
	}
}

/** What the pool needs of a worker. */
export interface PoolWorker {
	run(job: RunJob, timeoutMs: number): Promise<RunResult>;
	/** Ask the running job to stop soon; its call then rejects (optional: a worker without it finishes the job). */
	interrupt?(): void;
	/** Stop the worker now; pending calls reject with a WorkerFailure of kind "stopped". */
	terminate(): void;
	readonly dead: boolean;
}

/** A started worker: the endpoint comlink talks over, and how to kill it. */
export interface SpawnedWorker {
	endpoint: Endpoint;
	terminate(): void;
}

/**
 * A comlink remote whose calls always settle: each races the worker's error events and a
 * watchdog, and a failure kills the worker and rejects every pending call.
 */
export class GuardedRemote<Api> {
	readonly remote: Remote<Api>;
	private readonly pending = new Set<(error: WorkerFailure) => void>();
	dead = false;

	constructor(
		private readonly spawned: SpawnedWorker,
		private readonly name = 'model worker'
	) {
		this.remote = wrap<Api>(spawned.endpoint);
		const crashed = (event: Event) => this.fail(new WorkerFailure('crashed', `the ${this.name} stopped: ${describeEvent(event)}`));
		spawned.endpoint.addEventListener('error', crashed as EventListener);
		spawned.endpoint.addEventListener('messageerror', crashed as EventListener);
	}

	/** Make one call through the remote; it settles within `timeoutMs` whatever the worker does. */
	call<T>(invoke: (remote: Remote<Api>) => Promise<T>, timeoutMs: number): Promise<T> {
		if (this.dead) return Promise.reject(new WorkerFailure('stopped', `the ${this.name} has stopped`));
		return new Promise<T>((resolve, reject) => {
			const settleWithFailure = (error: WorkerFailure) => {
				clearTimeout(timer);
				reject(error);
			};
			const timer = setTimeout(
				() => this.fail(new WorkerFailure('hung', `the ${this.name} gave no answer within ${Math.round(timeoutMs / 1000)} s`)),
				timeoutMs
			);
			this.pending.add(settleWithFailure);
			invoke(this.remote).then(
				(result) => {
					this.pending.delete(settleWithFailure);
					clearTimeout(timer);
					resolve(result);
				},
				(error: unknown) => {
					this.pending.delete(settleWithFailure);
					clearTimeout(timer);
					reject(error);
				}
			);
		});
	}

	terminate(): void {
		this.fail(new WorkerFailure('stopped', `the ${this.name} was stopped`));
	}

	private fail(error: WorkerFailure): void {
		if (this.dead) return;
		this.dead = true;
		this.spawned.terminate();
		const pending = [...this.pending];
		this.pending.clear();
		for (const reject of pending) reject(error);
	}
}

/** A model worker for the pool. */
export class GuardedWorker implements PoolWorker {
	private readonly guarded: GuardedRemote<ModelWorkerApi>;

	constructor(spawned: SpawnedWorker) {
		this.guarded = new GuardedRemote<ModelWorkerApi>(spawned);
	}

	get dead(): boolean {
		return this.guarded.dead;
	}

	/** Names each run, so that a stop meant for one never reaches the next. */
	private runs = 0;

	run(job: RunJob, timeoutMs: number): Promise<RunResult> {
		const id = ++this.runs;
		return this.guarded.call((remote) => remote.run(job, id) as Promise<RunResult>, timeoutMs);
	}

	interrupt(): void {
		if (this.dead) return;
		// Fire and forget: if the worker dies meanwhile, the run's own call reports it.
		this.guarded.remote.stop(this.runs).catch(() => undefined);
	}

	terminate(): void {
		this.guarded.terminate();
	}
}

function describeEvent(event: Event): string {
	const message = (event as ErrorEvent).message;
	return typeof message === 'string' && message !== '' ? message : `${event.type} event`;
}

/**
 * The runner in a browser: a pool of model workers sized to the machine, the scheduler in
 * front of it, and the scenario worker. The only module that creates Workers.
 */
import { OUTCOMES } from '../model/index';
import { GuardedRemote, GuardedWorker, WorkerFailure, type SpawnedWorker } from './guarded-worker';
import { WorkerPool, poolSizeFor } from './pool';
import type { ScenarioWorkerApi } from './scenario-api';
import { EnsembleScheduler, PRIORITY_PER_REPLICATE, type EnsembleUpdate } from './scheduler';

function spawnModelWorker(): SpawnedWorker {
	const worker = new Worker(new URL('../../../workers/model.worker.ts', import.meta.url), { type: 'module', name: 'levers-model' });
	return { endpoint: worker, terminate: () => worker.terminate() };
}

function spawnScenarioWorker(): SpawnedWorker {
	const worker = new Worker(new URL('../../../workers/scenario.worker.ts', import.meta.url), { type: 'module', name: 'levers-scenarios' });
	return { endpoint: worker, terminate: () => worker.terminate() };
}

/** The scenario worker, restarted when it dies; each call has a watchdog. */
export class ScenarioService {
	private guarded: GuardedRemote<ScenarioWorkerApi> | undefined;
	private restarts = 0;

	constructor(private readonly spawn: () => SpawnedWorker = spawnScenarioWorker) {}

	call<T>(invoke: (api: ScenarioWorkerApi) => T | Promise<T>, timeoutMs = 20_000): Promise<Awaited<T>> {
		if (!this.guarded || this.guarded.dead) {
			if (this.guarded && ++this.restarts > 3)
				return Promise.reject(new WorkerFailure('crashed', 'the scenario worker keeps failing; reload the page to try again'));
			this.guarded = new GuardedRemote<ScenarioWorkerApi>(this.spawn(), 'scenario worker');
		}
		return this.guarded.call((remote) => invoke(remote as unknown as ScenarioWorkerApi) as Promise<Awaited<T>>, timeoutMs);
	}

	dispose(): void {
		this.guarded?.terminate();
	}
}

export interface BrowserRunner {
	pool: WorkerPool;
	scheduler: EnsembleScheduler;
	scenarios: ScenarioService;
	dispose(): void;
}

/**
 * How long a replicate cancelled by a lever change may take to end (pool.ts): the model worker
 * ends it at its next pause, within about 10 ms, while a worker started afresh needs about 2 s
 * for its first run (its code not yet compiled, no settled states cached). A worker that does not
 * answer in time (a month of a very large population is longer than this) is stopped.
 */
const DRAIN_MS = 2000;

/** Purposes in the order their replicates should run when several wait. */
export const PURPOSE_RANK: Record<string, number> = { current: 0, baseline: 1, pin0: 2, pin1: 3, pin2: 4 };

export function createBrowserRunner(onUpdate: (update: EnsembleUpdate) => void): BrowserRunner {
	const size = poolSizeFor(navigator.hardwareConcurrency);
	const pool = new WorkerPool(() => new GuardedWorker(spawnModelWorker()), size, {
		spare: true,
		drainMs: DRAIN_MS,
		rampUp: true,
		// First runs (the page draws each at once) run alone.
		soloBelow: PRIORITY_PER_REPLICATE
	});
	const scheduler = new EnsembleScheduler(pool, onUpdate, {
		outcomes: OUTCOMES.length,
		coalesceMs: 80,
		cacheSize: 6,
		rank: (purpose) => PURPOSE_RANK[purpose] ?? 9
	});
	const scenarios = new ScenarioService();
	return {
		pool,
		scheduler,
		scenarios,
		dispose() {
			pool.dispose();
			scenarios.dispose();
		}
	};
}

/**
 * The runner in a browser: a pool of model workers sized to the machine, the scheduler in
 * front of it, and the scenario worker. The only module that creates Workers.
 */
import { OUTCOMES } from '../model/index';
import { GuardedRemote, GuardedWorker, WorkerFailure, type SpawnedWorker } from './guarded-worker';
import { WorkerPool, poolSizeFor } from './pool';
import type { ScenarioWorkerApi } from './scenario-api';
import { EnsembleScheduler, type EnsembleUpdate } from './scheduler';

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
 * How long a replicate cancelled by a lever change may run on (pool.ts): a re-run takes about
 * 0.2 s here and a fresh run about 0.4 s, while a worker started afresh needs about 2 s for its
 * first run (its code not yet compiled, no settled states cached). Longer runs (a big population)
 * are stopped.
 */
const DRAIN_MS = 2000;

/** Purposes in the order their replicates should run when several wait. */
export const PURPOSE_RANK: Record<string, number> = { current: 0, baseline: 1, pin0: 2, pin1: 3, pin2: 4 };

export function createBrowserRunner(onUpdate: (update: EnsembleUpdate) => void): BrowserRunner {
	const size = poolSizeFor(navigator.hardwareConcurrency);
	const pool = new WorkerPool(() => new GuardedWorker(spawnModelWorker()), size, { spare: true, drainMs: DRAIN_MS, rampUp: true });
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

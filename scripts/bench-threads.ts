/**
 * Ensembles on Node worker threads for the benchmark: the browser's pool (WorkerPool, with
 * GuardedWorker and comlink) over `worker_threads` instead of Web Workers. The worker is bundled
 * with esbuild first, as the browser's is by Vite, so threads start as they would on the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { replicateSeed } from '../src/lib/model/index';
import { GuardedWorker } from '../src/lib/runner/guarded-worker';
import { nodeEndpoint, type NodePort } from '../src/lib/runner/node-endpoint';
import { WorkerPool } from '../src/lib/runner/pool';
import type { RunJob } from '../src/lib/runner/protocol';

const ENTRY = fileURLToPath(new URL('../workers/model.node-worker.ts', import.meta.url));

export interface ThreadPool {
	/** Run `runs` replicates of `job` from `baseSeed` on the pool; resolves with the wall time in ms. */
	ensemble(job: Omit<RunJob, 'seed'>, runs: number, baseSeed: number): Promise<number>;
	close(): void;
}

/** `prime: false` starts threads that skip priming their engine (runner/prime.ts), to measure what it buys. */
export async function startThreadPool(threads: number, { prime = true } = {}): Promise<ThreadPool> {
	const { build } = await import('esbuild');
	const dir = mkdtempSync(join(tmpdir(), 'levers-bench-worker-'));
	const bundle = join(dir, 'model.node-worker.mjs');
	await build({ entryPoints: [ENTRY], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error' });
	const spawn = () => {
		const worker = new Worker(bundle, { workerData: { prime } });
		return new GuardedWorker({ endpoint: nodeEndpoint(worker as unknown as NodePort), terminate: () => void worker.terminate() });
	};
	const pool = new WorkerPool(spawn, threads);
	return {
		async ensemble(job, runs, baseSeed) {
			const t0 = performance.now();
			await Promise.all(
				Array.from({ length: runs }, (_, r) => pool.submit('bench', 0, { ...job, seed: replicateSeed(baseSeed, r) }, 600_000))
			);
			return performance.now() - t0;
		},
		close() {
			pool.dispose();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

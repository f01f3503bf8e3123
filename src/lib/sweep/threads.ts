/**
 * Model runs in Node worker threads, for `levers sweep`: a PoolWorker (runner/pool.ts) over a
 * `worker_threads` Worker, and the worker's side, which runs one RunJob at a time exactly as
 * the browser's model worker does (runner/model-api.ts) and hands the series back without
 * copying. Node only.
 *
 * The worker loads this very module: from the bundled command line that is the chunk this
 * module was bundled into; from the TypeScript sources (tests, the tsx fallback) it registers
 * tsx first. Loaded in a thread started here, the module answers jobs; anywhere else, loading
 * it does nothing.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { WorkerFailure, type PoolWorker } from '../runner/guarded-worker';
import { runJob } from '../runner/model-api';
import { resultBuffers, type RunJob, type RunResult } from '../runner/protocol';

const MARK = 'levers-sweep-worker';

type Reply = { id: number; result: RunResult } | { id: number; error: string };

// The worker's side: run each job and send back its output, transferring the buffers.
if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === MARK) {
	const port = parentPort;
	port.on('message', ({ id, job }: { id: number; job: RunJob }) => {
		let reply: Reply;
		try {
			reply = { id, result: runJob(job) };
		} catch (error) {
			port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies Reply);
			return;
		}
		port.postMessage(reply, resultBuffers((reply as { result: RunResult }).result));
	});
}

/** Starts this module in a worker thread (through tsx when it is TypeScript source). */
function startWorker(): Worker {
	const url = import.meta.url;
	if (!/\.ts$/.test(new URL(url).pathname)) return new Worker(new URL(url), { workerData: { mark: MARK } });
	// tsx's ESM API, found from here so the worker need not resolve packages itself.
	const tsx = createRequire(url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
	const boot = `const { workerData } = require('node:worker_threads');
(async () => { const { register } = await import(workerData.tsx); register(); await import(workerData.url); })()
	.catch((error) => { setImmediate(() => { throw error; }); });`;
	return new Worker(boot, { eval: true, workerData: { mark: MARK, tsx: pathToFileURL(tsx).href, url } });
}

/** A model worker thread for the pool: one job at a time; a crash fails its job and marks it dead. */
export class ThreadWorker implements PoolWorker {
	private readonly worker = startWorker();
	private nextId = 0;
	private pending: { id: number; resolve(r: RunResult): void; reject(e: unknown): void; timer: ReturnType<typeof setTimeout> } | undefined;
	dead = false;

	constructor() {
		this.worker.on('message', (reply: Reply) => {
			const p = this.pending;
			if (!p || p.id !== reply.id) return;
			this.pending = undefined;
			clearTimeout(p.timer);
			if ('error' in reply) p.reject(new Error(reply.error));
			else p.resolve(reply.result);
		});
		this.worker.on('error', (error) => this.fail(new WorkerFailure('crashed', `a model thread stopped: ${error.message}`)));
		this.worker.on('exit', (code) => this.fail(new WorkerFailure('crashed', `a model thread exited (code ${code})`)));
		// An idle thread must not keep the process alive.
		this.worker.unref();
	}

	run(job: RunJob, timeoutMs: number): Promise<RunResult> {
		if (this.dead) return Promise.reject(new WorkerFailure('stopped', 'the model thread has stopped'));
		if (this.pending) return Promise.reject(new Error('a model thread runs one job at a time'));
		return new Promise<RunResult>((resolve, reject) => {
			const id = this.nextId++;
			const timer = setTimeout(() => this.fail(new WorkerFailure('hung', `a model thread gave no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
			this.pending = { id, resolve, reject, timer };
			this.worker.ref();
			this.worker.postMessage({ id, job });
		}).finally(() => {
			if (!this.dead) this.worker.unref();
		});
	}

	terminate(): void {
		this.fail(new WorkerFailure('stopped', 'the model thread was stopped'));
	}

	private fail(error: WorkerFailure): void {
		if (this.dead) return;
		this.dead = true;
		void this.worker.terminate();
		const p = this.pending;
		this.pending = undefined;
		if (p) {
			clearTimeout(p.timer);
			p.reject(error);
		}
	}
}

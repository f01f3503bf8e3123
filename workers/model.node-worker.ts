// The model worker under Node (worker_threads): the same API as the browser's model worker.
import { parentPort, workerData } from 'node:worker_threads';
import { expose } from 'comlink';
import { modelApi } from '../src/lib/runner/model-api';
import { nodeEndpoint } from '../src/lib/runner/node-endpoint';
import { primeEngine } from '../src/lib/runner/prime';

if (!parentPort) throw new Error('model.node-worker runs only as a worker thread');
expose(modelApi, nodeEndpoint(parentPort as unknown as import('../src/lib/runner/node-endpoint').NodePort));
// Before the first job is read (prime.ts says why); the benchmark measures a thread without it.
if ((workerData as { prime?: boolean } | undefined)?.prime !== false) primeEngine();

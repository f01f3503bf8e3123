/**
 * How much a piece of code allocates on the JavaScript heap, by V8's sampling heap profiler with
 * collected objects counted (a benchmark helper, not a test). The architecture's budget is that
 * the model's inner loops allocate nothing; a run's results are its only necessary allocation.
 * Sampling gives an estimate: one sample per `intervalBytes` allocated on average.
 *
 * What allocates depends on what the engine inlines, which depends on how the code is packaged:
 * the same re-run allocated about 68 MB as the separate modules tsx loads and about 19 MB as one
 * bundle. The workers and the command line run bundles, so `bundledModel` builds one to measure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PluginBuild } from 'esbuild';
import type * as Model from '../src/lib/model/index';
import { compileKernels, generatedSource } from './build-kernels';

/** The model bundled with esbuild (installed with tsx), as the workers and the command line run it. */
export async function bundledModel(): Promise<typeof Model> {
	return (await bundledModelWithSource()).model;
}

/** The bundled model and the bundle's text (to show the lines a profile samples). */
export async function bundledModelWithSource(options: { namedKernels?: boolean } = {}): Promise<{ model: typeof Model; source: string }> {
	const { build } = await import('esbuild');
	const dir = mkdtempSync(join(tmpdir(), 'levers-bench-'));
	const outfile = join(dir, 'model.mjs');
	try {
		const entry = fileURLToPath(new URL('../src/lib/model/index.ts', import.meta.url));
		// With named kernels, the bundle's kernels.generated.ts holds the same module with a name section.
		const named = options.namedKernels ? generatedSource(await compileKernels(true)) : undefined;
		const plugins = named
			? [{ name: 'named-kernels', setup: (b: PluginBuild) => b.onLoad({ filter: /kernels\.generated\.ts$/ }, () => ({ contents: named, loader: 'ts' as const })) }]
			: [];
		await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'error', plugins });
		const source = readFileSync(outfile, 'utf8');
		return { model: (await import(pathToFileURL(outfile).href)) as typeof Model, source };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export interface AllocationReport {
	/** Megabytes allocated per call of `run`, estimated. */
	mbPerRun: number;
	/** The largest sources, as "caller > function", in megabytes per call. */
	top: { site: string; mbPerRun: number }[];
}

interface ProfileNode {
	callFrame: { functionName: string };
	selfSize: number;
	children: ProfileNode[];
}

export async function allocationPerRun(run: () => void, runs: number, intervalBytes = 4096): Promise<AllocationReport> {
	const session = new Session();
	session.connect();
	try {
		await session.post('HeapProfiler.enable');
		// The two include flags count what the garbage collector has already reclaimed: in a hot
		// loop that is almost everything (boxed numbers), which a plain sample would miss.
		await session.post('HeapProfiler.startSampling', {
			samplingInterval: intervalBytes,
			includeObjectsCollectedByMinorGC: true,
			includeObjectsCollectedByMajorGC: true
		} as { samplingInterval: number });
		for (let r = 0; r < runs; r++) run();
		const { profile } = await session.post('HeapProfiler.stopSampling');
		const bySite = new Map<string, number>();
		let total = 0;
		const walk = (node: ProfileNode, caller: string) => {
			const name = node.callFrame.functionName || '(anonymous)';
			if (node.selfSize > 0) {
				const site = `${caller} > ${name}`;
				bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
				total += node.selfSize;
			}
			for (const child of node.children) walk(child, name);
		};
		walk(profile.head as unknown as ProfileNode, '(root)');
		const perRun = (bytes: number) => bytes / runs / 1e6;
		const top = [...bySite]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 5)
			.map(([site, bytes]) => ({ site, mbPerRun: perRun(bytes) }));
		return { mbPerRun: perRun(total), top };
	} finally {
		await session.post('HeapProfiler.disable').catch(() => {});
		session.disconnect();
	}
}

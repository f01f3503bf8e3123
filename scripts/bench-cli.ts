/**
 * Start-up of the `levers` command (a benchmark, not a test): the median wall time of
 * `levers --help` and `levers list` in fresh processes, after one warm-up that makes sure the
 * bundle is built. Used by bench.ts.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function cliStartupMs(args: string[], repeats = 7): number {
	const once = () => {
		const t0 = performance.now();
		const result = spawnSync(process.execPath, ['bin/levers.mjs', ...args], { cwd: ROOT, stdio: 'ignore' });
		if (result.status !== 0) throw new Error(`levers ${args.join(' ')} exited ${result.status}`);
		return performance.now() - t0;
	};
	once();
	const times = Array.from({ length: repeats }, once).sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lineTicks, selfTimeByFunction, type CpuProfile } from '../scripts/profile-summary';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * A profile made by hand: the model's stepA (three samples, at two lines) and stepB (one), the
 * engine idle (two) and collecting (one), and the profiler's own work (three: node:inspector's
 * post and what it called). Each sample is 1 ms.
 */
function handMadeProfile(): CpuProfile {
	const frame = (functionName: string, url: string, lineNumber: number) => ({ functionName, url, lineNumber });
	return {
		nodes: [
			{ id: 1, callFrame: frame('(root)', '', -1), children: [2, 3, 4, 5, 6] },
			{ id: 2, callFrame: frame('stepA', 'file:///tmp/x/model.mjs', 9), positionTicks: [{ line: 10, ticks: 2 }, { line: 12, ticks: 1 }] },
			{ id: 3, callFrame: frame('stepB', 'file:///tmp/x/model.mjs', 40) },
			{ id: 4, callFrame: frame('(idle)', '', -1) },
			{ id: 5, callFrame: frame('(garbage collector)', '', -1) },
			{ id: 6, callFrame: frame('post', 'node:inspector', 80), children: [7] },
			{ id: 7, callFrame: frame('dispatch', '', -1), positionTicks: [{ line: 1, ticks: 2 }] }
		],
		samples: [2, 4, 2, 3, 2, 4, 5, 6, 7, 7],
		timeDeltas: new Array(10).fill(1000)
	};
}

describe('selfTimeByFunction', () => {
	it('shares the working samples out by function, leaving out idle time and the profiler’s own work', () => {
		const rows = selfTimeByFunction(handMadeProfile());
		expect(rows.map((r) => r.name)).toEqual(['stepA model.mjs:10', 'stepB model.mjs:41', '(garbage collector)']);
		expect(rows.map((r) => r.ms)).toEqual([3, 1, 1]);
		expect(rows.map((r) => r.share)).toEqual([0.6, 0.2, 0.2]);
	});

	it('names a compiled kernel\'s function by its AssemblyScript file, and marks an unnamed one as compiled', () => {
		const frame = (functionName: string) => ({ functionName, url: 'wasm://wasm/00011d8e', lineNumber: 0 });
		const profile: CpuProfile = {
			nodes: [
				{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 3] },
				{ id: 2, callFrame: frame('src/lib/model/assembly/service/serveCase') },
				{ id: 3, callFrame: frame('wasm-function[12]') }
			],
			samples: [2, 2, 3],
			timeDeltas: [1000, 1000, 1000]
		};
		expect(selfTimeByFunction(profile).map((r) => r.name)).toEqual(['serveCase (assembly/service.ts)', 'wasm-function[12] (wasm)']);
	});

	it('gives nothing for a profile with no samples', () => {
		expect(selfTimeByFunction({ nodes: [], samples: [], timeDeltas: [] })).toEqual([]);
	});
});

describe('lineTicks', () => {
	it('shares a function’s ticks out by line, in line order', () => {
		expect(lineTicks(handMadeProfile(), 'stepA')).toEqual([
			{ line: 10, ticks: 2, share: 2 / 3 },
			{ line: 12, ticks: 1, share: 1 / 3 }
		]);
		expect(lineTicks(handMadeProfile(), 'noSuchFunction')).toEqual([]);
	});
});

describe('npm run bench:profile', () => {
	it.each([
		[['--citizens', 'many'], '--citizens needs a whole number from 1000 to 2000000, not "many"'],
		[['--runs', '0'], '--runs needs a whole number from 1 to 1000, not "0"'],
		[['--lines'], '--lines needs function names'],
		[['--fast'], 'unknown option "--fast"']
	])('refuses %j with a message saying what is wrong, and runs nothing', (args, message) => {
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-profile.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
		expect(result.status).toBe(2);
		expect(result.stderr).toContain(message);
		expect(result.stderr).toContain('usage: npm run bench:profile');
		expect(result.stdout).toBe('');
	});
});

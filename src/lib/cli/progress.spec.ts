import { describe, expect, test } from 'vitest';
import { Progress } from './progress';
import { cli } from './spec-io';

/** A clock that moves `step` milliseconds each time it is read. */
function steppingClock(step: number) {
	let t = 0;
	return () => (t += step);
}

describe('Progress', () => {
	test('says nothing in the first second, then rewrites one terminal line with runs done and time left', () => {
		let text = '';
		const progress = new Progress({ stderr: (s) => (text += s), now: steppingClock(300) }, 10, 'terminal');
		progress.runDone(); // 600 ms in: quiet
		expect(text).toBe('');
		for (let i = 0; i < 5; i++) progress.runDone();
		expect(text).toMatch(/^\rlevers: \d of 10 runs, \d+ s so far, about \d+ s left\x1b\[K/);
		expect(text).not.toContain('\n');
		progress.finish();
		expect(text.endsWith('\r\x1b[K')).toBe(true);
	});

	test('as a log (--progress without a terminal) writes whole lines, at most every five seconds', () => {
		const lines: string[] = [];
		const progress = new Progress({ stderr: (s) => lines.push(s), now: steppingClock(1000) }, 100, 'log');
		for (let i = 0; i < 20; i++) progress.runDone();
		expect(lines.length).toBeGreaterThanOrEqual(3);
		expect(lines.length).toBeLessThanOrEqual(5);
		for (const line of lines) expect(line).toMatch(/^levers: \d+ of 100 runs, .* left\n$/);
		progress.finish();
		expect(lines.at(-1)).toMatch(/left\n$/);
	});

	test('off writes nothing, and the last run writes nothing either', () => {
		let text = '';
		const off = new Progress({ stderr: (s) => (text += s), now: steppingClock(5000) }, 3, 'off');
		for (let i = 0; i < 3; i++) off.runDone();
		const done = new Progress({ stderr: (s) => (text += s), now: steppingClock(5000) }, 1, 'terminal');
		done.runDone();
		expect(text).toBe('');
	});
});

describe('the progress line of levers run', () => {
	const argv = ['run', 'baseline-england-2023', '--citizens', '4000', '--months', '12', '--runs', '4', '--format', 'csv'];

	test('shows on a terminal for runs longer than a second', async () => {
		const result = await cli(argv, { terminal: { stderr: true }, clock: steppingClock(700) });
		expect(result.code).toBe(0);
		expect(result.stderr).toMatch(/\rlevers: \d of 4 runs, .* left\x1b\[K/);
		expect(result.stderr.endsWith('\r\x1b[K')).toBe(true);
	});

	test('is silent with --quiet, and when standard error is not a terminal unless --progress asks', async () => {
		expect((await cli([...argv, '--quiet'], { terminal: { stderr: true }, clock: steppingClock(700) })).stderr).toBe('');
		expect((await cli(argv, { clock: steppingClock(700) })).stderr).toBe('');
		const logged = await cli([...argv, '--progress'], { clock: steppingClock(3000) });
		expect(logged.stderr).toMatch(/^levers: \d of 4 runs, .* left\n/);
	});
});

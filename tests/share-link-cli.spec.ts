/** `levers run '<link>'`: a share link runs exactly what its scenario plus changes would. */
import { describe, expect, test } from 'vitest';
import { runCli, type CliIo } from '../src/lib/cli/cli';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';

const library = loadBuiltinScenarios();

function cli(args: string[]) {
	let stdout = '';
	let stderr = '';
	const io: CliIo = {
		stdout: (t) => void (stdout += t),
		stderr: (t) => void (stderr += t),
		readFile: () => {
			throw new Error('no files here');
		},
		openOutput: () => ({ write: (chunk) => void (stdout += chunk), close: () => {} }),
		library: () => library
	};
	return { status: runCli(args, io), stdout, stderr };
}

describe('levers run with a share link', () => {
	test('gives byte-identical output to the same scenario with the same --set changes', () => {
		const link = 'http://localhost:5173/?v=0&s=social-rd&tg=0.25&pv=t+%3C+12+%3F+0.05+:+0.2&fundingGrowth=0.01&runs=2&months=24&citizens=4000&tab=workforce';
		const viaLink = cli(['run', link]);
		const viaSet = cli([
			'run', 'social-rd', '--set', 'targets=0.25', '--set', 'prevention=t < 12 ? 0.05 : 0.2', '--set', 'fundingGrowth=0.01',
			'--runs', '2', '--months', '24', '--citizens', '4000'
		]);
		expect(viaSet.status).toBe(0);
		expect(viaLink.status).toBe(0);
		expect(viaLink.stdout).toBe(viaSet.stdout);
		// The old version is named on stderr, and nothing else.
		expect(viaLink.stderr).toMatch(/^levers: link: the link was made with model version "0"[^\n]*\n$/);
	});

	test('names what it cannot use on stderr and runs the rest; --set still applies on top', () => {
		const r = cli(['run', '?s=social-rd&tg=7&zz=1&runs=1&months=12&citizens=4000', '--set', 'audit=0.9']);
		expect(r.status).toBe(0);
		expect(r.stderr).toMatch(/levers\.targets = 7 is outside 0–1; it was ignored/);
		expect(r.stderr).toMatch(/unknown setting "zz"/);
		const out = JSON.parse(r.stdout);
		expect(out.scenario.id).toBe('social-rd');
		expect(out.scenario.levers.audit).toBe(0.9);
		expect(out.scenario.levers.targets).toBe(library.get('social-rd')!.levers?.targets ?? 0.6);
	});
});

/** `levers run '<link>'`: a share link runs exactly what its scenario plus changes would. */
import { describe, expect, test } from 'vitest';
import { cli } from '../src/lib/cli/spec-io';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';

const library = loadBuiltinScenarios();

describe('levers run with a share link', () => {
	test('gives byte-identical numbers to the same scenario with the same --set changes', async () => {
		const link = 'http://localhost:5173/?v=0&s=social-rd&tg=0.25&pv=t+%3C+12+%3F+0.05+:+0.2&fundingGrowth=0.01&runs=2&months=24&citizens=4000&tab=workforce';
		const viaLink = await cli(['run', link, '--format', 'json']);
		const viaSet = await cli([
			'run', 'social-rd', '--set', 'targets=0.25', '--set', 'prevention=t < 12 ? 0.05 : 0.2', '--set', 'fundingGrowth=0.01',
			'--runs', '2', '--months', '24', '--citizens', '4000', '--format', 'json'
		]);
		expect(viaSet.code).toBe(0);
		expect(viaLink.code).toBe(0);
		const a = JSON.parse(viaLink.stdout);
		const b = JSON.parse(viaSet.stdout);
		expect(a.outcomes).toEqual(b.outcomes);
		expect(a.final).toEqual(b.final);
		expect(a.scenario).toEqual(b.scenario);
		// The old version is named on stderr.
		expect(viaLink.stderr).toMatch(/levers: link: the link was made with model version "0"/);
	});

	test('names what it cannot use on stderr and runs the rest; --set still applies on top', async () => {
		const r = await cli(['run', '?s=social-rd&tg=7&zz=1&runs=1&months=12&citizens=4000', '--set', 'audit=0.9', '--format', 'json']);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/levers\.targets = 7 is outside 0–1; it was ignored/);
		expect(r.stderr).toMatch(/unknown setting "zz"/);
		const out = JSON.parse(r.stdout);
		expect(out.scenario.levers.audit).toBe(0.9);
		expect(out.scenario.levers.targets).toBe(library.get('social-rd')!.levers?.targets ?? 0.6);
	});
});

import { describe, expect, test } from 'vitest';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import { BUILTIN_SCENARIO_DATA } from '../scenario/builtin-browser';
import { resolveScenario } from '../scenario/index';
import { createScenarioApi } from './scenario-api';

const library = loadBuiltinScenarios();
const api = createScenarioApi([...library.values()]);

describe('scenario worker API', () => {
	test('the browser bundle holds the same built-in scenarios as the scenarios/ folder', () => {
		expect(BUILTIN_SCENARIO_DATA.map((d) => (d as { id: string }).id).sort()).toEqual([...library.keys()].sort());
	});

	test('library: the baseline first, each scenario with what it changes from the baseline', () => {
		const info = api.library();
		expect(info.baselineId).toBe('baseline-england-2023');
		expect(api.baselineId()).toBe(info.baselineId);
		expect(info.entries[0].id).toBe('baseline-england-2023');
		expect(info.entries[0].changes).toEqual([]);
		expect(info.entries).toHaveLength(library.size);
		// Each entry lists exactly the levers and assumptions whose resolved value differs from the baseline's.
		const base = resolveScenario(library.get(info.baselineId)!, library);
		for (const entry of info.entries) {
			const s = resolveScenario(library.get(entry.id)!, library);
			const want = [
				...Object.keys(s.levers).filter((id) => s.levers[id as keyof typeof s.levers] !== base.levers[id as keyof typeof base.levers]),
				...Object.keys(s.assumptions).filter((id) => s.assumptions[id as keyof typeof s.assumptions] !== base.assumptions[id as keyof typeof base.assumptions])
			];
			expect(entry.changes.map((c) => c.id).sort(), entry.id).toEqual(want.sort());
			for (const c of entry.changes) expect(c.from).not.toEqual(c.to);
		}
		const tt = info.entries.find((e) => e.id === 'targets-and-terror')!;
		expect(tt.changes.some((c) => c.kind === 'lever' && c.id === 'targets')).toBe(true);
		expect(tt.sources.length).toBeGreaterThan(0);
	});

	test('a broken built-in file is named and left out, not fatal', () => {
		const info = createScenarioApi([...library.values(), { schema: 'levers-scenario', version: 1, id: 'Bad Id' }]).library();
		expect(info.entries).toHaveLength(library.size);
		expect(info.problems[0]).toMatch(/Bad Id/);
	});

	test('prepare resolves exactly as the scenario layer does, with a key that changes when the inputs do', () => {
		const a = api.prepare('wigan-deal', { levers: { targets: 0.3 }, runs: 4 });
		if (!a.ok) throw new Error(a.error);
		const want = resolveScenario(library.get('wigan-deal')!, library, { levers: { targets: 0.3 }, runs: 4 });
		expect(a.settings.runs).toBe(4);
		expect(a.settings.levers).toEqual(want.levers);
		for (const [id, schedule] of Object.entries(want.schedules)) expect(Array.from(a.schedules[id])).toEqual(Array.from(schedule));
		const same = api.prepare('wigan-deal', { levers: { targets: 0.3 }, runs: 4 });
		const other = api.prepare('wigan-deal', { levers: { targets: 0.31 }, runs: 4 });
		expect(same.ok && same.key).toBe(a.key);
		expect(other.ok && other.key).not.toBe(a.key);
	});

	test('prepare reports bad input as a message', () => {
		expect(api.prepare('nope', {})).toEqual({ ok: false, error: 'there is no scenario "nope"' });
		const bad = api.prepare('social-rd', { levers: { targets: 2 } });
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.error).toMatch(/outside 0–1/);
	});

	test('checkLever: a valid schedule gives its values by month; a bad one a plain message', () => {
		const ok = api.checkLever('baseline-england-2023', 'targets', 't < 12 ? 0.9 : 0.2', 24);
		expect(ok).toEqual({ ok: true, values: [...Array(12).fill(0.9), ...Array(12).fill(0.2)] });
		const bad = api.checkLever('baseline-england-2023', 'targets', 'sin(', 24);
		expect(bad.ok).toBe(false);
		const outside = api.checkLever('baseline-england-2023', 'targets', 't / 10', 24);
		expect(!outside.ok && outside.error).toMatch(/gives 1\.1 at month 11, outside 0–1/);
		expect(!outside.ok && outside.error).not.toMatch(/^scenario/);
	});
});

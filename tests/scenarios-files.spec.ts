/** The built-in scenarios in scenarios/: each loads, resolves and encodes what it says. */
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LEVERS, defaultAssumptions, defaultLevers, type LeverId } from '../src/lib/model/index';
import { BUILTIN_SCENARIO_DIR, loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';
import { resolveScenario, type ResolvedScenario } from '../src/lib/scenario/index';

const IDS = [
	'baseline-england-2023',
	'devolution-without-learning',
	'five-step-playbook',
	'liberated-public-services',
	'quasi-markets',
	'social-rd',
	'targets-and-terror',
	'targets-and-terror-2000s-context',
	'targets-removed-without-capacity',
	'wigan-deal'
];

const library = loadBuiltinScenarios();
const resolved = new Map<string, ResolvedScenario>([...library].map(([id, f]) => [id, resolveScenario(f, library)]));
const get = (id: string) => resolved.get(id)!;
const D = defaultLevers();

/** Expects the lever's schedule to equal `expected(t)` at every month. */
function follows(id: string, lever: LeverId, expected: (t: number) => number) {
	const s = get(id).schedules[lever];
	for (let t = 0; t < s.length; t++) expect(s[t], `${id} ${lever} at month ${t}`).toBeCloseTo(expected(t), 12);
}
const ramp = (from: number, to: number, months: number, start = 0) => (t: number) =>
	from + (to - from) * Math.min(1, Math.max(0, (t - start) / months));
const constant = (v: number) => () => v;

describe('every built-in scenario', () => {
	test('the folder holds exactly the ten scenarios, named by id', () => {
		expect(readdirSync(BUILTIN_SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(IDS.map((id) => `${id}.json`).sort());
		expect([...library.keys()].sort()).toEqual(IDS);
	});

	test.each(IDS)('%s loads and resolves with sources, title and description', (id) => {
		const f = library.get(id)!;
		const r = get(id);
		expect(r.months).toBe(120);
		expect(r.runs).toBe(16);
		expect(Number.isInteger(f.seed)).toBe(true);
		expect(f.title.length).toBeGreaterThan(5);
		expect(f.description?.length ?? 0).toBeGreaterThan(20);
		expect(f.description?.length ?? 0).toBeLessThan(400);
		expect(f.sources?.length ?? 0).toBeGreaterThan(0);
		for (const s of f.sources ?? []) {
			expect(s.publication).toMatch(/\(\d{4}\)/); // author (year), title
			expect(s.publication).not.toMatch(/\.(pdf|md|txt|json|html?|docx?)\b/i); // publications, not file names
			expect(s.sections.trim().length).toBeGreaterThan(1);
		}
		for (const lever of LEVERS) {
			const s = r.schedules[lever.id];
			expect(s.length).toBe(r.months);
			for (const v of s) {
				expect(v).toBeGreaterThanOrEqual(lever.min);
				expect(v).toBeLessThanOrEqual(lever.max);
			}
		}
	});

	test('all extend the baseline, except the baseline (the 2000s context through targets and terror)', () => {
		for (const id of IDS) {
			if (id === 'baseline-england-2023') expect(library.get(id)!.extends).toBeUndefined();
			else if (id === 'targets-and-terror-2000s-context') expect(get(id).chain).toEqual([id, 'targets-and-terror', 'baseline-england-2023']);
			else expect(get(id).chain).toEqual([id, 'baseline-england-2023']);
		}
	});

	test('scenarios change levers only, unless their description names each assumption they change and says so', () => {
		for (const id of IDS) {
			const changed = Object.keys(library.get(id)!.assumptions ?? {});
			if (changed.length === 0) continue;
			const description = library.get(id)!.description ?? '';
			expect(description, id).toMatch(/changes assumptions/);
			for (const a of changed) expect(description, `${id} names ${a}`).toContain(a);
		}
		const withContext = IDS.filter((id) => Object.keys(library.get(id)!.assumptions ?? {}).length > 0);
		expect(withContext).toEqual(['targets-and-terror-2000s-context']);
	});

	test('seeds differ between scenarios', () => {
		const seeds = IDS.map((id) => get(id).seed);
		expect(new Set(seeds).size).toBe(seeds.length);
	});
});

describe('what each scenario encodes', () => {
	test('baseline: the registry defaults', () => {
		const r = get('baseline-england-2023');
		expect(r.levers).toEqual(D);
		expect(r.assumptions).toEqual(defaultAssumptions());
		expect(r.population).toEqual({ citizens: 20000, areas: 12, providersPerArea: 3 });
		for (const lever of LEVERS) follows('baseline-england-2023', lever.id, constant(lever.default));
		expect(r.sources[0].sections).toContain('Box 2.2');
	});

	test('targets and terror', () => {
		const r = get('targets-and-terror');
		const expected = { targets: 0.9, inspection: 0.9, audit: 0.2, performancePay: 0.2, choice: 0.3, competition: 0.2, efficiency: 0.1, mission: 0.1, autonomy: 0.2 };
		for (const [lever, v] of Object.entries(expected)) follows('targets-and-terror', lever as LeverId, constant(v));
		follows('targets-and-terror', 'devolution', constant(D.devolution));
		expect(r.assumptions).toEqual(defaultAssumptions());
		expect(r.sources.map((s) => s.publication).join(' ')).toMatch(/Bevan & Hood \(2006\)/);
	});

	test('targets and terror in the 2000s context: the same levers, with that decade\'s funding growth and case mix', () => {
		const r = get('targets-and-terror-2000s-context');
		for (const lever of LEVERS) follows('targets-and-terror-2000s-context', lever.id, (t) => get('targets-and-terror').schedules[lever.id][t]);
		expect(r.assumptions).toEqual({ ...defaultAssumptions(), fundingGrowth: 0.06, complexShare: 0.28 });
	});

	test('quasi-markets phase in over 24 months', () => {
		const end = { choice: 0.8, competition: 0.8, outsourcing: 0.6, targets: 0.5, inspection: 0.6, performancePay: 0.3, efficiency: 0.4 };
		for (const [lever, v] of Object.entries(end)) follows('quasi-markets', lever as LeverId, ramp(D[lever as LeverId], v, 24));
		expect(get('quasi-markets').schedules.choice[12]).toBeCloseTo(0.5, 12);
		follows('quasi-markets', 'mission', constant(D.mission));
	});

	test('liberated public services phase in over 36 months', () => {
		const end = {
			mission: 0.8, autonomy: 0.8, experimentation: 0.6, peerLearning: 0.7, devolution: 0.7, prevention: 0.15, relational: 0.8,
			integration: 0.7, targets: 0.2, inspection: 0.2, audit: 0.3, performancePay: 0, choice: 0.1, competition: 0, outsourcing: 0.05, efficiency: 0
		};
		for (const [lever, v] of Object.entries(end)) follows('liberated-public-services', lever as LeverId, ramp(D[lever as LeverId], v, 36));
	});

	test('social R&D', () => {
		const end = { experimentation: 0.8, peerLearning: 0.7, relational: 0.6, autonomy: 0.6, mission: 0.4, targets: 0.45 };
		for (const [lever, v] of Object.entries(end)) expect(get('social-rd').schedules[lever as LeverId][119]).toBeCloseTo(v, 12);
		follows('social-rd', 'inspection', constant(D.inspection));
		follows('social-rd', 'devolution', constant(D.devolution));
	});

	test('five-step playbook, in sequence', () => {
		const id = 'five-step-playbook';
		follows(id, 'mission', ramp(0.2, 0.8, 12));
		follows(id, 'prevention', ramp(0.05, 0.2, 60));
		follows(id, 'autonomy', ramp(0.3, 0.7, 12, 12));
		follows(id, 'peerLearning', ramp(0.2, 0.7, 12, 12));
		follows(id, 'experimentation', ramp(0.1, 0.5, 12, 12));
		follows(id, 'targets', ramp(0.6, 0.25, 36));
		follows(id, 'devolution', ramp(0.2, 0.7, 24, 12));
		const s = get(id).schedules;
		expect(s.mission[12]).toBeCloseTo(0.8, 12);
		expect(s.devolution[36]).toBeCloseTo(0.7, 12);
		expect(s.inspection[119]).toBeCloseTo(0.3, 12);
		expect(s.audit[119]).toBeCloseTo(0.4, 12);
		expect(s.relational[119]).toBeCloseTo(0.6, 12);
		expect(s.integration[119]).toBeCloseTo(0.5, 12);
	});

	test('Wigan Deal', () => {
		const r = get('wigan-deal');
		follows('wigan-deal', 'efficiency', (t) => (t < 24 ? 0.8 : 0.4));
		const expected = { prevention: 0.2, relational: 0.8, integration: 0.7, devolution: 0.8, mission: 0.7, autonomy: 0.6, targets: 0.3 };
		for (const [lever, v] of Object.entries(expected)) follows('wigan-deal', lever as LeverId, constant(v));
		expect(r.assumptions).toEqual(defaultAssumptions());
		expect(r.sources.map((s) => s.publication).join(' ')).toMatch(/Wigan Deal, King's Fund/);
	});

	test('devolution without learning', () => {
		follows('devolution-without-learning', 'devolution', constant(0.9));
		follows('devolution-without-learning', 'peerLearning', constant(0));
		follows('devolution-without-learning', 'experimentation', constant(0.3));
		follows('devolution-without-learning', 'targets', constant(D.targets));
	});

	test('targets removed without capacity', () => {
		const id = 'targets-removed-without-capacity';
		follows(id, 'targets', (t) => (t < 12 ? 0.6 : 0));
		follows(id, 'inspection', (t) => (t < 12 ? 0.5 : 0.1));
		follows(id, 'devolution', (t) => (t < 12 ? 0.2 : 0.6));
		follows(id, 'experimentation', constant(0));
		follows(id, 'peerLearning', constant(0));
		follows(id, 'mission', constant(0.1));
		expect(get(id).assumptions).toEqual(defaultAssumptions());
	});
});

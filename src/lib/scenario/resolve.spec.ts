import { describe, expect, test } from 'vitest';
import { LEVERS, defaultAssumptions, defaultLevers } from '../model/index';
import { resolveScenario, toRunInput, withCitizens } from './resolve';
import { expectScenarioError, scenario } from './spec-helpers';
import type { ScenarioFile, ScenarioLibrary } from './types';
import { validateScenarioFile } from './validate';

const file = (extra: Record<string, unknown>) => validateScenarioFile(scenario(extra));
const libraryOf = (...files: ScenarioFile[]): ScenarioLibrary => new Map(files.map((f) => [f.id, f]));

const root = file({
	id: 'root',
	title: 'Root',
	sources: [{ publication: 'Root pub', sections: 'Ch1' }, { publication: 'Shared pub', sections: 'Box 1' }],
	levers: { targets: 0.9, audit: 't < 12 ? 0.1 : 0.5' },
	assumptions: { fundingGrowth: 0.05, complexShare: 0.3 },
	population: { citizens: 5000, areas: 5 },
	months: 48,
	seed: 11,
	runs: 4
});
const middle = file({
	id: 'middle',
	title: 'Middle',
	extends: 'root',
	sources: [{ publication: 'Shared pub', sections: 'Box 1' }, { publication: 'Middle pub', sections: 'Ch2' }],
	levers: { targets: 0.4, inspection: 0.8 },
	assumptions: { complexShare: 0.4 },
	population: { providersPerArea: 2 },
	seed: 12
});
const leaf = file({ id: 'leaf', title: 'Leaf', description: 'A leaf.', extends: 'middle', levers: { choice: 0.7 }, months: 60 });
const library = libraryOf(root, middle, leaf);

describe('defaults', () => {
	test('a scenario that sets nothing resolves to the registry defaults', () => {
		const r = resolveScenario(file({}), new Map());
		expect(r.levers).toEqual(defaultLevers());
		expect(r.assumptions).toEqual(defaultAssumptions());
		expect(r.population).toEqual({ citizens: 20000, areas: 12, providersPerArea: 3 });
		expect([r.months, r.seed, r.runs]).toEqual([120, 1, 16]);
		expect(r.chain).toEqual(['test']);
		expect(r.description).toBe('');
		expect(r.sources).toEqual([]);
		for (const lever of LEVERS) {
			expect(r.schedules[lever.id]).toBeInstanceOf(Float64Array);
			expect(r.schedules[lever.id].length).toBe(120);
			expect(r.schedules[lever.id].every((x) => x === lever.default)).toBe(true);
		}
	});

	test('resolution does not share state between calls or change the inputs', () => {
		const before = JSON.stringify([...library.values()]);
		const a = resolveScenario(leaf, library);
		a.levers.targets = 0;
		a.assumptions.fundingGrowth = 0;
		a.population.areas = 1;
		const b = resolveScenario(leaf, library);
		expect(b.levers.targets).toBe(0.4);
		expect(b.assumptions.fundingGrowth).toBe(0.05);
		expect(b.population.areas).toBe(5);
		expect(JSON.stringify([...library.values()])).toBe(before);
		expect(defaultLevers().targets).toBe(0.6);
	});
});

describe('extends', () => {
	test('children override parents, and parent settings are kept', () => {
		const r = resolveScenario(leaf, library);
		expect(r.chain).toEqual(['leaf', 'middle', 'root']);
		expect(r.id).toBe('leaf');
		expect(r.title).toBe('Leaf');
		expect(r.description).toBe('A leaf.');
		expect(r.levers.choice).toBe(0.7); // leaf
		expect(r.levers.targets).toBe(0.4); // middle overrides root
		expect(r.levers.inspection).toBe(0.8); // middle
		expect(r.levers.audit).toBe('t < 12 ? 0.1 : 0.5'); // root
		expect(r.levers.mission).toBe(defaultLevers().mission); // nobody
		expect(r.assumptions.fundingGrowth).toBe(0.05);
		expect(r.assumptions.complexShare).toBe(0.4);
		expect(r.assumptions.demandGrowth).toBe(defaultAssumptions().demandGrowth);
		expect(r.population).toEqual({ citizens: 5000, areas: 5, providersPerArea: 2 });
		expect([r.months, r.seed, r.runs]).toEqual([60, 12, 4]);
	});

	test('a parent expression is evaluated over the child\'s months', () => {
		const r = resolveScenario(leaf, library);
		expect(r.schedules.audit.length).toBe(60);
		expect(r.schedules.audit[11]).toBe(0.1);
		expect(r.schedules.audit[12]).toBe(0.5);
		expect(r.schedules.audit[59]).toBe(0.5);
		expect(r.schedules.targets.every((x) => x === 0.4)).toBe(true);
	});

	test('sources: own first, then the parents\', without duplicates', () => {
		expect(resolveScenario(leaf, library).sources).toEqual([
			{ publication: 'Shared pub', sections: 'Box 1' },
			{ publication: 'Middle pub', sections: 'Ch2' },
			{ publication: 'Root pub', sections: 'Ch1' }
		]);
	});

	test('the head need not be in the library', () => {
		const outside = file({ id: 'outside', extends: 'leaf', levers: { choice: 0.1 } });
		const r = resolveScenario(outside, library);
		expect(r.chain).toEqual(['outside', 'leaf', 'middle', 'root']);
		expect(r.levers.choice).toBe(0.1);
	});

	test('unknown parent', () => {
		expectScenarioError(() => resolveScenario(file({ extends: 'mid' }), library), 'scenario "test": extends unknown scenario "mid"', "did you mean 'middle'?");
		expectScenarioError(() => resolveScenario(file({ extends: 'nothing-like-it' }), library), 'extends unknown scenario "nothing-like-it"');
		const orphan = file({ id: 'orphan', extends: 'gone' });
		expectScenarioError(() => resolveScenario(file({ extends: 'orphan' }), libraryOf(orphan)), 'scenario "orphan": extends unknown scenario "gone"');
	});

	test('cycles', () => {
		const a = file({ id: 'a', extends: 'b' });
		const b = file({ id: 'b', extends: 'a' });
		expectScenarioError(() => resolveScenario(a, libraryOf(a, b)), 'scenario "a": extends cycle a → b → a');
		const self = file({ id: 'self', extends: 'self' });
		expectScenarioError(() => resolveScenario(self, libraryOf(self)), 'extends cycle self → self');
		const c = file({ id: 'c', extends: 'a' });
		expectScenarioError(() => resolveScenario(c, libraryOf(a, b)), 'extends cycle c → a → b → a');
	});

	test('a broken library entry is reported', () => {
		const broken = { ...middle, levers: { targets: 7 } } as ScenarioFile;
		expectScenarioError(() => resolveScenario(leaf, libraryOf(root, broken)), 'scenario "middle": levers.targets = 7 is outside 0–1');
		expectScenarioError(() => resolveScenario(leaf, new Map([['middle', root]])), 'entry "middle" holds scenario "root"');
	});
});

describe('schedules', () => {
	test('expressions are evaluated once per month and match', () => {
		const r = resolveScenario(
			file({ months: 36, levers: { prevention: 't < 24 ? 0.05 : 0.15', choice: '0.2 + (0.8 - 0.2) * min(1, t / 24)' } }),
			new Map()
		);
		expect(r.schedules.prevention.length).toBe(36);
		expect(r.schedules.prevention[0]).toBe(0.05);
		expect(r.schedules.prevention[23]).toBe(0.05);
		expect(r.schedules.prevention[24]).toBe(0.15);
		for (const t of [0, 6, 12, 24, 35]) expect(r.schedules.choice[t]).toBeCloseTo(0.2 + 0.6 * Math.min(1, t / 24), 12);
		expect(r.levers.choice).toBe('0.2 + (0.8 - 0.2) * min(1, t / 24)');
	});

	test('out of range at some month: names lever, month and value', () => {
		expectScenarioError(
			() => resolveScenario(file({ levers: { targets: 't / 10' } }), new Map()),
			'scenario "test": expression for lever targets ("t / 10") gives 1.1 at month 11, outside 0–1'
		);
		expectScenarioError(
			() => resolveScenario(file({ levers: { prevention: '0.5 - t / 100' } }), new Map()),
			'expression for lever prevention ("0.5 - t / 100") gives 0.5 at month 0, outside 0–0.4'
		);
		// Only months inside the run count: fine for 24 months, not for 120.
		const late = file({ levers: { targets: 't < 24 ? 0.5 : 2' }, months: 24 });
		expect(resolveScenario(late, new Map()).schedules.targets[23]).toBe(0.5);
		expectScenarioError(() => resolveScenario(late, new Map(), { months: 25 }), 'gives 2 at month 24, outside 0–1');
	});

	test('non-finite, boolean and failing expressions', () => {
		expectScenarioError(() => resolveScenario(file({ levers: { targets: '0.1 / (t - 5) ^ 2' } }), new Map()), 'gives Infinity at month 5, not a finite number');
		expectScenarioError(() => resolveScenario(file({ levers: { targets: 'sqrt(t - 100)' } }), new Map()), 'gives NaN at month 0, not a finite number');
		expectScenarioError(
			() => resolveScenario(file({ levers: { targets: 't > 3' } }), new Map()),
			'scenario "test": expression for lever targets ("t > 3") gives a boolean at month 0, not a number'
		);
		expectScenarioError(() => resolveScenario(file({ levers: { targets: 'min()' } }), new Map()), 'expression for lever targets ("min()") fails at month 0');
	});

	test('an expression from a parent names where it was set', () => {
		const parent = file({ id: 'parent', levers: { targets: 't < 100 ? 0.5 : 3' } });
		const child = file({ id: 'child', extends: 'parent', months: 120 });
		expectScenarioError(
			() => resolveScenario(child, libraryOf(parent)),
			'scenario "child" (levers.targets from scenario "parent"): expression for lever targets',
			'gives 3 at month 100'
		);
	});
});

describe('overrides', () => {
	test('override every kind of setting', () => {
		const r = resolveScenario(leaf, library, {
			levers: { choice: 0.1, mission: 't < 12 ? 0.2 : 0.9' },
			assumptions: { fundingGrowth: 0.02 },
			months: 24,
			seed: 99,
			runs: 2,
			citizens: 1000
		});
		expect(r.levers.choice).toBe(0.1);
		expect(r.schedules.mission[11]).toBe(0.2);
		expect(r.schedules.mission[12]).toBe(0.9);
		expect(r.assumptions.fundingGrowth).toBe(0.02);
		expect(r.assumptions.complexShare).toBe(0.4);
		expect([r.months, r.seed, r.runs]).toEqual([24, 99, 2]);
		// A fifth of the citizens in a fifth of the areas: places keep their size.
		expect(r.population).toEqual({ citizens: 1000, areas: 1, providersPerArea: 2 });
		expect(r.schedules.targets.length).toBe(24);
	});

	test('more citizens simulate the same places: areas scale with the citizens, so areas and providers keep their size', () => {
		const base = { citizens: 20_000, areas: 12, providersPerArea: 3 };
		expect(withCitizens(base, 100_000)).toEqual({ citizens: 100_000, areas: 60, providersPerArea: 3 });
		expect(withCitizens(base, 1_000_000)).toEqual({ citizens: 1_000_000, areas: 600, providersPerArea: 3 });
		expect(withCitizens(base, 2_000_000).areas).toBe(1200);
		expect(withCitizens(base, 20_000)).toEqual(base);
		// Rounded to whole areas, never fewer than one, never more than the limit.
		expect(withCitizens(base, 4_000).areas).toBe(2);
		expect(withCitizens(base, 100).areas).toBe(1);
		expect(withCitizens({ citizens: 1_000, areas: 60, providersPerArea: 1 }, 2_000_000).areas).toBe(1200);
		// Through the overrides, as --citizens gives them; a file's own layout is kept when citizens are not overridden.
		expect(resolveScenario(leaf, library, { citizens: 25_000 }).population).toEqual({ citizens: 25_000, areas: 25, providersPerArea: 2 });
		expect(resolveScenario(leaf, library).population).toEqual({ citizens: 5000, areas: 5, providersPerArea: 2 });
		// A file that sets its citizens but not its areas scales the areas it inherits; one that sets both gets both.
		const bigger = file({ id: 'bigger', title: 'Bigger', extends: 'leaf', population: { citizens: 10_000 } });
		const explicit = file({ id: 'explicit', title: 'Explicit', extends: 'leaf', population: { citizens: 10_000, areas: 4 } });
		const withBoth = new Map([...library, [bigger.id, bigger], [explicit.id, explicit]]);
		expect(resolveScenario(bigger, withBoth).population).toEqual({ citizens: 10_000, areas: 10, providersPerArea: 2 });
		expect(resolveScenario(explicit, withBoth).population).toEqual({ citizens: 10_000, areas: 4, providersPerArea: 2 });
		// So a file of 4,000 citizens and --citizens 4000 on the default give the same places, and their runs pair.
		const small = file({ id: 'small', title: 'Small', population: { citizens: 4000 } });
		const plain = file({ id: 'plain', title: 'Plain' });
		expect(resolveScenario(small, libraryOf(small)).population).toEqual({ citizens: 4000, areas: 2, providersPerArea: 3 });
		expect(resolveScenario(plain, libraryOf(plain), { citizens: 4000 }).population).toEqual({ citizens: 4000, areas: 2, providersPerArea: 3 });
	});

	test('a population too small for its providers even in one area is refused, naming the minimum', () => {
		expectScenarioError(() => resolveScenario(leaf, library, { citizens: 100 }), /100 citizens are too few for 2 providers \(1 areas × 2\).*at least \d+ citizens/);
	});

	test('overrides are validated like file values', () => {
		expectScenarioError(() => resolveScenario(leaf, library, { levers: { targets: 1.4 } }), 'overrides: levers.targets = 1.4 is outside 0–1');
		expectScenarioError(() => resolveScenario(leaf, library, { levers: { targets: 'evaluate("1")' } }), 'function "evaluate" is not allowed');
		expectScenarioError(() => resolveScenario(leaf, library, { levers: { nope: 1 } } as never), 'unknown lever "nope"');
		expectScenarioError(() => resolveScenario(leaf, library, { assumptions: { fundingGrowth: '1' } } as never), 'expressions are only allowed for levers');
		expectScenarioError(() => resolveScenario(leaf, library, { months: 400 }), 'overrides: months = 400 must be an integer from 12 to 360');
		expectScenarioError(() => resolveScenario(leaf, library, { seed: 0.5 }), 'seed = 0.5');
		expectScenarioError(() => resolveScenario(leaf, library, { runs: 0 }), 'runs = 0');
		expectScenarioError(() => resolveScenario(leaf, library, { citizens: 50 }), 'citizens = 50 must be an integer from 100 to 2000000');
		expectScenarioError(() => resolveScenario(leaf, library, { areas: 3 } as never), 'unknown override key "areas"');
		expectScenarioError(
			() => resolveScenario(leaf, library, { levers: { targets: 't / 10' } }),
			'scenario "leaf" (levers.targets from the overrides): expression for lever targets ("t / 10") gives 1.1 at month 11'
		);
	});
});

describe('toRunInput', () => {
	test('builds the model input of one replicate', () => {
		const r = resolveScenario(leaf, library);
		const input = toRunInput(r, 12345);
		expect(input.seed).toBe(12345);
		expect(input.detail).toBe(false);
		expect(toRunInput(r, 1, true).detail).toBe(true);
		expect(input.months).toBe(60);
		expect(input.population).toEqual(r.population);
		expect(input.assumptions).toEqual(r.assumptions);
		expect(input.assumptions).not.toBe(r.assumptions);
		for (const lever of LEVERS) expect(input.levers[lever.id].length).toBe(60);
		expect(input.levers.choice[0]).toBe(0.7);
	});
});

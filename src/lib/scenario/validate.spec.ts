import { describe, expect, test } from 'vitest';
import { ScenarioError } from './errors';
import { expectScenarioError, scenario } from './spec-helpers';
import { MAX_FILE_BYTES, parseScenarioJson, validateScenarioFile } from './validate';

const v = (extra: Record<string, unknown>) => () => validateScenarioFile(scenario(extra));

describe('valid files', () => {
	test('a minimal file validates to a clean copy', () => {
		const file = validateScenarioFile(scenario());
		expect(file).toEqual({ schema: 'levers-scenario', version: 1, id: 'test', title: 'Test' });
	});

	test('a full file keeps every setting and copies nested objects', () => {
		const data = scenario({
			description: 'Plain words.',
			sources: [{ publication: 'Someone (2023), A report', sections: 'Ch1' }],
			extends: 'baseline-england-2023',
			levers: { targets: 0.9, prevention: 't < 24 ? 0.05 : 0.15' },
			assumptions: { fundingGrowth: 0.06 },
			population: { citizens: 5000, areas: 4, providersPerArea: 2 },
			months: 60,
			seed: 2023,
			runs: 8
		});
		const file = validateScenarioFile(data);
		expect(file).toEqual(data);
		(data.levers as Record<string, unknown>).targets = 0.1;
		(data.population as Record<string, unknown>).areas = 9;
		expect(file.levers?.targets).toBe(0.9);
		expect(file.population?.areas).toBe(4);
	});

	test('parseScenarioJson reads the example file of the brief', () => {
		const text = JSON.stringify(
			scenario({ id: 'targets-and-terror', levers: { targets: 0.9 }, months: 120, seed: 2023, runs: 16 })
		);
		expect(parseScenarioJson(text).levers).toEqual({ targets: 0.9 });
	});

	test('range ends are inclusive', () => {
		const file = validateScenarioFile(
			scenario({
				levers: { targets: 0, prevention: 0.4 },
				assumptions: { fundingGrowth: -0.03 },
				population: { citizens: 2_000_000, areas: 60, providersPerArea: 10 },
				months: 360,
				seed: 2 ** 31 - 1,
				runs: 1000
			})
		);
		expect(file.levers).toEqual({ targets: 0, prevention: 0.4 });
		expect(validateScenarioFile(scenario({ months: 12, seed: 0, runs: 1, population: { citizens: 100, areas: 1, providersPerArea: 1 } })).months).toBe(12);
	});
});

describe('file-level problems', () => {
	test('invalid JSON', () => {
		const message = expectScenarioError(() => parseScenarioJson('{"schema": "levers-scenario", }'), /^scenario file is not valid JSON: /);
		expect(message.length).toBeGreaterThan('scenario file is not valid JSON: '.length);
		expectScenarioError(() => parseScenarioJson(''), 'not valid JSON');
		expectScenarioError(() => parseScenarioJson('{\n"a":\n'), 'not valid JSON');
	});

	test('not an object', () => {
		expectScenarioError(() => parseScenarioJson('[1, 2]'), 'scenario file must be a JSON object, not an array');
		expectScenarioError(() => parseScenarioJson('null'), 'must be a JSON object, not null');
		expectScenarioError(() => parseScenarioJson('"x"'), 'must be a JSON object, not a string');
		expectScenarioError(() => parseScenarioJson(7 as unknown as string), 'scenario file must be text, not a number');
	});

	test('too large', () => {
		expectScenarioError(() => parseScenarioJson(' '.repeat(1_000_001)), 'at most 1000000');
	});

	test('wrong or missing schema', () => {
		expectScenarioError(v({ schema: 'levers-scenarios' }), 'schema "levers-scenarios" is not "levers-scenario"');
		expectScenarioError(v({ schema: undefined }), 'missing required key "schema"');
	});

	test('unsupported version', () => {
		expectScenarioError(v({ version: 2 }), 'version 2 is not supported; this build reads version 1');
		expectScenarioError(v({ version: 1.5 }), 'version 1.5 is not supported');
		expectScenarioError(v({ version: '1' }), 'version "1" must be the number 1, not a string');
		expectScenarioError(v({ version: undefined }), 'missing required key "version"');
	});

	test('unknown top-level key names the key', () => {
		expectScenarioError(v({ colour: 'red' }), 'unknown top-level key "colour"');
		expectScenarioError(v({ lever: {} }), 'unknown top-level key "lever"', "did you mean 'levers'?");
		expectScenarioError(v({ 'bad\nkey': 1 }), 'unknown top-level key "bad\\nkey"');
	});

	test('missing id', () => {
		expectScenarioError(v({ id: undefined }), 'scenario file: missing required key "id"');
	});

	test.each([['Caps'], ['-leading'], ['has space'], ['a'.repeat(65)], [''], ['under_score'], [42], [null]])('bad id %j', (id) => {
		expectScenarioError(v({ id }), 'scenario file: id', 'lower-case letters, digits and hyphens');
	});

	test('good ids', () => {
		for (const id of ['a', '0', 'a'.repeat(64), 'social-rd', 'x-1-'])
			expect(validateScenarioFile(scenario({ id })).id).toBe(id);
	});

	test('title, description and sources', () => {
		expectScenarioError(v({ title: undefined }), 'scenario "test": missing required key "title"');
		expectScenarioError(v({ title: '  ' }), 'scenario "test": title is empty');
		expectScenarioError(v({ title: 3 }), 'title must be a string, not a number');
		expectScenarioError(v({ title: 'x'.repeat(201) }), 'title is 201 characters long');
		expectScenarioError(v({ description: ['a'] }), 'description must be a string, not an array');
		expectScenarioError(v({ sources: 'IPPR' }), 'sources must be an array');
		expectScenarioError(v({ sources: ['IPPR'] }), 'sources[0] must be an object');
		expectScenarioError(v({ sources: [{ sections: 'Ch1' }] }), 'missing required key "sources[0].publication"');
		expectScenarioError(v({ sources: [{ publication: 'P', sections: 'S', page: 3 }] }), 'unknown sources[0] key "page"');
	});

	test('extends must be an id', () => {
		expectScenarioError(v({ extends: 'Not An Id' }), 'extends "Not An Id" is not a scenario id');
		expectScenarioError(v({ extends: ['a'] }), 'extends an array is not a scenario id');
	});
});

describe('levers', () => {
	test('unknown lever id, with a suggestion', () => {
		expectScenarioError(v({ levers: { target: 0.5 } }), 'scenario "test": levers names unknown lever "target"', "did you mean 'targets'?");
		expectScenarioError(v({ levers: { fundingGrowth: 0.05 } }), 'unknown lever "fundingGrowth"');
		expectScenarioError(v({ levers: JSON.parse('{"__proto__": 1}') }), 'unknown lever "__proto__"');
	});

	test('out-of-range number', () => {
		expect(() => validateScenarioFile(scenario({ levers: { targets: 1.4 } }))).toThrow(
			new ScenarioError('scenario "test": levers.targets = 1.4 is outside 0–1')
		);
		expectScenarioError(v({ levers: { prevention: 0.5 } }), 'levers.prevention = 0.5 is outside 0–0.4');
		expectScenarioError(v({ levers: { autonomy: -0.01 } }), 'levers.autonomy = -0.01 is outside 0–1');
	});

	test('non-finite number', () => {
		expectScenarioError(() => parseScenarioJson(JSON.stringify(scenario()).replace('}', ', "levers": {"targets": 1e999}}')), 'levers.targets = Infinity is not a finite number');
		expectScenarioError(v({ levers: { targets: NaN } }), 'levers.targets = NaN is not a finite number');
	});

	test('wrong types', () => {
		expectScenarioError(v({ levers: { targets: true } }), 'levers.targets = true must be a number or an expression of t, not a boolean');
		expectScenarioError(v({ levers: { targets: null } }), 'not null');
		expectScenarioError(v({ levers: { targets: [0.5] } }), 'not an array');
		expectScenarioError(v({ levers: [] }), 'levers must be an object of lever settings, not an array');
	});

	test('expressions are checked for safety and syntax when the file is read', () => {
		expectScenarioError(v({ levers: { targets: 'import(1)' } }), 'levers.targets = "import(1)": function "import" is not allowed');
		expectScenarioError(v({ levers: { targets: 't +' } }), 'levers.targets = "t +": the expression does not parse');
		expectScenarioError(v({ levers: { targets: 'x = 2' } }), 'assignment');
		expectScenarioError(v({ levers: { targets: 't\n0.5' } }), 'levers.targets = "t\\n0.5"', 'several statements');
		expectScenarioError(v({ levers: { targets: 'x'.repeat(501) } }), 'at most 500');
		expectScenarioError(v({ levers: { targets: '('.repeat(41) + 't' + ')'.repeat(41) } }), 'nested 41 deep');
	});
});

describe('assumptions', () => {
	test('unknown assumption id', () => {
		expectScenarioError(v({ assumptions: { fundingGrowht: 0.01 } }), 'unknown assumption "fundingGrowht"', "did you mean 'fundingGrowth'?");
		expectScenarioError(v({ assumptions: { targets: 0.5 } }), 'unknown assumption "targets"');
	});

	test('string for an assumption', () => {
		expectScenarioError(v({ assumptions: { fundingGrowth: '0.06' } }), 'assumptions.fundingGrowth = "0.06" must be a number; expressions are only allowed for levers');
	});

	test('out of range and non-finite', () => {
		expectScenarioError(v({ assumptions: { fundingGrowth: 0.09 } }), 'assumptions.fundingGrowth = 0.09 is outside -0.03–0.08');
		expectScenarioError(v({ assumptions: { fundingLevel: Infinity } }), 'assumptions.fundingLevel = Infinity is not a finite number');
		expectScenarioError(v({ assumptions: { fundingLevel: false } }), 'must be a number, not a boolean');
		expectScenarioError(v({ assumptions: 3 }), 'assumptions must be an object of numbers, not a number');
	});
});

describe('population and run settings', () => {
	test.each([
		[{ citizens: 99 }, 'population.citizens = 99 must be an integer from 100 to 2000000'],
		[{ citizens: 2_000_001 }, 'population.citizens = 2000001 must be an integer'],
		[{ citizens: 100.5 }, 'population.citizens = 100.5 must be an integer'],
		[{ citizens: '1000' }, 'population.citizens = "1000" must be an integer from 100 to 2000000, not a string'],
		[{ areas: 0 }, 'population.areas = 0 must be an integer from 1 to 1200'],
		[{ areas: 1201 }, 'population.areas = 1201'],
		[{ providersPerArea: 11 }, 'population.providersPerArea = 11 must be an integer from 1 to 10'],
		[{ providersPerArea: 0 }, 'population.providersPerArea = 0']
	])('population %j', (population, expected) => {
		expectScenarioError(v({ population }), `scenario "test": ${expected}`);
	});

	test('population shape', () => {
		expectScenarioError(v({ population: { citizens: 1000, people: 3 } }), 'unknown population key "people"');
		expectScenarioError(v({ population: 20000 }), 'population must be an object');
	});

	test.each([
		['months', 11, 'months = 11 must be an integer from 12 to 360'],
		['months', 361, 'months = 361'],
		['months', 12.5, 'months = 12.5'],
		['months', '120', 'months = "120" must be an integer from 12 to 360, not a string'],
		['seed', -1, 'seed = -1 must be an integer from 0 to 2147483647'],
		['seed', 2 ** 31, 'seed = 2147483648'],
		['seed', 1.5, 'seed = 1.5'],
		['runs', 0, 'runs = 0 must be an integer from 1 to 1000'],
		['runs', 1001, 'runs = 1001'],
		['runs', 2.5, 'runs = 2.5'],
		['runs', Infinity, 'runs = Infinity']
	])('%s = %j', (key, value, expected) => {
		expectScenarioError(v({ [key]: value }), `scenario "test": ${expected}`);
	});
});

describe('the text of a file', () => {
	const text = (extra: Record<string, unknown> = {}) => JSON.stringify(scenario(extra), null, 2);

	test('a byte-order mark before the JSON is ignored, as editors on Windows save it', () => {
		expect(parseScenarioJson('\uFEFF' + text({ runs: 3 })).runs).toBe(3);
		// Only at the very start: a BOM elsewhere is still not JSON.
		expectScenarioError(() => parseScenarioJson(' \uFEFF' + text()), 'not valid JSON');
	});

	test('a key given twice is an error naming the key and where it is, not "last one wins"', () => {
		const twice = text().replace('"id"', '"runs": 1, "runs": 1000, "id"');
		expectScenarioError(() => parseScenarioJson(twice), 'scenario file: key "runs" appears twice at the top level');
		const nested = text({ levers: { targets: 0.2 } }).replace('"targets": 0.2', '"targets": 0.2, "targets": 0.9');
		expectScenarioError(() => parseScenarioJson(nested), 'key "targets" appears twice in levers');
		const inSources = text({ sources: [{ publication: 'P', sections: 'S' }] }).replace('"sections": "S"', '"sections": "S", "sections": "T"');
		expectScenarioError(() => parseScenarioJson(inSources), 'key "sections" appears twice in sources[0]');
	});

	test('keys that are equal once their escapes are read are the same key', () => {
		const escaped = text().replace('"id"', '"runs": 1, "r\\u0075ns": 2, "id"');
		expectScenarioError(() => parseScenarioJson(escaped), 'key "runs" appears twice');
	});

	test('the same key in different objects, or a key that only appears inside a string, is fine', () => {
		const file = parseScenarioJson(
			text({ title: '"runs": "runs"', sources: [{ publication: 'a', sections: 'b' }, { publication: 'a', sections: 'b' }] })
		);
		expect(file.sources).toHaveLength(2);
	});

	test('nesting deeper than any scenario needs is refused with the depth, however deep', () => {
		const deep = text().replace('"id"', `"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "id"`);
		expectScenarioError(() => parseScenarioJson(deep), /scenario file: nested more than \d+ levels deep/);
	});

	test('the size bound is in bytes and is exported for readers that check it before reading', () => {
		expect(MAX_FILE_BYTES).toBe(1_000_000);
		expectScenarioError(() => parseScenarioJson(' '.repeat(MAX_FILE_BYTES + 1)), 'at most 1000000');
		// Multi-byte characters count as bytes: half a million two-byte letters plus the rest is too large.
		expectScenarioError(() => parseScenarioJson(text({ description: 'é'.repeat(500_000) })), 'at most 1000000 bytes');
	});
});

describe('characters in titles, descriptions and sources', () => {
	test.each([
		['NUL', 'A\u0000B', 'U+0000'],
		['a tab', 'A\tB', 'U+0009'],
		['a line break', 'A\nB', 'U+000A'],
		['DEL', 'A\u007fB', 'U+007F'],
		['a C1 control', 'A\u0085B', 'U+0085'],
		['a right-to-left override', 'Safe\u202Egnp.exe', 'U+202E'],
		['a left-to-right embedding', 'A\u202AB', 'U+202A'],
		['a right-to-left isolate', 'A\u2067B', 'U+2067'],
		['a right-to-left mark', 'A\u200FB', 'U+200F'],
		['an Arabic letter mark', 'A\u061CB', 'U+061C'],
		['a line separator', 'A\u2028B', 'U+2028'],
		['a lone surrogate', 'A\uD800B', 'U+D800']
	])('a title with %s is refused, naming the character', (_name, title, code) => {
		expectScenarioError(v({ title }), 'scenario "test": title', code);
	});

	test('sources are held to the same rule; descriptions may break lines but not hide text', () => {
		expectScenarioError(v({ sources: [{ publication: 'P\u202E', sections: 'S' }] }), 'sources[0].publication', 'U+202E');
		expect(validateScenarioFile(scenario({ description: 'One line.\nAnother.' })).description).toBe('One line.\nAnother.');
		expectScenarioError(v({ description: 'A\u0000B' }), 'description', 'U+0000');
		expectScenarioError(v({ description: 'A\u202EB' }), 'description', 'U+202E');
	});

	test('ordinary text in any script, dashes, quotes, emoji and joiners is accepted', () => {
		for (const title of ['Targets & terror – “2023”', 'Déjà vu', 'مرحبا بالعالم', 'שלום', '日本語', 'Team 👩‍⚕️ care'])
			expect(validateScenarioFile(scenario({ title })).title).toBe(title);
	});
});

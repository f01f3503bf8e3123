import { beforeAll, describe, expect, test } from 'vitest';
import { ASSUMPTIONS, LEVERS, OUTCOMES, replicateSeed } from '../model/index';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import { USAGE, runCli, type CliIo } from './cli';

const library = loadBuiltinScenarios();
const SMALL = ['--citizens', '2000', '--months', '24', '--runs', '2'];
const BASE = 'baseline-england-2023';

/** A file the fake file system refuses to read, as a file without permission would be. */
const LOCKED = Symbol('locked');

interface Captured {
	code: number;
	stdout: string;
	stderr: string;
	/** Outputs opened with a path, with their contents once closed. */
	written: Map<string, string>;
	opened: string[];
}

/** Runs the CLI with captured output, an in-memory file map and the real built-in library. */
function cli(argv: string[], files: Record<string, string | typeof LOCKED> = {}): Captured {
	const captured: Captured = { code: -1, stdout: '', stderr: '', written: new Map(), opened: [] };
	const io: CliIo = {
		stdout: (text) => {
			captured.stdout += text;
		},
		stderr: (text) => {
			captured.stderr += text;
		},
		readFile: (path) => {
			const content = files[path];
			if (typeof content === 'string') return content;
			const code = content === LOCKED ? 'EACCES' : 'ENOENT';
			throw Object.assign(new Error(`${code}: cannot open '${path}'`), { code });
		},
		openOutput: (path) => {
			if (path === undefined) {
				return {
					write: (chunk) => {
						captured.stdout += chunk;
					},
					close: () => {}
				};
			}
			captured.opened.push(path);
			let buffer = '';
			return {
				write: (chunk) => {
					buffer += chunk;
				},
				close: () => {
					captured.written.set(path, buffer);
				}
			};
		},
		library: () => library
	};
	captured.code = runCli(argv, io);
	return captured;
}

/** Expects a successful command with nothing on stderr. */
function ok(argv: string[], files: Record<string, string | typeof LOCKED> = {}): Captured {
	const result = cli(argv, files);
	expect(result.stderr, `stderr of levers ${argv.join(' ')}`).toBe('');
	expect(result.code).toBe(0);
	return result;
}

type Json = any;

function runJson(argv: string[], files: Record<string, string | typeof LOCKED> = {}): Json {
	const result = ok(argv, files);
	expect(result.stdout.endsWith('\n')).toBe(true);
	expect(result.stdout.indexOf('\n')).toBe(result.stdout.length - 1);
	return JSON.parse(result.stdout);
}

const isNumberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
const FIGURES = ['mean', 'p05', 'p50', 'p95'];

describe('help', () => {
	test.each([[['help']], [['--help']], [['-h']], [[]]])('runCli(%j) prints the usage to stdout and exits 0', (argv) => {
		const result = ok(argv);
		expect(result.stdout).toBe(USAGE + '\n');
		expect(result.stdout).toContain('levers run');
		expect(result.stdout).toContain('levers list');
	});
});

describe('list', () => {
	const registry = {
		scenarios: [...library.keys()],
		levers: LEVERS.map((l) => l.id),
		assumptions: ASSUMPTIONS.map((a) => a.id),
		outcomes: OUTCOMES.map((o) => o.id)
	};
	const kinds = Object.keys(registry) as (keyof typeof registry)[];

	test('list with no kind prints a table of every scenario, lever, assumption and outcome', () => {
		const { stdout } = ok(['list']);
		const firstCells = new Set(stdout.split('\n').map((line) => line.split(/\s+/)[0]));
		for (const title of ['SCENARIOS', 'LEVERS', 'ASSUMPTIONS', 'OUTCOMES']) expect(firstCells.has(title)).toBe(true);
		for (const kind of kinds) for (const id of registry[kind]) expect(firstCells.has(id), `${kind} ${id}`).toBe(true);
	});

	test.each(kinds)('list %s prints a table of only that kind, one row per id', (kind) => {
		const { stdout } = ok(['list', kind]);
		const lines = stdout.trimEnd().split('\n');
		expect(lines[0]).toBe(kind.toUpperCase());
		expect(lines[1].split(/\s+/)[0]).toBe('id');
		expect(lines.slice(2).map((line) => line.split(/\s+/)[0])).toEqual(registry[kind]);
		for (const other of kinds.filter((k) => k !== kind)) expect(stdout).not.toContain(other.toUpperCase() + '\n');
	});

	test.each(kinds)('list %s --format json parses and has every id of the registry', (kind) => {
		const { stdout } = ok(['list', kind, '--format', 'json']);
		const data = JSON.parse(stdout);
		expect(Array.isArray(data)).toBe(true);
		expect(data.map((entry: { id: string }) => entry.id)).toEqual(registry[kind]);
	});

	test('list levers --format json carries each lever\'s range, default, source and grade', () => {
		const data: Json[] = JSON.parse(ok(['list', 'levers', '--format=json']).stdout);
		for (const lever of LEVERS) {
			const entry = data.find((e) => e.id === lever.id);
			expect(entry).toMatchObject({ min: lever.min, max: lever.max, default: lever.default, source: lever.source, grade: lever.grade });
		}
	});

	test('list scenarios --format json gives each scenario\'s title and parent', () => {
		const data: Json[] = JSON.parse(ok(['list', 'scenarios', '--format', 'json']).stdout);
		for (const entry of data) {
			const file = library.get(entry.id)!;
			expect(entry.title).toBe(file.title);
			expect(entry.extends).toBe(file.extends ?? null);
		}
	});

	test('list --format json gives all four kinds in one object', () => {
		const data = JSON.parse(ok(['list', '--format', 'json']).stdout);
		expect(Object.keys(data).sort()).toEqual([...kinds].sort());
		for (const kind of kinds) expect(data[kind].map((e: { id: string }) => e.id)).toEqual(registry[kind]);
	});
});

describe('run: JSON', () => {
	const argv = ['run', BASE, ...SMALL, '--seed', '5'];
	let report: Json;
	let raw: string;
	let detailed: Json;

	beforeAll(() => {
		raw = ok(argv).stdout;
		report = JSON.parse(raw);
		detailed = runJson([...argv, '--detail']);
	});

	test('prints one line of JSON with the model, the resolved scenario, runs, seeds and months', () => {
		expect(raw.indexOf('\n')).toBe(raw.length - 1);
		expect(typeof report.model.name).toBe('string');
		expect(report.model.name.length).toBeGreaterThan(0);
		expect(report.model.version).toMatch(/^\d+\.\d+\.\d+/);
		expect(report.scenario.id).toBe(BASE);
		expect(report.scenario.chain).toEqual([BASE]);
		expect(report.scenario.population.citizens).toBe(2000);
		expect(report.scenario.seed).toBe(5);
		expect(report.runs).toBe(2);
		expect(report.months).toBe(24);
		expect(report.seeds).toEqual([replicateSeed(5, 0), replicateSeed(5, 1)]);
		expect(Object.keys(report.scenario.levers).sort()).toEqual(LEVERS.map((l) => l.id).sort());
		expect(Object.keys(report.scenario.assumptions).sort()).toEqual(ASSUMPTIONS.map((a) => a.id).sort());
		expect(report.detail).toBeUndefined();
	});

	test('outcomes has mean, p05, p50 and p95 arrays of length months for every outcome id', () => {
		expect(Object.keys(report.outcomes)).toEqual(OUTCOMES.map((o) => o.id));
		for (const spec of OUTCOMES) {
			const o = report.outcomes[spec.id];
			expect(Object.keys(o).sort()).toEqual([...FIGURES].sort());
			for (const key of FIGURES) {
				expect(o[key], `${spec.id}.${key}`).toHaveLength(24);
				expect(o[key].every(isNumberOrNull), `${spec.id}.${key}`).toBe(true);
			}
		}
	});

	test('most outcome series are defined (not all null)', () => {
		const defined = OUTCOMES.filter((spec) => report.outcomes[spec.id].mean.some((v: unknown) => v !== null));
		expect(defined.length).toBeGreaterThan(OUTCOMES.length / 2);
	});

	test('p05 <= p50 <= p95 wherever all three are numbers, and they are null together', () => {
		const check = (f: { p05: number | null; p50: number | null; p95: number | null; mean: number | null }, where: string) => {
			const nulls = [f.mean, f.p05, f.p50, f.p95].map((v) => v === null);
			expect(new Set(nulls).size, `${where}: figures null together`).toBe(1);
			if (f.p05 === null || f.p50 === null || f.p95 === null) return;
			expect(f.p05, where).toBeLessThanOrEqual(f.p50);
			expect(f.p50, where).toBeLessThanOrEqual(f.p95);
		};
		for (const spec of OUTCOMES) {
			const o = report.outcomes[spec.id];
			for (let t = 0; t < 24; t++) check({ mean: o.mean[t], p05: o.p05[t], p50: o.p50[t], p95: o.p95[t] }, `${spec.id}[${t}]`);
			check(report.final[spec.id], `final.${spec.id}`);
			for (const [g, f] of Object.entries(report.byQuintile[spec.id] ?? {})) check(f as Json, `byQuintile.${spec.id}.${g}`);
			for (const [g, f] of Object.entries(report.byArea[spec.id] ?? {})) check(f as Json, `byArea.${spec.id}.${g}`);
		}
	});

	test('final has four figures for every outcome', () => {
		expect(Object.keys(report.final)).toEqual(OUTCOMES.map((o) => o.id));
		for (const spec of OUTCOMES) {
			expect(Object.keys(report.final[spec.id]).sort()).toEqual([...FIGURES].sort());
			expect(FIGURES.every((k) => isNumberOrNull(report.final[spec.id][k]))).toBe(true);
		}
	});

	test('byQuintile has q1..q5 for exactly the outcomes defined by quintile, byArea area1..areaN for those by area', () => {
		const areas = report.scenario.population.areas;
		expect(Object.keys(report.byQuintile)).toEqual(OUTCOMES.filter((o) => o.byQuintile).map((o) => o.id));
		expect(Object.keys(report.byArea)).toEqual(OUTCOMES.filter((o) => o.byArea).map((o) => o.id));
		for (const id of Object.keys(report.byQuintile)) {
			expect(Object.keys(report.byQuintile[id])).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
			for (const f of Object.values(report.byQuintile[id]) as Json[]) expect(FIGURES.every((k) => isNumberOrNull(f[k]))).toBe(true);
		}
		for (const id of Object.keys(report.byArea)) {
			expect(Object.keys(report.byArea[id])).toEqual(Array.from({ length: areas }, (_, a) => `area${a + 1}`));
		}
	});

	test('the same command gives byte-identical output; another --seed gives other seeds and numbers', () => {
		expect(ok(argv).stdout).toBe(raw);
		const other = runJson(['run', BASE, ...SMALL, '--seed', '6']);
		expect(other.seeds).not.toEqual(report.seeds);
		expect(JSON.stringify(other.outcomes)).not.toBe(JSON.stringify(report.outcomes));
	});

	test('--detail adds wait histograms whose true and recorded counts have equal positive sums', () => {
		const waits = detailed.detail.waits;
		expect(waits.targetDays).toBe(detailed.scenario.assumptions.targetDays);
		expect(waits.binDays).toBe(7);
		expect(Array.isArray(waits.true)).toBe(true);
		expect(waits.true.length).toBeGreaterThan(1);
		expect(waits.recorded).toHaveLength(waits.true.length);
		for (const v of [...waits.true, ...waits.recorded]) expect(Number.isFinite(v) && v >= 0).toBe(true);
		const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
		expect(sum(waits.true)).toBeGreaterThan(0);
		expect(sum(waits.recorded)).toBe(sum(waits.true));
	});

	test('--detail adds a start and end snapshot of every provider in every run', () => {
		const { areas, providersPerArea } = detailed.scenario.population;
		const providers: Json[] = detailed.detail.providers;
		expect(providers).toHaveLength(2 * areas * providersPerArea);
		const keys = ['burnoutShare', 'caseloadPerWorker', 'gamingShare', 'reportedPerformance', 'staff', 'trueQuality'];
		for (const p of providers) {
			expect([0, 1]).toContain(p.run);
			expect(Number.isInteger(p.id)).toBe(true);
			expect(p.area).toBeGreaterThanOrEqual(1);
			expect(p.area).toBeLessThanOrEqual(areas);
			for (const when of ['start', 'end']) {
				expect(Object.keys(p[when]).sort(), when).toEqual(keys);
				for (const k of keys) expect(isNumberOrNull(p[when][k]), `${when}.${k}`).toBe(true);
			}
		}
		for (const run of [0, 1]) {
			const ids = providers.filter((p) => p.run === run).map((p) => p.id);
			expect(new Set(ids).size).toBe(areas * providersPerArea);
		}
	});

	test('--detail does not change the outcomes', () => {
		expect(detailed.outcomes).toEqual(report.outcomes);
		expect(detailed.final).toEqual(report.final);
	});

	test('--out writes the same JSON to the file and prints nothing to stdout', () => {
		const result = ok([...argv, '--out', 'results/out.json']);
		expect(result.stdout).toBe('');
		expect(result.opened).toEqual(['results/out.json']);
		expect(result.written.get('results/out.json')).toBe(raw);
	});
});

describe('run: CSV', () => {
	const argv = ['run', BASE, ...SMALL, '--seed', '5', '--format', 'csv'];
	let lines: string[];
	let report: Json;

	beforeAll(() => {
		const { stdout } = ok(argv);
		expect(stdout.endsWith('\n')).toBe(true);
		lines = stdout.slice(0, -1).split('\n');
		report = runJson(['run', BASE, ...SMALL, '--seed', '5']);
	});

	test('starts with the header scenario,run,month,outcome,group,value', () => {
		expect(lines[0]).toBe('scenario,run,month,outcome,group,value');
	});

	test('has one row per run, month, outcome and group the outcome is defined for', () => {
		const areas = report.scenario.population.areas;
		const perMonth = OUTCOMES.reduce((n, o) => n + 1 + (o.byQuintile ? 5 : 0) + (o.byArea ? areas : 0), 0);
		expect(lines.length - 1).toBe(2 * 24 * perMonth);
		const seen = new Set(lines.slice(1).map((l) => l.split(',').slice(1, 5).join(',')));
		expect(seen.size).toBe(lines.length - 1);
	});

	test('every row names the scenario, a run, a month, an outcome and one of its groups, and a number or nothing', () => {
		const areas = report.scenario.population.areas;
		const byId = new Map<string, (typeof OUTCOMES)[number]>(OUTCOMES.map((o) => [o.id, o]));
		const problems: string[] = [];
		for (const line of lines.slice(1)) {
			const cells = line.split(',');
			const [scenario, run, month, outcome, group, value] = cells;
			const spec = byId.get(outcome);
			const area = /^area(\d+)$/.exec(group);
			const groupOk =
				group === 'overall' ||
				(/^q[1-5]$/.test(group) && spec?.byQuintile === true) ||
				(area !== null && spec?.byArea === true && Number(area[1]) >= 1 && Number(area[1]) <= areas);
			const ok =
				cells.length === 6 &&
				scenario === BASE &&
				(run === '0' || run === '1') &&
				/^\d+$/.test(month) &&
				Number(month) < 24 &&
				spec !== undefined &&
				groupOk &&
				(value === '' || Number.isFinite(Number(value)));
			if (!ok) problems.push(line);
		}
		expect(problems).toEqual([]);
	});

	test('the mean across runs of the overall rows equals the JSON outcome means', () => {
		const values = new Map<string, number[]>();
		for (const line of lines.slice(1)) {
			const [, , month, outcome, group, value] = line.split(',');
			if (group !== 'overall') continue;
			const key = `${outcome}|${month}`;
			if (!values.has(key)) values.set(key, []);
			if (value !== '') values.get(key)!.push(Number(value));
		}
		for (const spec of OUTCOMES) {
			for (let t = 0; t < 24; t++) {
				const vs = values.get(`${spec.id}|${t}`)!;
				const want = vs.length === 0 ? null : vs.reduce((a, b) => a + b, 0) / vs.length;
				expect(report.outcomes[spec.id].mean[t], `${spec.id}[${t}]`).toBe(want);
			}
		}
	});

	test('--out writes the CSV to the file and prints nothing to stdout', () => {
		const result = ok([...argv, '--out', 'tt.csv']);
		expect(result.stdout).toBe('');
		expect(result.written.get('tt.csv')).toBe(lines.join('\n') + '\n');
	});
});

describe('run: settings and scenario files', () => {
	let base: Json;
	beforeAll(() => {
		base = runJson(['run', BASE, ...SMALL, '--seed', '5']);
	});

	test('--set of a lever to a constant changes scenario.levers and the numbers', () => {
		expect(base.scenario.levers.targets).not.toBe(0.2);
		const set = runJson(['run', BASE, ...SMALL, '--seed', '5', '--set', 'targets=0.2']);
		expect(set.scenario.levers.targets).toBe(0.2);
		expect({ ...set.scenario.levers, targets: base.scenario.levers.targets }).toEqual(base.scenario.levers);
		expect(set.seeds).toEqual(base.seeds);
		expect(JSON.stringify(set.outcomes)).not.toBe(JSON.stringify(base.outcomes));
	});

	test('--set of a lever to an expression of t keeps the expression in scenario.levers', () => {
		const expression = 't < 12 ? 0.05 : 0.15';
		const set = runJson(['run', BASE, ...SMALL, '--set', `prevention=${expression}`, '--set', 'audit=0.9']);
		expect(set.scenario.levers.prevention).toBe(expression);
		expect(set.scenario.levers.audit).toBe(0.9);
	});

	test('--set of an assumption changes scenario.assumptions', () => {
		expect(base.scenario.assumptions.fundingGrowth).not.toBe(0.01);
		const set = runJson(['run', BASE, ...SMALL, '--set', 'fundingGrowth=0.01']);
		expect(set.scenario.assumptions.fundingGrowth).toBe(0.01);
	});

	test('the last --set of the same id wins', () => {
		const set = runJson(['run', BASE, ...SMALL, '--set', 'targets=0.2', '--set', 'targets=0.7']);
		expect(set.scenario.levers.targets).toBe(0.7);
	});

	test('a scenario file that extends a built-in inherits its levers and assumptions and adds its own', () => {
		const parent = library.get('targets-and-terror')!;
		const file = {
			schema: 'levers-scenario',
			version: 1,
			id: 'my-scenario',
			title: 'Mine',
			extends: 'targets-and-terror',
			levers: { audit: 0.7 },
			population: { citizens: 2000 },
			months: 24,
			runs: 2
		};
		for (const path of ['scenarios/mine.json', 'mine.json']) {
			const report = runJson(['run', path], { [path]: JSON.stringify(file) });
			expect(report.scenario.id).toBe('my-scenario');
			expect(report.scenario.chain).toEqual(['my-scenario', 'targets-and-terror', BASE]);
			expect(report.scenario.levers.audit).toBe(0.7);
			expect(report.scenario.levers.targets).toBe(parent.levers!.targets);
			expect(report.scenario.assumptions.fundingGrowth).toBe(parent.assumptions!.fundingGrowth);
			expect(report.months).toBe(24);
			expect(report.runs).toBe(2);
			expect(report.seeds).toEqual([replicateSeed(parent.seed!, 0), replicateSeed(parent.seed!, 1)]);
		}
	});
});

describe('bad input: exit 2, one line on stderr naming the problem, nothing on stdout', () => {
	const valid = JSON.stringify({ schema: 'levers-scenario', version: 1, id: 'ok', title: 'OK', extends: BASE });
	const files: Record<string, string | typeof LOCKED> = {
		'locked.json': LOCKED,
		'broken.json': '{"schema": "levers-scenario", "version": 1,',
		'other-schema.json': JSON.stringify({ schema: 'other', version: 1, id: 'x', title: 'X' }),
		'orphan.json': JSON.stringify({ schema: 'levers-scenario', version: 1, id: 'orphan', title: 'O', extends: 'baseline-england-2032' }),
		'ok.json': valid
	};
	const run = (...rest: string[]) => ['run', BASE, ...SMALL, '--out', 'never.json', ...rest];

	test.each<[string, string[], (string | RegExp)[]]>([
		['an unknown command', ['frobnicate'], ['unknown command "frobnicate"']],
		['an unknown option of run', run('--bogus'), ['unknown option "--bogus"']],
		['an unknown option of list', ['list', '--bogus'], ['unknown option "--bogus"']],
		['an unknown kind for list', ['list', 'widgets'], ['"widgets"']],
		['an unknown scenario id', ['run', 'nope'], ['unknown scenario "nope"']],
		['a near miss of a scenario id, with a suggestion', ['run', 'baseline-england-2032'], ['unknown scenario "baseline-england-2032"', 'did you mean', "'baseline-england-2023'"]],
		['a missing scenario', ['run', '--runs', '2'], ['needs a scenario']],
		['two scenarios', ['run', BASE, 'targets-and-terror'], ['one scenario', 'targets-and-terror']],
		['a scenario file that does not exist', ['run', 'missing.json'], ['cannot read scenario file "missing.json"', 'ENOENT']],
		['a scenario file that cannot be read', ['run', 'locked.json'], ['cannot read scenario file "locked.json"', 'EACCES']],
		['a scenario file of malformed JSON', ['run', 'broken.json'], ['broken.json', 'not valid JSON']],
		['a scenario file of the wrong schema', ['run', 'other-schema.json'], ['other-schema.json', 'schema "other"', 'levers-scenario']],
		['a scenario file extending an unknown scenario', ['run', 'orphan.json'], ['unknown scenario "baseline-england-2032"', "'baseline-england-2023'"]],
		['an unknown lever in --set, with a suggestion', run('--set', 'targts=0.5'), ['unknown setting "targts"', "'targets'"]],
		['a lever value out of range', run('--set', 'targets=2'), ['targets', '2', 'outside', '0–1']],
		['an assumption value out of range', run('--set', 'fundingGrowth=0.5'), ['fundingGrowth', 'outside']],
		['a non-number for an assumption', run('--set', 'fundingGrowth=abc'), ['fundingGrowth', '"abc"', 'not a number']],
		['an expression that does not parse', run('--set', 'targets=t <'), ['targets', 'does not parse']],
		['an expression that leaves the range in some month', run('--set', 'targets=t / 10'), ['targets', 'month', 'outside']],
		['the forbidden function import', run('--set', 'targets=import({}, {})'), ['"import" is not allowed']],
		['the forbidden function evaluate', run('--set', 'targets=evaluate("1")'), ['"evaluate" is not allowed']],
		['the forbidden function parse', run('--set', 'targets=parse("0.5")'), ['"parse" is not allowed']],
		['--runs 0', run('--runs', '0'), ['--runs', '0', 'outside']],
		['--runs abc', run('--runs', 'abc'), ['--runs', 'whole number', '"abc"']],
		['--months 5', run('--months', '5'), ['--months', '5', 'outside']],
		['--format xml', run('--format', 'xml'), ['--format', 'json or csv', '"xml"']],
		['--set without "="', run('--set', 'targets'), ['--set', '"targets"', 'id=value']],
		['an option without its value', ['run', BASE, '--seed'], ['--seed needs a value']]
	])('%s', (_name, argv, parts) => {
		const result = cli(argv, files);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.opened).toEqual([]);
		expect(result.stderr.startsWith('levers: ')).toBe(true);
		expect(result.stderr.endsWith('\n')).toBe(true);
		expect(result.stderr.indexOf('\n'), `one line: ${result.stderr}`).toBe(result.stderr.length - 1);
		for (const part of parts) {
			if (typeof part === 'string') expect(result.stderr).toContain(part);
			else expect(result.stderr).toMatch(part);
		}
	});

	test('runCli([\'run\', \'nope\']) exits 2 with one line naming the scenario and no suggestion for a far miss', () => {
		const result = cli(['run', 'nope']);
		expect(result.code).toBe(2);
		expect(result.stderr).not.toContain('did you mean');
	});

	test('a valid scenario file in the same map is accepted, so the failures above are about content', () => {
		const result = ok(['run', 'ok.json', ...SMALL], files);
		expect(JSON.parse(result.stdout).scenario.id).toBe('ok');
	});
});

describe('run: --baseline (paired differences)', () => {
	test('runCli([run, X, --baseline, X]) reports differences of exactly zero', () => {
		const out = cli(['run', BASE, ...SMALL, '--baseline', BASE]);
		expect(out.code).toBe(0);
		const report = JSON.parse(out.stdout);
		expect(report.baseline.id).toBe(BASE);
		for (const o of OUTCOMES) {
			const final = report.difference.final[o.id];
			if (final.mean !== null) expect(final.mean, o.id).toBe(0);
		}
	});

	test('a --set change against the unchanged baseline gives its paired effect', () => {
		const out = cli(['run', BASE, ...SMALL, '--set', 'targets=0', '--set', 'inspection=0', '--baseline', BASE]);
		expect(out.code).toBe(0);
		const report = JSON.parse(out.stdout);
		// Without targets, gaming pressure is gone: the share of workers gaming falls in every run.
		expect(report.difference.final['gaming.workerShare'].p95).toBeLessThan(0);
		expect(report.difference.outcomes['gaming.workerShare'].mean).toHaveLength(24);
	});

	test('an unknown --baseline scenario exits 2 with one line and no stdout', () => {
		const out = cli(['run', BASE, ...SMALL, '--baseline', 'nope']);
		expect(out.code).toBe(2);
		expect(out.stdout).toBe('');
		expect(out.stderr.trim().split('\n')).toHaveLength(1);
		expect(out.stderr).toContain('nope');
	});
});

describe('run: --baseline with CSV', () => {
	test('the baseline rows follow under the baseline id, after one header', () => {
		const out = cli(['run', 'wigan-deal', ...SMALL, '--format', 'csv', '--baseline', BASE]);
		expect(out.code).toBe(0);
		const lines = out.stdout.trim().split('\n');
		expect(lines.filter((l) => l.startsWith('scenario,')).length).toBe(1);
		const ids = new Set(lines.slice(1).map((l) => l.split(',')[0]));
		expect([...ids].sort()).toEqual([BASE, 'wigan-deal'].sort());
		const count = (id: string) => lines.filter((l) => l.startsWith(`${id},`)).length;
		expect(count(BASE)).toBe(count('wigan-deal'));
	});
});

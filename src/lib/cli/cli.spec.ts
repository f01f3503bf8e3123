import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ASSUMPTIONS, LEVERS, OUTCOMES, replicateSeed } from '../model/index';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import { cli, specFolder, type Captured, type SpecIoOptions } from './spec-io';

const library = loadBuiltinScenarios();
const SMALL = ['--citizens', '4000', '--months', '24', '--runs', '2'];
const BASE = 'baseline-england-2023';
const FIGURES = ['mean', 'p05', 'p50', 'p95'];

/** Expects a successful command with nothing on stderr. */
async function ok(argv: string[], options: SpecIoOptions = {}): Promise<Captured> {
	const result = await cli(argv, options);
	expect(result.stderr, `stderr of levers ${argv.join(' ')}`).toBe('');
	expect(result.code).toBe(0);
	return result;
}

type Json = any;

async function runJson(argv: string[]): Promise<Json> {
	const { stdout } = await ok(argv);
	expect(stdout.indexOf('\n'), 'one line of JSON').toBe(stdout.length - 1);
	return JSON.parse(stdout);
}

const isNumberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

describe('run: JSON', () => {
	const argv = ['run', BASE, ...SMALL, '--seed', '5'];
	let report: Json;
	let raw: string;
	let detailed: Json;

	beforeAll(async () => {
		raw = (await ok(argv)).stdout;
		report = JSON.parse(raw);
		detailed = await runJson([...argv, '--detail']);
	});

	test('prints one line of JSON with the model, the resolved scenario, runs, seeds and months', () => {
		expect(raw.indexOf('\n')).toBe(raw.length - 1);
		expect(typeof report.model.name).toBe('string');
		expect(report.model.version).toMatch(/^\d+\.\d+\.\d+/);
		expect(report.scenario.id).toBe(BASE);
		expect(report.resolution.chain).toEqual([BASE]);
		expect(report.scenario.population.citizens).toBe(4000);
		expect(report.scenario.seed).toBe(5);
		expect(report.runs).toBe(2);
		expect(report.months).toBe(24);
		expect(report.seeds).toEqual([replicateSeed(5, 0), replicateSeed(5, 1)]);
		expect(Object.keys(report.scenario.levers).sort()).toEqual(LEVERS.map((l) => l.id).sort());
		expect(Object.keys(report.scenario.assumptions).sort()).toEqual(ASSUMPTIONS.map((a) => a.id).sort());
		expect(report.detail).toBeUndefined();
	});

	test('the scenario it echoes is a scenario file: run again, it gives byte-identical results', async () => {
		expect(report.scenario.schema).toBe('levers-scenario');
		expect(report.scenario.version).toBe(1);
		expect(report.scenario.chain).toBeUndefined();
		const path = join(specFolder(), 'echo.json');
		writeFileSync(path, JSON.stringify(report.scenario));
		const again = await runJson(['run', path]);
		expect(again.scenario).toEqual(report.scenario);
		expect(JSON.stringify({ ...again, resolution: null })).toBe(JSON.stringify({ ...report, resolution: null }));
	});

	test('resolution records the chain and every override the command line laid over it', () => {
		expect(report.resolution.overrides).toEqual({ citizens: 4000, months: 24, runs: 2, seed: 5 });
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

	test('p05 <= p50 <= p95 wherever all three are numbers, and they are null together', () => {
		const check = (f: Json, where: string) => {
			const nulls = [f.mean, f.p05, f.p50, f.p95].map((v) => v === null);
			expect(new Set(nulls).size, `${where}: figures null together`).toBe(1);
			if (f.p05 === null) return;
			expect(f.p05, where).toBeLessThanOrEqual(f.p50);
			expect(f.p50, where).toBeLessThanOrEqual(f.p95);
		};
		for (const spec of OUTCOMES) {
			const o = report.outcomes[spec.id];
			for (let t = 0; t < 24; t++) check({ mean: o.mean[t], p05: o.p05[t], p50: o.p50[t], p95: o.p95[t] }, `${spec.id}[${t}]`);
			check(report.final[spec.id], `final.${spec.id}`);
			for (const [g, f] of Object.entries(report.byQuintile[spec.id] ?? {})) check(f, `byQuintile.${spec.id}.${g}`);
			for (const [g, f] of Object.entries(report.byArea[spec.id] ?? {})) check(f, `byArea.${spec.id}.${g}`);
		}
	});

	test('byQuintile has q1..q5 for exactly the outcomes defined by quintile, byArea area1..areaN for those by area', () => {
		const areas = report.scenario.population.areas;
		expect(Object.keys(report.byQuintile)).toEqual(OUTCOMES.filter((o) => o.byQuintile).map((o) => o.id));
		expect(Object.keys(report.byArea)).toEqual(OUTCOMES.filter((o) => o.byArea).map((o) => o.id));
		for (const id of Object.keys(report.byQuintile)) expect(Object.keys(report.byQuintile[id])).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
		for (const id of Object.keys(report.byArea))
			expect(Object.keys(report.byArea[id])).toEqual(Array.from({ length: areas }, (_, a) => `area${a + 1}`));
	});

	test('the same command gives byte-identical output; another --seed gives other seeds and numbers', async () => {
		expect((await ok(argv)).stdout).toBe(raw);
		const other = await runJson(['run', BASE, ...SMALL, '--seed', '6']);
		expect(other.seeds).not.toEqual(report.seeds);
		expect(JSON.stringify(other.outcomes)).not.toBe(JSON.stringify(report.outcomes));
	});

	test('--detail adds wait histograms whose true and recorded counts have equal positive sums', () => {
		const waits = detailed.detail.waits;
		expect(waits.targetDays).toBe(detailed.scenario.assumptions.targetDays);
		expect(waits.true.length).toBeGreaterThan(1);
		expect(waits.recorded).toHaveLength(waits.true.length);
		const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
		expect(sum(waits.true)).toBeGreaterThan(0);
		expect(sum(waits.recorded)).toBe(sum(waits.true));
	});

	test('--detail adds a start and end snapshot of every provider in every run, and changes no outcome', () => {
		const { areas, providersPerArea } = detailed.scenario.population;
		const providers: Json[] = detailed.detail.providers;
		expect(providers).toHaveLength(2 * areas * providersPerArea);
		for (const run of [0, 1]) expect(new Set(providers.filter((p) => p.run === run).map((p) => p.id)).size).toBe(areas * providersPerArea);
		expect(detailed.outcomes).toEqual(report.outcomes);
		expect(detailed.final).toEqual(report.final);
	});

	test('--outcomes keeps only the named families and ids, in registry order', async () => {
		const some = await runJson([...argv, '--outcomes', 'workforce,access.meanWaitDays']);
		const expected = OUTCOMES.filter((o) => o.family === 'workforce' || o.id === 'access.meanWaitDays').map((o) => o.id);
		expect(Object.keys(some.outcomes)).toEqual(expected);
		expect(Object.keys(some.final)).toEqual(expected);
		expect(some.final['access.meanWaitDays']).toEqual(report.final['access.meanWaitDays']);
	});
});

describe('run: CSV', () => {
	const argv = ['run', BASE, ...SMALL, '--seed', '5', '--format', 'csv'];
	let lines: string[];
	let report: Json;

	beforeAll(async () => {
		const { stdout } = await ok(argv);
		lines = stdout.slice(0, -1).split('\n');
		report = await runJson(['run', BASE, ...SMALL, '--seed', '5']);
	});

	test('starts with the header scenario,role,run,month,outcome,group,value', () => {
		expect(lines[0]).toBe('scenario,role,run,month,outcome,group,value');
	});

	test('has one row per run, month, outcome and group the outcome is defined for', () => {
		const areas = report.scenario.population.areas;
		const perMonth = OUTCOMES.reduce((n, o) => n + 1 + (o.byQuintile ? 5 : 0) + (o.byArea ? areas : 0), 0);
		expect(lines.length - 1).toBe(2 * 24 * perMonth);
		expect(new Set(lines.slice(1).map((l) => l.split(',').slice(1, 6).join(','))).size).toBe(lines.length - 1);
	});

	test('every row names the scenario and its role, a run, a month, an outcome and one of its groups, and a number or nothing', () => {
		const byId = new Map<string, (typeof OUTCOMES)[number]>(OUTCOMES.map((o) => [o.id, o]));
		const problems = lines.slice(1).filter((line) => {
			const [scenario, role, run, month, outcome, group, value, ...rest] = line.split(',');
			const spec = byId.get(outcome);
			const groupOk = group === 'overall' || (/^q[1-5]$/.test(group) && spec?.byQuintile) || (/^area\d+$/.test(group) && spec?.byArea);
			return !(rest.length === 0 && scenario === BASE && role === 'scenario' && ['0', '1'].includes(run) && Number(month) < 24 && spec && groupOk && (value === '' || Number.isFinite(Number(value))));
		});
		expect(problems).toEqual([]);
	});

	test('the mean across runs of the overall rows equals the JSON outcome means', () => {
		const values = new Map<string, number[]>();
		for (const line of lines.slice(1)) {
			const [, , , month, outcome, group, value] = line.split(',');
			if (group !== 'overall') continue;
			const key = `${outcome}|${month}`;
			if (!values.has(key)) values.set(key, []);
			if (value !== '') values.get(key)!.push(Number(value));
		}
		for (const spec of OUTCOMES)
			for (let t = 0; t < 24; t++) {
				const vs = values.get(`${spec.id}|${t}`)!;
				expect(report.outcomes[spec.id].mean[t], `${spec.id}[${t}]`).toBe(vs.length === 0 ? null : vs.reduce((a, b) => a + b, 0) / vs.length);
			}
	});

	test('--out FILE.csv writes the same CSV to the file, prints nothing, and implies --format csv', async () => {
		const path = join(specFolder(), 'tt.csv');
		const result = await ok(['run', BASE, ...SMALL, '--seed', '5', '--out', path]);
		expect(result.stdout).toBe('');
		const { readFileSync } = await import('node:fs');
		expect(readFileSync(path, 'utf8')).toBe(lines.join('\n') + '\n');
	});
});

describe('run: settings and scenario files', () => {
	let base: Json;
	beforeAll(async () => {
		base = await runJson(['run', BASE, ...SMALL, '--seed', '5']);
	});

	test('--set of a lever to a constant changes scenario.levers, is recorded, and changes the numbers', async () => {
		const set = await runJson(['run', BASE, ...SMALL, '--seed', '5', '--set', 'targets=0.2']);
		expect(set.scenario.levers.targets).toBe(0.2);
		expect(set.resolution.overrides.levers).toEqual({ targets: 0.2 });
		expect({ ...set.scenario.levers, targets: base.scenario.levers.targets }).toEqual(base.scenario.levers);
		expect(set.seeds).toEqual(base.seeds);
		expect(JSON.stringify(set.outcomes)).not.toBe(JSON.stringify(base.outcomes));
	});

	test('--set of a lever to an expression of t keeps the expression; --set of an assumption sets it', async () => {
		const expression = 't < 12 ? 0.05 : 0.15';
		const set = await runJson(['run', BASE, ...SMALL, '--set', `prevention=${expression}`, '--set', 'fundingGrowth=0.01']);
		expect(set.scenario.levers.prevention).toBe(expression);
		expect(set.scenario.assumptions.fundingGrowth).toBe(0.01);
		expect(set.resolution.overrides.assumptions).toEqual({ fundingGrowth: 0.01 });
	});

	test('a scenario file that extends a built-in inherits its levers and assumptions and adds its own', async () => {
		const parent = library.get('targets-and-terror-2000s-context')!;
		const grandparent = library.get('targets-and-terror')!;
		const path = join(specFolder(), 'mine.json');
		writeFileSync(path, JSON.stringify({ schema: 'levers-scenario', version: 1, id: 'my-scenario', title: 'Mine', extends: parent.id, levers: { audit: 0.7 }, population: { citizens: 4000 }, months: 24, runs: 2 }));
		const report = await runJson(['run', path]);
		expect(report.scenario.id).toBe('my-scenario');
		expect(report.resolution.chain).toEqual(['my-scenario', parent.id, grandparent.id, BASE]);
		expect(report.scenario.levers.audit).toBe(0.7);
		expect(report.scenario.levers.targets).toBe(grandparent.levers!.targets);
		expect(report.scenario.assumptions.fundingGrowth).toBe(parent.assumptions!.fundingGrowth);
		expect(report.seeds).toEqual([replicateSeed(parent.seed!, 0), replicateSeed(parent.seed!, 1)]);
	});
});

describe('run: --baseline (paired differences)', () => {
	test('a scenario against itself has differences of exactly zero, and records the baseline as a file', async () => {
		const report = await runJson(['run', BASE, ...SMALL, '--baseline', BASE]);
		expect(report.baseline.id).toBe(BASE);
		expect(report.baseline.schema).toBe('levers-scenario');
		for (const o of OUTCOMES) {
			const final = report.difference.final[o.id];
			if (final.mean !== null) expect(final.mean, o.id).toBe(0);
		}
		expect(report.baselineFinal).toEqual(report.final);
	});

	test('a --set change against the unchanged baseline gives its paired effect', async () => {
		const report = await runJson(['run', BASE, ...SMALL, '--set', 'targets=0', '--set', 'inspection=0', '--baseline', BASE]);
		// Without targets, gaming pressure is gone: the share of workers gaming falls in every run.
		expect(report.difference.final['gaming.workerShare'].p95).toBeLessThan(0);
		expect(report.difference.outcomes['gaming.workerShare'].mean).toHaveLength(24);
		expect(report.resolution.overrides.levers).toEqual({ targets: 0, inspection: 0 });
		expect(report.baselineResolution.overrides.levers).toBeUndefined();
	});

	test('CSV: with --set and --baseline naming the same scenario, the role column tells their rows apart', async () => {
		const { stdout } = await ok(['run', BASE, ...SMALL, '--format', 'csv', '--set', 'targets=0', '--baseline', BASE]);
		const rows = stdout.trim().split('\n').slice(1).map((l) => l.split(','));
		const key = (r: string[]) => r.slice(0, 6).join(',');
		expect(new Set(rows.map(key)).size).toBe(rows.length);
		const roles = new Map<string, number>();
		for (const r of rows) roles.set(r[1], (roles.get(r[1]) ?? 0) + 1);
		expect([...roles.keys()].sort()).toEqual(['baseline', 'scenario']);
		expect(roles.get('baseline')).toBe(roles.get('scenario'));
	});

	test('CSV: the baseline rows follow under the baseline id, after one header', async () => {
		const { stdout } = await ok(['run', 'wigan-deal', ...SMALL, '--format', 'csv', '--baseline', BASE]);
		const lines = stdout.trim().split('\n');
		expect(lines.filter((l) => l.startsWith('scenario,')).length).toBe(1);
		expect(new Set(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(',')))).toEqual(new Set([`wigan-deal,scenario`, `${BASE},baseline`]));
	});
});

describe('compare', () => {
	const scenarios = ['targets-and-terror', 'wigan-deal'];
	let report: Json;
	beforeAll(async () => {
		report = await runJson(['compare', ...scenarios, '--baseline', BASE, ...SMALL, '--format', 'json']);
	});

	test('runs every scenario on the baseline\'s seeds and reports each with its paired difference', () => {
		expect(report.baseline.scenario.id).toBe(BASE);
		expect(report.scenarios.map((s: Json) => s.scenario.id)).toEqual(scenarios);
		expect(report.seeds).toHaveLength(2);
		for (const s of report.scenarios) {
			expect(s.scenario.seed).toBe(report.baseline.scenario.seed);
			expect(s.scenario.runs).toBe(2);
			expect(Object.keys(s.difference.final)).toEqual(OUTCOMES.map((o) => o.id));
		}
	});

	test('each difference equals that of levers run <scenario> --baseline with the same seeds', async () => {
		const seed = String(report.baseline.scenario.seed);
		const single = await runJson(['run', 'wigan-deal', ...SMALL, '--seed', seed, '--baseline', BASE]);
		expect(report.scenarios[1].difference).toEqual(single.difference);
		expect(report.scenarios[1].final).toEqual(single.final);
		expect(report.baseline.final).toEqual(single.baselineFinal);
	});

	test('CSV holds every scenario\'s runs and the baseline\'s, with their roles', async () => {
		const { stdout } = await ok(['compare', ...scenarios, '--baseline', BASE, ...SMALL, '--format', 'csv', '--outcomes', 'gaming']);
		const pairs = new Set(stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).join(',')));
		expect(pairs).toEqual(new Set([`${BASE},baseline`, 'targets-and-terror,scenario', 'wigan-deal,scenario']));
	});
});

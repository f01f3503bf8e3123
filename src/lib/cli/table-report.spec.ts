/** `--format table`, and the choice of format by where the output goes. */
import { beforeAll, describe, expect, test } from 'vitest';
import { MODEL_VERSION, OUTCOMES } from '../model/index';
import { cli, type SpecIoOptions } from './spec-io';
import { verdict } from './table-report';

const BASE = 'baseline-england-2023';
const SMALL = ['--citizens', '4000', '--months', '24', '--runs', '2', '--seed', '5'];

async function table(argv: string[], options: SpecIoOptions = {}) {
	const result = await cli(argv, options);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return result.stdout;
}

const FAMILIES = [...new Set(OUTCOMES.map((o) => o.family as string))];
const heading = (family: string) => family[0].toUpperCase() + family.slice(1);

describe('the default format follows where the output goes', () => {
	test('a table on a terminal, JSON in a pipe, CSV for --out *.csv', async () => {
		const onTerminal = await table(['run', BASE, ...SMALL], { terminal: { stdout: true, columns: 100 } });
		expect(onTerminal).toMatch(/^Scenario {2}baseline-england-2023/);
		const piped = await table(['run', BASE, ...SMALL]);
		expect(() => JSON.parse(piped)).not.toThrow();
		expect((await table(['run', BASE, ...SMALL, '--format', 'table'])).startsWith('Scenario')).toBe(true);
	});
});

describe('run --format table', () => {
	let alone: string;
	let paired: string;
	beforeAll(async () => {
		alone = await table(['run', BASE, ...SMALL, '--format', 'table']);
		paired = await table(['run', BASE, ...SMALL, '--set', 'targets=0', '--baseline', BASE, '--format', 'table']);
	});

	test('names the scenario, its --set changes and the baseline', () => {
		expect(paired).toMatch(/^Scenario {2}baseline-england-2023 — .*, with targets=0$/m);
		expect(paired).toMatch(/^Baseline {2}baseline-england-2023 — /m);
		expect(alone).not.toMatch(/^Baseline/m);
	});

	test('every outcome has a row under its family, in registry order', () => {
		for (const text of [alone, paired]) {
			const lines = text.split('\n');
			let at = 0;
			for (const o of OUTCOMES) {
				const found = lines.findIndex((line, i) => i >= at && line.startsWith(`  ${o.label}`));
				expect(found, o.id).toBeGreaterThan(at - 1);
				at = found;
			}
			for (const family of FAMILIES) expect(lines).toContain(heading(family));
		}
	});

	test('numbers are rounded (no long digit runs), shares are in percent, and changes in percentage points', () => {
		for (const text of [alone, paired]) expect(text).not.toMatch(/\d\.\d{5,}/);
		const share = OUTCOMES.find((o) => o.unit === 'share')!;
		const row = paired.split('\n').find((l) => l.startsWith(`  ${share.label}`))!;
		expect(row).toMatch(/\d%/);
		expect(row).toMatch(/ pp/);
	});

	test('says which direction is better, and whether each paired change is better, worse or unclear', () => {
		expect(alone).toMatch(/↑ higher/);
		expect(alone).toMatch(/↓ lower/);
		const verdicts = paired.split('\n').filter((l) => /(↑|↓)( better| worse)?$|~ unclear$|same$/.test(l));
		expect(verdicts.length).toBeGreaterThan(OUTCOMES.length / 2);
	});

	test('each row\'s verdict follows the paired differences of the same run and the registry\'s "better"', async () => {
		const json = JSON.parse((await cli(['run', BASE, ...SMALL, '--set', 'targets=0', '--baseline', BASE, '--format', 'json'])).stdout);
		const rows = paired.split('\n');
		let clear = 0;
		for (const o of OUTCOMES) {
			const d = json.difference.final[o.id];
			if (d.p05 === null) continue;
			const row = rows.find((l) => l.startsWith(`  ${o.label}  `))!;
			const rose = d.p05 > 0;
			const fell = d.p95 < 0;
			if (!rose && !fell) {
				expect(row, o.id).toMatch(d.p05 === 0 && d.p95 === 0 ? /same$/ : /~ unclear$/);
				continue;
			}
			clear++;
			const word = o.better === 'neither' ? '' : rose === (o.better === 'higher') ? ' better' : ' worse';
			expect(row, o.id).toMatch(new RegExp(`${rose ? '↑' : '↓'}${word}$`));
		}
		expect(clear, 'removing targets changes some outcome clearly').toBeGreaterThan(0);
	});

	test('ends with the one-line "exploratory, not a forecast" footer with model version, seed and runs', () => {
		for (const text of [alone, paired]) {
			const last = text.trimEnd().split('\n').pop()!;
			expect(last).toMatch(/^Exploratory, not a forecast\./);
			expect(last).toContain(MODEL_VERSION);
			expect(last).toContain('base seed 5');
			expect(last).toContain('2 runs');
			expect(last).toContain('24 months');
		}
	});

	test('a scenario against itself shows "same" in every row that has a value', async () => {
		const self = await table(['run', BASE, ...SMALL, '--baseline', BASE, '--format', 'table']);
		const rows = self.split('\n').filter((l) => l.startsWith('  '));
		const defined = rows.filter((l) => !/–/.test(l));
		expect(defined.length).toBeGreaterThan(OUTCOMES.length / 2);
		for (const row of defined) expect(row).toMatch(/same$/);
	});

	test('--outcomes keeps only the chosen families', async () => {
		const some = await table(['run', BASE, ...SMALL, '--format', 'table', '--outcomes', 'gaming,cost']);
		const rows = some.split('\n').filter((l) => l.startsWith('  '));
		expect(rows).toHaveLength(OUTCOMES.filter((o) => o.family === 'gaming' || o.family === 'cost').length);
	});
});

describe('widths', () => {
	test.each([80, 100, 120])('on a terminal %i columns wide no line of run, run --baseline or compare is wider', async (columns) => {
		const terminal = { stdout: true, columns };
		const outputs = [
			await table(['run', BASE, ...SMALL], { terminal }),
			await table(['run', 'wigan-deal', ...SMALL, '--baseline', BASE], { terminal }),
			await table(['compare', 'targets-and-terror', 'wigan-deal', 'quasi-markets', '--baseline', BASE, ...SMALL], { terminal })
		];
		for (const text of outputs) for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(columns);
	});
});

describe('compare --format table', () => {
	test('letters each scenario, shows the baseline level and each scenario\'s change', async () => {
		const text = await table(['compare', 'targets-and-terror', 'wigan-deal', '--baseline', BASE, ...SMALL], { terminal: { stdout: true, columns: 120 } });
		expect(text).toMatch(/^Baseline {2}baseline-england-2023 — /m);
		expect(text).toMatch(/^A {9}targets-and-terror — /m);
		expect(text).toMatch(/^B {9}wigan-deal — /m);
		const header = text.split('\n').find((l) => l.startsWith('outcome'))!;
		expect(header).toMatch(/baseline\s+A\b.*\bB\b/);
		expect(text.trimEnd().split('\n').pop()).toMatch(/^Exploratory, not a forecast\./);
	});
});

describe('verdict', () => {
	const s = (p05: number, p95: number) => ({ mean: (p05 + p95) / 2, p05, p50: (p05 + p95) / 2, p95 });
	test.each<[number, number, 'higher' | 'lower' | 'neither', string]>([
		[0.1, 0.3, 'higher', '↑ better'],
		[0.1, 0.3, 'lower', '↑ worse'],
		[-0.3, -0.1, 'lower', '↓ better'],
		[-0.3, -0.1, 'higher', '↓ worse'],
		[-0.3, -0.1, 'neither', '↓'],
		[-0.1, 0.2, 'higher', '~ unclear'],
		[0, 0, 'higher', 'same'],
		[NaN, NaN, 'higher', '']
	])('a change from %f to %f where %s is better: %s', (p05, p95, better, expected) => {
		expect(verdict(s(p05, p95), better)).toBe(expected);
	});
});

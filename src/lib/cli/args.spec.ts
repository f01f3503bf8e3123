/** The grammar of the command line: help, options and the one-line messages for bad input. */
import { describe, expect, test } from 'vitest';
import { COMMANDS, parseArgs } from './args';
import { USAGE, commandHelp } from './help';
import { cli } from './spec-io';

const BASE = 'baseline-england-2023';

/** Expects exit 2, nothing on stdout, no run, and one stderr line containing every part. */
async function refused(argv: string[], ...parts: (string | RegExp)[]) {
	const result = await cli(argv);
	expect(result.code, result.stderr).toBe(2);
	expect(result.stdout).toBe('');
	expect(result.runs).toBe(0);
	expect(result.stderr).toMatch(/^levers: [^\n]+\n$/);
	for (const part of parts) {
		if (typeof part === 'string') expect(result.stderr).toContain(part);
		else expect(result.stderr).toMatch(part);
	}
	return result.stderr;
}

describe('help', () => {
	test.each([[['help']], [['--help']], [['-h']], [[]]])('levers %j prints the overview and exits 0', async (argv) => {
		const result = await cli(argv);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(USAGE + '\n');
		for (const command of Object.keys(COMMANDS)) expect(result.stdout).toContain(`levers ${command}`);
	});

	test.each(Object.keys(COMMANDS))('levers %s --help, -h and levers help %s print that command\'s help', async (command) => {
		for (const argv of [[command, '--help'], [command, '-h'], ['help', command], [command, BASE, '--runs', '3', '--help']]) {
			const result = await cli(argv);
			expect(result.code, argv.join(' ')).toBe(0);
			expect(result.stdout).toBe(commandHelp(command as keyof typeof COMMANDS) + '\n');
		}
	});

	test('every option of every command is in its help, and every help line fits 80 columns', () => {
		for (const [name, spec] of Object.entries(COMMANDS)) {
			const help = commandHelp(name as keyof typeof COMMANDS);
			for (const option of spec.options) expect(help, `${name} ${option.name}`).toContain(option.name);
			for (const line of help.split('\n')) expect([...line].length, `${name}: ${line}`).toBeLessThanOrEqual(80);
		}
		for (const line of USAGE.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
	});

	test('the help documents --format table for run and CSV for list', () => {
		expect(commandHelp('run')).toMatch(/--format F\s+table, json or csv/);
		expect(commandHelp('list')).toContain('csv');
	});
});

describe('options', () => {
	test('values can follow with a space or an equals sign', () => {
		const a = parseArgs(['run', BASE, '--runs', '3', '--seed=7', '--set', 'targets=0.2', '--set=audit=0.1']);
		expect(a).toMatchObject({ command: 'run', scenario: BASE, runs: 3, seed: 7, settings: ['targets=0.2', 'audit=0.1'] });
	});

	test('"--" ends the options', () => {
		expect(parseArgs(['run', '--runs', '2', '--', '-odd-name.json'])).toMatchObject({ scenario: '-odd-name.json', runs: 2 });
	});
});

describe('bad input: exit 2, one line on stderr naming the problem, nothing on stdout, nothing run', () => {
	test.each<[string, string[], (string | RegExp)[]]>([
		['an unknown command, with a suggestion', ['rnu'], ['unknown command "rnu"', 'did you mean "levers run"']],
		['an unknown option of run', ['run', BASE, '--bogus'], ['unknown option "--bogus" for "levers run"']],
		['a near miss of an option', ['run', BASE, '--rnus', '3'], ['unknown option "--rnus"', 'did you mean --runs']],
		['a short option, not "takes one scenario, not 3"', ['run', BASE, '-r', '4'], ['unknown option "-r" for "levers run"', 'did you mean --runs']],
		['an unknown option of list', ['list', '--bogus'], ['unknown option "--bogus" for "levers list"']],
		['an unknown kind for list', ['list', 'widgets'], ['levers list takes scenarios, levers, assumptions or outcomes, not "widgets"']],
		['a kind given twice, not \'not "levers"\'', ['list', 'levers', 'levers'], ['levers list takes one kind at a time', '"levers" follows "levers"']],
		['two kinds', ['list', 'levers', 'outcomes'], ['one kind at a time', '"outcomes" follows "levers"']],
		['a missing scenario', ['run', '--runs', '2'], ['needs a scenario']],
		['two scenarios for run', ['run', BASE, 'targets-and-terror'], ['takes one scenario', '"targets-and-terror" follows', 'levers compare']],
		['--runs given twice', ['run', BASE, '--runs', '1', '--runs', '1000'], ['--runs is given twice ("1" and "1000"); give it once']],
		['--format given twice', ['run', BASE, '--format', 'csv', '--format=json'], ['--format is given twice']],
		['a flag given twice', ['run', BASE, '--quiet', '--quiet'], ['--quiet is given twice']],
		['a flag given a value', ['run', BASE, '--detail=yes'], ['--detail takes no value']],
		['an option without its value', ['run', BASE, '--seed'], ['--seed needs a value']],
		['an option followed by another option', ['run', BASE, '--out', '--force'], ['--out needs a value']],
		['--out ""', ['run', BASE, '--out', ''], ['--out needs a file name']],
		['--save-scenario ""', ['run', BASE, '--save-scenario='], ['--save-scenario needs a file name']],
		['--runs 0', ['run', BASE, '--runs', '0'], ['--runs 0 is outside 1–1,000']],
		['--runs abc', ['run', BASE, '--runs', 'abc'], ['--runs must be a whole number, not "abc"']],
		['--months 5', ['run', BASE, '--months', '5'], ['--months 5 is outside']],
		['--citizens 50', ['run', BASE, '--citizens', '50'], ['--citizens 50 is outside']],
		['--format xml', ['run', BASE, '--format', 'xml'], ['--format must be table, json or csv, not "xml"']],
		['--detail with CSV, which would drop the detail', ['run', BASE, '--detail', '--format', 'csv'], ['--detail is only in JSON output, not csv']],
		['--detail with a table', ['run', BASE, '--detail', '--format', 'table'], ['--detail is only in JSON output, not table']],
		['--outcomes with an empty item', ['run', BASE, '--outcomes', 'gaming,'], ['--outcomes must be a comma-separated list']],
		['compare without --baseline', ['compare', 'wigan-deal'], ['levers compare needs --baseline']],
		['compare without scenarios', ['compare', '--baseline', BASE], ['needs one or more scenarios']],
		['compare naming a scenario twice', ['compare', 'wigan-deal', 'wigan-deal', '--baseline', BASE], ['names "wigan-deal" twice']],
		['compare naming the baseline as a scenario', ['compare', BASE, '--baseline', BASE], [`names "${BASE}" twice`]],
		['compare with --set, which it does not take', ['compare', 'wigan-deal', '--baseline', BASE, '--set', 'targets=0'], ['unknown option "--set" for "levers compare"']],
		['show without an id', ['show'], ['levers show needs an id']],
		['help of an unknown command', ['help', 'frob'], ['levers help takes one command']]
	])('%s', async (_name, argv, parts) => {
		await refused(argv, ...parts);
	});

	test('a run setting given both by --set and by its own option is refused', async () => {
		await refused(['run', BASE, '--set', 'runs=5', '--runs', '3'], 'runs is given twice (--set runs=5 and --runs 3)');
	});

	test('the same --set id twice is refused, not resolved by "last one wins"', async () => {
		await refused(['run', BASE, '--set', 'targets=0.2', '--set', 'targets=0.7'], '--set targets is given twice ("targets=0.2" and "targets=0.7")');
	});

	test.each<[string, string[], string[]]>([
		['an unknown scenario id', ['run', 'nope'], ['unknown scenario "nope"']],
		['a near miss of a scenario id', ['run', 'baseline-england-2032'], ['unknown scenario "baseline-england-2032"', "did you mean 'baseline-england-2023'"]],
		['an unknown lever in --set', ['run', BASE, '--set', 'targts=0.5'], ['unknown setting "targts"', "'targets'"]],
		['a lever value out of range', ['run', BASE, '--set', 'targets=2'], ['targets', '2', 'outside', '0–1']],
		['a non-number for an assumption', ['run', BASE, '--set', 'fundingGrowth=abc'], ['fundingGrowth', '"abc"', 'not a number']],
		['an expression that does not parse', ['run', BASE, '--set', 'targets=t <'], ['targets', 'does not parse']],
		['an expression that leaves the range in some month', ['run', BASE, '--set', 'targets=t / 10'], ['targets', 'month', 'outside']],
		['the forbidden function import', ['run', BASE, '--set', 'targets=import({}, {})'], ['"import" is not allowed']],
		['the forbidden function evaluate', ['run', BASE, '--set', 'targets=evaluate("1")'], ['"evaluate" is not allowed']],
		['--set without "="', ['run', BASE, '--set', 'targets'], ['--set', '"targets"', 'id=value']],
		['an unknown --baseline', ['run', BASE, '--baseline', 'nope'], ['unknown scenario "nope"']],
		['an unknown outcome family', ['run', BASE, '--outcomes', 'gamin'], ['--outcomes: "gamin" is neither', "did you mean 'gaming'"]],
		['an unknown compare scenario', ['compare', 'nope', '--baseline', BASE], ['unknown scenario "nope"']],
		['an unknown id for show', ['show', 'targts'], ['unknown id "targts"', "did you mean 'targets'"]]
	])('%s: refused while resolving, before any run', async (_name, argv, parts) => {
		await refused(argv, ...parts);
	});
});

import { describe, expect, test } from 'vitest';
import { cli as cliInProcess } from '../cli/spec-io';
import { OUTCOMES, replicateSeed } from '../model/index';
import { loadBuiltinScenarios } from '../scenario/builtin-node';
import { summaryDocument } from './export';
import { EnsembleAccumulator } from './incremental-quantiles';
import { runJob } from './model-api';
import { createScenarioApi } from './scenario-api';

const library = loadBuiltinScenarios();

describe('summaryDocument', () => {
	test('holds exactly the figures `levers run` prints for the same scenario, runs filled in any order', async () => {
		const overrides = { levers: { targets: 0.3 }, runs: 3, months: 24, citizens: 4000 };
		const prepared = createScenarioApi([...library.values()]).prepare('quasi-markets', overrides);
		if (!prepared.ok) throw new Error(prepared.error);
		const { settings, schedules } = prepared;
		const acc = new EnsembleAccumulator(settings.runs, OUTCOMES.length, 1 + 5 + settings.population.areas, settings.months);
		for (const r of [2, 0, 1]) {
			const seed = replicateSeed(settings.seed, r);
			acc.add(r, runJob({ schedules, assumptions: settings.assumptions, population: settings.population, months: settings.months, seed, detail: false }));
		}
		const page = JSON.parse(JSON.stringify(summaryDocument(settings, acc)));

		const result = await cliInProcess(['run', 'quasi-markets', '--set', 'targets=0.3', '--runs', '3', '--months', '24', '--citizens', '4000', '--format', 'json']);
		expect(result.code).toBe(0);
		const stdout = result.stdout;
		const cli = JSON.parse(stdout);
		expect(page.seeds).toEqual(cli.seeds);
		expect(page.outcomes).toEqual(cli.outcomes);
		expect(page.final).toEqual(cli.final);
		expect(page.byQuintile).toEqual(cli.byQuintile);
		expect(page.byArea).toEqual(cli.byArea);
		expect(page.scenario.levers).toEqual(cli.scenario.levers);
	});
});

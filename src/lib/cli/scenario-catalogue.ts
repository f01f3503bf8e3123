/**
 * The built-in scenarios as `levers list` shows them, read without the scenario layer's full
 * validation: that compiles every lever expression with mathjs, which would make listing take
 * a second instead of a blink. `levers run` and `levers show` validate in full; the test suite
 * validates every built-in scenario.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioLibrary, ScenarioSource } from '../scenario/types';
import { CliError } from './cli-error';

export interface CatalogueScenario {
	id: string;
	title: string;
	extends: string | null;
	description: string;
	sources: ScenarioSource[];
}

export function readScenarioCatalogue(dir: string): CatalogueScenario[] {
	const names = readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort();
	return names.map((name) => {
		const broken = (why: string) => new CliError(`built-in scenario file scenarios/${name} is broken (${why}); levers run ${name.slice(0, -5)} says more`);
		let data: Record<string, unknown>;
		try {
			data = JSON.parse(readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, ''));
		} catch (error) {
			throw broken(error instanceof Error ? error.message : String(error));
		}
		if (typeof data?.id !== 'string' || typeof data.title !== 'string') throw broken('no id or title');
		return {
			id: data.id,
			title: data.title,
			extends: typeof data.extends === 'string' ? data.extends : null,
			description: typeof data.description === 'string' ? data.description : '',
			sources: Array.isArray(data.sources) ? (data.sources as ScenarioSource[]) : []
		};
	});
}

/** The same entries from an already validated library. */
export function catalogueOf(library: ScenarioLibrary): CatalogueScenario[] {
	return [...library.values()].map((s) => ({ id: s.id, title: s.title, extends: s.extends ?? null, description: s.description ?? '', sources: s.sources ?? [] }));
}

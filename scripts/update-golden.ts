/**
 * Regenerate tests/golden/summaries.json. Refuses to change the numbers of an existing model
 * version, and refuses a version without a changelog entry: bump MODEL_VERSION
 * (src/lib/model/version.ts) and add a CHANGELOG.md entry first. There is no bypass.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { goldenRefusal, goldenSummaries, type GoldenSummaries } from '../src/lib/golden/golden-summaries';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';

const path = fileURLToPath(new URL('../tests/golden/summaries.json', import.meta.url));
const changelog = readFileSync(fileURLToPath(new URL('../CHANGELOG.md', import.meta.url)), 'utf8');
const previous = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GoldenSummaries) : undefined;
const next = goldenSummaries(loadBuiltinScenarios());
const refusal = goldenRefusal(previous, next, changelog);
if (refusal) {
	console.error(refusal);
	process.exit(1);
}
writeFileSync(path, JSON.stringify(next, null, '\t') + '\n');
console.log(`wrote ${path}`);

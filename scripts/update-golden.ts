/**
 * Regenerate tests/golden/summaries.json. Refuses to change the numbers of an existing model
 * version: bump MODEL_VERSION (src/lib/model/version.ts) and add a changelog entry first.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { goldenSummaries, type GoldenSummaries } from '../src/lib/golden/golden-summaries';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';

const path = fileURLToPath(new URL('../tests/golden/summaries.json', import.meta.url));
const next = goldenSummaries(loadBuiltinScenarios());
const text = JSON.stringify(next, null, '\t') + '\n';
if (existsSync(path)) {
	const previous = JSON.parse(readFileSync(path, 'utf8')) as GoldenSummaries;
	const changed = JSON.stringify(previous.scenarios) !== JSON.stringify(next.scenarios);
	if (changed && previous.modelVersion === next.modelVersion && !process.argv.includes('--same-version')) {
		console.error(
			`The numbers changed but the model version is still ${next.modelVersion}: bump MODEL_VERSION in src/lib/model/version.ts and add a CHANGELOG.md entry, then run this again.`
		);
		process.exit(1);
	}
}
writeFileSync(path, text);
console.log(`wrote ${path}`);

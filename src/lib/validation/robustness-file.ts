/** Reading and writing docs/validation-robustness.json (Node only). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RobustnessData } from './assumption-robustness';

export const ROBUSTNESS_PATH = fileURLToPath(new URL('../../../docs/validation-robustness.json', import.meta.url));

/** The saved sample, or undefined if there is none (the report then says so). */
export function readRobustness(path = ROBUSTNESS_PATH): RobustnessData | undefined {
	if (!existsSync(path)) return undefined;
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as RobustnessData;
	} catch (error) {
		throw new Error(`${path} is not valid JSON (${error instanceof Error ? error.message : error}); run npm run robustness to write it again`);
	}
}

/** One line per point, so a diff shows which points moved. */
export function writeRobustness(data: RobustnessData, path = ROBUSTNESS_PATH): void {
	const rows = (m: (number | null)[][]) => `[\n${m.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`;
	const text = [
		'{',
		`  "modelVersion": ${JSON.stringify(data.modelVersion)},`,
		`  "design": ${JSON.stringify(data.design)},`,
		`  "checks": ${JSON.stringify(data.checks)},`,
		`  "figures": ${rows(data.figures)},`,
		`  "noise": ${rows(data.noise)},`,
		`  "screens": ${JSON.stringify(data.screens, null, 2).replace(/\n/g, '\n  ')}`,
		'}',
		''
	].join('\n');
	writeFileSync(path, text);
}

/**
 * Write docs/validation.md from the check definitions in src/lib/validation/: calibration
 * targets, verification and the drift check, validation and further patterns, mutations,
 * robustness at other seeds and across the plausible assumptions (read from
 * docs/validation-robustness.json, written by `npm run robustness`), the lever audit and what
 * each family of levers trades off. Uses exactly the experiments and seeds of the tests. Takes
 * about twenty minutes on two cores.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';
import { readRobustness } from '../src/lib/validation/robustness-file';
import { validationReport } from '../src/lib/validation/report';

const started = Date.now();
const report = validationReport(
	loadBuiltinScenarios(),
	(message) => console.error(`${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${message}`),
	readRobustness()
);
const path = fileURLToPath(new URL('../docs/validation.md', import.meta.url));
writeFileSync(path, report);
console.error(`wrote ${path}`);

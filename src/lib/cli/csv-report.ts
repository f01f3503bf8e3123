import { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, OUTCOMES } from '../model/index';
import type { Ensemble } from '../ensemble/index';

export const CSV_HEADER = 'scenario,run,month,outcome,group,value';

/** Name of outcome group g: overall, q1 (least deprived) … q5, area1 … */
export function groupName(g: number): string {
	if (g === 0) return 'overall';
	if (g < GROUP_FIRST_AREA) return `q${g - GROUP_FIRST_QUINTILE + 1}`;
	return `area${g - GROUP_FIRST_AREA + 1}`;
}

/**
 * Tidy CSV of every run, month, outcome and group in which the outcome is defined, one value
 * a row; an undefined value (nobody in the group was served that month) is left empty.
 * Written in chunks so a million rows never sit in one string.
 */
export function writeCsv(
	scenarioId: string,
	ensemble: Ensemble,
	write: (chunk: string) => void,
	header = true
): void {
	if (header) write(CSV_HEADER + '\n');
	const lines: string[] = [];
	ensemble.runs.forEach((run, r) => {
		for (let t = 0; t < run.months; t++) {
			OUTCOMES.forEach((spec, o) => {
				for (let g = 0; g < run.groups; g++) {
					const isQuintile = g > 0 && g < GROUP_FIRST_AREA;
					const isArea = g >= GROUP_FIRST_AREA;
					if ((isQuintile && !spec.byQuintile) || (isArea && !spec.byArea)) continue;
					const v = run.series[(o * run.groups + g) * run.months + t];
					lines.push(`${scenarioId},${r},${t},${spec.id},${groupName(g)},${Number.isFinite(v) ? v : ''}`);
				}
			});
			if (lines.length > 10_000) {
				write(lines.join('\n') + '\n');
				lines.length = 0;
			}
		}
	});
	if (lines.length > 0) write(lines.join('\n') + '\n');
}

/** Tidy CSV of every run: one value a row, written run by run so no run needs to be kept. */
import { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, QUINTILES, type OutcomeSpec, type RunOutput } from '../model/index';

/**
 * `role` tells a scenario's rows from its baseline's, even when both have the same id
 * (`levers run X --set … --baseline X`).
 */
export const CSV_HEADER = 'scenario,role,run,month,outcome,group,value';

/** Name of outcome group g: overall, q1 (least deprived) … q5, area1 … */
export function groupName(g: number): string {
	if (g === 0) return 'overall';
	if (g < GROUP_FIRST_AREA) return `q${g - GROUP_FIRST_QUINTILE + 1}`;
	return `area${g - GROUP_FIRST_AREA + 1}`;
}

/** An outcome with its index in a run's series. */
export interface IndexedOutcome {
	spec: OutcomeSpec;
	index: number;
}

/**
 * Writes the rows of one run: every month, chosen outcome and group in which the outcome is
 * defined; an undefined value (nobody in the group was served that month) is left empty.
 * One chunk per month, so even a large run never sits in one string.
 */
export function writeRunCsv(
	scenarioId: string,
	role: 'scenario' | 'baseline',
	replicate: number,
	run: RunOutput,
	outcomes: readonly IndexedOutcome[],
	write: (chunk: string) => void
): void {
	const prefix = `${scenarioId},${role},${replicate},`;
	for (let t = 0; t < run.months; t++) {
		let chunk = '';
		for (const { spec, index } of outcomes) {
			for (let g = 0; g < run.groups; g++) {
				const isQuintile = g > 0 && g < GROUP_FIRST_AREA;
				const isArea = g >= GROUP_FIRST_AREA;
				if ((isQuintile && !spec.byQuintile) || (isArea && !spec.byArea)) continue;
				const v = run.series[(index * run.groups + g) * run.months + t];
				chunk += `${prefix}${t},${spec.id},${groupName(g)},${Number.isFinite(v) ? v : ''}\n`;
			}
		}
		write(chunk);
	}
}

/** Rows a run writes per month for these outcomes, for size estimates. */
export function csvRowsPerMonth(outcomes: readonly OutcomeSpec[], areas: number): number {
	return outcomes.reduce((n, o) => n + 1 + (o.byQuintile ? QUINTILES : 0) + (o.byArea ? areas : 0), 0);
}

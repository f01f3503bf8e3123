/**
 * What a run will cost before it starts: time, memory and output size, from the size of the
 * work. The rates were measured on the project's 2-core machine (`npm run bench` prints the
 * model's current rate); they are estimates to within a factor of about two, which is enough
 * to warn before a run of hours and to refuse one of days.
 */
import type { OutcomeSpec } from '../model/index';
import { csvRowsPerMonth } from './csv-report';
import { formatBytes, formatCount, formatDuration } from './number-format';

/** One ensemble to run. */
export interface EnsembleWork {
	runs: number;
	citizens: number;
	/** Recorded months plus the spin-up. */
	simulatedMonths: number;
	months: number;
	areas: number;
	providers: number;
}

export interface OutputShape {
	format: 'json' | 'csv' | 'table';
	detail: boolean;
	outcomes: readonly OutcomeSpec[];
}

export interface Estimate {
	seconds: number;
	memoryBytes: number;
	outputBytes: number;
	runs: number;
}

/** Nanoseconds per citizen-month of model 0.1.0 (61–69 measured; rounded up). */
const NS_PER_CITIZEN_MONTH = 70;
/** Set-up and summary per run, in milliseconds. */
const MS_PER_RUN = 5;
/** Node, the bundled command line and the registry, in bytes. */
const BASE_MEMORY = 100e6;
/** One citizen's state in a run (about 60 bytes measured at 1,000,000 citizens). */
const BYTES_PER_CITIZEN = 100;
/** One value in a kept per-run summary. */
const BYTES_PER_VALUE = 8;
/** One CSV row ("scenario,role,run,month,outcome,group,value") and one provider snapshot in JSON. */
const BYTES_PER_CSV_ROW = 60;
const BYTES_PER_SNAPSHOT = 400;

/** Above these a run is refused unless --force; above NOTICE the estimate is printed first. */
export const LIMITS = { seconds: 3600, memoryBytes: 4e9, outputBytes: 2e9 } as const;
export const NOTICE = { seconds: 30, outputBytes: 200e6 } as const;

export function estimate(ensembles: readonly EnsembleWork[], output: OutputShape, outcomesInModel: number): Estimate {
	let seconds = 0;
	let largestWorld = 0;
	let outputBytes = 0;
	let kept = 0;
	let runs = 0;
	for (const e of ensembles) {
		runs += e.runs;
		seconds += e.runs * (e.citizens * e.simulatedMonths * NS_PER_CITIZEN_MONTH * 1e-9 + MS_PER_RUN * 1e-3);
		largestWorld = Math.max(largestWorld, e.citizens * BYTES_PER_CITIZEN);
		const groups = 1 + 5 + e.areas;
		// Per-run summaries of at most two ensembles are kept at a time (a scenario and its baseline).
		kept = Math.max(kept, e.runs * outcomesInModel * (e.months + groups) * BYTES_PER_VALUE);
		const detail = output.detail ? e.runs * e.providers * BYTES_PER_SNAPSHOT : 0;
		if (output.format === 'csv') outputBytes += e.runs * e.months * csvRowsPerMonth(output.outcomes, e.areas) * BYTES_PER_CSV_ROW;
		else outputBytes += output.outcomes.length * e.months * 4 * 22 + detail;
	}
	// A JSON document is built whole before it is written; CSV is streamed.
	const document = output.format === 'csv' ? 0 : outputBytes * 3;
	return { seconds, memoryBytes: BASE_MEMORY + largestWorld + 2 * kept + document, outputBytes, runs };
}

/** Why an estimate is over the limits, or undefined when it is not. */
export function overLimits(e: Estimate): string | undefined {
	const over: string[] = [];
	if (e.seconds > LIMITS.seconds) over.push(`about ${formatDuration(e.seconds)} (limit ${formatDuration(LIMITS.seconds)})`);
	if (e.memoryBytes > LIMITS.memoryBytes) over.push(`about ${formatBytes(e.memoryBytes)} of memory (limit ${formatBytes(LIMITS.memoryBytes)})`);
	if (e.outputBytes > LIMITS.outputBytes) over.push(`about ${formatBytes(e.outputBytes)} of output (limit ${formatBytes(LIMITS.outputBytes)})`);
	return over.length ? over.join(', ') : undefined;
}

export function isLarge(e: Estimate): boolean {
	return e.seconds > NOTICE.seconds || e.outputBytes > NOTICE.outputBytes;
}

/** "1,000 runs: about 3 min 10 s, 180 MB of memory, 1 MB of output". */
export function describeEstimate(e: Estimate): string {
	return `${formatCount(e.runs)} runs: about ${formatDuration(e.seconds)}, ${formatBytes(e.memoryBytes)} of memory, ${formatBytes(e.outputBytes)} of output`;
}

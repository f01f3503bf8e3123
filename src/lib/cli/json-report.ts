/** The JSON documents of `levers run` and `levers compare`. NaN and infinities become null. */
import type { EnsembleSummary, SeriesSummary, Summary } from '../ensemble/index';
import type { OutcomeSpec, RunOutput } from '../model/index';
import type { Overrides, ResolvedScenario, ScenarioFile } from '../scenario/index';
import { toScenarioFile } from '../scenario/serialise';

/** A scenario as results record it: a file that runs again, and how it was put together. */
export interface ScenarioRecord {
	/** The resolved scenario as a scenario file: `levers run` on it gives these numbers again. */
	scenario: ScenarioFile;
	resolution: {
		/** Ids from this scenario up to the root of its `extends` chain. */
		chain: string[];
		/** What the command line laid over the chain (--set, --runs, --seed, --months, --citizens). */
		overrides: Overrides;
	};
}

export function scenarioRecord(resolved: ResolvedScenario, overrides: Overrides): ScenarioRecord {
	return { scenario: toScenarioFile(resolved), resolution: { chain: resolved.chain, overrides } };
}

/** Series, final figures and groups of the chosen outcomes. */
export function summaryReport(summary: EnsembleSummary, outcomes: readonly OutcomeSpec[]) {
	const pick = <T>(record: Partial<Record<string, T>>, f: (v: T) => unknown) =>
		Object.fromEntries(outcomes.filter((o) => record[o.id] !== undefined).map((o) => [o.id, f(record[o.id] as T)]));
	return {
		outcomes: pick(summary.outcomes, (s: SeriesSummary) => ({ mean: list(s.mean), p05: list(s.p05), p50: list(s.p50), p95: list(s.p95) })),
		final: pick(summary.final, figures),
		byQuintile: pick(summary.byQuintile, (groups: Record<string, Summary>) => mapValues(groups, figures)),
		byArea: pick(summary.byArea, (groups: Record<string, Summary>) => mapValues(groups, figures))
	};
}

/**
 * Wait histograms summed over runs and every provider's start and end snapshot, gathered run
 * by run so the runs themselves need not be kept.
 */
export class DetailCollector {
	private targetDays = 0;
	private binDays = 0;
	private trueWaits: number[] = [];
	private recordedWaits: number[] = [];
	private readonly providers: unknown[] = [];

	add(run: RunOutput, replicate: number): void {
		const d = run.detail;
		if (!d) return;
		if (this.trueWaits.length === 0) {
			this.targetDays = d.targetDays;
			this.binDays = d.binDays;
			this.trueWaits = new Array<number>(d.trueWaits.length).fill(0);
			this.recordedWaits = new Array<number>(d.recordedWaits.length).fill(0);
		}
		d.trueWaits.forEach((v, i) => (this.trueWaits[i] += v));
		d.recordedWaits.forEach((v, i) => (this.recordedWaits[i] += v));
		for (const p of d.providers) {
			this.providers.push({ run: replicate, id: p.id, area: p.area + 1, start: mapValues({ ...p.start }, clean), end: mapValues({ ...p.end }, clean) });
		}
	}

	report() {
		return {
			waits: { targetDays: this.targetDays, binDays: this.binDays, true: this.trueWaits, recorded: this.recordedWaits },
			providers: this.providers
		};
	}
}

/** NaN and infinities are not JSON: they become null. */
function clean(v: number): number | null {
	return Number.isFinite(v) ? v : null;
}

function list(values: Float64Array): (number | null)[] {
	return Array.from(values, clean);
}

function figures(s: Summary) {
	return { mean: clean(s.mean), p05: clean(s.p05), p50: clean(s.p50), p95: clean(s.p95) };
}

function mapValues<T, U>(record: Record<string, T>, f: (v: T) => U): Record<string, U> {
	const out: Record<string, U> = {};
	for (const [k, v] of Object.entries(record)) out[k] = f(v);
	return out;
}

import { summariseEnsemble, type Ensemble, type EnsembleSummary, type SeriesSummary, type Summary } from '../ensemble/index';
import { MODEL_NAME, MODEL_VERSION, OUTCOMES, type RunOutput } from '../model/index';
import type { ResolvedScenario } from '../scenario/index';

/** The resolved scenario as it appears in results: everything needed to run it again. */
export function describeScenario(s: ResolvedScenario) {
	return {
		id: s.id,
		title: s.title,
		description: s.description,
		sources: s.sources,
		chain: s.chain,
		levers: s.levers,
		assumptions: s.assumptions,
		population: s.population,
		months: s.months,
		seed: s.seed,
		runs: s.runs
	};
}

/** The JSON document `levers run --format json` prints. */
export function jsonReport(
	scenario: ResolvedScenario,
	ensemble: Ensemble,
	baseline?: { scenario: ResolvedScenario; ensemble: Ensemble }
) {
	const report: Record<string, unknown> = {
		model: { name: MODEL_NAME, version: MODEL_VERSION },
		scenario: describeScenario(scenario),
		runs: ensemble.runs.length,
		seeds: ensemble.seeds,
		months: ensemble.months,
		...summaryReport(summariseEnsemble(ensemble))
	};
	if (ensemble.runs[0].detail) report.detail = detailReport(ensemble.runs);
	if (baseline) {
		report.baseline = describeScenario(baseline.scenario);
		// Paired differences, scenario minus baseline, run by run on the same seeds.
		report.difference = summaryReport(summariseEnsemble(ensemble, baseline.ensemble));
	}
	return report;
}

function summaryReport(summary: EnsembleSummary) {
	const outcomes: Record<string, Record<keyof SeriesSummary, number[]>> = {};
	for (const spec of OUTCOMES) {
		const s = summary.outcomes[spec.id];
		outcomes[spec.id] = { mean: list(s.mean), p05: list(s.p05), p50: list(s.p50), p95: list(s.p95) };
	}
	return {
		outcomes,
		final: mapValues(summary.final, figures),
		byQuintile: mapValues(summary.byQuintile, (groups) => mapValues(groups!, figures)),
		byArea: mapValues(summary.byArea, (groups) => mapValues(groups!, figures))
	};
}

function detailReport(runs: RunOutput[]) {
	const first = runs[0].detail!;
	const trueWaits = new Array<number>(first.trueWaits.length).fill(0);
	const recordedWaits = new Array<number>(first.recordedWaits.length).fill(0);
	const providers: unknown[] = [];
	runs.forEach((run, r) => {
		const d = run.detail!;
		d.trueWaits.forEach((v, i) => (trueWaits[i] += v));
		d.recordedWaits.forEach((v, i) => (recordedWaits[i] += v));
		for (const p of d.providers) {
			providers.push({ run: r, id: p.id, area: p.area + 1, start: mapValues({ ...p.start }, clean), end: mapValues({ ...p.end }, clean) });
		}
	});
	return {
		waits: { targetDays: first.targetDays, binDays: first.binDays, true: trueWaits, recorded: recordedWaits },
		providers
	};
}

/** NaN and infinities are not JSON: they become null. */
function clean(v: number): number | null {
	return Number.isFinite(v) ? v : null;
}

function list(values: Float64Array): number[] {
	return Array.from(values, (v) => clean(v) as number);
}

function figures(s: Summary) {
	return { mean: clean(s.mean), p05: clean(s.p05), p50: clean(s.p50), p95: clean(s.p95) };
}

function mapValues<T, U>(record: Partial<Record<string, T>>, f: (v: T) => U): Record<string, U> {
	const out: Record<string, U> = {};
	for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = f(v as T);
	return out;
}

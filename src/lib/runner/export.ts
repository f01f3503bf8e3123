/**
 * The numbers on the page as a document: the same shape and the same figures as the
 * `outcomes`, `final`, `byQuintile` and `byArea` of `levers run --format json`, so a share
 * link's numbers can be checked against the command line.
 */
import { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, MODEL_NAME, MODEL_VERSION, OUTCOMES, QUINTILES, replicateSeed } from '../model/index';
import type { Summary } from '../ensemble/index';
import type { EnsembleAccumulator } from './incremental-quantiles';
import type { ScenarioSettings } from './scenario-api';

/** NaN and infinities are not JSON: null, as the command line writes them. */
function clean(v: number): number | null {
	return Number.isFinite(v) ? v : null;
}

function figures(s: Summary) {
	return { mean: clean(s.mean), p05: clean(s.p05), p50: clean(s.p50), p95: clean(s.p95) };
}

export function summaryDocument(settings: ScenarioSettings, ensemble: EnsembleAccumulator) {
	const outcomes: Record<string, { mean: (number | null)[]; p05: (number | null)[]; p50: (number | null)[]; p95: (number | null)[] }> = {};
	const final: Record<string, ReturnType<typeof figures>> = {};
	const byQuintile: Record<string, Record<string, ReturnType<typeof figures>>> = {};
	const byArea: Record<string, Record<string, ReturnType<typeof figures>>> = {};
	OUTCOMES.forEach((spec, o) => {
		const band = ensemble.band(o);
		outcomes[spec.id] = {
			mean: Array.from(band.mean, clean),
			p05: Array.from(band.p05, clean),
			p50: Array.from(band.p50, clean),
			p95: Array.from(band.p95, clean)
		};
		final[spec.id] = figures(ensemble.final(o, 0));
		if (spec.byQuintile) {
			byQuintile[spec.id] = {};
			for (let q = 0; q < QUINTILES; q++) byQuintile[spec.id][`q${q + 1}`] = figures(ensemble.final(o, GROUP_FIRST_QUINTILE + q));
		}
		if (spec.byArea) {
			byArea[spec.id] = {};
			for (let g = GROUP_FIRST_AREA; g < ensemble.groups; g++) byArea[spec.id][`area${g - GROUP_FIRST_AREA + 1}`] = figures(ensemble.final(o, g));
		}
	});
	return {
		model: { name: MODEL_NAME, version: MODEL_VERSION },
		scenario: settings,
		runs: ensemble.count,
		complete: ensemble.complete,
		seeds: Array.from({ length: settings.runs }, (_, r) => replicateSeed(settings.seed, r)),
		months: ensemble.months,
		outcomes,
		final,
		byQuintile,
		byArea
	};
}

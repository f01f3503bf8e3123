/**
 * Calibrate the baseline to England c. 2023 over its first three model years (3 replicates):
 * each calibration target with a scripted fit (src/lib/validation/calibration-targets.ts) has
 * its one fitted parameter bisected to the target, in the order listed, twice over.
 * Prints the values to copy into the registry; changes nothing by itself.
 * Usage: npx tsx scripts/calibrate.ts [id=value ...]   (fixed settings to calibrate under)
 */
import { runModel, LEVERS, defaultAssumptions, defaultLevers, OUTCOME_INDEX, replicateSeed, type AssumptionValues, type OutcomeId } from '../src/lib/model/index';
import { CALIBRATION_MONTHS, CALIBRATION_TARGETS, type ScriptedFit } from '../src/lib/validation/index';

const months = CALIBRATION_MONTHS;
const fixed = process.argv.slice(2).map((s) => s.split('='));
const base = defaultAssumptions();
for (const [k, v] of fixed) (base as Record<string, number>)[k] = Number(v);
const levers = Object.fromEntries(LEVERS.map((l) => [l.id, new Float64Array(months).fill(defaultLevers()[l.id])])) as never;

function firstYears(p: AssumptionValues, id: OutcomeId): number {
	let sum = 0;
	for (let r = 0; r < 3; r++) {
		const out = runModel({ levers, assumptions: p, population: { citizens: 20000, areas: 12, providersPerArea: 3 }, months, seed: replicateSeed(7, r) });
		for (let t = 0; t < months; t++) sum += out.series[OUTCOME_INDEX[id] * out.groups * months + t];
	}
	return sum / (3 * months);
}

function bisect(p: AssumptionValues, key: keyof AssumptionValues, fit: ScriptedFit) {
	let [lo, hi] = fit.search;
	for (let step = 0; step < 7; step++) {
		const mid = (lo + hi) / 2;
		p[key] = mid;
		const v = firstYears(p, fit.outcome);
		if ((v < fit.target) === fit.rising) lo = mid;
		else hi = mid;
	}
	p[key] = Number(((lo + hi) / 2).toPrecision(3));
}

const scripted = CALIBRATION_TARGETS.flatMap((t) => (t.fit === 'set by hand' ? [] : [{ parameter: t.fitted[0], fit: t.fit }]));
const p = { ...base };
for (let pass = 0; pass < 2; pass++) for (const { parameter, fit } of scripted) bisect(p, parameter, fit);
console.log(JSON.stringify(Object.fromEntries(scripted.map(({ parameter }) => [parameter, p[parameter]]))));
for (const id of ['access.trueWithinTarget', 'gaming.gap', 'workforce.burnoutShare', 'workforce.leaverRate', 'workforce.vacancyRate', 'prevention.crisisRate', 'prevention.failureDemandShare', 'quality.true'] as const) {
	console.log(id.padEnd(32), firstYears(p, id).toFixed(3));
}

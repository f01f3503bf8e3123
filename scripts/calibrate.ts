/**
 * Calibrate the baseline's intercepts to England c. 2023 (first three model years, 3 replicates):
 * onsetRate → true access ≈ 0.78, burnoutBase → burnout ≈ 0.30, quitBase → leaving ≈ 0.10.
 * Prints the values to copy into the registry; changes nothing by itself.
 * Usage: npx tsx scripts/calibrate.ts [id=value ...]   (fixed settings to calibrate under)
 */
import { runModel, LEVERS, defaultAssumptions, defaultLevers, OUTCOME_INDEX, replicateSeed, type AssumptionValues } from '../src/lib/model/index';
import { CALIBRATION_MONTHS } from '../src/lib/validation/index';

const months = CALIBRATION_MONTHS;
const fixed = process.argv.slice(2).map((s) => s.split('='));
const base = defaultAssumptions();
for (const [k, v] of fixed) (base as Record<string, number>)[k] = Number(v);
const levers = Object.fromEntries(LEVERS.map((l) => [l.id, new Float64Array(months).fill(defaultLevers()[l.id])])) as never;

function firstYear(p: AssumptionValues, id: keyof typeof OUTCOME_INDEX): number {
	let sum = 0;
	for (let r = 0; r < 3; r++) {
		const out = runModel({ levers, assumptions: p, population: { citizens: 20000, areas: 12, providersPerArea: 3 }, months, seed: replicateSeed(7, r) });
		for (let t = 0; t < months; t++) sum += out.series[OUTCOME_INDEX[id] * out.groups * months + t];
	}
	return sum / (3 * months);
}

function bisect(p: AssumptionValues, key: keyof AssumptionValues, lo: number, hi: number, id: keyof typeof OUTCOME_INDEX, target: number, increasing: boolean) {
	for (let step = 0; step < 7; step++) {
		const mid = (lo + hi) / 2;
		p[key] = mid;
		const v = firstYear(p, id);
		if ((v < target) === increasing) lo = mid;
		else hi = mid;
	}
	p[key] = Number(((lo + hi) / 2).toPrecision(3));
}

const p = { ...base };
for (let pass = 0; pass < 2; pass++) {
	bisect(p, 'onsetRate', 0.02, 0.08, 'access.trueWithinTarget', 0.78, false);
	bisect(p, 'burnoutBase', -3, 1, 'workforce.burnoutShare', 0.3, true);
	bisect(p, 'quitBase', 0.002, 0.02, 'workforce.leaverRate', 0.1, true);
}
console.log(JSON.stringify({ onsetRate: p.onsetRate, burnoutBase: p.burnoutBase, quitBase: p.quitBase }));
for (const id of ['access.trueWithinTarget', 'gaming.gap', 'workforce.burnoutShare', 'workforce.leaverRate', 'workforce.vacancyRate', 'prevention.crisisRate', 'prevention.failureDemandShare', 'quality.true'] as const) {
	console.log(id.padEnd(32), firstYear(p, id).toFixed(3));
}

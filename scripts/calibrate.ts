/**
 * Calibrate the baseline to its calibration targets (src/lib/validation/calibration-targets.ts):
 * every target with a scripted fit measures its figure with its own experiment, and all fitted
 * parameters move together, each by a damped Newton step toward its own target, on common seeds,
 * for a number of rounds (the targets interact, so one at a time does not converge). Prints each
 * round and the fitted values to copy into the registry; changes nothing by itself.
 * Usage: npx tsx scripts/calibrate.ts [rounds=10] [runs=4] [id=value ...]   (starting values)
 */
import { defaultAssumptions, type AssumptionValues } from '../src/lib/model/index';
import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';
import { CALIBRATION_TARGETS, Experiments, type ScriptedFit } from '../src/lib/validation/index';

/** Share of each Newton step taken: the targets interact, so full steps overshoot. */
const DAMPING = 0.5;
/** Seeds of the calibration runs, apart from the validation seeds so the checks are not tuned to them. */
const CALIBRATION_SEED = 4242;

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
const rounds = Number(args.rounds ?? 10);
const runs = Number(args.runs ?? 4);
const library = loadBuiltinScenarios();
const scripted = CALIBRATION_TARGETS.flatMap((t) => (t.fit === 'set by hand' ? [] : [{ target: t, parameter: t.fitted[0], fit: t.fit as ScriptedFit }]));

const values: Partial<AssumptionValues> = {};
for (const { parameter } of scripted) values[parameter] = Number(args[parameter] ?? defaultAssumptions()[parameter]);

const toScale = (fit: ScriptedFit, v: number) => (fit.scale === 'log' ? Math.log(v) : v);
const fromScale = (fit: ScriptedFit, v: number) => (fit.scale === 'log' ? Math.exp(v) : v);

for (let round = 0; round <= rounds; round++) {
	const x = new Experiments(library, runs, CALIBRATION_SEED).mutated(values);
	const figures = scripted.map(({ target }) => target.measure(x).mean);
	console.error(
		`round ${round}: ` +
			scripted.map(({ parameter, fit }, j) => `${parameter} ${Number(values[parameter]).toPrecision(4)} → ${figures[j].toFixed(3)} (${fit.target})`).join('; ')
	);
	if (round === rounds) break;
	scripted.forEach(({ parameter, fit }, j) => {
		const here = toScale(fit, values[parameter]!);
		// At most half a unit on the log scale, or 30% of the value (at least 0.5) on the linear one.
		const limit = fit.scale === 'log' ? 0.5 : Math.max(0.5, Math.abs(here) * 0.3);
		const step = Math.max(-limit, Math.min(limit, (fit.target - figures[j]) / fit.slope));
		values[parameter] = Number(fromScale(fit, here + DAMPING * step).toPrecision(3));
	});
}
console.log(JSON.stringify(values));

/**
 * The sample behind "validation across the plausible assumptions": a Latin hypercube over the
 * plausible ranges of the behavioural and cost parameters graded weak or assumption. Context and
 * population parameters describe the place modelled, not how people behave, and the experiments
 * set them where a pattern needs it; parameters fitted to a calibration target stay at their
 * fitted values (they are not refitted at each point, so the report also says where the fits
 * still hold).
 */
import { ASSUMPTIONS, type AssumptionSpec } from '../model/index';
import { latinHypercube, scaleTo } from '../sweep/latin-hypercube';
import { CALIBRATION_TARGETS } from './calibration-targets';

/** Grades whose parameters are sampled: those the evidence pins down least. */
export const SAMPLED_GRADES: readonly string[] = ['weak', 'assumption'];
const HELD_GROUPS: readonly string[] = ['context', 'population'];

/** Points in the sample: the issue asks for at least 100 per pattern. */
export const SAMPLE_POINTS = 100;
/** Paired runs at each point, all on the validation base seed (common random numbers across points). */
export const SAMPLE_RUNS = 2;
/** Seed of the Latin hypercube design. */
export const SAMPLE_DESIGN_SEED = 2026;

/** The fitted parameters: held at their calibrated values. */
export function fittedParameters(): Set<string> {
	return new Set(CALIBRATION_TARGETS.flatMap((t) => t.fitted));
}

/** The parameters sampled, in registry order. */
export function sampledParameters(): AssumptionSpec[] {
	const fitted = fittedParameters();
	return ASSUMPTIONS.filter(
		(a) => SAMPLED_GRADES.includes(a.grade) && !HELD_GROUPS.includes(a.group) && !fitted.has(a.id) && a.max > a.min
	);
}

/** Point i of the sample: each sampled parameter at its stratified draw within its plausible range. */
export function samplePoints(parameters: readonly AssumptionSpec[], n: number, seed: number): Record<string, number>[] {
	return latinHypercube(n, parameters.length, seed).map((unit) =>
		Object.fromEntries(parameters.map((p, d) => [p.id, scaleTo(unit[d], p.min, p.max)]))
	);
}

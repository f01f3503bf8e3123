/**
 * Validation across the plausible assumptions (issue: "a pattern that holds only at the
 * calibrated point is fragile"). Every calibration target and pattern check is evaluated at each
 * point of a Latin hypercube over the weak- and assumption-graded parameters
 * (assumption-sample.ts); the points where a check breaks are compared with those where it
 * holds (Monte Carlo filtering) to find candidate parameters, and a Morris screen of the
 * check's figure over those candidates ranks them. The runs are made by
 * scripts/validation-robustness.ts; this module holds the pieces, pure but for the model runs,
 * and the summaries the report prints.
 */
import { morris, type MorrisEffect } from '../analysis/morris';
import { MODEL_VERSION } from '../model/index';
import type { ScenarioLibrary } from '../scenario/index';
import { CALIBRATION_CHECKS, FURTHER_CHECKS, VALIDATION_CHECKS } from './catalogue';
import { whyMissed, type Bounds, type ListedCheck } from './checks';
import { Experiments, VALIDATION_SEED } from './experiments';
import { filterParameters, type FilteredParameter } from './monte-carlo-filtering';
import { SAMPLE_DESIGN_SEED, SAMPLE_POINTS, SAMPLE_RUNS, sampledParameters, samplePoints } from './assumption-sample';

/** The checks evaluated at every point: calibration fits (to condition on) and every pattern check. */
export const SAMPLED_CHECKS: ListedCheck[] = [...CALIBRATION_CHECKS, ...VALIDATION_CHECKS, ...FURTHER_CHECKS];
/** Other base seeds on which the calibrated point is run too: how often a check flips from the draws alone. */
export const NOISE_SEEDS = [101, 202, 303, 404, 505, 606, 707, 808, 909, 1010];
/** Candidates from the filtering screened by Morris, and the screen's trajectories. */
export const SCREEN_CANDIDATES = 5;
export const SCREEN_TRAJECTORIES = 4;
/** Share of the sample in which a check must hold to be robust; below FRAGILE_SHARE it is fragile. */
export const ROBUST_SHARE = 0.9;
export const FRAGILE_SHARE = 0.5;
/** Points needed where every calibration fit holds before the conditional share is reported. */
export const MIN_CALIBRATED_POINTS = 10;

/** What the robustness script writes (docs/validation-robustness.json): raw figures, summarised on reading. */
export interface RobustnessData {
	modelVersion: string;
	design: { points: number; runs: number; seed: number; designSeed: number; noiseSeeds: number[]; parameters: string[] };
	checks: string[];
	/** figures[point][check]: the mean of the check's figure over the point's runs (null where undefined). */
	figures: (number | null)[][];
	/** noise[seed][check]: the same at the calibrated assumptions on NOISE_SEEDS. */
	noise: (number | null)[][];
	/** Morris screens of the checks that hold at some points and break at others, by check id. */
	screens: Record<string, Screen>;
}

export interface Screen {
	candidates: FilteredParameter[];
	effects: Pick<MorrisEffect, 'id' | 'mu' | 'muStar' | 'sigma'>[];
}

/** The design as run now: a saved file whose design differs is stale. */
export function currentDesign(): RobustnessData['design'] {
	return {
		points: SAMPLE_POINTS,
		runs: SAMPLE_RUNS,
		seed: VALIDATION_SEED,
		designSeed: SAMPLE_DESIGN_SEED,
		noiseSeeds: NOISE_SEEDS,
		parameters: sampledParameters().map((p) => p.id)
	};
}

/** Each check's mean figure with `assumptions` laid under every experiment's own. */
export function evaluatePoint(library: ScenarioLibrary, assumptions: Record<string, number>, seed: number, checks = SAMPLED_CHECKS): (number | null)[] {
	const x = new Experiments(library, SAMPLE_RUNS, seed).mutated(assumptions);
	return checks.map((c) => finite(c.check.measure(x).mean));
}

/**
 * A Morris screen of one check's figure over candidate parameters (the others at their
 * defaults), on the validation seed: its elementary effects rank what moves the figure.
 */
export async function screenCheck(library: ScenarioLibrary, check: ListedCheck, candidates: FilteredParameter[]): Promise<Screen> {
	const specs = sampledParameters();
	const factors = candidates.map((c) => {
		const p = specs.find((s) => s.id === c.id)!;
		return { id: p.id, min: p.min, max: p.max, grade: p.grade };
	});
	const result = await morris(
		factors,
		(point) => Float64Array.of(evaluatePoint(library, point, VALIDATION_SEED, [check])[0] ?? NaN),
		{ trajectories: SCREEN_TRAJECTORIES, seed: SAMPLE_DESIGN_SEED }
	);
	return { candidates, effects: result.effects.map(({ id, mu, muStar, sigma }) => ({ id, mu, muStar, sigma })) };
}

/** The filtering candidates of a check, from the sample (empty when it holds or breaks nearly everywhere). */
export function candidatesFor(data: Pick<RobustnessData, 'design' | 'checks' | 'figures'>, checkId: string): FilteredParameter[] {
	const c = data.checks.indexOf(checkId);
	const listed = SAMPLED_CHECKS.find((l) => l.id === checkId)!;
	const holds = data.figures.map((f) => holdsAt(listed.check.bounds, f[c]));
	const values = pointValues(data.design);
	return filterParameters(data.design.parameters, values, holds).slice(0, SCREEN_CANDIDATES);
}

/** The sample's parameter values, point by point, in the design's parameter order. */
export function pointValues(design: RobustnessData['design']): number[][] {
	const specs = sampledParameters();
	const byId = new Map(specs.map((s) => [s.id, s]));
	const parameters = design.parameters.map((id) => byId.get(id)!);
	return samplePoints(parameters, design.points, design.designSeed).map((p) => design.parameters.map((id) => p[id]));
}

/** A figure holds at a point when its mean lies strictly within the check's bounds (undefined never holds). */
export function holdsAt(bounds: Bounds, figure: number | null): boolean {
	if (figure === null) return false;
	return (bounds.above === undefined || figure > bounds.above) && (bounds.below === undefined || figure < bounds.below);
}

export type Verdict = 'robust' | 'holds in most of the range' | 'fragile' | 'missed';

export interface CheckRobustness {
	check: ListedCheck;
	/** Whether the check passes at the calibrated point (what the main report and tests assert). */
	atCalibratedPoint: boolean;
	/** Share of the sample in which it holds. */
	share: number;
	/** Share among the points where every calibration fit holds; null with too few such points. */
	shareCalibrated: number | null;
	/** On how many of the noise seeds it holds at the calibrated assumptions. */
	noiseHolds: number;
	verdict: Verdict;
	/** What breaks it (or, for a miss, what makes it hold), largest Morris μ* first. */
	breakers: { id: string; breaksWhen: 'high' | 'low'; muStar: number; significant: boolean }[];
}

/** Each sampled check's robustness, in report order. */
export function summariseRobustness(data: RobustnessData): CheckRobustness[] {
	const calibrated = calibratedAt(data);
	const calibratedCount = calibrated.filter(Boolean).length;
	return SAMPLED_CHECKS.map((check) => {
		const c = data.checks.indexOf(check.id);
		const holds = data.figures.map((f) => holdsAt(check.check.bounds, f[c]));
		const share = holds.filter(Boolean).length / holds.length;
		const shareCalibrated = calibratedCount >= MIN_CALIBRATED_POINTS ? holds.filter((h, i) => h && calibrated[i]).length / calibratedCount : null;
		const atCalibratedPoint = whyMissed(check) === undefined;
		const verdict: Verdict = !atCalibratedPoint ? 'missed' : share >= ROBUST_SHARE ? 'robust' : share >= FRAGILE_SHARE ? 'holds in most of the range' : 'fragile';
		const screen = data.screens[check.id];
		const breakers = screen
			? screen.effects.map((e) => {
					const candidate = screen.candidates.find((k) => k.id === e.id)!;
					return { id: e.id, breaksWhen: candidate.breaksWhen, muStar: e.muStar, significant: candidate.significant };
				})
			: [];
		return {
			check,
			atCalibratedPoint,
			share,
			shareCalibrated,
			noiseHolds: data.noise.filter((f) => holdsAt(check.check.bounds, f[c])).length,
			verdict,
			breakers
		};
	});
}

/** Point by point, whether every calibration target's fit still holds there. */
export function calibratedAt(data: Pick<RobustnessData, 'checks' | 'figures'>): boolean[] {
	const at = CALIBRATION_CHECKS.map((c) => ({ bounds: c.check.bounds, i: data.checks.indexOf(c.id) }));
	return data.figures.map((f) => at.every(({ bounds, i }) => holdsAt(bounds, f[i])));
}

/** Why a saved file cannot be reported as this model's, or undefined if it can. */
export function staleness(data: RobustnessData): string | undefined {
	if (data.modelVersion !== MODEL_VERSION) return `computed for model version ${data.modelVersion}, not ${MODEL_VERSION}`;
	if (JSON.stringify(data.design) !== JSON.stringify(currentDesign())) return 'computed for a different sample design or set of sampled parameters';
	if (JSON.stringify(data.checks) !== JSON.stringify(SAMPLED_CHECKS.map((c) => c.id))) return 'computed for a different set of checks';
	return undefined;
}

function finite(v: number): number | null {
	return Number.isFinite(v) ? v : null;
}

/**
 * The four kinds of check, kept apart so that nothing fitted or read back is counted as
 * validation (AQuA Book: verification is not validation; calibration is neither):
 * - calibration target: a published figure that named parameters were fitted to;
 * - verification: the code does what the design says (including reading back an input);
 * - validation pattern: a pattern of the brief's evidence (§5), never fitted, never read back;
 * - further pattern: a published pattern outside that list, checked the same way.
 * Every check has a claim, the published figure with its publication, a unit, bounds set from
 * the published figure, and a measure giving the 5–95% interval across runs. It passes only if
 * that whole interval lies within its bounds.
 */
import type { AssumptionId, AssumptionValues, OutcomeId } from '../model/index';
import type { Experiments, Interval } from './experiments';

/** Bounds on a check's figure: its whole 5–95% interval must lie strictly between them. */
export interface Bounds {
	above?: number;
	below?: number;
}

export const between = (low: number, high: number): Bounds => ({ above: low, below: high });
export const above = (low: number): Bounds => ({ above: low });
export const below = (high: number): Bounds => ({ below: high });

/** Does the whole interval lie within the bounds? An undefined figure (NaN) never does. */
export function within(bounds: Bounds, i: Interval): boolean {
	const lowOk = bounds.above === undefined ? Number.isFinite(i.p05) : i.p05 > bounds.above;
	const highOk = bounds.below === undefined ? Number.isFinite(i.p95) : i.p95 < bounds.below;
	return lowOk && highOk;
}

export function describeBounds(b: Bounds): string {
	if (b.above !== undefined && b.below !== undefined) return `between ${b.above} and ${b.below}`;
	if (b.above !== undefined) return `above ${b.above}`;
	return `below ${b.below}`;
}

/**
 * A mechanism switched off by assumption overrides, laid under each experiment's own: with it,
 * the check must fail, so the check passes only through the mechanism it illustrates.
 */
export interface Mutation {
	/** What is switched off, e.g. "without audit's deterrence of workers". */
	name: string;
	assumptions: Partial<AssumptionValues>;
	/**
	 * Set only while the check still passes without the mechanism: why, in a sentence. The test
	 * then asserts it still passes (so a fix is noticed) and the report lists it.
	 */
	whySurvives?: string;
}

interface CheckBase {
	claim: string;
	/** The published figure or finding, citing the publication (never a project file). */
	published: string;
	unit: string;
	/** Set from the published figure before the model is run; two-sided where it is a range. */
	bounds: Bounds;
	/** The model's figure as its 5–95% interval across runs or paired runs. */
	measure(x: Experiments): Interval;
}

/**
 * A fit made by `npm run calibrate` (scripts/calibrate.ts): the fitted parameters are moved
 * together, each toward its own target, by damped Newton steps on common seeds, because the
 * targets interact (burnout, leaving and vacancies feed access, and access feeds burnout).
 */
export interface ScriptedFit {
	/** The figure the fit aims at: the mean of the check's measure. */
	target: number;
	/** The scale the parameter moves on: log for positive rates, linear for intercepts. */
	scale: 'linear' | 'log';
	/** Starting guess of the change in the figure per unit change of the parameter on that scale. */
	slope: number;
}

/** A published figure that named parameters were fitted to: reported as fitted, never as validation. */
export interface CalibrationTarget extends CheckBase {
	fitted: AssumptionId[];
	/** The months of the experiment the fit used (month 0 is the first after spin-up). */
	window: { from: number; to: number };
	/** How the fit was made. */
	fit: ScriptedFit | 'set by hand';
}

/** An input read back through the model: verification that the code applies it, not validation. */
export interface ReadBack {
	inputs: AssumptionId[];
	/** The published range the inputs were taken from, with its publication. */
	publishedRange: string;
}

/** The code does what the design says. */
export interface Verification extends CheckBase {
	readsBack?: ReadBack;
	/** Mechanisms without which the check must fail. */
	mutations?: Mutation[];
}

/** A check of a validation pattern or a further pattern. */
export interface PatternCheck extends CheckBase {
	/** Mechanisms without which the check must fail: the pattern passes only through them. */
	mutations?: Mutation[];
	/**
	 * Set only when the model misses the pattern: why, in a sentence. The test then asserts the
	 * check is still missed (so a fix is noticed) and the report counts it as missed.
	 */
	whyMissed?: string;
}

/** A published pattern and its checks. */
export interface Pattern {
	id: number;
	title: string;
	/** The publications the pattern rests on. */
	sources: string;
	checks: PatternCheck[];
}

export type CheckKind = 'calibration' | 'verification' | 'validation' | 'further';

/** Any check, with its kind, its stable id and the section it is reported under. */
export type ListedCheck =
	| { kind: 'calibration'; id: string; section: string; check: CalibrationTarget }
	| { kind: 'verification'; id: string; section: string; check: Verification }
	| { kind: 'validation' | 'further'; id: string; section: string; check: PatternCheck };

/** A check's mutations (calibration targets have none). */
export function mutationsOf(listed: ListedCheck): Mutation[] {
	return listed.kind === 'calibration' ? [] : (listed.check.mutations ?? []);
}

/** The reason a pattern check is a known miss, or undefined: only pattern checks can be missed. */
export function whyMissed(listed: ListedCheck): string | undefined {
	return listed.kind === 'validation' || listed.kind === 'further' ? listed.check.whyMissed : undefined;
}

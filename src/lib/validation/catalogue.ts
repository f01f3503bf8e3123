/**
 * Every check, in report order, with its kind and a stable id: C1… calibration targets,
 * V1… verification, D:<outcome> drift, 1.1… validation patterns, F1.1… further patterns.
 * The tests and the report are both generated from this list, so they cannot drift apart.
 */
import { CALIBRATION_TARGETS } from './calibration-targets';
import { mutationsOf, within, whyMissed, type CheckKind, type ListedCheck, type Mutation, type Pattern } from './checks';
import { driftChecks } from './drift';
import type { Experiments, Interval } from './experiments';
import { FURTHER_PATTERNS } from './further-patterns';
import { PATTERNS } from './patterns';
import { VERIFICATIONS } from './verifications';

const fromPatterns = (kind: 'validation' | 'further', patterns: Pattern[], prefix: string): ListedCheck[] =>
	patterns.flatMap((p) =>
		p.checks.map((check, i) => ({ kind, id: `${prefix}${p.id}.${i + 1}`, section: `${prefix}${p.id}. ${p.title}`, check }))
	);

export const CALIBRATION_CHECKS: ListedCheck[] = CALIBRATION_TARGETS.map((check, i) => ({
	kind: 'calibration',
	id: `C${i + 1}`,
	section: 'Calibration targets',
	check
}));

export const VERIFICATION_CHECKS: ListedCheck[] = VERIFICATIONS.map((check, i) => ({
	kind: 'verification',
	id: `V${i + 1}`,
	section: 'Verification',
	check
}));

export const DRIFT_CHECKS: ListedCheck[] = driftChecks().map((check) => ({
	kind: 'verification',
	id: `D:${check.outcome.id}`,
	section: 'Status-quo drift',
	check
}));

export const VALIDATION_CHECKS: ListedCheck[] = fromPatterns('validation', PATTERNS, '');
export const FURTHER_CHECKS: ListedCheck[] = fromPatterns('further', FURTHER_PATTERNS, 'F');

export const ALL_CHECKS: ListedCheck[] = [
	...CALIBRATION_CHECKS,
	...VERIFICATION_CHECKS,
	...DRIFT_CHECKS,
	...VALIDATION_CHECKS,
	...FURTHER_CHECKS
];

/**
 * What a check's result means: a calibration target's fit holds or is lost; verification
 * passes or fails; a pattern is reproduced or missed. A known miss that is reproduced is a
 * fix to record (remove its whyMissed).
 */
export type Status = 'fit holds' | 'fit lost' | 'verified' | 'failed' | 'reproduced' | 'missed' | 'reproduced, marked missed';

export interface CheckResult {
	interval: Interval;
	within: boolean;
	status: Status;
	/** Whether the result is what the definitions expect: CI fails where it is not. */
	expected: boolean;
}

export function statusOf(kind: CheckKind, inBounds: boolean, knownMiss: boolean): Status {
	if (kind === 'calibration') return inBounds ? 'fit holds' : 'fit lost';
	if (kind === 'verification') return inBounds ? 'verified' : 'failed';
	if (inBounds) return knownMiss ? 'reproduced, marked missed' : 'reproduced';
	return 'missed';
}

export function evaluate(listed: ListedCheck, x: Experiments): CheckResult {
	const interval = listed.check.measure(x);
	const inBounds = within(listed.check.bounds, interval);
	const knownMiss = whyMissed(listed) !== undefined;
	return { interval, within: inBounds, status: statusOf(listed.kind, inBounds, knownMiss), expected: inBounds !== knownMiss };
}

export interface MutationResult {
	mutation: Mutation;
	/** The check's figure with the mechanism switched off. */
	interval: Interval;
	/** The check fails with the mutation: it depends on the mechanism. */
	checkFails: boolean;
	/** Whether this is what the definitions expect (fails, or still passes where whySurvives says so). */
	expected: boolean;
}

export function evaluateMutation(listed: ListedCheck, mutation: Mutation, x: Experiments): MutationResult {
	const interval = listed.check.measure(x.mutated(mutation.assumptions));
	const checkFails = !within(listed.check.bounds, interval);
	return { mutation, interval, checkFails, expected: checkFails === (mutation.whySurvives === undefined) };
}

/** A check's mutations are tested only where the check itself passes: a missed check fails anyway. */
export function mutationsToTest(listed: ListedCheck): Mutation[] {
	return whyMissed(listed) === undefined ? mutationsOf(listed) : [];
}

export {
	Experiments,
	PerRun,
	BASELINE_ID,
	VALIDATION_RUNS,
	VALIDATION_SEED,
	ROBUSTNESS_SEEDS,
	windowOf,
	finalOf,
	quintileOf,
	areasOf,
	areaCount,
	acrossAreas,
	change,
	type Interval
} from './experiments';
export {
	between,
	above,
	below,
	within,
	describeBounds,
	mutationsOf,
	whyMissed,
	type Bounds,
	type Mutation,
	type CalibrationTarget,
	type ScriptedFit,
	type Verification,
	type ReadBack,
	type PatternCheck,
	type Pattern,
	type CheckKind,
	type ListedCheck
} from './checks';
export { CALIBRATION_MONTHS, FINAL_YEAR } from './experiment-settings';
export { CALIBRATION_TARGETS } from './calibration-targets';
export { VERIFICATIONS } from './verifications';
export { PATTERNS } from './patterns';
export { FURTHER_PATTERNS } from './further-patterns';
export { DRIFT_RULES, NO_GROWTH, driftOf, driftRuleFor, describeDriftRule, type DriftRule, type Drift } from './drift';
export {
	ALL_CHECKS,
	CALIBRATION_CHECKS,
	VERIFICATION_CHECKS,
	DRIFT_CHECKS,
	VALIDATION_CHECKS,
	FURTHER_CHECKS,
	evaluate,
	evaluateMutation,
	mutationsToTest,
	statusOf,
	type MutationResult,
	type CheckResult,
	type Status
} from './catalogue';
export {
	DIRECTIONS,
	leverAudit,
	auditLever,
	auditPasses,
	exceptionFor,
	shortfallFor,
	effectOf,
	verdictOf,
	outcomeChanges,
	AUDITED_MOVE,
	AUDIT_WINDOWS,
	outcomesWith,
	type Direction,
	type AuditVerdict,
	type Effect,
	type OutcomeChange,
	type LeverAuditRow
} from './lever-audit';
export { LEVER_AUDIT_EXCEPTIONS, LEVER_AUDIT_SHORTFALLS, type LeverAuditException, type LeverAuditShortfall } from './lever-audit-exceptions';
export { FAMILY_PACKAGES, tradeOffs } from './tradeoffs';
export { formatNumber, formatInterval } from './format';

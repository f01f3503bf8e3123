/** Overrides (the CLI's `--set`, share links): validated exactly like scenario file values. */
import { isAssumptionId, isLeverId } from '../model/index';
import { ScenarioError, describeType, showValue } from './errors';
import {
	ASSUMPTION_IDS,
	LEVER_IDS,
	checkAssumptionValue,
	checkAssumptions,
	checkInteger,
	checkKeys,
	checkLeverSetting,
	checkLevers,
	isPlainObject
} from './fields';
import { didYouMean } from './suggest';
import { SETTING_LIMITS, type Overrides } from './types';

const OVERRIDE_KEYS = ['levers', 'assumptions', 'months', 'seed', 'runs', 'citizens'] as const;
const SCALAR_KEYS = ['months', 'seed', 'runs', 'citizens'] as const;
type ScalarKey = (typeof SCALAR_KEYS)[number];

/** Every id `--set` accepts: levers, assumptions and the run settings. */
export const SETTING_IDS: readonly string[] = [...LEVER_IDS, ...ASSUMPTION_IDS, ...SCALAR_KEYS];

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Checks overrides and returns a clean copy. Throws ScenarioError. */
export function validateOverrides(overrides: unknown, where = 'overrides'): Overrides {
	if (overrides === undefined) return {};
	if (!isPlainObject(overrides)) throw new ScenarioError(`${where} must be an object, not ${describeType(overrides)}`);
	checkKeys(where, 'override', overrides, OVERRIDE_KEYS);
	const out: Overrides = {};
	if (overrides.levers !== undefined) out.levers = checkLevers(where, overrides.levers);
	if (overrides.assumptions !== undefined) out.assumptions = checkAssumptions(where, overrides.assumptions);
	for (const key of SCALAR_KEYS) if (overrides[key] !== undefined) out[key] = checkScalar(where, key, overrides[key]);
	return out;
}

/**
 * Applies one `--set id=value`: value is a number, or for a lever also an expression of t.
 * Returns new overrides; the argument is not changed. Throws ScenarioError.
 */
export function applySetting(overrides: Overrides, assignment: string): Overrides {
	const where = '--set';
	if (typeof assignment !== 'string') throw new ScenarioError(`${where} needs id=value, not ${describeType(assignment)}`);
	const eq = assignment.indexOf('=');
	if (eq < 0) throw new ScenarioError(`${where} ${showValue(assignment)} must look like id=value (e.g. targets=0.9)`);
	const id = assignment.slice(0, eq).trim();
	const text = assignment.slice(eq + 1).trim();
	if (id === '') throw new ScenarioError(`${where} ${showValue(assignment)} has no id before "="`);
	if (text === '') throw new ScenarioError(`${where} ${showValue(assignment)} has no value after "="`);
	const number = NUMBER_PATTERN.test(text) ? Number(text) : undefined;

	if (isLeverId(id))
		return { ...overrides, levers: { ...overrides.levers, [id]: checkLeverSetting(where, id, number ?? text) } };
	const notNumber = () => new ScenarioError(`${where}: ${id} = ${showValue(text)} is not a number`);
	if (isAssumptionId(id)) {
		if (number === undefined) throw notNumber();
		return { ...overrides, assumptions: { ...overrides.assumptions, [id]: checkAssumptionValue(where, id, number) } };
	}
	if ((SCALAR_KEYS as readonly string[]).includes(id)) {
		if (number === undefined) throw notNumber();
		return { ...overrides, [id]: checkScalar(where, id as ScalarKey, number) };
	}
	const hint = didYouMean(id, SETTING_IDS) || '; it must be a lever id, an assumption id, months, seed, runs or citizens';
	throw new ScenarioError(`${where}: unknown setting ${showValue(id)}${hint}`);
}

function checkScalar(where: string, key: ScalarKey, value: unknown): number {
	const { min, max } = SETTING_LIMITS[key];
	return checkInteger(where, key, value, min, max);
}

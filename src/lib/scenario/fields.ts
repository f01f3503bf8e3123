/**
 * Checks shared by scenario files and overrides, so both are validated exactly alike.
 * Each returns the checked value or throws a one-line ScenarioError:
 *   `${where}: ${path} = ${value} ${problem}`.
 */
import {
	ASSUMPTIONS,
	LEVERS,
	findParameter,
	isAssumptionId,
	isLeverId,
	type AssumptionId,
	type LeverId
} from '../model/index';
import { compileExpression } from './expression';
import { ScenarioError, describeType, showRange, showValue } from './errors';
import { didYouMean } from './suggest';
import type { LeverSetting } from './types';

export const LEVER_IDS: readonly string[] = LEVERS.map((l) => l.id);
export const ASSUMPTION_IDS: readonly string[] = ASSUMPTIONS.map((a) => a.id);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer inside [min, max]. */
export function checkInteger(where: string, path: string, value: unknown, min: number, max: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
		throw new ScenarioError(
			`${where}: ${path} = ${showValue(value)} must be an integer from ${min} to ${max}` +
				(typeof value === 'number' ? '' : `, not ${describeType(value)}`)
		);
	return value;
}

/** A finite number inside [min, max]. */
export function checkNumber(where: string, path: string, value: unknown, min: number, max: number): number {
	if (typeof value !== 'number')
		throw new ScenarioError(`${where}: ${path} = ${showValue(value)} must be a number, not ${describeType(value)}`);
	if (!Number.isFinite(value)) throw new ScenarioError(`${where}: ${path} = ${value} is not a finite number`);
	if (value < min || value > max)
		throw new ScenarioError(`${where}: ${path} = ${value} is outside ${showRange(min, max)}`);
	return value;
}

/** A lever id, or an error listing close matches. */
export function checkLeverId(where: string, path: string, id: string): LeverId {
	if (!isLeverId(id))
		throw new ScenarioError(`${where}: ${path} names unknown lever ${showValue(id)}${didYouMean(id, LEVER_IDS)}`);
	return id;
}

/** An assumption id, or an error listing close matches. */
export function checkAssumptionId(where: string, path: string, id: string): AssumptionId {
	if (!isAssumptionId(id))
		throw new ScenarioError(
			`${where}: ${path} names unknown assumption ${showValue(id)}${didYouMean(id, ASSUMPTION_IDS)}`
		);
	return id;
}

/** A lever setting: a number inside the lever's range, or an allowed expression of t. */
export function checkLeverSetting(where: string, id: LeverId, value: unknown): LeverSetting {
	const spec = findParameter(id)!;
	const path = `levers.${id}`;
	if (typeof value === 'string') {
		const compiled = compileExpression(value);
		if (!compiled.ok) throw new ScenarioError(`${where}: ${path} = ${showValue(value)}: ${compiled.error}`);
		return value;
	}
	if (typeof value !== 'number')
		throw new ScenarioError(
			`${where}: ${path} = ${showValue(value)} must be a number or an expression of t, not ${describeType(value)}`
		);
	return checkNumber(where, path, value, spec.min, spec.max);
}

/** An assumption value: a number inside the assumption's range (no expressions). */
export function checkAssumptionValue(where: string, id: AssumptionId, value: unknown): number {
	const spec = findParameter(id)!;
	const path = `assumptions.${id}`;
	if (typeof value === 'string')
		throw new ScenarioError(
			`${where}: ${path} = ${showValue(value)} must be a number; expressions are only allowed for levers`
		);
	return checkNumber(where, path, value, spec.min, spec.max);
}

/** Lever settings keyed by lever id. */
export function checkLevers(where: string, value: unknown): Partial<Record<LeverId, LeverSetting>> {
	if (!isPlainObject(value))
		throw new ScenarioError(`${where}: levers must be an object of lever settings, not ${describeType(value)}`);
	const out: Partial<Record<LeverId, LeverSetting>> = {};
	for (const [key, setting] of Object.entries(value)) {
		const id = checkLeverId(where, 'levers', key);
		out[id] = checkLeverSetting(where, id, setting);
	}
	return out;
}

/** Assumption values keyed by assumption id. */
export function checkAssumptions(where: string, value: unknown): Partial<Record<AssumptionId, number>> {
	if (!isPlainObject(value))
		throw new ScenarioError(`${where}: assumptions must be an object of numbers, not ${describeType(value)}`);
	const out: Partial<Record<AssumptionId, number>> = {};
	for (const [key, setting] of Object.entries(value)) {
		const id = checkAssumptionId(where, 'assumptions', key);
		out[id] = checkAssumptionValue(where, id, setting);
	}
	return out;
}

/** Throws when an object has keys outside `allowed`, naming the first one. */
export function checkKeys(where: string, what: string, value: Record<string, unknown>, allowed: readonly string[]): void {
	for (const key of Object.keys(value))
		if (!allowed.includes(key))
			throw new ScenarioError(
				`${where}: unknown ${what} key ${showValue(key)}${didYouMean(key, allowed)} (allowed: ${allowed.join(', ')})`
			);
}

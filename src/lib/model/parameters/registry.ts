import { ASSUMPTIONS, type AssumptionId, type AssumptionValues } from './assumptions';
import { LEVERS, type LeverId, type LeverValues } from './levers';
import type { ParameterSpec } from './types';

/** Every lever and assumption, levers first: the one registry the UI, docs and CLI read. */
export const PARAMETERS: readonly ParameterSpec[] = [...LEVERS, ...ASSUMPTIONS];

const byId = new Map<string, ParameterSpec>(PARAMETERS.map((p) => [p.id, p]));

export function findParameter(id: string): ParameterSpec | undefined {
	return byId.get(id);
}

export function isLeverId(id: string): id is LeverId {
	return byId.get(id)?.kind === 'lever';
}

export function isAssumptionId(id: string): id is AssumptionId {
	return byId.get(id)?.kind === 'assumption';
}

export function defaultLevers(): LeverValues {
	return Object.fromEntries(LEVERS.map((l) => [l.id, l.default])) as LeverValues;
}

export function defaultAssumptions(): AssumptionValues {
	return Object.fromEntries(ASSUMPTIONS.map((a) => [a.id, a.default])) as AssumptionValues;
}

export { LEVERS, ASSUMPTIONS };
export type { LeverId, LeverValues, AssumptionId, AssumptionValues };

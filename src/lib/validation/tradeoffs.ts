import type { LeverValues } from '../model/index';
import type { Experiments } from './experiments';
import { outcomeChanges, type OutcomeChange } from './lever-audit';

/** Each family's levers pulled hard, the other family's left at the status quo. */
export const FAMILY_PACKAGES: { id: string; title: string; levers: Partial<LeverValues> }[] = [
	{
		id: 'npm',
		title: 'New Public Management levers pulled',
		levers: {
			targets: 0.9,
			inspection: 0.8,
			audit: 0.5,
			performancePay: 0.5,
			choice: 0.6,
			competition: 0.6,
			outsourcing: 0.4,
			efficiency: 0.5
		}
	},
	{
		id: 'liberated',
		title: '"Liberated" levers pulled',
		levers: {
			mission: 0.8,
			autonomy: 0.8,
			experimentation: 0.6,
			peerLearning: 0.7,
			devolution: 0.7,
			prevention: 0.2,
			relational: 0.7,
			integration: 0.7
		}
	}
];

/**
 * Paired change of a family package from the baseline in the last year, per outcome, with its
 * effect: better or worse when the 5–95% interval of paired runs excludes zero.
 */
export function tradeOffs(x: Experiments, levers: Partial<LeverValues>): OutcomeChange[] {
	return outcomeChanges(x, levers as Record<string, number>).filter((c) => c.window === 'year 10');
}

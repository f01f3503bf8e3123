import { OUTCOMES, type LeverValues, type OutcomeId, type OutcomeSpec } from '../model/index';
import { difference, type Experiments } from './experiments';

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

export type Verdict = 'better' | 'worse' | 'no clear change' | 'changed';

export interface TradeOff {
	outcome: OutcomeSpec;
	mean: number;
	p05: number;
	p95: number;
	verdict: Verdict;
}

/**
 * Paired difference of a family package from the baseline in the last year, per outcome, with a
 * verdict: better or worse when the 5–95% interval of paired runs excludes zero.
 */
export function tradeOffs(x: Experiments, levers: Partial<LeverValues>): TradeOff[] {
	const d = difference(x.baselineWith(levers), x.baselineWith());
	return OUTCOMES.map((outcome) => {
		const s = d.final[outcome.id as OutcomeId];
		const clear = s.p05 > 0 || s.p95 < 0;
		let verdict: Verdict = 'no clear change';
		if (clear) {
			if (outcome.better === 'neither') verdict = 'changed';
			else verdict = (s.mean > 0) === (outcome.better === 'higher') ? 'better' : 'worse';
		}
		return { outcome, mean: s.mean, p05: s.p05, p95: s.p95, verdict };
	});
}

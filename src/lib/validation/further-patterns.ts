/**
 * Further published patterns, outside the brief's list of ten: checked the same way and
 * reported in their own section. Nothing was fitted to them; a model that is right for the
 * right reasons reproduces them without being tuned to them.
 */
import { between, type Pattern } from './checks';
import { acrossAreas, change } from './experiments';
import { NO_TARGETS, STRONG_TARGETS } from './experiment-settings';

export const FURTHER_PATTERNS: Pattern[] = [
	{
		id: 1,
		title: 'A strong, sanctioned access target raises true access by about twelve points',
		sources: 'Mason et al. (2012), Ann Emerg Med, doi:10.1016/j.annemergmed.2011.08.017',
		checks: [
			{
				claim: 'Change in true share seen within target, strong targets with sanctions vs none (paired)',
				published: 'Share seen within 4 hours rose from 83.9% to 96.3% (+12.4 points) after the 4-hour target, 2003–06, 15 trusts (Mason et al. 2012)',
				unit: 'share',
				// Half to double the published gain: a stylised fact in rough size.
				bounds: between(0.062, 0.248),
				measure: (x) => change(x.baselineWith(STRONG_TARGETS), x.baselineWith(NO_TARGETS), 'access.trueWithinTarget').interval(),
				whyMissed:
					'The queue is first come, first served with near-fixed service times, so waits pile up just under the threshold and the share within target switches on as the mean wait moves a few days.'
			}
		]
	},
	{
		id: 2,
		title: 'Access varies between places within one target regime',
		sources: 'AACE (2015); HSJ analysis of category 2 ambulance response by CCG',
		checks: [
			{
				claim: 'Best area minus worst area in true share seen within target, baseline (per run)',
				published: 'Red 1 ambulance calls met within target: Isle of Wight 80.9% vs London 67.2% in 2014–15, a 13.7-point range (AACE 2015)',
				unit: 'share',
				// Half to double the published range between regions.
				bounds: between(0.068, 0.274),
				measure: (x) =>
					acrossAreas(x.baselineWith(), 'access.trueWithinTarget', (areas) => Math.max(...areas) - Math.min(...areas)).interval(),
				whyMissed:
					'The share within target is a threshold switch, so areas a few days either side of the target differ by about 60 points, not 14.'
			}
		]
	}
];

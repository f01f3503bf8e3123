/**
 * Validation patterns 9–10 (evidence.md §5): choice and competition with selection, and
 * devolution and variation between places.
 */
import { describe, expect, it } from 'vitest';
import { baselineWith, difference } from './ensembles';

describe('pattern 9: choice and competition with selection', () => {
	const market = baselineWith({ choice: 0.8, competition: 0.8 });
	const d = difference(market, baselineWith({ choice: 0, competition: 0 }));

	it('providers paid per result that can select cream easy cases and park hard ones (Rees, Whitworth & Carter 2014)', () => {
		// I9: "widespread, systematically embedded". Tolerance: at least 10 more points of complex cases parked.
		expect(d.final['gaming.creamedShare'].mean).toBeGreaterThan(0.1);
	});

	it('users sort by deprivation without a gain in the average (Hsieh & Urquiola 2006)', () => {
		expect(d.final['access.sortingIndex'].mean).toBeGreaterThan(0);
		// I10: average outcomes did not improve. Tolerance: resolution no more than 2 points better.
		expect(d.final['quality.true'].mean).toBeLessThan(0.02);
	});
});

describe('pattern 10: devolution and variation', () => {
	it('local discretion raises between-area variation in performance (Bevan et al. 2014: the four UK systems diverged)', () => {
		const d = difference(baselineWith({ devolution: 0.9 }), baselineWith({ devolution: 0 }));
		expect(d.final['inequality.areaSpread'].mean).toBeGreaterThan(0);
	});

	it('whether gaps widen depends on local capacity and on funding following need (Costa-Font & Turati 2018; Asaria et al. 2016)', () => {
		// Devolution's effect on the gap in needs resolved between the least and most deprived
		// quintiles, and on the spread between areas, where deprived places lack capacity and money
		// (unfavourable) and where capacity is even and funding follows need (favourable).
		const effect = (assumptions: Record<string, number>) => {
			const d = difference(baselineWith({ devolution: 0.9 }, assumptions), baselineWith({ devolution: 0 }, assumptions));
			const q = d.byQuintile['quality.true']!;
			return { gap: q.q1.mean - q.q5.mean, spread: d.final['inequality.areaSpread'].mean };
		};
		const unfavourable = effect({ capacityGradient: 1, needWeighting: 0 });
		const favourable = effect({ capacityGradient: 0, needWeighting: 1 });
		expect(unfavourable.gap).toBeGreaterThan(favourable.gap);
		expect(unfavourable.spread).toBeGreaterThan(favourable.spread);
	});
});

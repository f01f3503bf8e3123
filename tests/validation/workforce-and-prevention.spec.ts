/**
 * Validation patterns 6–8 (evidence.md §5): the workforce baseline, prevention paying back late,
 * and failure demand. Figures and tolerances are written beside each assertion.
 */
import { describe, expect, it } from 'vitest';
import { baselineWith, difference, summary, windowMean } from './ensembles';

describe('pattern 6: the workforce baseline', () => {
	const base = summary(baselineWith());

	it('about 30% of staff are burnt out in the first year (NHS Staff Survey 2023: 30.4%; Ge et al. 2023: 30.0%)', () => {
		// Tolerance: 24–37% (the survey ranged 30.4–34.5% over 2021–23).
		const burnout = windowMean(base, 'workforce.burnoutShare', 0, 12);
		expect(burnout).toBeGreaterThan(0.24);
		expect(burnout).toBeLessThan(0.37);
	});

	it('about 10% of staff leave a year (nurses 11.5%, Nuffield Trust 2022; teachers 9%, DfE 2023/24)', () => {
		// Tolerance: 7–14% a year.
		const leaving = windowMean(base, 'workforce.leaverRate', 0, 12);
		expect(leaving).toBeGreaterThan(0.07);
		expect(leaving).toBeLessThan(0.14);
	});

	it('burnout and low motivation raise leaving: heavier demands raise burnout and then leaving (Lee & Ashforth 1996; HRH 2024)', () => {
		const stretched = difference(baselineWith({}, { fundingLevel: 0.85 }), baselineWith());
		expect(stretched.final['workforce.burnoutShare'].mean).toBeGreaterThan(0.03);
		expect(stretched.final['workforce.leaverRate'].mean).toBeGreaterThan(0);
		const crowded = difference(baselineWith({ performancePay: 1, targets: 1 }), baselineWith());
		expect(crowded.final['workforce.motivation'].mean).toBeLessThan(0);
		expect(crowded.final['workforce.leaverRate'].mean).toBeGreaterThan(0);
	});

	it('vacancies raise caseloads for those who stay (IPPR 2023, C3-S3: A-W4)', () => {
		const slowHiring = difference(baselineWith({}, { vacancyFillMonths: 11 }), baselineWith());
		expect(slowHiring.final['workforce.vacancyRate'].mean).toBeGreaterThan(0.02);
		expect(slowHiring.final['workforce.caseloadPerWorker'].mean).toBeGreaterThan(0);
	});
});

describe('pattern 7: prevention pays back late', () => {
	const shift = baselineWith({ prevention: 0.25 });
	const d = difference(shift, baselineWith());

	it('a shift of spend to prevention costs access first (Repenning & Sterman 2001: the capability trap)', () => {
		// In the first year the money has left acute services but prevention has not yet worked.
		expect(windowMean(d, 'access.trueWithinTarget', 0, 12)).toBeLessThan(0);
		// Crisis demand is not yet lower by much: within 2 per 1,000 a year of the baseline, or higher.
		expect(windowMean(d, 'prevention.crisisRate', 0, 12)).toBeGreaterThan(-2);
	});

	it('and reduces crisis demand only after a lag of years (Masters et al. 2017: local return 4.1:1)', () => {
		const late = windowMean(d, 'prevention.crisisRate', 96, 120);
		const early = windowMean(d, 'prevention.crisisRate', 0, 12);
		expect(late).toBeLessThan(-2);
		expect(late).toBeLessThan(early);
		expect(d.final['prevention.crisisRate'].p95).toBeLessThan(0);
	});

	it('avoidable crisis demand is more than twice as high in the most deprived quintile (King\'s Fund 2012: more than 2×)', () => {
		const byQuintile = summary(baselineWith()).byQuintile['prevention.crisisRate']!;
		expect(byQuintile.q5.mean / byQuintile.q1.mean).toBeGreaterThan(2);
	});
});

describe('pattern 8: failure demand', () => {
	it('is a large share of contacts in a reactive, transactional system (30% in one police force; about half of council benefit contacts)', () => {
		// Public Money & Management (2021), P2; Masters (2023), P3. Tolerance: 20–60%.
		const share = windowMean(summary(baselineWith()), 'prevention.failureDemandShare', 0, 12);
		expect(share).toBeGreaterThan(0.2);
		expect(share).toBeLessThan(0.6);
	});

	it('falls when services resolve needs relationally (Seddon/Vanguard; IPPR 2023 A-C3)', () => {
		const relational = difference(baselineWith({ relational: 0.8, integration: 0.7 }), baselineWith());
		expect(relational.final['prevention.failureDemandShare'].mean).toBeLessThan(-0.02);
		expect(relational.final['prevention.failureDemandShare'].p95).toBeLessThan(0);
	});
});

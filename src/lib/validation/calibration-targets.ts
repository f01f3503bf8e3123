/**
 * Calibration targets: published figures that named parameters were fitted to. They are
 * reported as fitted and never counted as validation. The test checks that each fit still
 * holds (recalibrate if not); a calibration target cannot be marked as missed.
 * `npm run calibrate` fits all the scripted targets together (scripts/calibrate.ts).
 */
import { between, type CalibrationTarget } from './checks';
import { windowOf } from './experiments';
import { CALIBRATION_MONTHS, HIGH_STAKES, STRETCHED } from './experiment-settings';

const FIRST_YEARS = { from: 0, to: CALIBRATION_MONTHS };
/** A high-stakes regime needs about five years for its recording culture to settle. */
const HIGH_STAKES_YEAR = { from: 48, to: 60 };

export const CALIBRATION_TARGETS: CalibrationTarget[] = [
	{
		claim: "True share seen within target in the baseline's first three years",
		published: 'About three-quarters of patients met the 28-day Faster Diagnosis Standard in 2023–24, against a 75% standard (NHS England, Cancer Waiting Times statistics); access standards are missed widely (Quilter-Pinner & Khan 2023, IPPR, Ch1)',
		unit: 'share',
		bounds: between(0.68, 0.82),
		fitted: ['onsetRate'],
		window: FIRST_YEARS,
		fit: { target: 0.75, scale: 'log', slope: -3 },
		measure: (x) => windowOf(x.baselineWith(), 'access.trueWithinTarget', FIRST_YEARS.from, FIRST_YEARS.to).interval()
	},
	{
		claim: "Share of staff burnt out in the baseline's first three years",
		published: 'Burnt out because of their work: 30.4% (2023), 34.0% (2022), 34.5% (2021) (NHS Staff Survey); 30.0% of nurses (Ge et al. 2023, meta-analysis)',
		unit: 'share',
		bounds: between(0.24, 0.37),
		fitted: ['burnoutBase'],
		window: FIRST_YEARS,
		fit: { target: 0.3, scale: 'linear', slope: 0.2 },
		measure: (x) => windowOf(x.baselineWith(), 'workforce.burnoutShare', FIRST_YEARS.from, FIRST_YEARS.to).interval()
	},
	{
		claim: "Annual leaver rate in the baseline's first three years",
		published: 'Nurse leaver rate 11.5% in the year to June 2022 (Nuffield Trust 2022); about 9% of teachers left in 2023/24 (DfE School Workforce Census)',
		unit: 'per year',
		bounds: between(0.08, 0.125),
		fitted: ['quitBase'],
		window: FIRST_YEARS,
		fit: { target: 0.1, scale: 'log', slope: 0.08 },
		measure: (x) => windowOf(x.baselineWith(), 'workforce.leaverRate', FIRST_YEARS.from, FIRST_YEARS.to).interval()
	},
	{
		claim: "Vacancy rate in the baseline's first three years",
		published: 'Nursing vacancies about 8–10% of posts in England, 2022–23 (NHS Digital, NHS Vacancy Statistics)',
		unit: 'share',
		bounds: between(0.05, 0.12),
		fitted: ['vacancyFillMonths'],
		window: FIRST_YEARS,
		fit: { target: 0.08, scale: 'log', slope: 0.06 },
		measure: (x) => windowOf(x.baselineWith(), 'workforce.vacancyRate', FIRST_YEARS.from, FIRST_YEARS.to).interval()
	},
	{
		claim: "Crisis episodes per 1,000 citizens a year in the baseline's first three years",
		published: "Emergency admissions for ambulatory-care-sensitive conditions: 9–22 per 1,000 across local authorities (Tian, Dixon & Gao 2012, King's Fund)",
		unit: 'per 1,000 a year',
		bounds: between(9, 22),
		fitted: ['crisisRate'],
		window: FIRST_YEARS,
		fit: { target: 15, scale: 'log', slope: 8 },
		measure: (x) => windowOf(x.baselineWith(), 'prevention.crisisRate', FIRST_YEARS.from, FIRST_YEARS.to).interval()
	},
	{
		claim: "Failure-demand share of contacts in the baseline's first three years",
		published: '30% of non-urgent police demand avoidable (Public Money & Management 2021); nearly half of council benefit contacts (Masters 2023)',
		unit: 'share',
		bounds: between(0.25, 0.5),
		fitted: ['successBase'],
		window: FIRST_YEARS,
		fit: { target: 0.35, scale: 'linear', slope: -0.12 },
		measure: (x) => windowOf(x.baselineWith(), 'prevention.failureDemandShare', FIRST_YEARS.from, FIRST_YEARS.to).interval()
	},
	{
		claim: 'Share of workers deliberately misrecording under high-stakes targets with weak audit in a stretched system',
		published: 'Serious cheating in at least 4–5% of classrooms a year under high-stakes testing (Jacob & Levitt 2003)',
		unit: 'share',
		bounds: between(0.02, 0.08),
		fitted: ['workerGamingBase'],
		window: HIGH_STAKES_YEAR,
		fit: { target: 0.045, scale: 'linear', slope: 0.04 },
		measure: (x) => windowOf(x.baselineWith(HIGH_STAKES, STRETCHED), 'gaming.workerShare', HIGH_STAKES_YEAR.from, HIGH_STAKES_YEAR.to).interval()
	},
	{
		claim: 'Reported minus true share seen within target, high-stakes targets with weak audit in a stretched system',
		published: 'A&E: 96% official vs 77% patient-reported (2004/05); 90%+ vs 69% (2002/03): gaps of 19–21 points (Bevan & Hood 2006)',
		unit: 'percentage points',
		bounds: between(12, 30),
		fitted: ['cultureBase'],
		window: HIGH_STAKES_YEAR,
		fit: { target: 20, scale: 'linear', slope: 8 },
		measure: (x) => windowOf(x.baselineWith(HIGH_STAKES, STRETCHED), 'gaming.gap', HIGH_STAKES_YEAR.from, HIGH_STAKES_YEAR.to).interval()
	}
];

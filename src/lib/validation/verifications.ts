/**
 * Verification: the code does what the design says. A check that reads an input coefficient
 * back through the model belongs here, with the published range the input came from: it shows
 * the coefficient is applied as sourced, not that the model reproduces anything.
 * The status-quo drift check is verification too (drift.ts).
 */
import { defaultAssumptions } from '../model/index';
import { above, between, type Verification } from './checks';
import { change } from './experiments';
import { MARKET, NO_MARKET } from './experiment-settings';

/**
 * Paths to motivation other than crowding-out held off (recruit selection, burnout, success),
 * and turnover held low and alike in both arms (recruits start uncrowded), so the read-back
 * isolates the coefficient: leaving at its lowest and not raised by burnout or lowered by
 * motivation (else the arm under performance pay loses different staff, and the change swings
 * from run to run with how many uncrowded recruits replace them), no releases, and the longest
 * working life (retirement is turnover too).
 */
const CROWDING_ONLY = { selectionPay: 0, motivationBurnout: 0, motivationSuccess: 0, quitBase: 0.001, quitBurnout: 0, quitMotivation: 0, redundancyRate: 0, careerMonths: 540 };

export const VERIFICATIONS: Verification[] = [
	{
		claim: "Effect of full performance pay on motivation, in SDs of recruits' motivation, with other paths to motivation and turnover held off (paired)",
		published: 'd = −0.28 (performance-contingent) to −0.40 (engagement-contingent) on free-choice intrinsic motivation (Deci, Koestner & Ryan 1999)',
		unit: 'SD',
		bounds: between(-0.4, -0.28),
		readsBack: { inputs: ['crowdingOut'], publishedRange: 'd = −0.28 to −0.40 (Deci, Koestner & Ryan 1999)' },
		measure: (x) => {
			const sd = defaultAssumptions().intrinsicSpread;
			return change(x.baselineWith({ performancePay: 1 }, CROWDING_ONLY), x.baselineWith({ performancePay: 0 }, CROWDING_ONLY), 'workforce.motivation')
				.times(1 / sd)
				.interval();
		}
	},
	{
		claim: 'Change in needs resolved when recruits are more intrinsically motivated (mean 0.75 vs 0.6, paired)',
		published: 'Intrinsic motivation predicts performance, ρ = .21–.45, and uniquely predicts quality (Cerasoli, Nicklin & Ford 2014)',
		unit: 'share',
		bounds: above(0),
		readsBack: { inputs: ['successMotivation'], publishedRange: 'ρ = .21–.45 (Cerasoli, Nicklin & Ford 2014)' },
		measure: (x) => change(x.baselineWith({}, { intrinsicMean: 0.75 }), x.baselineWith(), 'quality.true').interval()
	},
	{
		claim: 'Change in the share of complex cases declined or parked under choice and payment by results (paired)',
		published: 'Creaming and parking "widespread, systematically embedded" in the Work Programme (Rees, Whitworth & Carter 2014)',
		unit: 'share',
		bounds: above(0.1),
		readsBack: {
			inputs: ['selectionBase', 'creamBase', 'creamPressure'],
			publishedRange: 'qualitative: widespread (Rees, Whitworth & Carter 2014)'
		},
		measure: (x) => change(x.baselineWith(MARKET), x.baselineWith(NO_MARKET), 'gaming.creamedShare').interval()
	},
	{
		claim: 'Change in open cases per worker when vacancies take 20 months to fill (paired)',
		published: 'Vacancies raise caseloads for those who stay (Quilter-Pinner & Khan 2023, IPPR, C3-S3)',
		unit: 'cases',
		bounds: above(0),
		measure: (x) => change(x.baselineWith({}, { vacancyFillMonths: 20 }), x.baselineWith(), 'workforce.caseloadPerWorker').interval()
	}
];

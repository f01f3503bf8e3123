import { describe, expect, test } from 'vitest';
import { defaultAssumptions, defaultLevers, type AssumptionValues } from './parameters/registry';
import { createStream } from './rng';
import { careerSetting, liveCareer } from './settled-workforce';
import { allocateWorkers } from './state/workers';
import { hireWorker, type Climate } from './world';

const CLIMATE: Climate = { controlling: 0.4, reportingBurden: 0.3, outcomeVisibility: 0, overheadShare: 0.1, integrationStep: 0 };

/** `count` staff in post drawn as initWorkers draws them, with their strain and whether the first recruit was taken. */
function drawStaff(overrides: Partial<AssumptionValues>, count: number, outsourced = false) {
	const p = { ...defaultAssumptions(), ...overrides };
	const setting = careerSetting(p, defaultLevers(), CLIMATE, 0.56, outsourced);
	const w = allocateWorkers(count);
	const rng = createStream(7, 0, 'settled-workforce-spec');
	let recruits = 0;
	for (let i = 0; i < count; i++) {
		for (;;) {
			hireWorker(w, i, p, 0, rng, 1);
			recruits++;
			if (liveCareer(w, i, p, setting, rng)) break;
		}
	}
	return { w, p, setting, recruits };
}

function mean(values: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += values[i];
	return sum / values.length;
}

describe('liveCareer: staff in post as a long-running service has them', () => {
	test('with a leaving hazard that never changes, tenure follows survival to it, (1 − h)^a, cut at a working life', () => {
		const count = 20_000;
		const { w, p, setting } = drawStaff({ quitBurnout: 0, quitMotivation: 0, careerMonths: 240 }, count);
		const h = p.quitBase * Math.exp(setting.quitShift);
		let weight = 0;
		let first = 0;
		let second = 0;
		for (let a = 0; a < 240; a++) {
			const s = (1 - h) ** a;
			weight += s;
			first += a * s;
			second += a * a * s;
		}
		const expected = first / weight;
		const sd = Math.sqrt(second / weight - expected * expected);
		expect(Math.max(...w.tenure)).toBeLessThanOrEqual(239);
		expect(Math.min(...w.tenure)).toBeGreaterThanOrEqual(0);
		expect(Math.abs(mean(w.tenure) - expected)).toBeLessThan((4 * sd) / Math.sqrt(count));
	});

	test('those who would burn out and leave are fewer among staff than among recruits, the more so the more burnout drives leaving', () => {
		const count = 4000;
		const strainOf = (quitBurnout: number, quitMotivation = 2) => mean(drawStaff({ quitBurnout, quitMotivation }, count).w.strain);
		const se = (4 * defaultAssumptions().strainSpread) / Math.sqrt(count);
		// Strain leads to leaving only through burnout, and through the motivation burnout erodes.
		expect(Math.abs(strainOf(0, 0))).toBeLessThan(se);
		expect(strainOf(2.5)).toBeLessThan(-0.5);
		expect(strainOf(5)).toBeLessThan(strainOf(2.5) - se);
	});

	test('skill builds with tenure from a recruit’s: the newest staff are as skilled as recruits, those in post ten years far more', () => {
		const { w, p } = drawStaff({}, 4000);
		const newest = [];
		const longest = [];
		for (let i = 0; i < w.n; i++) {
			if (w.tenure[i] === 0) newest.push(w.skill[i]);
			if (w.tenure[i] >= 120) longest.push(w.skill[i]);
		}
		expect(newest.length).toBeGreaterThan(5);
		expect(longest.length).toBeGreaterThan(500);
		for (const s of newest) expect(s).toBeCloseTo(p.newHireSkill, 6);
		expect(mean(longest)).toBeGreaterThan(0.85);
	});

	test('a career lived out in strides ends close to where workforce.ts’s monthly equations take the same recruit', () => {
		// A hazard too small to matter, so every recruit is taken at the tenure proposed.
		const p = { ...defaultAssumptions(), quitBase: 1e-9, burnoutBase: 0.5 };
		const L = defaultLevers();
		const setting = careerSetting(p, L, CLIMATE, 0.56, true);
		const w = allocateWorkers(1);
		const rng = createStream(3, 0, 'settled-workforce-spec');
		let checked = 0;
		let burntOut = 0;
		const errors: number[][] = [];
		for (let trial = 0; trial < 200; trial++) {
			hireWorker(w, 0, p, 0, rng, 1);
			const start = { burnout: w.burnout[0], motivation: w.motivation[0], skill: w.skill[0] };
			expect(liveCareer(w, 0, p, setting, rng)).toBe(true);
			// workforce.ts, month by month, at the setting's demands.
			let { burnout, motivation, skill } = start;
			for (let t = 0; t < w.tenure[0]; t++) {
				const target =
					1 / (1 + Math.exp(-(setting.demands + w.strain[0] - p.resourceSkill * (skill - 0.5) - p.resourceMotivation * (motivation - 0.5))));
				burnout += (target - burnout) / p.burnoutMonths;
				const motivationTarget = Math.min(1, Math.max(0, w.intrinsic[0] + setting.motivationShift - p.motivationBurnout * burnout));
				motivation += (motivationTarget - motivation) / (motivationTarget < motivation ? p.motivationFallMonths : p.motivationRiseMonths);
				skill = Math.max(0, skill + setting.learning * (1 - skill) - (burnout > 0.5 ? p.skillBurnoutLoss : 0));
			}
			errors.push([Math.abs(w.burnout[0] - burnout), Math.abs(w.motivation[0] - motivation), Math.abs(w.skill[0] - skill)]);
			checked++;
			if (burnout > 0.5) burntOut++;
		}
		// Burnout, motivation and skill: within two hundredths for every career (a stride can hold a
		// target on the wrong side of a turn), within a few thousandths on average.
		for (let j = 0; j < 3; j++) {
			const error = errors.map((e) => e[j]);
			expect(Math.max(...error)).toBeLessThan(0.02);
			expect(mean(error)).toBeLessThan(0.003);
		}
		expect(checked).toBe(200);
		// Some careers burn out and lose skill, so the skill's two regimes are both checked.
		expect(burntOut).toBeGreaterThan(20);
	});

	test('outsourced providers, which lose more staff and train less, have staff with shorter tenures and less skill', () => {
		const inHouse = drawStaff({}, 4000, false).w;
		const outsourced = drawStaff({}, 4000, true).w;
		// Four standard errors of the difference in means (tenures spread by about 100 months, skills by about 0.2).
		expect(mean(outsourced.tenure)).toBeLessThan(mean(inHouse.tenure) - (4 * Math.SQRT2 * 100) / Math.sqrt(4000));
		expect(mean(outsourced.skill)).toBeLessThan(mean(inHouse.skill) - (4 * Math.SQRT2 * 0.2) / Math.sqrt(4000));
	});
});

import { detExp, detLog, logistic } from './det-math';
import { crowdingOut, jobResources, skillLearning } from './mechanisms/workforce';
import type { AssumptionValues, LeverValues } from './parameters/registry';
import type { Rng } from './rng';
import type { WorkerState } from './state/workers';
import type { Climate } from './world';

/**
 * Where the default baseline settles, as a worker meets it (means over staff in post, read off
 * model 0.3.1 at 20,000 citizens, years 5–12 of seeds 1–24): the caseload relative to a month's
 * capacity, hours beyond normal, moral injury and recording culture, blame and crisis load. Used
 * only to start a run near its settled state; the settled state itself does not depend on them,
 * and other assumptions only make the spin-up longer. Out of date, they draw a workforce whose
 * make-up then takes a decade of leavers and recruits to settle: the spin-up's check cannot see
 * so slow a drift in one run of 20,000 citizens, but the status-quo drift check sees it across
 * its runs (CHANGELOG, 0.2.4). Read again whenever the workforce's equations or calibration change
 * (0.3.1: from 1.96, 0.157, 0.107, 0.062 and 0.0225).
 */
export const TYPICAL_SETTLED = { workPressure: 1.93, overwork: 0.156, moralAndCulture: 0.103, blame: 0.062, crisisLoad: 0.022 };

/** What a career at one kind of provider meets month by month, at the typical settled state. */
export interface CareerSetting {
	/** Burnout's logit before the worker's own strain, skill and motivation (workforce.ts). */
	demands: number;
	/** Motivation's target less the worker's intrinsic motivation, before burnout: crowding out, autonomy, mission, success. */
	motivationShift: number;
	/** Skill's monthly growth towards 1. */
	learning: number;
	/** The provider's shift of the leaving hazard's exponent (autonomy, outsourcing). */
	quitShift: number;
	/** The lowest leaving hazard anyone there can have (burnout 0, motivation 1). */
	lowestHazard: number;
	/** The longest tenure in post: workforce.ts retires a worker at careerMonths. */
	lastMonth: number;
	/** For strides of k = 0 … STRIDE months: what is left of a gap to burnout's, motivation's falling and rising targets, and to full skill. */
	burnoutKeep: Float64Array;
	fallKeep: Float64Array;
	riseKeep: Float64Array;
	skillKeep: Float64Array;
	/** Σ (1 − learning)^j for j < k: k months of a constant monthly gain to skill add it times this. */
	skillGainMonths: Float64Array;
}

/** Months a career is lived out in at once, its targets held where they stand at the stride's start. */
const STRIDE = 6;

/** (1 − rate)^k for k = 0 … STRIDE. */
function keeps(rate: number): Float64Array {
	const keep = new Float64Array(STRIDE + 1);
	keep[0] = 1;
	for (let k = 1; k <= STRIDE; k++) keep[k] = keep[k - 1] * (1 - rate);
	return keep;
}

/**
 * The setting of workforce.ts's monthly step at a provider in the typical settled state, under
 * levers `L` and their climate, with true quality `quality`; `outsourced` for an outsourced provider.
 */
export function careerSetting(
	p: AssumptionValues,
	L: LeverValues,
	climate: Climate,
	quality: number,
	outsourced: boolean
): CareerSetting {
	const t = TYPICAL_SETTLED;
	const learning = skillLearning(p, L) * (outsourced ? p.outsourcedTraining : 1);
	const quitShift = -p.quitAutonomy * L.autonomy + (outsourced ? p.quitOutsourced : 0);
	const skillKeep = keeps(learning);
	const skillGainMonths = new Float64Array(STRIDE + 1);
	for (let k = 1; k <= STRIDE; k++) skillGainMonths[k] = skillGainMonths[k - 1] + skillKeep[k - 1];
	return {
		demands:
			p.burnoutBase +
			p.demandReporting * climate.reportingBurden +
			p.demandCaseload * (t.workPressure - 1) +
			p.demandCrisis * t.crisisLoad +
			p.demandMoral * t.moralAndCulture +
			p.demandBlame * t.blame +
			p.demandEffort * t.overwork -
			jobResources(p, L, climate),
		motivationShift:
			-crowdingOut(p, climate) +
			p.motivationAutonomy * L.autonomy +
			p.motivationMission * L.mission +
			p.motivationSuccess * (quality - 0.5),
		learning,
		quitShift,
		lowestHazard: p.quitBase * detExp(-p.quitBurnout * 0.35 - p.quitMotivation * 0.4 + quitShift),
		lastMonth: Math.ceil(p.careerMonths) - 1,
		burnoutKeep: keeps(1 / p.burnoutMonths),
		fallKeep: keeps(1 / p.motivationFallMonths),
		riseKeep: keeps(1 / p.motivationRiseMonths),
		skillKeep,
		skillGainMonths
	};
}

/**
 * Give the recruit in slot i (as hireWorker drew them) the tenure and state they would have as
 * one of the staff in post of a long-running service, or say they would not be there.
 *
 * In a service that replaces each leaver, a post's holder has tenure a with a chance in
 * proportion to the recruits' survival to a, S(a) = Π (1 − h_t) over their months t ≤ a, each
 * month's leaving hazard h_t following their burnout, motivation and skill as they build up in
 * post by workforce.ts's equations at the typical settled state. So a tenure is proposed in
 * proportion to e^(−h_min·a), h_min being the lowest hazard anyone can have (burnout 0,
 * motivation 1), cut at a working life, and the recruit's career is lived out to it: they are
 * there if the sum of −ln(1 − h_t) − h_min over their months stays below an exponential draw
 * (rejection sampling; the sum only grows, so a career can be stopped as soon as it passes).
 * Their state is then the worker's, and the result true; false if they left before, when the
 * slot keeps the recruit as drawn. The career is lived in strides of STRIDE months, each stride's
 * targets held where they stand at its start and its hazards summed by the trapezium rule: a
 * tenth of the cost of living it month by month, and within two hundredths of where the monthly
 * equations take burnout, motivation and skill (settled-workforce.spec.ts).
 *
 * Drawing staff from their careers rather than at the settled state starts the workforce as
 * the service selects it: the hazard is highest early in a career, while skill is low, so the
 * survivors are a little more resilient than recruits weighted by a settled hazard (0.3.0 did
 * that; its burnout then fell two points over fifteen years of an unchanged status quo).
 */
export function liveCareer(w: WorkerState, i: number, p: AssumptionValues, s: CareerSetting, rng: Rng): boolean {
	const { lowestHazard: lowest, lastMonth } = s;
	const u = rng.next();
	const tenure =
		lowest > 0 ? Math.min(lastMonth, Math.floor(-detLog(1 - u * (1 - detExp(-lowest * (lastMonth + 1)))) / lowest)) : Math.floor(u * (lastMonth + 1));
	const allowance = -detLog(1 - rng.next());
	const { resourceSkill, resourceMotivation, motivationBurnout, skillBurnoutLoss, quitBase, quitBurnout, quitMotivation } = p;
	const { learning, quitShift, burnoutKeep, fallKeep, riseKeep, skillKeep, skillGainMonths } = s;
	const demands = s.demands + w.strain[i];
	const motivationBase = w.intrinsic[i] + s.motivationShift;
	let burnout = w.burnout[i];
	let motivation = w.motivation[i];
	let skill = w.skill[i];
	let before = monthsLeavingChance(quitBase * detExp(quitBurnout * (burnout - 0.35) - quitMotivation * (motivation - 0.6) + quitShift));
	let excess = 0;
	for (let t = 0; t < tenure; ) {
		const k = tenure - t < STRIDE ? tenure - t : STRIDE;
		t += k;
		const target = logistic(demands - resourceSkill * (skill - 0.5) - resourceMotivation * (motivation - 0.5));
		burnout = target + (burnout - target) * burnoutKeep[k];
		let motivationTarget = motivationBase - motivationBurnout * burnout;
		motivationTarget = motivationTarget < 0 ? 0 : motivationTarget > 1 ? 1 : motivationTarget;
		motivation = motivationTarget + (motivation - motivationTarget) * (motivationTarget < motivation ? fallKeep[k] : riseKeep[k]);
		skill = skill * skillKeep[k] + (learning - (burnout > 0.5 ? skillBurnoutLoss : 0)) * skillGainMonths[k];
		if (skill < 0) skill = 0;
		const after = monthsLeavingChance(quitBase * detExp(quitBurnout * (burnout - 0.35) - quitMotivation * (motivation - 0.6) + quitShift));
		// The stride's months, each −ln(1 − h) by the trapezium rule between its ends.
		excess += k * ((before + after) / 2 - lowest);
		before = after;
		if (excess > allowance) return false;
	}
	w.burnout[i] = burnout;
	w.motivation[i] = motivation;
	w.skill[i] = skill;
	w.tenure[i] = tenure;
	return true;
}

/** −ln(1 − h), a month's share of a leaving chance on the scale of hazards that add: by its series while h is small (the usual case; within 2e-6). */
function monthsLeavingChance(h: number): number {
	if (h >= 1) return Infinity;
	return h < 0.05 ? h * (1 + h * (0.5 + h / 3)) : -detLog(1 - h);
}

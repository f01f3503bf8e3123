import { normal } from '../rng';
import { circularDelta, fit, wrap, type World } from '../world';

/** Bounds on the learned relational offset. */
const MAX_OFFSET = 0.4;

/**
 * Process 7 — innovation and learning. Practice has two parts: a position on the circle of
 * local contexts (fit is closeness to the area's context) and an offset to relational
 * intensity. Providers:
 * - run trials (experimentation): a variant is tried for a few months at some cost and kept if
 *   it looks better. "Better" is judged by true value (fit, and relational intensity near what
 *   resolves most need per unit of effort) where a mission and learning networks supply outcome
 *   data, and otherwise, in proportion to target intensity, by the reported metric, which
 *   rewards faster, less relational practice: the system can learn the wrong thing;
 * - drift at random when autonomous without a mission ("chaotic experiment") and when devolved
 *   without local capacity;
 * - adapt toward local context under devolution, in proportion to local capacity;
 * - are pulled toward one national practice by central standardisation (no devolution);
 * - copy better-looking peers (peer learning), taking up a peer's position only as far as the
 *   two places' contexts are alike.
 */
export function stepLearning(world: World): void {
	const pr = world.providers;
	const areas = world.areas;
	const p = world.p;
	const L = world.levers;
	const rng = world.streams.providers;
	const judgeByReported = world.climate.judgeByReported;
	const chaos = p.chaosDrift * L.autonomy * (1 - L.mission);
	const standardise = p.standardisationRate * (1 - L.devolution);
	const trialChance = L.experimentation * p.trialRate;
	const peerChance = L.peerLearning * p.peerRate;

	for (let k = 0; k < pr.n; k++) {
		const a = pr.area[k];
		const context = areas.context[a];
		// Devolution works only where funding follows function: local capacity is stretched where
		// money falls short of need (IPPR 2023, C3-S5, A-D8).
		const capacity = areas.capacity[a] * Math.min(1, areas.fundingAdequacy[a]);

		if (pr.trialMonths[k] > 0) {
			pr.trialMonths[k]--;
			if (pr.trialMonths[k] === 0) {
				const gain =
					judgedValue(world, k, pr.trialPractice[k], pr.trialOffset[k], judgeByReported) -
					judgedValue(world, k, pr.practice[k], pr.relationalOffset[k], judgeByReported) +
					p.evaluationNoise * (1 + L.autonomy * (1 - L.mission)) * normal(rng);
				if (gain > p.missionConservatism * L.mission) {
					pr.practice[k] = pr.trialPractice[k];
					pr.relationalOffset[k] = pr.trialOffset[k];
				}
			}
		} else if (trialChance > 0 && rng.next() < trialChance) {
			pr.trialMonths[k] = Math.max(1, Math.round(p.trialMonths));
			pr.trialPractice[k] = wrap(pr.practice[k] + p.trialStep * normal(rng));
			pr.trialOffset[k] = clampOffset(pr.relationalOffset[k] + p.trialStep * normal(rng));
		}

		let x = pr.practice[k];
		let offset = pr.relationalOffset[k];
		if (chaos > 0) {
			x += chaos * normal(rng);
			offset += 0.5 * chaos * normal(rng);
		}
		if (L.devolution > 0) {
			x += p.localAdaptRate * L.devolution * capacity * circularDelta(x, context);
			x += p.devolutionDrift * L.devolution * (1 - capacity) * normal(rng);
		}
		x += standardise * circularDelta(x, 0);
		offset -= standardise * offset;

		if (peerChance > 0 && rng.next() < peerChance) {
			const peer = (k + 1 + Math.floor(rng.next() * (pr.n - 1))) % pr.n;
			const peerLooks = (1 - judgeByReported) * pr.trueQuality[peer] + judgeByReported * pr.reportedPerformance[peer];
			const ownLooks = (1 - judgeByReported) * pr.trueQuality[k] + judgeByReported * pr.reportedPerformance[k];
			if (peerLooks > ownLooks) {
				const alike = fit(areas.context[pr.area[peer]], context);
				x += p.peerStep * alike * circularDelta(x, pr.practice[peer]);
				offset += p.peerStep * (pr.relationalOffset[peer] - offset);
			}
		}
		pr.practice[k] = wrap(x);
		pr.relationalOffset[k] = clampOffset(offset);
	}
}

/**
 * The value a provider sees in a practice: true value (fit to context, and relational
 * intensity close to the most effective level) mixed with the reported metric's preference
 * for speed.
 */
function judgedValue(world: World, k: number, practice: number, offset: number, judgeByReported: number): number {
	const pr = world.providers;
	const areas = world.areas;
	const p = world.p;
	const a = pr.area[k];
	const rho = Math.min(1, Math.max(0, pr.relational[k] - pr.relationalOffset[k] + offset));
	const ideal = areas.idealRelational[a];
	const trueValue =
		p.successFit * fit(practice, areas.context[a]) + p.successRelational * (rho * ideal - (rho * rho) / 2);
	const reportedValue = -p.reportedSpeedSignal * rho;
	return (1 - judgeByReported) * trueValue + judgeByReported * reportedValue;
}

function clampOffset(x: number): number {
	return x < -MAX_OFFSET ? -MAX_OFFSET : x > MAX_OFFSET ? MAX_OFFSET : x;
}

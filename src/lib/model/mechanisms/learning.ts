import { normal } from '../rng';
import { circularDelta, fit, wrap, type World } from '../world';

/** Bounds on the learned relational offset. */
const MAX_OFFSET = 0.4;

/**
 * Process 7 — innovation and learning. Practice has two parts: a position on the circle of
 * local contexts (fit is closeness to the area's context) and an offset to relational
 * intensity. Providers:
 * - run trials (experimentation): a variant is tried on half the cases for a few months
 *   (service.ts counts each arm's cases, results and work) and kept if it did better by the
 *   measure the provider is held to: the results it observed, as far as it can see true
 *   outcomes (shared outcome data from a mission and learning networks, and what the trial
 *   itself shows the team), and cases closed per
 *   unit of work — what the access target rewards — in proportion to target pressure. With few
 *   cases a trial's verdict is noisy, and judged by speed the system can learn the wrong thing;
 * - drift at random when autonomous without a mission ("chaotic experiment") and when devolved
 *   without local capacity;
 * - adapt toward local context under devolution, in proportion to local capacity;
 * - are pulled toward one national practice by central standardisation (no devolution);
 * - copy peers that look better by the same measure, taking up a peer's position only as far as
 *   the two places' contexts are alike.
 */
export function stepLearning(world: World): void {
	const pr = world.providers;
	const areas = world.areas;
	const p = world.p;
	const L = world.levers;
	const rng = world.streams.providers;
	const visibility = world.climate.outcomeVisibility;
	// A trial also shows the team its own cases' results.
	const trialVisibility = 1 - (1 - visibility) * (1 - p.trialData);
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
		const speedWeight = pr.targetPressure[k] < 1 ? pr.targetPressure[k] : 1;

		if (pr.trialMonths[k] > 0) {
			pr.trialMonths[k]--;
			if (pr.trialMonths[k] === 0) {
				// A variant must do measurably better (beyond rounding) and clear a mission's conservatism.
				if (trialVerdict(world, k, trialVisibility, speedWeight) > p.missionConservatism * L.mission + 1e-9) {
					pr.practice[k] = pr.trialPractice[k];
					pr.relationalOffset[k] = pr.trialOffset[k];
				}
				for (let arm = 0; arm < 2; arm++) {
					pr.trialServed[2 * k + arm] = 0;
					pr.trialResolved[2 * k + arm] = 0;
					pr.trialUnits[2 * k + arm] = 0;
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
			if (looks(world, peer, visibility, speedWeight) > looks(world, k, visibility, speedWeight)) {
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
 * How much better the variant did than current practice in the trial just ended, by the measures
 * the provider can see and is held to: the share of cases resolved (weight: outcome visibility)
 * and cases closed per unit of work (weight: target pressure). 0 when it has no basis to judge.
 */
function trialVerdict(world: World, k: number, visibility: number, speedWeight: number): number {
	const pr = world.providers;
	const served0 = pr.trialServed[2 * k];
	const served1 = pr.trialServed[2 * k + 1];
	const weights = visibility + speedWeight;
	if (served0 === 0 || served1 === 0 || weights === 0) return 0;
	const resolvedGain = pr.trialResolved[2 * k + 1] / served1 - pr.trialResolved[2 * k] / served0;
	const speed0 = served0 / pr.trialUnits[2 * k];
	const speedGain = served1 / pr.trialUnits[2 * k + 1] / speed0 - 1;
	return (visibility * resolvedGain + speedWeight * speedGain) / weights;
}

/** How good provider k looks to a peer: true resolution as far as outcomes are visible, reported access as far as targets press. */
function looks(world: World, k: number, visibility: number, speedWeight: number): number {
	const pr = world.providers;
	const weights = visibility + speedWeight;
	if (weights === 0) return 0;
	return (visibility * pr.trueQuality[k] + speedWeight * pr.reportedPerformance[k]) / weights;
}

function clampOffset(x: number): number {
	return x < -MAX_OFFSET ? -MAX_OFFSET : x > MAX_OFFSET ? MAX_OFFSET : x;
}

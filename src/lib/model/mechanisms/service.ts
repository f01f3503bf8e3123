import { recordResults } from '../area-flows';
import { registerKernelImports } from '../arena';
import { kernelWorld, onWorld } from '../kernel-world';
import { belowLogistic } from '../lazy-compare';
import { warmArea } from '../warm-area';
import { HISTOGRAM_BIN_DAYS, HISTOGRAM_BINS, type World } from '../world';
import { resultsPressure } from './access-and-choice';
import { decideEffort } from './effort-split';
import { layOutService } from '../kernel-tables';

/**
 * Process 4 — service. Workers decide their effort and its split (effort-split.ts); each provider
 * then firefights this month's crises and works through its waiting list with the capacity left,
 * day by day (a fluid single-server queue), so each case has a true wait in days.
 * - Cases are taken in the order they are booked (clinical priority, then treat in turn), and
 *   only once they have arrived.
 * - Under target pressure, a case already past the target date is put behind those that can
 *   still meet it ("bubble" triage), each time it comes up; recording practices and gaming workers
 *   record some breaches as within target, so recorded and true waits differ case by case.
 * - Under payment by results, providers park complex cases behind easier ones, more so under
 *   financial pressure and when outsourced.
 * - A case takes its own work, longer in proportion to relational intensity; integration saves
 *   work on complex cases.
 * - Resolution depends on the provider's management, team skill, motivation and burnout; on how well practice fits the
 *   place; on relational intensity, integration, waiting and the citizen's own capability.
 *   Resolved needs relapse less the more relational the help was.
 * - During a trial (learning.ts), half the cases are served with the variant practice, and each
 *   arm's cases, results and work are counted, so the trial is judged by what it observed.
 *
 * The loop over each provider's cases runs compiled (assembly/service.ts) on the world's columns;
 * here are the month's effort and parking, and the kernel's calls back: money following results,
 * the wait histogram, warming a large area's columns.
 */
export function stepService(world: World): void {
	decideEffort(world);
	const pr = world.providers;
	const p = world.p;
	for (let k = 0; k < pr.n; k++) {
		const park = p.creamBase * resultsPressure(world, k);
		pr.parkRate[k] = park > 1 ? 1 : park;
	}
	layOutService(world);
	const arena = world.arena;
	const kernels = arena.kernels;
	onWorld(world, () => kernels.serveProviders(pr.n, arena.at(world.kernelColumns), arena.at(world.kernelScalars)));
}

registerKernelImports({
	/** Results reported (resolved, or claimed): money follows them to provider k from area a (area-flows.ts). */
	serviceResult(a: number, k: number, results: number): void {
		recordResults(kernelWorld().areaFlows, a, k, results);
	},
	/** A case's true and recorded waits, in the detail run's histograms. */
	serviceHistogram(wait: number, recordedWait: number): void {
		const h = kernelWorld().waitHistogram!;
		h.trueWaits[Math.min(HISTOGRAM_BINS - 1, Math.floor(wait / HISTOGRAM_BIN_DAYS))]++;
		h.recordedWaits[Math.min(HISTOGRAM_BINS - 1, Math.floor(recordedWait / HISTOGRAM_BIN_DAYS))]++;
	},
	serviceWarmArea(a: number): void {
		warmArea(kernelWorld(), a);
	},
	/** `u < logistic(x)` where the bounds tables leave it open (lazy-compare.ts). */
	belowLogisticExactly: (u: number, x: number) => (belowLogistic(u, x) ? 1 : 0)
});

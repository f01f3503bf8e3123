/**
 * When the page draws ensemble updates. A request's first run, its last and any failure are drawn
 * on the next frame; the runs between at most once every `intervalMs`. Each redraw of the charts'
 * bands costs the page tens of milliseconds, and on a two-core machine the page shares the cores
 * with the model workers: drawing every run as it arrives took about a third of a core away from
 * them while an ensemble filled in.
 */
export class RedrawPacer {
	private lastDraw = -Infinity;

	constructor(
		readonly intervalMs: number,
		private readonly now: () => number
	) {}

	/** Milliseconds to wait before drawing what has arrived (0: on the next frame). */
	delay(urgent: boolean): number {
		return urgent ? 0 : Math.max(0, this.lastDraw + this.intervalMs - this.now());
	}

	/** Note that the page has just drawn. */
	drawn(): void {
		this.lastDraw = this.now();
	}
}

/** Whether an update must be drawn at once: a request's first run (or none yet), its last, or a failure. */
export function drawAtOnce(update: { done: number; runs: number; error?: string }): boolean {
	return update.done <= 1 || update.done >= update.runs || update.error !== undefined;
}

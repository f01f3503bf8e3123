/**
 * A progress line on standard error for runs longer than about a second: runs done and time
 * left, extrapolated from the runs so far. On a terminal it rewrites one line; when standard
 * error is not a terminal it is silent unless asked for (--progress), then a line every few
 * seconds.
 */
import { formatCount, formatDuration } from './number-format';

export interface ProgressIo {
	stderr(text: string): void;
	now(): number;
}

const QUIET_START_MS = 1000;
const TERMINAL_EVERY_MS = 250;
const LOG_EVERY_MS = 5000;

export class Progress {
	private done = 0;
	private readonly started: number;
	private lastShown = -Infinity;
	private shown = false;

	constructor(
		private readonly io: ProgressIo,
		private readonly total: number,
		private readonly mode: 'off' | 'terminal' | 'log'
	) {
		this.started = io.now();
	}

	/** Call after each run. */
	runDone(): void {
		this.done++;
		if (this.mode === 'off' || this.done >= this.total) return;
		const now = this.io.now();
		const elapsed = now - this.started;
		if (elapsed < QUIET_START_MS) return;
		if (now - this.lastShown < (this.mode === 'terminal' ? TERMINAL_EVERY_MS : LOG_EVERY_MS)) return;
		this.lastShown = now;
		const left = (elapsed / this.done) * (this.total - this.done);
		const text = `levers: ${formatCount(this.done)} of ${formatCount(this.total)} runs, ${formatDuration(elapsed / 1000)} so far, about ${formatDuration(left / 1000)} left`;
		this.io.stderr(this.mode === 'terminal' ? `\r${text}\x1b[K` : `${text}\n`);
		this.shown = true;
	}

	/** Clears the terminal line once the runs are done. */
	finish(): void {
		if (this.shown && this.mode === 'terminal') this.io.stderr('\r\x1b[K');
		this.shown = false;
	}
}

/**
 * Keeps the address bar in step with the view without thrashing history: writes are debounced
 * (a slider drag becomes one write), a finished change adds a history entry (so Back steps
 * through meaningful states) while drags only replace the current one, and an address that
 * already shows the state is not written again.
 */
export type WriteAddress = (search: string, push: boolean) => void;

export class UrlWriter {
	private timer: ReturnType<typeof setTimeout> | undefined;
	private wanted: string | undefined;
	private push = false;
	/** The query string the address shows now. */
	shown: string;

	constructor(
		private readonly write: WriteAddress,
		initial = '',
		private readonly delayMs = 100
	) {
		this.shown = initial;
	}

	/** Ask for the address to show `search`; `push` when the change is a finished step worth a Back. */
	request(search: string, push: boolean): void {
		this.wanted = search;
		this.push ||= push;
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.flush(), this.delayMs);
	}

	/** Write what is wanted now. */
	flush(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		const search = this.wanted;
		const push = this.push;
		this.wanted = undefined;
		this.push = false;
		if (search === undefined || search === this.shown) return;
		this.shown = search;
		this.write(search, push);
	}

	/** The address changed from outside (a load, Back or Forward): note it, drop pending writes. */
	arrived(search: string): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.wanted = undefined;
		this.push = false;
		this.shown = search;
	}
}

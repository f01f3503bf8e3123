/**
 * The scheduler in front of the pool. Each purpose ("current", "baseline", a pin) holds one
 * wanted ensemble; asking for a new one replaces the old: the latest request wins, results
 * of replaced requests are dropped, and their work is cancelled. Requests that arrive close
 * together are coalesced. Ensembles with the same key (same resolved inputs and seeds, hence
 * the same numbers) are run once: purposes share a run in flight, and finished ensembles are
 * kept in a small cache, so the baseline is run once per assumptions and seeds.
 */
import { replicateSeed } from '../model/index';
import { EnsembleAccumulator } from './incremental-quantiles';
import { Cancelled } from './pool';
import type { RunJob, RunResult } from './protocol';

/**
 * Replicate r of a purpose of rank k (below this) runs at priority r * PRIORITY_PER_REPLICATE + k,
 * so the priorities below PRIORITY_PER_REPLICATE are those of first runs.
 */
export const PRIORITY_PER_REPLICATE = 16;

/** What an ensemble is: its identity and how to make replicate r's job. */
export interface EnsembleSpec {
	/** Equal keys mean equal inputs, seeds and runs, so equal numbers. */
	key: string;
	runs: number;
	baseSeed: number;
	/** The job of replicate r, whose seed is replicateSeed(baseSeed, r). */
	job(seed: number, replicate: number): RunJob;
	/** Watchdog for one replicate, in ms. */
	timeoutMs: number;
}

export interface EnsembleUpdate {
	purpose: string;
	/** Increases with every request; an update for an older request is never sent. */
	requestId: number;
	key: string;
	runs: number;
	/** Runs received so far. */
	done: number;
	/** Present once the first run has arrived. */
	ensemble: EnsembleAccumulator | undefined;
	/** Why the ensemble failed (a worker crashed or hung): the page shows it. */
	error?: string;
	/** Milliseconds from the launch of the ensemble to its first run and to its last (a cache hit keeps its original figures). */
	firstRunMs?: number;
	allRunsMs?: number;
}

/** What the scheduler needs of a pool. */
export interface TaskRunner {
	submit(tag: string, priority: number, job: RunJob, timeoutMs: number): Promise<RunResult>;
	cancel(tag: string): void;
}

export interface SchedulerOptions {
	outcomes: number;
	/** Wait this long for more requests before starting work (ms); 0 flushes on the next task. */
	coalesceMs?: number;
	cacheSize?: number;
	/** Lower runs first when replicates of several purposes wait; default order of first request. */
	rank?: (purpose: string) => number;
	now?: () => number;
}

interface Flight {
	key: string;
	tag: string;
	spec: EnsembleSpec;
	startedAt: number;
	accumulator: EnsembleAccumulator | undefined;
	purposes: Set<string>;
	firstRunMs?: number;
	allRunsMs?: number;
	error?: string;
}

interface Wanted {
	requestId: number;
	key: string;
}

export class EnsembleScheduler {
	private readonly flights = new Map<string, Flight>();
	private readonly cache = new Map<string, Flight>();
	private readonly wanted = new Map<string, Wanted>();
	private readonly pending = new Map<string, EnsembleSpec | null>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private timerUrgent = false;
	private nextRequestId = 1;
	private nextTag = 1;

	constructor(
		private readonly pool: TaskRunner,
		private readonly onUpdate: (update: EnsembleUpdate) => void,
		private readonly options: SchedulerOptions
	) {}

	/**
	 * Ask for an ensemble for a purpose (null: none). Coalesced; the latest request wins. An
	 * urgent request (a finished change) starts on the next task; others (a slider being
	 * dragged) wait `coalesceMs` for the next, so a drag does not start and stop work per pixel.
	 */
	request(purpose: string, spec: EnsembleSpec | null, urgent = false): void {
		this.pending.set(purpose, spec);
		const delay = urgent ? 0 : (this.options.coalesceMs ?? 0);
		if (this.timer !== undefined && (urgent || !this.timerUrgent)) clearTimeout(this.timer);
		else if (this.timer !== undefined) return;
		this.timerUrgent = urgent;
		this.timer = setTimeout(() => this.flush(), delay);
	}

	/** Start the pending requests now. */
	flush(): void {
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = undefined;
		const pending = [...this.pending];
		this.pending.clear();
		for (const [purpose, spec] of pending) this.apply(purpose, spec);
	}

	/** Run an ensemble again even if it is cached or failed (e.g. after "try again"). */
	forget(key: string): void {
		this.cache.delete(key);
	}

	/** The update a purpose would get now (undefined when it wants nothing). */
	current(purpose: string): EnsembleUpdate | undefined {
		const wanted = this.wanted.get(purpose);
		if (!wanted) return undefined;
		const flight = this.cache.get(wanted.key) ?? this.flights.get(wanted.key);
		return flight ? this.updateOf(purpose, wanted.requestId, flight) : undefined;
	}

	private apply(purpose: string, spec: EnsembleSpec | null): void {
		const before = this.wanted.get(purpose);
		if (spec && before && before.key === spec.key) {
			const flight = this.flights.get(spec.key) ?? this.cache.get(spec.key);
			if (flight && !flight.error) return; // the same ensemble is already wanted: nothing to do
		}
		if (before) this.release(purpose, before.key);
		if (!spec) {
			this.wanted.delete(purpose);
			return;
		}
		const requestId = this.nextRequestId++;
		this.wanted.set(purpose, { requestId, key: spec.key });

		const cached = this.cache.get(spec.key);
		if (cached) {
			// Most recently used last, so the oldest is evicted first.
			this.cache.delete(spec.key);
			this.cache.set(spec.key, cached);
			this.emit(purpose, cached);
			return;
		}
		const shared = this.flights.get(spec.key);
		if (shared) {
			shared.purposes.add(purpose);
			this.emit(purpose, shared);
			return;
		}
		this.launch(purpose, spec);
	}

	/** A purpose no longer wants an ensemble: cancel its work if nobody else does. */
	private release(purpose: string, key: string): void {
		const flight = this.flights.get(key);
		if (!flight) return;
		flight.purposes.delete(purpose);
		if (flight.purposes.size === 0) {
			this.flights.delete(key);
			this.pool.cancel(flight.tag);
		}
	}

	private launch(purpose: string, spec: EnsembleSpec): void {
		const now = this.options.now ?? (() => performance.now());
		const flight: Flight = {
			key: spec.key,
			tag: `ensemble-${this.nextTag++}`,
			spec,
			startedAt: now(),
			accumulator: undefined,
			purposes: new Set([purpose])
		};
		this.flights.set(spec.key, flight);
		this.emit(purpose, flight);
		const rank = this.options.rank?.(purpose) ?? 0;
		for (let r = 0; r < spec.runs; r++) {
			const seed = replicateSeed(spec.baseSeed, r);
			// Replicate r of every purpose before replicate r + 1 of any: first runs come first.
			const priority = r * PRIORITY_PER_REPLICATE + rank;
			this.pool.submit(flight.tag, priority, spec.job(seed, r), spec.timeoutMs).then(
				(result) => this.received(flight, r, result, now()),
				(error: unknown) => this.failed(flight, error)
			);
		}
	}

	private received(flight: Flight, r: number, result: RunResult, at: number): void {
		if (this.flights.get(flight.key) !== flight) return; // replaced: a stale result is dropped
		flight.accumulator ??= new EnsembleAccumulator(flight.spec.runs, this.options.outcomes, result.groups, result.months);
		flight.accumulator.add(r, result);
		flight.firstRunMs ??= at - flight.startedAt;
		if (flight.accumulator.complete) {
			flight.allRunsMs = at - flight.startedAt;
			this.flights.delete(flight.key);
			this.remember(flight);
		}
		for (const purpose of flight.purposes) this.emit(purpose, flight);
	}

	private failed(flight: Flight, error: unknown): void {
		if (error instanceof Cancelled) return;
		if (this.flights.get(flight.key) !== flight || flight.error) return;
		flight.error = error instanceof Error ? error.message : String(error);
		this.flights.delete(flight.key);
		this.pool.cancel(flight.tag);
		for (const purpose of flight.purposes) this.emit(purpose, flight);
	}

	private remember(flight: Flight): void {
		this.cache.set(flight.key, flight);
		const size = this.options.cacheSize ?? 4;
		while (this.cache.size > size) {
			const oldest = this.cache.keys().next().value as string;
			this.cache.delete(oldest);
		}
	}

	private emit(purpose: string, flight: Flight): void {
		const wanted = this.wanted.get(purpose);
		if (!wanted || wanted.key !== flight.key) return;
		this.onUpdate(this.updateOf(purpose, wanted.requestId, flight));
	}

	private updateOf(purpose: string, requestId: number, flight: Flight): EnsembleUpdate {
		return {
			purpose,
			requestId,
			key: flight.key,
			runs: flight.spec.runs,
			done: flight.accumulator?.count ?? 0,
			ensemble: flight.accumulator,
			error: flight.error,
			firstRunMs: flight.firstRunMs,
			allRunsMs: flight.allRunsMs
		};
	}
}

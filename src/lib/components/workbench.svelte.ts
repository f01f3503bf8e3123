/**
 * The workbench's state: what the user chose (scenario, lever changes, beliefs, view), what
 * the workers made of it (resolved settings, ensembles as they fill in), and messages. The
 * components only read it and call its methods; the address bar mirrors it.
 */
import { tick } from 'svelte';
import { pushState, replaceState } from '$app/navigation';
import type { AssumptionValues, LeverId } from '../model/index';
import { createBrowserRunner, type BrowserRunner } from '../runner/browser';
import { drawAtOnce, RedrawPacer } from '../runner/redraw-pacer';
import { UrlWriter } from '../runner/url-writer';
import type { LeverCheck, LibraryInfo, Prepared, ScenarioSettings } from '../runner/scenario-api';
import type { EnsembleSpec, EnsembleUpdate } from '../runner/scheduler';
import type { Overrides, LeverSetting } from '../scenario/types';
import { encodeShareLink, MAX_PINS, type LinkScenario, type LinkView } from '../scenario/share-link-encode';
import type { DecodedLink } from '../scenario/share-link';
import { TAB_IDS } from './views';

export interface Message {
	id: number;
	kind: 'warning' | 'error';
	title: string;
	lines: string[];
}

export interface Pin extends LinkScenario {
	settings: ScenarioSettings | undefined;
	error?: string;
}

/** While an ensemble fills in, the charts are redrawn at most this often (ms). */
const REDRAW_MS = 300;

/** Watchdog for one replicate: generous, and longer for bigger runs. */
function timeoutFor(s: ScenarioSettings): number {
	return 30_000 + 0.002 * s.population.citizens * (s.months + 24);
}

function specOf(prepared: Extract<Prepared, { ok: true }>): EnsembleSpec {
	const { settings, schedules } = prepared;
	return {
		key: prepared.key,
		runs: settings.runs,
		baseSeed: settings.seed,
		timeoutMs: timeoutFor(settings),
		job: (seed) => ({ schedules, assumptions: settings.assumptions, population: settings.population, months: settings.months, seed, detail: true })
	};
}

export class Workbench {
	ready = $state(false);
	library = $state.raw<LibraryInfo | undefined>(undefined);
	/** The scenario the others extend: the baseline every scenario is compared with. */
	private baselineId = '';
	scenarioId = $state('');
	overrides = $state.raw<Overrides>({});
	view = $state.raw<LinkView>({ pins: [] });
	/** The scenario as run now, with the user's changes. */
	current = $state.raw<ScenarioSettings | undefined>(undefined);
	/** The scenario's own settings, without the user's changes. */
	own = $state.raw<ScenarioSettings | undefined>(undefined);
	/** The baseline scenario as compared (the user's beliefs, the current seeds and runs). */
	baseline = $state.raw<ScenarioSettings | undefined>(undefined);
	/** Why the baseline cannot be compared, when it cannot. */
	baselineProblem = $state<string | undefined>(undefined);
	pins = $state.raw<Pin[]>([]);
	results = $state.raw<Record<string, EnsembleUpdate>>({});
	messages = $state.raw<Message[]>([]);
	/** A problem with the current settings (e.g. a bad schedule): shown, nothing runs. */
	settingsError = $state<string | undefined>(undefined);

	private runner: BrowserRunner | undefined;
	private generation = 0;
	private messageId = 0;
	private readonly url = new UrlWriter((search, push) => {
		const url = new URL(location.href);
		url.search = search;
		try {
			if (push) pushState(url, {});
			else replaceState(url, {});
		} catch {
			history.replaceState(history.state, '', url);
		}
	});
	private pendingUpdates = new Map<string, EnsembleUpdate>();
	private frame = 0;
	private pacedDraw: ReturnType<typeof setTimeout> | undefined;
	private readonly pacer = new RedrawPacer(REDRAW_MS, () => performance.now());
	private markedFirst = 0;
	private markedAll = 0;

	/** Start the workers and read the state from the address. */
	async start(search: string): Promise<void> {
		this.runner = createBrowserRunner((u) => this.received(u));
		const scenarios = this.runner.scenarios;
		try {
			// The first runs need only the link and the baseline's id. The library (every built-in
			// scenario resolved, for the picker) took the scenario worker about 0.3 s at page load, so
			// it is asked for once the link's runs have been: the first chart does not wait for it.
			const [baselineId, decoded] = await Promise.all([
				scenarios.call((api) => api.baselineId()),
				scenarios.call((api) => api.decodeLink(search, TAB_IDS))
			]);
			this.baselineId = baselineId;
			await this.applyLink(search, decoded);
			this.ready = true;
			addEventListener('popstate', this.onPopState);
		} catch (error) {
			this.say('error', 'The workbench could not start', [messageOf(error)]);
			return;
		}
		try {
			const library = await scenarios.call((api) => api.library());
			performance.mark('levers:library');
			this.library = library;
			if (library.problems.length > 0)
				this.say('warning', 'Some built-in scenarios could not be read and are left out', library.problems);
		} catch (error) {
			this.say('error', 'The scenario library could not be read', [messageOf(error)]);
		}
	}

	stop(): void {
		clearTimeout(this.pacedDraw);
		if (this.frame) cancelAnimationFrame(this.frame);
		removeEventListener('popstate', this.onPopState);
		this.runner?.dispose();
	}

	/** Decode a link (through the scenario worker, which validates it) and show that state. */
	async applyLink(search: string, already?: DecodedLink): Promise<void> {
		const decoded = already ?? (await this.runner!.scenarios.call((api) => api.decodeLink(search, TAB_IDS)));
		if (decoded.problems.length > 0)
			this.say('warning', 'Parts of this link could not be used and were ignored', decoded.problems);
		this.scenarioId = decoded.scenarioId;
		this.overrides = decoded.overrides;
		this.view = { ...decoded.view, pins: [] };
		this.pins = decoded.view.pins.map((p) => ({ ...p, settings: undefined }));
		this.url.arrived(search);
		await this.refresh(true);
		// The address now holds what is shown: the link's usable parts, in their own order.
		this.writeUrl(false);
	}

	// ── What the user does ───────────────────────────────────────────────

	selectScenario(id: string): void {
		if (id === this.scenarioId) return;
		this.scenarioId = id;
		// Beliefs and run settings stay; lever choices belong to the scenario picked.
		const { levers: _, ...rest } = this.overrides;
		this.overrides = rest;
		this.changed(true, true);
	}

	/** Set a lever (a number or a schedule expression). `commit` marks a meaningful step for Back. */
	setLever(id: LeverId, value: LeverSetting, commit: boolean): void {
		const levers = { ...this.overrides.levers };
		if (this.own && this.own.levers[id] === value) delete levers[id];
		else levers[id] = value;
		this.overrides = withPart(this.overrides, 'levers', levers);
		this.changed(commit);
	}

	resetLever(id: LeverId): void {
		const levers = { ...this.overrides.levers };
		delete levers[id];
		this.overrides = withPart(this.overrides, 'levers', levers);
		this.changed(true);
	}

	setAssumption(id: keyof AssumptionValues, value: number, commit: boolean): void {
		const assumptions: Partial<AssumptionValues> = { ...this.overrides.assumptions };
		if (this.own && this.own.assumptions[id] === value) delete assumptions[id];
		else assumptions[id] = value;
		this.overrides = withPart(this.overrides, 'assumptions', assumptions);
		this.changed(commit);
	}

	resetAssumption(id: keyof AssumptionValues): void {
		const assumptions = { ...this.overrides.assumptions };
		delete assumptions[id];
		this.overrides = withPart(this.overrides, 'assumptions', assumptions);
		this.changed(true);
	}

	resetAllAssumptions(): void {
		this.overrides = withPart(this.overrides, 'assumptions', {});
		this.changed(true);
	}

	setRuns(runs: number): void {
		const overrides = { ...this.overrides };
		if (this.own && this.own.runs === runs) delete overrides.runs;
		else overrides.runs = runs;
		this.overrides = overrides;
		this.changed(true);
	}

	setTab(tab: string): void {
		this.view = { ...this.view, tab: tab === 'overview' ? undefined : tab };
		this.writeUrl(true);
	}

	setShow(show: 'chart' | 'table'): void {
		this.view = { ...this.view, show: show === 'table' ? 'table' : undefined };
		this.writeUrl(true);
	}

	/** Pin the current scenario and changes as an alternative to compare against. */
	pinCurrent(): void {
		if (this.pins.length >= MAX_PINS) return;
		const { levers, assumptions } = this.overrides;
		const overrides: Overrides = {};
		if (levers) overrides.levers = levers;
		if (assumptions) overrides.assumptions = assumptions;
		this.pins = [...this.pins, { scenarioId: this.scenarioId, overrides, settings: undefined }];
		this.changed(true);
	}

	unpin(index: number): void {
		this.pins = this.pins.filter((_, i) => i !== index);
		this.changed(true);
	}

	dismiss(id: number): void {
		this.messages = this.messages.filter((m) => m.id !== id);
	}

	/** Run the current ensemble again after a failure. */
	retry(): void {
		const key = this.results.current?.key;
		if (key) this.runner?.scheduler.forget(key);
		this.runner?.pool.revive();
		void this.refresh(false, true);
	}

	/** Check a lever expression as the user types (the scenario worker parses it). */
	checkLever(id: string, text: string): Promise<LeverCheck> {
		return this.runner!.scenarios.call((api) => api.checkLever(this.scenarioId, id, text, this.current?.months ?? 120));
	}

	/** The share link of what is on screen. */
	get link(): string {
		return encodeShareLink({ scenarioId: this.scenarioId, overrides: this.overrides, view: { ...this.view, pins: this.pins } });
	}

	// ── Keeping the workers and the address in step ──────────────────────

	private changed(commit: boolean, scenarioChanged = false): void {
		performance.mark('levers:change');
		void this.refresh(scenarioChanged, false, commit);
		this.writeUrl(commit);
	}

	/** Resolve what is wanted and ask the scheduler for it. The latest call wins. */
	private async refresh(scenarioChanged: boolean, force = false, urgent = true): Promise<void> {
		const runner = this.runner!;
		const generation = ++this.generation;
		const scenarioId = this.scenarioId;
		const overrides = this.overrides;
		const call = <T>(f: Parameters<typeof runner.scenarios.call<T>>[0]) => runner.scenarios.call(f);
		try {
			const [current, own] = await Promise.all([
				call((api) => api.prepare(scenarioId, overrides)),
				scenarioChanged || !this.own || this.own.id !== scenarioId
					? call((api) => api.prepare(scenarioId, {}))
					: Promise.resolve(undefined)
			]);
			if (generation !== this.generation) return;
			if (own?.ok) this.own = own.settings;
			if (!current.ok) {
				this.settingsError = current.error;
				runner.scheduler.request('current', null);
				return;
			}
			this.settingsError = undefined;
			this.current = current.settings;
			if (force) runner.scheduler.forget(current.key);
			runner.scheduler.request('current', specOf(current), urgent);
			performance.mark('levers:requested');

			// The baseline and the pins share the current run settings, so runs pair seed by seed.
			const s = current.settings;
			const paired = { seed: s.seed, runs: s.runs, months: s.months, citizens: s.population.citizens };
			const baselineId = this.baselineId;
			const [baseline, ...pins] = await Promise.all([
				call((api) => api.prepare(baselineId, { assumptions: overrides.assumptions, ...paired })),
				...this.pins.map((p) => call((api) => api.prepare(p.scenarioId, { ...p.overrides, ...paired })))
			]);
			if (generation !== this.generation) return;
			this.baselineProblem = undefined;
			if (!baseline.ok) this.baselineProblem = baseline.error;
			else if (!samePlaces(baseline.settings, s))
				this.baselineProblem = 'the baseline has a different number of areas or providers, so its runs cannot be paired with this scenario';
			this.baseline = baseline.ok ? baseline.settings : undefined;
			runner.scheduler.request('baseline', baseline.ok && !this.baselineProblem ? specOf(baseline) : null, urgent);
			this.pins = this.pins.map((pin, i) => {
				const p = pins[i];
				const problem = !p.ok ? p.error : !samePlaces(p.settings, s) ? 'different areas or providers: cannot be paired' : undefined;
				runner.scheduler.request(`pin${i}`, p.ok && !problem ? specOf(p) : null, urgent);
				return { scenarioId: pin.scenarioId, overrides: pin.overrides, settings: p.ok ? p.settings : undefined, error: problem };
			});
			for (let i = this.pins.length; i < MAX_PINS; i++) runner.scheduler.request(`pin${i}`, null, urgent);
			// Results of lines no longer shown go, so nothing reads them as current.
			const shown = new Set(['current', ...(baseline.ok && !this.baselineProblem ? ['baseline'] : []), ...this.pins.map((_, i) => `pin${i}`)]);
			if (Object.keys(this.results).some((p) => !shown.has(p)))
				this.results = Object.fromEntries(Object.entries(this.results).filter(([p]) => shown.has(p)));
		} catch (error) {
			if (generation === this.generation) this.say('error', 'The scenario could not be prepared', [messageOf(error)]);
		}
	}

	/** Ensemble updates arrive per run; the page redraws at most once a frame, and paced between a request's first and last runs (redraw-pacer.ts). */
	private received(update: EnsembleUpdate): void {
		if (update.purpose === 'current' && update.done === 1) performance.mark('levers:first-run');
		this.pendingUpdates.set(update.purpose, update);
		if (this.frame) return;
		const wait = this.pacer.delay(drawAtOnce(update));
		if (wait > 0) {
			this.pacedDraw ??= setTimeout(() => this.drawNextFrame(), wait);
			return;
		}
		this.drawNextFrame();
	}

	private drawNextFrame(): void {
		clearTimeout(this.pacedDraw);
		this.pacedDraw = undefined;
		if (this.frame) return;
		this.frame = requestAnimationFrame(() => {
			this.frame = 0;
			const next = { ...this.results };
			for (const [purpose, u] of this.pendingUpdates) next[purpose] = u;
			this.pendingUpdates.clear();
			this.results = next;
			this.pacer.drawn();
			this.markDrawn(next.current);
		});
	}

	/** User Timing marks once the page has drawn a request's first run and its whole ensemble (read by bench:browser). */
	private markDrawn(u: EnsembleUpdate | undefined): void {
		if (!u || u.done === 0) return;
		const first = u.requestId !== this.markedFirst;
		const all = u.ensemble?.complete === true && u.requestId !== this.markedAll;
		if (first) this.markedFirst = u.requestId;
		if (all) this.markedAll = u.requestId;
		if (first || all)
			void tick().then(() => {
				if (first) performance.mark('levers:first-chart', { detail: { requestId: u.requestId, runs: u.runs } });
				if (all) performance.mark('levers:full-ensemble', { detail: { requestId: u.requestId, runs: u.runs } });
			});
	}

	/** Mirror the state in the address; drags replace the entry, finished changes add one (Back steps through them). */
	private writeUrl(push: boolean): void {
		this.url.request(this.link, push);
	}

	private onPopState = () => {
		if (location.search !== this.url.shown) void this.applyLink(location.search);
	};

	private say(kind: Message['kind'], title: string, lines: string[]): void {
		this.messages = [...this.messages, { id: ++this.messageId, kind, title, lines }];
	}
}

function withPart<K extends 'levers' | 'assumptions'>(overrides: Overrides, key: K, part: Overrides[K]): Overrides {
	const out = { ...overrides };
	if (part && Object.keys(part).length > 0) out[key] = part;
	else delete out[key];
	return out;
}

function samePlaces(a: ScenarioSettings, b: ScenarioSettings): boolean {
	return a.population.areas === b.population.areas && a.population.providersPerArea === b.population.providersPerArea && a.months === b.months;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Share links: the whole state of a workbench view in a readable address, such as
 *
 *   ?v=0.1.0&s=targets-and-terror&tg=0.4&pv=t<24 ? 0.05 : 0.15&fundingGrowth=0.02&tab=workforce
 *
 * `v` the model version, `s` the scenario id, then levers by short id (or full id), assumptions
 * and run settings (seed, runs, months, citizens) by id, and the view: `tab`, `show=table`, and
 * up to three `pin`s, each a nested link of its own. A link holds only what differs from its
 * scenario. A link is data, never code: every value is checked exactly as in a scenario file
 * (lever expressions go through the same locked-down parser), and anything unusable is named
 * in `problems` and left out; decoding never throws.
 */
import { LEVERS, MODEL_VERSION, isAssumptionId, isLeverId, type LeverId } from '../model/index';
import { ScenarioError, quote } from './errors';
import { validateOverrides, SETTING_IDS } from './overrides';
import { resolveScenario } from './resolve';
import { didYouMean } from './suggest';
import type { LeverSetting, Overrides, ScenarioLibrary } from './types';
import { MAX_PINS, RUN_SETTINGS, VIEW_KEYS, type LinkScenario, type LinkState, type LinkView } from './share-link-encode';

export {
	encodeShareLink,
	looksLikeShareLink,
	leverShortId,
	MAX_PINS,
	type LinkScenario,
	type LinkState,
	type LinkView
} from './share-link-encode';

export const LINK_MAX_CHARS = 8000;
const MAX_PARAMETERS = 300;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const leverByShort = new Map<string, LeverId>(LEVERS.map((l) => [l.short, l.id as LeverId]));

export interface DecodedLink extends LinkState {
	/** The model version the link was made with (undefined when the link does not say). */
	modelVersion: string | undefined;
	/** One plain sentence for each thing the link held that could not be used. */
	problems: string[];
}

export interface DecodeOptions {
	/** The scenario when the link names none or an unknown one (default: the library's root). */
	defaultScenarioId?: string;
	/** Tabs the reader understands; omitted: any tab is passed through unchecked. */
	tabs?: readonly string[];
}

/** The scenario that the others extend: the baseline a link falls back to. */
export function baselineScenarioId(library: ScenarioLibrary): string {
	const roots = [...library.values()].filter((s) => s.extends === undefined);
	const extended = (id: string) => [...library.values()].filter((s) => s.extends === id).length;
	roots.sort((a, b) => extended(b.id) - extended(a.id) || a.id.localeCompare(b.id));
	const root = roots[0] ?? [...library.values()][0];
	if (!root) throw new ScenarioError('the scenario library is empty');
	return root.id;
}

/** Decode a link (a whole address, or just its query string). Never throws. */
export function decodeShareLink(link: string, library: ScenarioLibrary, options: DecodeOptions = {}): DecodedLink {
	const problems: string[] = [];
	const fallback = options.defaultScenarioId ?? baselineScenarioId(library);
	const empty: DecodedLink = { modelVersion: undefined, scenarioId: fallback, overrides: {}, view: { pins: [] }, problems };
	if (typeof link !== 'string') {
		problems.push('the link is not text and was ignored');
		return empty;
	}
	if (link.length > LINK_MAX_CHARS) {
		problems.push(`the link is ${link.length} characters long (at most ${LINK_MAX_CHARS}) and was ignored`);
		return empty;
	}
	const params = queryOf(link, problems);
	if (!params) return empty;
	if (params.length > MAX_PARAMETERS) {
		problems.push(`the link has ${params.length} settings (at most ${MAX_PARAMETERS}) and was ignored`);
		return empty;
	}

	let modelVersion: string | undefined;
	const view: LinkView = { pins: [] };
	const own: [string, string][] = [];
	const seenView = new Set<string>();
	for (const [key, value] of params) {
		if (key === 'v') {
			modelVersion = value;
			continue;
		}
		if (!(VIEW_KEYS as readonly string[]).includes(key)) {
			own.push([key, value]);
			continue;
		}
		if (key !== 'pin' && seenView.has(key)) problems.push(`"${key}" is given more than once; the last one is used`);
		seenView.add(key);
		if (key === 'tab') {
			if (options.tabs && !options.tabs.includes(value))
				problems.push(`there is no results tab ${quote(value, 40)}${didYouMean(value, options.tabs)}; the overview is shown`);
			else view.tab = value;
		} else if (key === 'show') {
			if (value === 'table' || value === 'chart') view.show = value;
			else problems.push(`show=${quote(value, 40)} is not "chart" or "table"; charts are shown`);
		} else if (view.pins.length >= MAX_PINS) {
			problems.push(`only ${MAX_PINS} pinned scenarios are kept; the rest were ignored`);
		} else {
			const inner = new URLSearchParams(value);
			const pinProblems: string[] = [];
			const pin = decodeScenario([...inner], library, fallback, pinProblems, true);
			problems.push(...pinProblems.map((p) => `pinned scenario ${view.pins.length + 1}: ${p}`));
			view.pins.push(pin);
		}
	}
	if (modelVersion !== undefined && modelVersion !== MODEL_VERSION)
		problems.push(`the link was made with model version ${quote(modelVersion, 20)}; this is version ${MODEL_VERSION}, so the numbers may differ`);

	const { scenarioId, overrides } = decodeScenario(own, library, fallback, problems, false);
	return { modelVersion, scenarioId, overrides, view, problems };
}

/** The query parameters of a link, or undefined (with a problem) when it has none usable. */
function queryOf(link: string, problems: string[]): [string, string][] | undefined {
	let query = link.trim();
	const hash = query.indexOf('#');
	if (hash >= 0) query = query.slice(0, hash);
	const mark = query.indexOf('?');
	if (mark >= 0) query = query.slice(mark + 1);
	else if (/^[a-z]+:\/\//i.test(query)) query = '';
	try {
		return [...new URLSearchParams(query)].filter(([key]) => key !== '');
	} catch {
		problems.push('the link could not be read and was ignored');
		return undefined;
	}
}

function decodeScenario(
	params: [string, string][],
	library: ScenarioLibrary,
	fallback: string,
	problems: string[],
	isPin: boolean
): LinkScenario {
	let scenarioId = fallback;
	const levers: Partial<Record<LeverId, LeverSetting>> = {};
	const assumptions: Record<string, number> = {};
	const run: Partial<Record<(typeof RUN_SETTINGS)[number], number>> = {};
	const seen = new Set<string>();
	const ignored = (what: string) => problems.push(`${what}; it was ignored`);

	for (const [key, raw] of params) {
		const value = raw.trim();
		if (key === 's') {
			if (library.has(value)) scenarioId = value;
			else
				problems.push(
					`there is no scenario ${quote(value, 64)}${didYouMean(value, [...library.keys()])}; "${fallback}" is shown instead`
				);
			continue;
		}
		const id = leverByShort.get(key) ?? key;
		if (seen.has(id)) problems.push(`"${key}" is given more than once; the last one is used`);
		seen.add(id);
		try {
			if (isLeverId(id)) {
				const setting: LeverSetting = NUMBER.test(value) ? Number(value) : value;
				levers[id] = validateOverrides({ levers: { [id]: setting } }, 'link').levers![id];
			} else if (isAssumptionId(id)) {
				if (!NUMBER.test(value)) throw new ScenarioError(`link: ${id} = ${quote(value, 60)} is not a number`);
				assumptions[id] = validateOverrides({ assumptions: { [id]: Number(value) } }, 'link').assumptions![id]!;
			} else if ((RUN_SETTINGS as readonly string[]).includes(id)) {
				const key = id as (typeof RUN_SETTINGS)[number];
				if (!NUMBER.test(value)) throw new ScenarioError(`link: ${id} = ${quote(value, 60)} is not a number`);
				run[key] = validateOverrides({ [key]: Number(value) }, 'link')[key];
			} else if (key === 'v' || (VIEW_KEYS as readonly string[]).includes(key)) {
				ignored(`a pinned scenario cannot hold "${key}"`);
			} else {
				const known = [...SETTING_IDS, ...leverByShort.keys(), ...(isPin ? [] : VIEW_KEYS), 's', 'v'];
				ignored(`the link names an unknown setting ${quote(key, 40)}${didYouMean(key, known)}`);
			}
		} catch (error) {
			if (!(error instanceof ScenarioError)) throw error;
			ignored(error.message);
			delete levers[id as LeverId];
			delete assumptions[id];
		}
	}

	const overrides: Overrides = {};
	if (Object.keys(levers).length > 0) overrides.levers = levers;
	if (Object.keys(assumptions).length > 0) overrides.assumptions = assumptions as Overrides['assumptions'];
	Object.assign(overrides, run);
	dropExpressionsThatFail(scenarioId, overrides, library, problems);
	dropUnresolvable(scenarioId, overrides, library, problems);
	return { scenarioId, overrides };
}

/**
 * An expression can parse and still fail at some month (say, leave the lever's range at t = 90):
 * try each one alone over the scenario's horizon and drop those that fail, naming why.
 */
function dropExpressionsThatFail(scenarioId: string, overrides: Overrides, library: ScenarioLibrary, problems: string[]): void {
	for (const [id, setting] of Object.entries(overrides.levers ?? {})) {
		if (typeof setting !== 'string') continue;
		try {
			resolveScenario(library.get(scenarioId)!, library, { levers: { [id]: setting }, months: overrides.months });
		} catch (error) {
			if (!(error instanceof ScenarioError)) throw error;
			problems.push(`${error.message.replace(/^scenario "[^"]*"(\s*\([^)]*\))?: /, 'link: ')}; it was ignored`);
			delete overrides.levers![id as LeverId];
		}
	}
	if (overrides.levers && Object.keys(overrides.levers).length === 0) delete overrides.levers;
}

/**
 * A shorter horizon or other run setting can make the scenario's own schedules fail; then the
 * run settings go, so the view still opens.
 */
function dropUnresolvable(scenarioId: string, overrides: Overrides, library: ScenarioLibrary, problems: string[]): void {
	try {
		resolveScenario(library.get(scenarioId)!, library, overrides);
	} catch (error) {
		if (!(error instanceof ScenarioError)) throw error;
		problems.push(`${error.message}; the link's run settings were ignored`);
		for (const key of RUN_SETTINGS) delete overrides[key];
	}
}

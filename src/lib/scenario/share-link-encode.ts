/**
 * Writing share links, and their types. Kept apart from decoding (share-link.ts) because it
 * needs nothing of the scenario layer's validation, so the page can write links without
 * loading the validator and mathjs.
 */
import { LEVERS, MODEL_VERSION, type LeverId } from '../model/index';
import type { Overrides } from './types';

export const MAX_PINS = 3;
/** Run settings a link may hold, in the order links write them. */
export const RUN_SETTINGS = ['seed', 'runs', 'months', 'citizens'] as const;
/** Keys of the view (not of the scenario). */
export const VIEW_KEYS = ['tab', 'show', 'pin'] as const;

/** One scenario with changes: the current view's, or a pinned alternative's. */
export interface LinkScenario {
	scenarioId: string;
	overrides: Overrides;
}

export interface LinkView {
	/** Which tab of results; the app says which exist. */
	tab?: string;
	show?: 'chart' | 'table';
	pins: LinkScenario[];
}

export interface LinkState extends LinkScenario {
	view: LinkView;
}

/** Whether a command-line argument is a share link rather than a scenario id or file. */
export function looksLikeShareLink(text: string): boolean {
	return /^https?:\/\//i.test(text) || text.includes('?');
}

/** The query string (with its "?") of a view. Levers and assumptions come in registry order. */
export function encodeShareLink(state: LinkState, modelVersion: string = MODEL_VERSION): string {
	const parts: string[] = [`v=${encodeValue(modelVersion)}`, ...encodeScenario(state)];
	if (state.view.tab) parts.push(`tab=${encodeValue(state.view.tab)}`);
	if (state.view.show === 'table') parts.push('show=table');
	for (const pin of state.view.pins.slice(0, MAX_PINS)) parts.push(`pin=${encodeURIComponent(encodeScenario(pin).join('&'))}`);
	return `?${parts.join('&')}`;
}

function encodeScenario({ scenarioId, overrides }: LinkScenario): string[] {
	const parts = [`s=${encodeValue(scenarioId)}`];
	for (const lever of LEVERS) {
		const value = overrides.levers?.[lever.id as LeverId];
		if (value !== undefined) parts.push(`${lever.short}=${encodeValue(String(value))}`);
	}
	for (const [id, value] of Object.entries(overrides.assumptions ?? {}))
		if (value !== undefined) parts.push(`${id}=${encodeValue(String(value))}`);
	for (const key of RUN_SETTINGS) if (overrides[key] !== undefined) parts.push(`${key}=${overrides[key]}`);
	return parts;
}

/** Percent-encode, keeping characters that are safe in a query and make expressions readable. */
function encodeValue(text: string): string {
	return encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/').replace(/%20/g, '+');
}

const shortOf = new Map<string, string>(LEVERS.map((l) => [l.id, l.short]));

/** A lever's short id for links ("tg" for targets). */
export function leverShortId(id: string): string | undefined {
	return shortOf.get(id);
}

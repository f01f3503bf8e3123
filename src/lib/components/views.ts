/**
 * The results tabs and which outcomes each shows, derived from the outcome registry so new
 * outcomes and families appear without changes here.
 */
import { OUTCOMES, type OutcomeSpec } from '../model/index';

/** The four families the workbench is about, each with a tab of its own when the model has it. */
const FOCUS = ['gaming', 'workforce', 'prevention', 'inequality'];

const FAMILY_NAMES: Record<string, string> = {
	access: 'Access',
	gaming: 'Gaming',
	workforce: 'Workforce',
	prevention: 'Prevention',
	inequality: 'Inequality',
	quality: 'Quality',
	cost: 'Cost',
	trust: 'Trust',
	wellbeing: 'Wellbeing'
};

export function familyName(family: string): string {
	return FAMILY_NAMES[family] ?? family.charAt(0).toUpperCase() + family.slice(1);
}

/** Every family in registry order. */
export const FAMILIES: readonly string[] = [...new Set(OUTCOMES.map((o) => o.family as string))];

export interface Tab {
	id: string;
	label: string;
	/** Outcomes shown as charts; empty for the compare and closer views. */
	outcomes: readonly OutcomeSpec[];
}

/** Each family's headline: its first outcome in registry order. */
export const HEADLINES: readonly OutcomeSpec[] = FAMILIES.map((f) => OUTCOMES.find((o) => o.family === f)!);

const focus = FOCUS.filter((f) => FAMILIES.includes(f));
const others = FAMILIES.filter((f) => !focus.includes(f));

export const TABS: readonly Tab[] = [
	{ id: 'overview', label: 'Overview', outcomes: HEADLINES },
	...focus.map((f) => ({ id: f, label: familyName(f), outcomes: OUTCOMES.filter((o) => o.family === f) })),
	{
		id: 'more',
		label: 'Access, cost and more',
		outcomes: OUTCOMES.filter((o) => others.includes(o.family))
	},
	{ id: 'compare', label: 'Compare', outcomes: HEADLINES },
	{ id: 'closer', label: 'Look closer', outcomes: [] }
];

export const TAB_IDS: readonly string[] = TABS.map((t) => t.id);

export function tabById(id: string | undefined): Tab {
	return TABS.find((t) => t.id === id) ?? TABS[0];
}

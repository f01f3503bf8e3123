import { describe, expect, test } from 'vitest';
import { OUTCOMES } from '../model/index';
import { FAMILIES, HEADLINES, TABS, tabById } from './views';

describe('results tabs', () => {
	test('every outcome appears on exactly one family tab, and the overview holds one headline per family', () => {
		const familyTabs = TABS.filter((t) => !['overview', 'compare', 'closer'].includes(t.id));
		const shown = familyTabs.flatMap((t) => t.outcomes.map((o) => o.id));
		expect(shown.sort()).toEqual(OUTCOMES.map((o) => o.id).sort());
		expect(HEADLINES.map((o) => o.family)).toEqual(FAMILIES);
		expect(new Set(TABS.map((t) => t.id)).size).toBe(TABS.length);
	});

	test('unknown tab ids fall back to the overview', () => {
		expect(tabById('nope').id).toBe('overview');
		expect(tabById(undefined).id).toBe('overview');
	});
});

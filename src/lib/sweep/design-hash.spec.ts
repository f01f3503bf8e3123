import { describe, expect, test } from 'vitest';
import { parseSweepJson } from './design';
import { designHash, hash64 } from './design-hash';

const text = (extra: Record<string, unknown> = {}) =>
	JSON.stringify({ schema: 'levers-sweep', version: 1, scenario: 'baseline-england-2023', replicates: 2, grid: { levers: { targets: [0.2, 0.8] } }, ...extra });

describe('design hash', () => {
	test('16 hexadecimal digits that follow the text', () => {
		expect(hash64('a')).toMatch(/^[0-9a-f]{16}$/);
		expect(hash64('a')).toBe(hash64('a'));
		expect(hash64('a')).not.toBe(hash64('b'));
	});

	test('spacing, top-level key order, a title and where the scenario file sits make no difference', () => {
		const h = designHash(parseSweepJson(text()), 'scenario text', 1);
		const spaced = JSON.stringify(JSON.parse(text({ title: 'A note' })), null, 4);
		const reordered = JSON.stringify({ replicates: 2, ...JSON.parse(text()) });
		expect(designHash(parseSweepJson(spaced), 'scenario text', 1)).toBe(h);
		expect(designHash(parseSweepJson(reordered), 'scenario text', 1)).toBe(h);
		expect(designHash(parseSweepJson(text({ scenario: '../elsewhere/base.json' })), 'scenario text', 1)).toBe(h);
	});

	test('a value, the replicates, the base scenario or the base seed changes it', () => {
		const h = designHash(parseSweepJson(text()), 'scenario text', 1);
		expect(designHash(parseSweepJson(text({ grid: { levers: { targets: [0.2, 0.9] } } })), 'scenario text', 1)).not.toBe(h);
		expect(designHash(parseSweepJson(text({ replicates: 3 })), 'scenario text', 1)).not.toBe(h);
		expect(designHash(parseSweepJson(text()), 'another scenario', 1)).not.toBe(h);
		expect(designHash(parseSweepJson(text()), 'scenario text', 2)).not.toBe(h);
	});
});

import { describe, expect, test } from 'vitest';
import { LEVERS, MODEL_VERSION } from '../model/index';
import { loadBuiltinScenarios } from './builtin-node';
import { baselineScenarioId, decodeShareLink, encodeShareLink, looksLikeShareLink, type LinkState } from './share-link';

const library = loadBuiltinScenarios();
const TABS = ['overview', 'gaming', 'workforce'];

describe('encodeShareLink', () => {
	test('writes the readable form: version, scenario, short lever ids, assumptions, run settings, view', () => {
		const link = encodeShareLink({
			scenarioId: 'targets-and-terror',
			overrides: { levers: { targets: 0.4, prevention: 't < 24 ? 0.05 : 0.15' }, assumptions: { fundingGrowth: 0.02 }, seed: 3, runs: 32 },
			view: { tab: 'workforce', show: 'table', pins: [] }
		});
		expect(link).toBe(
			`?v=${MODEL_VERSION}&s=targets-and-terror&tg=0.4&pv=t+%3C+24+%3F+0.05+:+0.15&fundingGrowth=0.02&seed=3&runs=32&tab=workforce&show=table`
		);
	});

	test('a plain scenario holds nothing but the version and the scenario', () => {
		expect(encodeShareLink({ scenarioId: 'social-rd', overrides: {}, view: { pins: [] } })).toBe(`?v=${MODEL_VERSION}&s=social-rd`);
	});

	test('every lever has a distinct short id', () => {
		const shorts = LEVERS.map((l) => l.short);
		expect(new Set(shorts).size).toBe(shorts.length);
	});
});

describe('decodeShareLink', () => {
	test('round-trips a full state exactly, numbers to the last bit, pins included', () => {
		const state: LinkState = {
			scenarioId: 'quasi-markets',
			overrides: {
				levers: { targets: 0.1 + 0.2, autonomy: 1 / 3, prevention: '0.05 + 0.15 * min(1, t / 24)' },
				assumptions: { fundingGrowth: -0.01 },
				seed: 123,
				runs: 8,
				months: 60
			},
			view: {
				tab: 'gaming',
				show: 'table',
				pins: [
					{ scenarioId: 'social-rd', overrides: { levers: { audit: 0.7 } } },
					{ scenarioId: 'wigan-deal', overrides: {} }
				]
			}
		};
		const decoded = decodeShareLink(`https://example.org/${encodeShareLink(state)}`, library, { tabs: TABS });
		expect(decoded.problems).toEqual([]);
		expect(decoded.modelVersion).toBe(MODEL_VERSION);
		expect(decoded.scenarioId).toBe(state.scenarioId);
		expect(decoded.overrides).toEqual(state.overrides);
		expect(decoded.view).toEqual(state.view);
	});

	test('full lever ids work as well as short ones, and a link may be just a query', () => {
		const d = decodeShareLink('s=social-rd&targets=0.25&au=0.5', library);
		expect(d.overrides.levers).toEqual({ targets: 0.25, audit: 0.5 });
		expect(d.problems).toEqual([]);
	});

	test('no scenario, or an unknown one, falls back to the baseline and says so', () => {
		expect(decodeShareLink('?tg=0.5', library).scenarioId).toBe(baselineScenarioId(library));
		const d = decodeShareLink('?s=targets-and-teror&tg=0.5', library);
		expect(d.scenarioId).toBe('baseline-england-2023');
		expect(d.problems[0]).toMatch(/no scenario "targets-and-teror".*did you mean 'targets-and-terror'/);
		expect(d.overrides.levers).toEqual({ targets: 0.5 });
	});

	test('hostile and broken values are named and ignored; the good ones still apply', () => {
		const d = decodeShareLink(
			'?s=baseline-england-2023&tg=1.5&au=0.4&pv=import("fs")&ch=constructor&fundingGrowth=abc&complexShare=0.3' +
				'&runs=0&seed=7&__proto__=1&tab=<script>&show=everything&xx=1',
			library,
			{ tabs: TABS }
		);
		expect(d.overrides).toEqual({ levers: { audit: 0.4 }, assumptions: { complexShare: 0.3 }, seed: 7 });
		const text = d.problems.join('\n');
		expect(text).toMatch(/levers\.targets = 1\.5 is outside 0–1; it was ignored/);
		expect(text).toMatch(/import.*not allowed/);
		expect(text).toMatch(/constructor/);
		expect(text).toMatch(/fundingGrowth = "abc" is not a number/);
		expect(text).toMatch(/runs = 0 must be an integer/);
		expect(text).toMatch(/unknown setting "__proto__"/);
		expect(text).toMatch(/no results tab "<script>"/);
		expect(text).toMatch(/show="everything"/);
		expect(text).toMatch(/unknown setting "xx"/);
		expect(d.view).toEqual({ pins: [] });
		expect(Object.getPrototypeOf(d.overrides)).toBe(Object.prototype);
	});

	test('an expression that parses but leaves the range at some month is dropped with the month named', () => {
		const d = decodeShareLink('?tg=t / 100', library);
		expect(d.overrides.levers).toBeUndefined();
		expect(d.problems.join()).toMatch(/gives 1\.01 at month 101, outside 0–1; it was ignored/);
	});

	test('an older model version opens with a warning', () => {
		const d = decodeShareLink('?v=0.0.1&s=social-rd', library);
		expect(d.scenarioId).toBe('social-rd');
		expect(d.problems).toEqual([`the link was made with model version "0.0.1"; this is version ${MODEL_VERSION}, so the numbers may differ`]);
	});

	test('over-long links, too many pins and repeated keys are handled, never thrown', () => {
		expect(decodeShareLink('?tg=0.5&' + 'x'.repeat(9000), library).problems[0]).toMatch(/characters long/);
		const pins = Array.from({ length: 5 }, () => `pin=${encodeURIComponent('s=social-rd')}`).join('&');
		const d = decodeShareLink(`?${pins}&tg=0.2&tg=0.3`, library);
		expect(d.view.pins).toHaveLength(3);
		expect(d.overrides.levers).toEqual({ targets: 0.3 });
		expect(d.problems.join('\n')).toMatch(/only 3 pinned/);
		expect(d.problems.join('\n')).toMatch(/"tg" is given more than once/);
	});

	test('random junk never throws and always names a known scenario', () => {
		let x = 12345;
		const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296);
		const alphabet = 'as=&?%tgpvin01.()#+<>"\'\\/ \u00e9\u{1F600}';
		for (let i = 0; i < 300; i++) {
			const n = Math.floor(rand() * 60);
			let link = '';
			for (let k = 0; k < n; k++) link += alphabet[Math.floor(rand() * alphabet.length)];
			const d = decodeShareLink(link, library);
			expect(library.has(d.scenarioId)).toBe(true);
		}
	});
});

describe('looksLikeShareLink', () => {
	test('addresses and query strings are links; ids and file names are not', () => {
		expect(looksLikeShareLink('http://localhost:5173/?s=social-rd')).toBe(true);
		expect(looksLikeShareLink('?s=social-rd&tg=0.2')).toBe(true);
		expect(looksLikeShareLink('social-rd')).toBe(false);
		expect(looksLikeShareLink('my/scenario.json')).toBe(false);
	});
});

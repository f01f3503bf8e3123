import { describe, expect, test } from 'vitest';
import { actsThrough, explainSentence, mainContributors } from './explain-text';
import type { ShapleyResult } from './shapley';

function result(total: number, parts: [string, number][]): ShapleyResult {
	const iv = (v: number) => ({ mean: v, p05: v - 1, p95: v + 1 });
	return {
		method: 'exact',
		total: iv(total),
		totalPerRun: new Float64Array([total]),
		contributions: parts.map(([id, v]) => ({ id, value: iv(v), perRun: new Float64Array([v]) })),
		evaluations: 2 ** parts.length
	};
}

const fmt = (v: number) => v.toFixed(1);

describe('the plain-words reading', () => {
	test('names the largest contributors until they cover most of the change', () => {
		const r = result(-10, [['prevention', -7], ['relational', -2.5], ['targets', -0.4], ['audit', -0.1]]);
		expect(mainContributors(r).map((c) => c.id)).toEqual(['prevention', 'relational']);
	});

	test('a lever moving the outcome the better way acts through its benefit, the worse way through its cost', () => {
		const benefit = actsThrough('targets', -1, { better: 'lower' });
		const cost = actsThrough('targets', 1, { better: 'lower' });
		expect(benefit).toMatch(/^providers stream quick cases/);
		expect(cost).toMatch(/^recording culture and deliberate misrecording/);
		expect(actsThrough('escalationRate', 1, { better: 'lower' })).toMatch(/^monthly hazard of crisis per month already waited/);
	});

	test('says what comes from where, and what offsets it', () => {
		const text = explainSentence(result(-5, [['prevention', -7], ['targets', 2]]), { label: 'Crisis rate', better: 'lower' }, fmt);
		expect(text).toContain('Crisis rate changes by -5.0 against the baseline (5–95% of runs: -6.0 to -4.0).');
		expect(text).toContain('It comes from Prevention');
		expect(text).toContain('Partly offsetting it: Targets (2.0: recording culture');
		expect(text).toMatch(/It comes from Prevention investment \(-7\.0: [a-z]/);
	});

	test('cuts long registry text at a word', () => {
		const text = actsThrough('mission', -1, { better: 'lower' });
		expect(text.length).toBeLessThanOrEqual(121);
		expect(text).toMatch(/[a-z]…$/);
	});

	test('says so when nothing moves the outcome', () => {
		expect(explainSentence(result(0, [['targets', 0]]), { label: 'Gaming gap', better: 'lower' }, fmt)).toContain('None of the changed inputs moves it.');
	});
});

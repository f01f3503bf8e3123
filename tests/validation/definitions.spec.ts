/**
 * The check definitions themselves, without running the model: every check is complete, cites
 * a publication, has sound bounds; only pattern checks can be known misses; fitted parameters
 * and mutations name real assumptions; every outcome has a drift rule; the audit's rules.
 */
import { describe, expect, it } from 'vitest';
import { studentT95 } from '../../src/lib/validation/drift';
import { ASSUMPTIONS, findParameter, LEVERS, OUTCOMES, type OutcomeSpec } from '../../src/lib/model/index';
import {
	ALL_CHECKS,
	auditPasses,
	AUDITED_MOVE,
	CALIBRATION_CHECKS,
	DRIFT_CHECKS,
	driftRuleFor,
	effectOf,
	exceptionFor,
	LEVER_AUDIT_EXCEPTIONS,
	LEVER_AUDIT_SHORTFALLS,
	shortfallFor,
	mutationsOf,
	statusOf,
	verdictOf,
	within,
	type OutcomeChange
} from '../../src/lib/validation/index';

const isDrift = (id: string) => id.startsWith('D:');

describe('check definitions', () => {
	it('have unique ids', () => {
		const ids = ALL_CHECKS.map((c) => c.id);
		expect(ids.length).toBe(new Set(ids).size);
	});

	it('each have a claim, a unit and bounds with low below high', () => {
		for (const { id, check } of ALL_CHECKS) {
			expect(check.claim.length, id).toBeGreaterThan(10);
			expect(check.unit.length, id).toBeGreaterThan(0);
			const { above, below } = check.bounds;
			expect(above !== undefined || below !== undefined, `${id} has a bound`).toBe(true);
			if (above !== undefined && below !== undefined) expect(above, id).toBeLessThan(below);
		}
	});

	it('cite a publication with its year for the published figure, never a project file', () => {
		for (const { id, check } of ALL_CHECKS.filter((c) => !isDrift(c.id))) {
			expect(check.published, id).toMatch(/(1[89]|20)\d\d/);
			expect(check.published, id).not.toMatch(/\.md\b|evidence\.md|\b[GMBPI]\d{1,2}\b/);
		}
	});

	it('mark only validation and further pattern checks as known misses', () => {
		for (const { id, kind, check } of ALL_CHECKS) {
			if (kind === 'calibration' || kind === 'verification') expect('whyMissed' in check, id).toBe(false);
			else if (check.whyMissed !== undefined) expect(check.whyMissed.length, id).toBeGreaterThan(20);
		}
	});

	it('give calibration targets real fitted parameters and a window inside the run', () => {
		for (const listed of CALIBRATION_CHECKS) {
			if (listed.kind !== 'calibration') throw new Error('not a calibration target');
			const { fitted, window } = listed.check;
			expect(fitted.length, listed.id).toBeGreaterThan(0);
			for (const p of fitted) expect(findParameter(p)?.kind, `${listed.id}: ${p}`).toBe('assumption');
			expect(window.from, listed.id).toBeGreaterThanOrEqual(0);
			expect(window.to, listed.id).toBeGreaterThan(window.from);
		}
	});

	it('give read-backs real inputs and the published range they came from', () => {
		for (const listed of ALL_CHECKS) {
			if (listed.kind !== 'verification' || !listed.check.readsBack) continue;
			for (const p of listed.check.readsBack.inputs) expect(findParameter(p)?.kind, `${listed.id}: ${p}`).toBe('assumption');
			expect(listed.check.readsBack.publishedRange, listed.id).toMatch(/(1[89]|20)\d\d/);
		}
	});

	it('give mutations a name and assumptions within their registry ranges; verification mutations cannot be marked as surviving', () => {
		for (const listed of ALL_CHECKS) {
			for (const m of mutationsOf(listed)) {
				expect(m.name, listed.id).toMatch(/^without /);
				const entries = Object.entries(m.assumptions);
				expect(entries.length, `${listed.id}: ${m.name}`).toBeGreaterThan(0);
				for (const [id, value] of entries) {
					const spec = ASSUMPTIONS.find((a) => a.id === id);
					expect(spec, `${listed.id}: ${id}`).toBeDefined();
					expect(value!, `${listed.id}: ${id}`).toBeGreaterThanOrEqual(spec!.min);
					expect(value!, `${listed.id}: ${id}`).toBeLessThanOrEqual(spec!.max);
				}
				if (listed.kind === 'verification') expect(m.whySurvives, `${listed.id}: ${m.name}`).toBeUndefined();
			}
		}
	});

	it('include a drift check for every outcome, each with a rule for its unit', () => {
		for (const outcome of OUTCOMES) {
			expect(() => driftRuleFor(outcome), outcome.id).not.toThrow();
			expect(DRIFT_CHECKS.some((c) => c.id === `D:${outcome.id}`), outcome.id).toBe(true);
		}
		expect(() => driftRuleFor({ ...OUTCOMES[0], unit: 'furlongs' } as OutcomeSpec)).toThrow(/no drift rule/);
	});
});

describe('passing a check', () => {
	it('needs the whole interval strictly within the bounds, never just the mean', () => {
		expect(within({ above: 0 }, { mean: 1, p05: 0.1, p95: 2 })).toBe(true);
		expect(within({ above: 0 }, { mean: 1, p05: -0.1, p95: 2 })).toBe(false);
		expect(within({ above: 0 }, { mean: 1, p05: 0, p95: 2 })).toBe(false);
		expect(within({ above: 0, below: 1 }, { mean: 0.5, p05: 0.2, p95: 1.1 })).toBe(false);
		expect(within({ below: 1 }, { mean: 0.5, p05: -5, p95: 0.9 })).toBe(true);
	});

	it('never happens for an undefined figure', () => {
		expect(within({ above: 0 }, { mean: NaN, p05: NaN, p95: NaN })).toBe(false);
		expect(within({ below: 1 }, { mean: NaN, p05: NaN, p95: NaN })).toBe(false);
		expect(within({ above: 0 }, { mean: 1, p05: 1, p95: NaN })).toBe(false);
	});

	it('has a status by kind: only pattern checks can be missed', () => {
		expect(statusOf('calibration', false, false)).toBe('fit lost');
		expect(statusOf('verification', false, false)).toBe('failed');
		expect(statusOf('validation', false, true)).toBe('missed');
		expect(statusOf('further', true, true)).toBe('reproduced, marked missed');
		expect(statusOf('validation', true, false)).toBe('reproduced');
	});
});

describe('lever audit rules', () => {
	const outcome = (better: OutcomeSpec['better']) => ({ ...OUTCOMES[0], better }) as OutcomeSpec;
	const changeOf = (effect: OutcomeChange['effect']): OutcomeChange => ({ outcome: OUTCOMES[0], window: 'year 10', change: { mean: 0, p05: 0, p95: 0 }, effect });
	const lever = LEVERS[0];

	it('count an outcome as better or worse only when the interval excludes zero, by its better direction', () => {
		expect(effectOf(outcome('higher'), { mean: 0.1, p05: 0.01, p95: 0.2 })).toBe('better');
		expect(effectOf(outcome('lower'), { mean: 0.1, p05: 0.01, p95: 0.2 })).toBe('worse');
		expect(effectOf(outcome('lower'), { mean: -0.1, p05: -0.2, p95: -0.01 })).toBe('better');
		expect(effectOf(outcome('neither'), { mean: 0.1, p05: 0.01, p95: 0.2 })).toBe('changed');
		expect(effectOf(outcome('higher'), { mean: 0.1, p05: -0.01, p95: 0.2 })).toBe('no clear change');
	});

	it('classify trade-offs, free lunches, cost-only and inert levers', () => {
		expect(verdictOf([changeOf('better'), changeOf('worse')])).toBe('trade-off');
		expect(verdictOf([changeOf('better'), changeOf('changed')])).toBe('free lunch');
		expect(verdictOf([changeOf('worse'), changeOf('no clear change')])).toBe('cost-only');
		expect(verdictOf([changeOf('changed'), changeOf('no clear change')])).toBe('inert');
	});

	it('pass a direction that is not a trade-off only with an exception for that lever, direction and verdict', () => {
		const row = { lever, direction: 'max' as const, verdict: 'free lunch' as const };
		const exception = { lever: lever.id, direction: 'max' as const, verdict: 'free lunch' as const, reason: 'r', publication: 'p' };
		expect(auditPasses(row, [])).toBe(false);
		expect(auditPasses(row, [exception])).toBe(true);
		expect(exceptionFor(row, [{ ...exception, verdict: 'inert' }])).toBeUndefined();
		expect(exceptionFor(row, [{ ...exception, direction: 'min' }])).toBeUndefined();
		expect(auditPasses({ ...row, verdict: 'trade-off' }, [])).toBe(true);
	});

	it('report a move of less than a quarter of the range without requiring a trade-off, and require one above it', () => {
		const row = { lever, direction: 'max' as const, verdict: 'inert' as const };
		expect(auditPasses({ ...row, asserted: false }, [])).toBe(true);
		expect(auditPasses({ ...row, asserted: true }, [])).toBe(false);
		expect(AUDITED_MOVE).toBe(0.25);
	});

	it('find a known failure by lever and direction, whatever the verdict now found, and never let it pass the audit', () => {
		const row = { lever, direction: 'max' as const, verdict: 'free lunch' as const, asserted: true };
		const shortfall = { lever: lever.id, direction: 'max' as const, verdict: 'free lunch' as const, whyFails: 'w' };
		expect(shortfallFor(row, [shortfall])).toBe(shortfall);
		const nowInert = { ...row, verdict: 'inert' as const };
		expect(shortfallFor(nowInert, [shortfall])).toBe(shortfall);
		expect(shortfallFor({ ...row, direction: 'min' }, [shortfall])).toBeUndefined();
		expect(auditPasses(row, [])).toBe(false);
	});

	it('known failures name a real, audited lever direction and why, once each, and are not also exceptions', () => {
		const keys = LEVER_AUDIT_SHORTFALLS.map((s) => `${s.lever} ${s.direction}`);
		expect(keys.length).toBe(new Set(keys).size);
		for (const s of LEVER_AUDIT_SHORTFALLS) {
			const spec = LEVERS.find((l) => l.id === s.lever);
			expect(spec, s.lever).toBeDefined();
			const to = s.direction === 'max' ? spec!.max : spec!.min;
			expect(Math.abs(to - spec!.default), `${s.lever} to ${s.direction} is too small a move to be audited`).toBeGreaterThanOrEqual(AUDITED_MOVE * (spec!.max - spec!.min));
			expect(s.whyFails.length, s.lever).toBeGreaterThan(20);
			expect(LEVER_AUDIT_EXCEPTIONS.some((e) => e.lever === s.lever && e.direction === s.direction), `${s.lever} ${s.direction}`).toBe(false);
		}
	});

	it('exceptions name a real lever, a reason and a publication, once each', () => {
		const keys = LEVER_AUDIT_EXCEPTIONS.map((e) => `${e.lever} ${e.direction}`);
		expect(keys.length).toBe(new Set(keys).size);
		for (const e of LEVER_AUDIT_EXCEPTIONS) {
			expect(findParameter(e.lever)?.kind, e.lever).toBe('lever');
			expect(e.reason.length, e.lever).toBeGreaterThan(20);
			expect(e.publication, e.lever).toMatch(/(1[89]|20)\d\d/);
		}
	});
});

describe("the drift check's Student t", () => {
	it('gives the published one-sided 95% points, beyond the table too, and falls toward the normal', () => {
		// Published values (three decimals) for 17, 20, 25, 30, 40, 60, 63, 120 and 1,000 degrees of freedom.
		const published: [number, number][] = [[17, 1.74], [20, 1.725], [25, 1.708], [30, 1.697], [40, 1.684], [60, 1.671], [63, 1.669], [120, 1.658], [1000, 1.646]];
		for (const [df, t] of published) expect(Math.abs(studentT95(df) - t), `df ${df}`).toBeLessThan(0.0006);
		expect(studentT95(1)).toBe(6.314);
		for (let df = 2; df < 200; df++) expect(studentT95(df)).toBeLessThan(studentT95(df - 1));
		expect(studentT95(1e9)).toBeCloseTo(1.6449, 4);
		expect(() => studentT95(0)).toThrow(/degree of freedom/);
		expect(() => studentT95(Number.NaN)).toThrow(/degree of freedom/);
	});
});

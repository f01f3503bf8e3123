import { describe, expect, test } from 'vitest';
import { applySetting, validateOverrides } from './overrides';
import { expectScenarioError } from './spec-helpers';
import type { Overrides } from './types';

describe('applySetting', () => {
	test('numbers, expressions and run settings', () => {
		let o: Overrides = {};
		o = applySetting(o, 'targets=0.9');
		o = applySetting(o, ' prevention = t < 24 ? 0.05 : 0.15 ');
		o = applySetting(o, 'fundingGrowth=-0.01');
		o = applySetting(o, 'months=60');
		o = applySetting(o, 'seed=7');
		o = applySetting(o, 'runs=4');
		o = applySetting(o, 'citizens=5e3');
		o = applySetting(o, 'audit=.5');
		expect(o).toEqual({
			levers: { targets: 0.9, prevention: 't < 24 ? 0.05 : 0.15', audit: 0.5 },
			assumptions: { fundingGrowth: -0.01 },
			months: 60,
			seed: 7,
			runs: 4,
			citizens: 5000
		});
	});

	test('the value may itself contain "="', () => {
		expect(applySetting({}, 'targets=t == 0 ? 0.5 : 0.6').levers?.targets).toBe('t == 0 ? 0.5 : 0.6');
	});

	test('does not change its argument; later settings win', () => {
		const first = applySetting({}, 'targets=0.9');
		const second = applySetting(first, 'targets=0.1');
		expect(first.levers?.targets).toBe(0.9);
		expect(second.levers?.targets).toBe(0.1);
	});

	test('unknown id lists close matches', () => {
		expectScenarioError(() => applySetting({}, 'target=0.5'), '--set: unknown setting "target"', /did you mean 'targets'/);
		expectScenarioError(() => applySetting({}, 'fundingGrowht=0.01'), "did you mean 'fundingGrowth'?");
		expectScenarioError(() => applySetting({}, 'Months=24'), "did you mean 'months'?");
		expectScenarioError(() => applySetting({}, 'xyzzy=1'), 'unknown setting "xyzzy"; it must be a lever id, an assumption id, months, seed, runs or citizens');
	});

	test('bad values', () => {
		expectScenarioError(() => applySetting({}, 'targets=1.4'), '--set: levers.targets = 1.4 is outside 0–1');
		expectScenarioError(() => applySetting({}, 'targets=import(1)'), 'function "import" is not allowed');
		expectScenarioError(() => applySetting({}, 'targets=x = 2'), 'assignment');
		expectScenarioError(() => applySetting({}, 'fundingGrowth=abc'), '--set: fundingGrowth = "abc" is not a number');
		expectScenarioError(() => applySetting({}, 'fundingGrowth=t/100'), 'fundingGrowth = "t/100" is not a number');
		expectScenarioError(() => applySetting({}, 'fundingGrowth=0.5'), 'assumptions.fundingGrowth = 0.5 is outside -0.03–0.08');
		expectScenarioError(() => applySetting({}, 'months=12.5'), '--set: months = 12.5 must be an integer from 12 to 360');
		expectScenarioError(() => applySetting({}, 'months=1e1'), 'months = 10 must be an integer');
		expectScenarioError(() => applySetting({}, 'seed=-1'), 'seed = -1');
		expectScenarioError(() => applySetting({}, 'runs=many'), 'runs = "many" is not a number');
		expectScenarioError(() => applySetting({}, 'citizens=Infinity'), 'citizens = "Infinity" is not a number');
	});

	test('malformed assignments', () => {
		expectScenarioError(() => applySetting({}, 'targets'), '--set "targets" must look like id=value');
		expectScenarioError(() => applySetting({}, '=0.5'), 'has no id before "="');
		expectScenarioError(() => applySetting({}, 'targets= '), 'has no value after "="');
		expectScenarioError(() => applySetting({}, 3 as unknown as string), '--set needs id=value, not a number');
	});
});

describe('validateOverrides', () => {
	test('accepts nothing and returns clean copies', () => {
		expect(validateOverrides(undefined)).toEqual({});
		const input = { levers: { targets: 0.2 }, months: 24 };
		const out = validateOverrides(input);
		expect(out).toEqual(input);
		expect(out.levers).not.toBe(input.levers);
	});

	test('rejects bad shapes', () => {
		expectScenarioError(() => validateOverrides([]), 'overrides must be an object, not an array');
		expectScenarioError(() => validateOverrides({ lever: {} }), 'unknown override key "lever"', "did you mean 'levers'?");
		expectScenarioError(() => validateOverrides({ levers: 'targets=1' }), 'levers must be an object');
	});
});

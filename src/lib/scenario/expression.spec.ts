import { describe, expect, test } from 'vitest';
import {
	ALLOWED_FUNCTIONS,
	EXPRESSION_MAX_DEPTH,
	EXPRESSION_MAX_LENGTH,
	compileExpression,
	type CompiledExpression
} from './expression';

function compiled(source: string): CompiledExpression {
	const result = compileExpression(source);
	if (!result.ok) throw new Error(`expected ${source} to compile, got: ${result.error}`);
	return result.value;
}

function valueAt(source: string, t: number): number {
	const result = compiled(source)(t);
	if (result.kind !== 'number') throw new Error(`expected a number from ${source}, got ${JSON.stringify(result)}`);
	return result.value;
}

function rejection(source: string): string {
	const result = compileExpression(source);
	expect(result.ok, `expected ${JSON.stringify(source)} to be rejected`).toBe(false);
	const error = (result as { error: string }).error;
	expect(error).not.toMatch(/[\r\n]/);
	return error;
}

describe('allowed expressions', () => {
	test('conditional on the month', () => {
		expect(valueAt('t < 24 ? 0.05 : 0.15', 0)).toBe(0.05);
		expect(valueAt('t < 24 ? 0.05 : 0.15', 23)).toBe(0.05);
		expect(valueAt('t < 24 ? 0.05 : 0.15', 24)).toBe(0.15);
	});

	test('linear phase-in', () => {
		const ramp = '0.2 + (0.8 - 0.2) * min(1, t / 24)';
		expect(valueAt(ramp, 0)).toBeCloseTo(0.2, 12);
		expect(valueAt(ramp, 12)).toBeCloseTo(0.5, 12);
		expect(valueAt(ramp, 24)).toBeCloseTo(0.8, 12);
		expect(valueAt(ramp, 100)).toBeCloseTo(0.8, 12);
	});

	test('every allowed function evaluates', () => {
		expect(valueAt('abs(-2) + ceil(0.2) + floor(1.8) + round(2.4)', 0)).toBe(2 + 1 + 1 + 2);
		expect(valueAt('sqrt(9) + exp(0) + log(1) + sin(0) + cos(0)', 0)).toBe(3 + 1 + 0 + 0 + 1);
		expect(valueAt('min(3, t, 5) + max(1, 2)', 2)).toBe(4);
		expect(ALLOWED_FUNCTIONS).toEqual(['abs', 'ceil', 'cos', 'exp', 'floor', 'log', 'max', 'min', 'round', 'sin', 'sqrt']);
	});

	test('operators, constants and logic', () => {
		expect(valueAt('2^3 - 7 mod 4 + -1 + +1', 0)).toBe(8 - 3);
		expect(valueAt('t % 12', 25)).toBe(1);
		expect(valueAt('pi', 0)).toBeCloseTo(Math.PI, 15);
		expect(valueAt('e', 0)).toBeCloseTo(Math.E, 15);
		expect(valueAt('(t >= 12 and t <= 24) or t == 0 ? 1 : 0', 0)).toBe(1);
		expect(valueAt('(t >= 12 and t <= 24) or t == 0 ? 1 : 0', 6)).toBe(0);
		expect(valueAt('(t >= 12 and t <= 24) or t == 0 ? 1 : 0', 18)).toBe(1);
		expect(valueAt('not (t != 3) ? 1 : 0', 3)).toBe(1);
		expect(valueAt('(t > 1 xor t > 2) ? 1 : 0', 2)).toBe(1);
		expect(valueAt('12 < t < 24 ? 1 : 0', 18)).toBe(1);
		expect(valueAt('12 < t < 24 ? 1 : 0', 30)).toBe(0);
		expect(valueAt('true ? 0.3 : 0.1', 0)).toBe(0.3);
		expect(valueAt('2t', 4)).toBe(8);
	});

	test('the compiled function reuses its scope without carrying state between months', () => {
		const f = compiled('t / 10');
		expect(f(5)).toEqual({ kind: 'number', value: 0.5 });
		expect(f(2)).toEqual({ kind: 'number', value: 0.2 });
		expect(f(5)).toEqual({ kind: 'number', value: 0.5 });
	});

	test('results that are not numbers are reported, not converted', () => {
		expect(compiled('t > 3')(0)).toEqual({ kind: 'other', got: 'a boolean' });
		expect(compiled('true')(0)).toEqual({ kind: 'other', got: 'a boolean' });
	});

	test('evaluation failures are returned as values', () => {
		const result = compiled('min()')(0);
		expect(result.kind).toBe('error');
		expect((result as { error: string }).error).toMatch(/min/);
	});

	test('non-finite results come back as numbers for the resolver to reject', () => {
		expect(compiled('1 / t')(0)).toEqual({ kind: 'number', value: Infinity });
		expect(Number.isNaN((compiled('sqrt(t - 5)')(0) as { value: number }).value)).toBe(true);
	});
});

describe('rejected expressions name what was found', () => {
	test.each(['import', 'evaluate', 'parse', 'createUnit', 'simplify', 'derivative', 'resolve', 'reviver', 'compile', 'factorial', 'foo'])(
		'function %s',
		(name) => {
			const error = rejection(`${name}(1)`);
			expect(error).toContain(`function "${name}" is not allowed in lever expressions`);
			expect(error).toContain('allowed: abs, ceil, cos, exp, floor, log, max, min, round, sin, sqrt');
		}
	);

	test('security-note attacks', () => {
		expect(rejection('import({evil: 1}, {override: true})')).toContain('function "import"');
		expect(rejection('evaluate("1")')).toContain('function "evaluate"');
		expect(rejection('cos.constructor("return process")(1)')).toContain('calling the result of an expression');
		expect(rejection('cos.constructor')).toContain('property access');
		expect(rejection('t["constructor"]')).toContain('index access');
	});

	test('assignment', () => {
		expect(rejection('x = 2')).toBe("assignment ('x = 2') is not allowed in lever expressions");
		expect(rejection('t = 2')).toContain('assignment');
	});

	test('function definition', () => {
		expect(rejection('f(x) = x')).toContain("function definition ('f(x) = x')");
	});

	test('unknown symbol', () => {
		expect(rejection('x + 1')).toContain('unknown symbol "x"');
		expect(rejection('month')).toContain('unknown symbol "month"');
	});

	test('string constants', () => {
		expect(rejection('"abc"')).toContain('string constants');
		expect(rejection("'abc'")).toContain('string constants');
	});

	test('null and undefined constants', () => {
		expect(rejection('null')).toContain('constant null');
		expect(rejection('undefined')).toContain('constant undefined');
	});

	test('matrices and arrays', () => {
		expect(rejection('[1, 2]')).toContain('matrices and arrays');
		expect(rejection('max([1, 2])')).toContain('matrices and arrays');
	});

	test('objects', () => {
		expect(rejection('{a: 1}')).toContain('objects');
	});

	test('accessor and index', () => {
		expect(rejection('t.constructor')).toBe("property access ('t.constructor') is not allowed in lever expressions");
		expect(rejection('t[1]')).toBe("index access ('t[1]') is not allowed in lever expressions");
	});

	test('ranges', () => {
		expect(rejection('1:3')).toContain('ranges');
	});

	test('several statements', () => {
		expect(rejection('1; 2')).toContain('several statements');
		expect(rejection('1\n2')).toContain('several statements');
	});

	test('operators outside the whitelist', () => {
		expect(rejection('3!')).toContain('operator "!" (factorial)');
		expect(rejection('t ?? 1')).toContain('operator "??"');
		expect(rejection('1 & 2')).toContain('operator "&"');
		expect(rejection('1 .* 2')).toContain('operator ".*"');
	});

	test('syntax errors', () => {
		expect(rejection('t +')).toMatch(/^the expression does not parse: /);
		expect(rejection('(t')).toMatch(/^the expression does not parse: /);
		expect(rejection('t ? 1')).toMatch(/^the expression does not parse: /);
	});

	test('empty and non-string input', () => {
		expect(rejection('')).toBe('the expression is empty');
		expect(rejection('   ')).toBe('the expression is empty');
		expect(compileExpression(42 as unknown as string)).toEqual({ ok: false, error: 'an expression must be a string' });
	});

	test('length is bounded before parsing', () => {
		const longest = `t${'+0'.repeat(249)} `;
		expect(longest.length).toBe(EXPRESSION_MAX_LENGTH);
		expect(compileExpression(longest).ok).toBe(true);
		expect(rejection(`${longest}0`)).toBe('the expression is 501 characters long; at most 500 are allowed');
	});

	test('bracket depth is bounded before parsing', () => {
		const nest = (n: number) => `${'('.repeat(n)}t${')'.repeat(n)}`;
		expect(compileExpression(nest(EXPRESSION_MAX_DEPTH)).ok).toBe(true);
		expect(rejection(nest(EXPRESSION_MAX_DEPTH + 1))).toBe('brackets are nested 41 deep; at most 40 levels are allowed');
		// Depth counts before parsing, so even unbalanced input is refused without a parse.
		expect(rejection('['.repeat(300))).toContain('nested 300 deep');
	});
});

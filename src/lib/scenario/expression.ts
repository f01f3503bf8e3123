/**
 * Locked-down lever expressions: mathjs expressions of `t` (the month, 0-based), such as
 * "t < 24 ? 0.05 : 0.15" or "0.2 + (0.8 - 0.2) * min(1, t / 24)".
 *
 * Defence in depth, following the mathjs security notes: a minimal number-only instance with
 * only the functions listed below; `import`, `parse`, `evaluate` and friends overridden to
 * throw; length and bracket depth bounded before parsing; and every parsed node checked
 * against a whitelist before compiling. Only the scenario layer imports this module.
 */
import {
	create,
	parseDependencies,
	compileDependencies,
	addDependencies,
	subtractDependencies,
	multiplyDependencies,
	divideDependencies,
	unaryMinusDependencies,
	unaryPlusDependencies,
	powDependencies,
	modDependencies,
	smallerDependencies,
	smallerEqDependencies,
	largerDependencies,
	largerEqDependencies,
	equalDependencies,
	unequalDependencies,
	andDependencies,
	orDependencies,
	notDependencies,
	xorDependencies,
	minDependencies,
	maxDependencies,
	absDependencies,
	floorDependencies,
	ceilDependencies,
	roundDependencies,
	sqrtDependencies,
	expDependencies,
	logDependencies,
	sinDependencies,
	cosDependencies,
	piDependencies,
	eDependencies
} from 'mathjs/number';

export const EXPRESSION_MAX_LENGTH = 500;
export const EXPRESSION_MAX_DEPTH = 40;

/** Functions an expression may call. */
export const ALLOWED_FUNCTIONS: readonly string[] = [
	'abs', 'ceil', 'cos', 'exp', 'floor', 'log', 'max', 'min', 'round', 'sin', 'sqrt'
];
/** Symbols an expression may name: the month and two constants. */
export const ALLOWED_SYMBOLS: readonly string[] = ['t', 'pi', 'e'];

/** Operators (by mathjs function name) an expression may use. */
const ALLOWED_OPERATORS = new Set([
	'add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus', 'pow', 'mod',
	'smaller', 'smallerEq', 'larger', 'largerEq', 'equal', 'unequal',
	'and', 'or', 'not', 'xor'
]);
const COMPARISONS = new Set(['smaller', 'smallerEq', 'larger', 'largerEq', 'equal', 'unequal']);
const FUNCTIONS = new Set(ALLOWED_FUNCTIONS);
const SYMBOLS = new Set(ALLOWED_SYMBOLS);

/** The value of an expression at one month. */
export type ExpressionValue =
	| { kind: 'number'; value: number }
	/** Evaluated to something other than a number; `got` is e.g. "a boolean". */
	| { kind: 'other'; got: string }
	/** Evaluation failed (e.g. a function given the wrong number of arguments). */
	| { kind: 'error'; error: string };

/** A compiled expression: evaluates at month `t`, never throws. */
export type CompiledExpression = (t: number) => ExpressionValue;

export type CompileResult = { ok: true; value: CompiledExpression } | { ok: false; error: string };

/** The parts of a mathjs node the whitelist reads. */
interface AnyNode {
	type: string;
	value?: unknown;
	name?: string;
	fn?: string | AnyNode;
	op?: string;
	args?: AnyNode[];
	params?: AnyNode[];
	conditionals?: string[];
	content?: AnyNode;
	condition?: AnyNode;
	trueExpr?: AnyNode;
	falseExpr?: AnyNode;
	index?: { dotNotation?: boolean };
	toString(): string;
	compile(): { evaluate(scope: Map<string, unknown>): unknown };
}

const math = create(
	{
		parseDependencies, compileDependencies,
		addDependencies, subtractDependencies, multiplyDependencies, divideDependencies,
		unaryMinusDependencies, unaryPlusDependencies, powDependencies, modDependencies,
		smallerDependencies, smallerEqDependencies, largerDependencies, largerEqDependencies,
		equalDependencies, unequalDependencies,
		andDependencies, orDependencies, notDependencies, xorDependencies,
		minDependencies, maxDependencies, absDependencies, floorDependencies, ceilDependencies,
		roundDependencies, sqrtDependencies, expDependencies, logDependencies,
		sinDependencies, cosDependencies, piDependencies, eDependencies
	},
	{ number: 'number' }
);

// Private references, taken before the public ones are disabled.
const privateParse = math.parse as unknown as (source: string) => AnyNode;
const privateCompile = math.compile;
void privateCompile; // kept for symmetry with the mathjs security notes; nodes compile themselves

function disabled(name: string) {
	return () => {
		throw new Error(`function ${name} is disabled`);
	};
}
const DISABLED = ['createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'reviver'];
math.import(Object.fromEntries(DISABLED.map((name) => [name, disabled(name)])), { override: true });
math.import({ import: disabled('import') }, { override: true });

/** Compiles a lever expression, or says in one line why it is not allowed. Never throws. */
export function compileExpression(source: string): CompileResult {
	if (typeof source !== 'string') return fail('an expression must be a string');
	if (source.trim() === '') return fail('the expression is empty');
	if (source.length > EXPRESSION_MAX_LENGTH)
		return fail(`the expression is ${source.length} characters long; at most ${EXPRESSION_MAX_LENGTH} are allowed`);
	const depth = bracketDepth(source);
	if (depth > EXPRESSION_MAX_DEPTH)
		return fail(`brackets are nested ${depth} deep; at most ${EXPRESSION_MAX_DEPTH} levels are allowed`);

	let root: AnyNode;
	try {
		root = privateParse(source);
	} catch (error) {
		return fail(`the expression does not parse: ${messageOf(error)}`);
	}
	const problem = firstProblem(root);
	if (problem) return fail(problem);

	let compiled: ReturnType<AnyNode['compile']>;
	try {
		compiled = root.compile();
	} catch (error) {
		return fail(`the expression does not compile: ${messageOf(error)}`);
	}
	const scope = new Map<string, unknown>([['t', 0]]);
	const evaluate: CompiledExpression = (t) => {
		scope.set('t', t);
		let result: unknown;
		try {
			result = compiled.evaluate(scope);
		} catch (error) {
			return { kind: 'error', error: messageOf(error) };
		}
		if (typeof result === 'number') return { kind: 'number', value: result };
		return { kind: 'other', got: kindOf(result) };
	};
	return { ok: true, value: evaluate };
}

function fail(error: string): CompileResult {
	return { ok: false, error };
}

/** Deepest nesting of (), [] and {} in the source text. */
function bracketDepth(source: string): number {
	let depth = 0;
	let deepest = 0;
	for (const ch of source) {
		if (ch === '(' || ch === '[' || ch === '{') deepest = Math.max(deepest, ++depth);
		else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
	}
	return deepest;
}

/** The first node outside the whitelist, described in words; null when all is allowed. */
function firstProblem(node: AnyNode): string | null {
	switch (node.type) {
		case 'ConstantNode': {
			const v = node.value;
			if (typeof v === 'number' || typeof v === 'boolean') return null;
			if (typeof v === 'string') return `string constants (${show(node)}) are not allowed in lever expressions`;
			return `the constant ${String(v)} is not allowed in lever expressions`;
		}
		case 'SymbolNode':
			if (node.name !== undefined && SYMBOLS.has(node.name)) return null;
			return `unknown symbol "${node.name}"; lever expressions may only use t (the month), pi and e`;
		case 'ParenthesisNode':
			return node.content ? firstProblem(node.content) : 'an empty parenthesis is not allowed';
		case 'ConditionalNode':
			return firstOf([node.condition, node.trueExpr, node.falseExpr]);
		case 'OperatorNode': {
			const fn = typeof node.fn === 'string' ? node.fn : '';
			if (!ALLOWED_OPERATORS.has(fn))
				return `operator "${node.op}" (${fn}) is not allowed in lever expressions; allowed: + - * / ^ mod, comparisons, and or not xor`;
			return firstOf(node.args ?? []);
		}
		case 'RelationalNode': {
			const bad = (node.conditionals ?? []).find((c) => !COMPARISONS.has(c));
			if (bad) return `comparison "${bad}" is not allowed in lever expressions`;
			return firstOf(node.params ?? []);
		}
		case 'FunctionNode': {
			const fn = node.fn;
			if (typeof fn !== 'object' || fn.type !== 'SymbolNode')
				return `calling the result of an expression (${show(node)}) is not allowed in lever expressions`;
			if (!fn.name || !FUNCTIONS.has(fn.name))
				return `function "${fn.name}" is not allowed in lever expressions; allowed: ${ALLOWED_FUNCTIONS.join(', ')}`;
			return firstOf(node.args ?? []);
		}
		case 'AssignmentNode':
			return `assignment (${show(node)}) is not allowed in lever expressions`;
		case 'FunctionAssignmentNode':
			return `function definition (${show(node)}) is not allowed in lever expressions`;
		case 'BlockNode':
			return 'several statements (separated by ";" or a line break) are not allowed in lever expressions';
		case 'AccessorNode':
			return node.index?.dotNotation
				? `property access (${show(node)}) is not allowed in lever expressions`
				: `index access (${show(node)}) is not allowed in lever expressions`;
		case 'IndexNode':
			return `index access (${show(node)}) is not allowed in lever expressions`;
		case 'ArrayNode':
			return `matrices and arrays (${show(node)}) are not allowed in lever expressions`;
		case 'ObjectNode':
			return `objects (${show(node)}) are not allowed in lever expressions`;
		case 'RangeNode':
			return `ranges (${show(node)}) are not allowed in lever expressions`;
		default:
			return `${node.type} (${show(node)}) is not allowed in lever expressions`;
	}
}

function firstOf(nodes: (AnyNode | undefined)[]): string | null {
	for (const child of nodes) {
		if (!child) return 'an incomplete expression is not allowed';
		const problem = firstProblem(child);
		if (problem) return problem;
	}
	return null;
}

function show(node: AnyNode): string {
	let text: string;
	try {
		text = node.toString();
	} catch {
		text = node.type;
	}
	const short = (text.length > 60 ? `${text.slice(0, 59)}…` : text).replace(/\s+/g, ' ');
	return short.includes("'") ? JSON.stringify(short) : `'${short}'`;
}

function kindOf(value: unknown): string {
	if (typeof value === 'boolean') return 'a boolean';
	if (typeof value === 'string') return 'a string';
	if (value === null) return 'null';
	if (value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') {
		const type = (value as { type?: unknown }).type;
		return typeof type === 'string' ? `a ${type}` : 'an object';
	}
	return typeof value === 'function' ? 'a function' : `a ${typeof value}`;
}

function messageOf(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.replace(/\s+/g, ' ').trim();
}

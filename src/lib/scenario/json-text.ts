/**
 * Checks on the text of a JSON document that `JSON.parse` does not make: a key given twice in
 * one object (JSON.parse silently keeps the last) and nesting depth. One pass, no recursion,
 * so hostile input costs time in proportion to its size and never overflows the stack.
 */

export type JsonTextProblem =
	| { kind: 'duplicate-key'; key: string; /** "" for the top level, else e.g. "levers" or "sources[0]". */ where: string }
	| { kind: 'too-deep'; maxDepth: number };

interface Frame {
	/** Keys seen so far in an object; null for an array. */
	keys: Set<string> | null;
	path: string;
	expectingKey: boolean;
	lastKey: string;
	index: number;
}

/**
 * The first duplicate key or excess nesting in `text`, which must already be valid JSON
 * (parse it first, so syntax errors keep JSON.parse's message). Undefined when there is none.
 */
export function findJsonTextProblem(text: string, maxDepth: number): JsonTextProblem | undefined {
	const stack: Frame[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x22 /* " */) {
			const start = i;
			let escaped = false;
			for (i++; text.charCodeAt(i) !== 0x22; i++) {
				if (text.charCodeAt(i) === 0x5c /* \ */) {
					escaped = true;
					i++;
				}
			}
			const top = stack[stack.length - 1];
			if (top?.keys && top.expectingKey) {
				const raw = text.slice(start, i + 1);
				const key: string = escaped ? JSON.parse(raw) : raw.slice(1, -1);
				if (top.keys.has(key)) return { kind: 'duplicate-key', key, where: top.path };
				top.keys.add(key);
				top.lastKey = key;
				top.expectingKey = false;
			}
		} else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
			if (stack.length >= maxDepth) return { kind: 'too-deep', maxDepth };
			const parent = stack[stack.length - 1];
			stack.push({
				keys: c === 0x7b ? new Set() : null,
				path: parent === undefined ? '' : childPath(parent),
				expectingKey: c === 0x7b,
				lastKey: '',
				index: 0
			});
		} else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
			stack.pop();
		} else if (c === 0x2c /* , */) {
			const top = stack[stack.length - 1];
			if (top.keys) top.expectingKey = true;
			else top.index++;
		}
	}
	return undefined;
}

function childPath(parent: Frame): string {
	if (parent.keys === null) return `${parent.path}[${parent.index}]`;
	return parent.path === '' ? parent.lastKey : `${parent.path}.${parent.lastKey}`;
}

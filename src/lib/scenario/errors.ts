/**
 * The one error type of the scenario layer. Its message is a single line that names the
 * scenario (or file, or `--set`), the setting and the problem, ready to print as it is.
 */
export class ScenarioError extends Error {
	constructor(message: string) {
		super(oneLine(message));
		this.name = 'ScenarioError';
	}
}

/** Collapses line breaks and runs of white space so every message stays on one line. */
export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** A value as it should appear in a message: strings quoted and shortened, containers named. */
export function showValue(value: unknown): string {
	if (typeof value === 'string') return quote(value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value === null) return 'null';
	if (value === undefined) return 'undefined';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : typeof value;
}

/** What kind of thing a value is, for "must be a number, not a string" messages. */
export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	switch (typeof value) {
		case 'number':
			return 'a number';
		case 'string':
			return 'a string';
		case 'boolean':
			return 'a boolean';
		case 'object':
			return 'an object';
		case 'undefined':
			return 'undefined';
		default:
			return typeof value;
	}
}

/** A JSON-quoted string, shortened to `max` characters, with line breaks escaped. */
export function quote(text: string, max = 80): string {
	const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
	return JSON.stringify(short);
}

/** "0–1", "0–0.4": the range of a parameter as the registry states it. */
export function showRange(min: number, max: number): string {
	return `${min}–${max}`;
}

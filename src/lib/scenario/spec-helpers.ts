/** Helpers shared by the scenario specs (not part of the public API). */
import { expect } from 'vitest';
import { ScenarioError } from './errors';

/** A minimal valid scenario object, with `extra` keys laid over it. */
export function scenario(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { schema: 'levers-scenario', version: 1, id: 'test', title: 'Test', ...extra };
}

/**
 * Runs `fn`, expects a ScenarioError whose one-line message contains every part, and
 * returns the message.
 */
export function expectScenarioError(fn: () => unknown, ...parts: (string | RegExp)[]): string {
	let caught: unknown;
	try {
		fn();
	} catch (error) {
		caught = error;
	}
	expect(caught, 'expected a ScenarioError').toBeInstanceOf(ScenarioError);
	const message = (caught as ScenarioError).message;
	expect(message).not.toMatch(/[\r\n]/);
	for (const part of parts) {
		if (typeof part === 'string') expect(message).toContain(part);
		else expect(message).toMatch(part);
	}
	return message;
}

/**
 * The built-in scenarios for the browser, bundled at build time from `scenarios/*.json`.
 * Raw parsed JSON, not yet validated: the scenario worker validates them (the Node tests
 * check the same files), so the page itself never loads the validator or mathjs.
 */
const files = import.meta.glob('/scenarios/*.json', { eager: true, import: 'default' });

export const BUILTIN_SCENARIO_DATA: readonly unknown[] = Object.keys(files)
	.sort()
	.map((path) => files[path]);

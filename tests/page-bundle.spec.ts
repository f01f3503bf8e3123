import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILD_DIR } from './e2e/harness';

/** Every script file under `dir`, recursively. */
function scripts(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? scripts(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []
	);
}

describe('the built site', () => {
	test('runs the model only in its workers: the page\'s scripts hold neither the compiled kernels nor the mechanisms', () => {
		const app = join(BUILD_DIR, '_app', 'immutable');
		if (!existsSync(app)) throw new Error(`no built site in ${BUILD_DIR}: run "npm run build" first`);
		const all = scripts(app);
		const workers = all.filter((file) => relative(app, file).startsWith('workers'));
		const page = all.filter((file) => !workers.includes(file));
		// Strings only the model's runtime holds: the kernels' module (base64 of "\0asm"), an arena's
		// and the kernels' call-back errors, and the service step's call back.
		const runtime = ['AGFzbQ', 'arena full', 'no world running', 'serviceResult'];
		expect(page.length).toBeGreaterThan(3);
		for (const file of page) {
			const text = readFileSync(file, 'utf8');
			for (const marker of runtime) expect(text.includes(marker), `${relative(app, file)} holds "${marker}"`).toBe(false);
		}
		// The model worker holds them all, so the markers are the right ones to look for.
		const model = workers.filter((file) => relative(app, file).includes('model.worker'));
		expect(model.length).toBe(1);
		const text = readFileSync(model[0], 'utf8');
		for (const marker of runtime) expect(text.includes(marker), marker).toBe(true);
	});
});

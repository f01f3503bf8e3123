/**
 * For end-to-end tests and the browser benchmark: serve the built site as static files (with
 * the SPA fallback, as a static host would) and drive Debian's Chromium with playwright-core.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import sirv from 'sirv';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUILD_DIR = join(ROOT, 'build');

const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string | undefined {
	return process.env.CHROMIUM_PATH ?? CHROMIUM_PATHS.find((p) => existsSync(p));
}

/** Serve build/ on a free loopback port; unknown paths get the SPA page. */
export async function serveBuild(dir = BUILD_DIR): Promise<{ url: string; close(): Promise<void> }> {
	if (!existsSync(join(dir, '200.html'))) throw new Error(`no built site in ${dir}: run "npm run build" first`);
	const handler = sirv(dir, { single: '200.html', dev: false, etag: true, gzip: false });
	const server: Server = createServer((req, res) => handler(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('the server has no port');
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** Headless Chromium with a fresh profile, the flags toolchain.md names. */
export async function launch(): Promise<{ browser: Browser; context: BrowserContext; close(): Promise<void> }> {
	const executablePath = chromiumPath();
	if (!executablePath) throw new Error('Chromium is not installed: apt-get install -y chromium (".ci/run" does this)');
	const profile = mkdtempSync(join(tmpdir(), 'levers-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		viewport: { width: 1280, height: 720 },
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	return {
		browser: context.browser()!,
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

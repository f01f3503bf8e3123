/**
 * The built workbench in headless Chromium: what a user does, end to end. Runs are kept small
 * (2,000 people, two years, four runs) so the suite stays quick on a busy two-core machine.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli as cliInProcess } from '../../src/lib/cli/spec-io';
import { loadBuiltinScenarios } from '../../src/lib/scenario/builtin-node';
import { ASSUMPTIONS, LEVERS, type AssumptionSpec } from '../../src/lib/model/index';
import { HEADLINES } from '../../src/lib/components/views';
import { launch, serveBuild } from './harness';
import { axeViolations } from './axe';

// Names come from the registry, so the tests follow the model as its labels and ranges change.
/** Small runs (4,000 people: enough for every provider to have staff), two years, four runs. */
const SMALL = 'citizens=4000&months=24&runs=4';
const lever = (id: string) => LEVERS.find((l) => l.id === id)!;
const TARGETS = lever('targets').label;
const AUDIT = lever('audit').label;
const PREVENTION = lever('prevention').label;
const headline = (family: string) => HEADLINES.find((o) => o.family === family)!.label;
const GAMING = headline('gaming');
const ACCESS = HEADLINES[0].label;
/** An assumption with room either side of its default, for the beliefs panel tests. */
const BELIEF = (ASSUMPTIONS as readonly AssumptionSpec[]).find((a) => a.min < a.default && a.default < a.max && a.min < 0)
	?? (ASSUMPTIONS as readonly AssumptionSpec[]).find((a) => a.min < a.default && a.default < a.max)!;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let server: Awaited<ReturnType<typeof serveBuild>>;
let browser: Awaited<ReturnType<typeof launch>>;

beforeAll(async () => {
	server = await serveBuild();
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

/** A fresh page with its console watched; `errors` collects console errors and page errors. */
async function open(query: string, context: BrowserContext = browser.context) {
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`${server.url}/${query}`);
	return { page, errors };
}

async function allRunsDone(page: Page) {
	await page.getByTestId('runs-complete').waitFor({ timeout: 90_000 });
}

/** The "This scenario, last year" figure under a chart. */
async function lastYear(page: Page, title: string): Promise<string> {
	const figure = page.locator('figure', { has: page.getByRole('heading', { name: title, exact: true }) }).first();
	return (await figure.locator('.summary strong').first().textContent()) ?? '';
}

describe('the workbench in a browser', () => {
	test('opens on the baseline: levers, charts with bands, "Exploratory, not a forecast" with version, seeds and runs; no console errors', async () => {
		const { page, errors } = await open(`?${SMALL}`);
		await allRunsDone(page);
		await expect(page.getByText('Exploratory, not a forecast.').isVisible()).resolves.toBe(true);
		const meta = await page.locator('.status .meta').textContent();
		expect(meta).toMatch(/Model \d+\.\d+\.\d+/);
		expect(meta).toMatch(/base seed \d+/);
		expect(await page.getByRole('slider', { name: TARGETS }).count()).toBe(1);
		expect(await page.getByRole('heading', { name: 'New Public Management' }).count()).toBe(1);
		expect(await page.getByRole('heading', { name: 'Liberated public services' }).count()).toBe(1);
		// Bands and medians drawn: two paths per series per chart at least.
		expect(await page.locator('figure svg[role=img] path').count()).toBeGreaterThan(8);
		// The first runs were asked for before the scenario library was described (it is not on their path).
		const marks = await page.evaluate(() => ['levers:requested', 'levers:library'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN));
		expect(marks[0]).toBeLessThan(marks[1]);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the scenario library: each scenario with its paragraph, what it changes and its sources; picking one runs it', async () => {
		const { page, errors } = await open(`?${SMALL}`);
		await allRunsDone(page);
		await page.getByText(/Browse all \d+ scenarios/).click();
		const entries = page.locator('.entries li');
		expect(await entries.count()).toBeGreaterThan(3);
		const title = loadBuiltinScenarios().get('targets-and-terror')!.title;
		await page.getByRole('button', { name: new RegExp(`^Use this scenario\\s*:\\s*${escape(title)}$`) }).click();
		await page.waitForURL(/s=targets-and-terror/);
		await page.getByText('What it changes and its sources').click();
		const library = loadBuiltinScenarios();
		const own = library.get('targets-and-terror')!.levers!.targets as number;
		const before = (library.get('baseline-england-2023')!.levers?.targets as number | undefined) ?? lever('targets').default;
		await page.getByText(new RegExp(`${escape(TARGETS)}: ${escape(String(before))} → ${escape(String(own))}`)).waitFor();
		await allRunsDone(page);
		expect(await page.getByRole('slider', { name: TARGETS }).inputValue()).toBe(String(own));
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a lever changed with the keyboard updates the address and the charts', async () => {
		const { page, errors } = await open(`?${SMALL}`);
		await allRunsDone(page);
		const before = await lastYear(page, GAMING);
		const slider = page.getByRole('slider', { name: TARGETS });
		await slider.focus();
		await page.keyboard.press('End');
		await page.waitForURL(new RegExp(`tg=${escape(String(lever('targets').max))}(&|$)`));
		await expect.poll(() => lastYear(page, GAMING), { timeout: 90_000 }).not.toBe(before);
		await allRunsDone(page);
		expect(await page.getByText('changed', { exact: true }).count()).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a lever changed with the mouse updates the address and the charts', async () => {
		const { page } = await open(`?${SMALL}`);
		await allRunsDone(page);
		const before = await lastYear(page, ACCESS);
		const slider = page.getByRole('slider', { name: PREVENTION });
		await slider.scrollIntoViewIfNeeded();
		const box = (await slider.boundingBox())!;
		await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
		await page.waitForURL(/pv=0\.\d+/);
		await expect.poll(() => lastYear(page, ACCESS), { timeout: 90_000 }).not.toBe(before);
		await page.close();
	});

	test("a lever's ⓘ opens its meaning, benefit, cost, source and evidence grade", async () => {
		const { page } = await open(`?${SMALL}`);
		const button = page.getByRole('button', { name: `About ${TARGETS}` });
		await button.click();
		expect(await button.getAttribute('aria-expanded')).toBe('true');
		const info = page.locator(`#${await button.getAttribute('aria-controls')}`);
		const text = await info.textContent();
		for (const part of ['Benefit:', 'Cost:', 'Source:', 'Evidence:']) expect(text).toContain(part);
		await page.close();
	});

	test("a chart's Table button switches it to a table of its numbers, one row a year", async () => {
		const { page } = await open(`?${SMALL}`);
		await allRunsDone(page);
		await page.getByRole('button', { name: `Show ${GAMING} as a table` }).click();
		const table = page.getByRole('region', { name: `${GAMING}: numbers` });
		await table.waitFor();
		const rows = await table.locator('tbody tr').count();
		expect(rows).toBe(2);
		expect(await table.locator('thead').textContent()).toContain('This scenario: median');
		await page.close();
	});

	test('pin and compare: the baseline itself is named as such; a pin adds a line; paired differences get a verdict', async () => {
		const { page, errors } = await open(`?${SMALL}&tab=compare`);
		await allRunsDone(page);
		await expect(page.getByText('This is the baseline itself').isVisible()).resolves.toBe(true);
		// A lever the baseline barely uses: a tiny change makes no clear difference.
		const slider = page.getByRole('slider', { name: AUDIT });
		await slider.focus();
		await page.keyboard.press('ArrowRight');
		await page.waitForURL(/au=/);
		await page.getByRole('button', { name: 'Pin this scenario' }).click();
		await page.waitForURL(/pin=/);
		await slider.focus();
		await page.keyboard.press('End');
		await page.waitForURL(new RegExp(`au=${escape(String(lever('audit').max))}(&|$)`));
		await allRunsDone(page);
		expect(await page.getByText('Pin 1', { exact: false }).count()).toBeGreaterThan(0);
		expect(await page.getByRole('heading', { name: /difference from the baseline/ }).count()).toBeGreaterThan(3);
		// Once every run is in, the page says in words whether the change makes a clear difference.
		// (If it never does, the failure says what the page showed instead: which runs were still going.)
		await page
			.getByText(/makes no clear difference|compared with the baseline on the same random draws/)
			.first()
			.waitFor({ timeout: 90_000 })
			.catch(async (error: unknown) => {
				const shown = [...(await page.getByRole('status').allTextContents()), ...(await page.locator('.callout').allTextContents())];
				throw new Error(`no verdict; the page showed: ${JSON.stringify(shown)}`, { cause: error });
			});
		expect(errors).toEqual([]);
		await page.close();
	});

	test('reload restores the state from the address: scenario, levers, tab, table view', async () => {
		const { page } = await open(`?s=social-rd&${SMALL}&tg=0.35&tab=workforce&show=table`);
		await allRunsDone(page);
		const url = page.url();
		await page.reload();
		await allRunsDone(page);
		await expect.poll(() => page.url()).toBe(url);
		expect(await page.getByRole('combobox').first().inputValue()).toBe('social-rd');
		expect(await page.getByRole('slider', { name: TARGETS }).inputValue()).toBe('0.35');
		expect(await page.getByRole('tab', { name: 'Workforce' }).getAttribute('aria-selected')).toBe('true');
		expect(await page.locator('table').count()).toBeGreaterThan(0);
		await page.close();
	});

	test('a hostile link shows a message naming what was ignored, and the page still works', async () => {
		const hostile = `?s=<img src=x onerror=alert(1)>&tg=9&pv=import("x")&__proto__[x]=1&tab=javascript:alert(1)&${SMALL}`;
		const { page, errors } = await open(hostile);
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		const message = page.getByRole('status').filter({ hasText: 'could not be used' });
		await message.waitFor();
		const text = await message.textContent();
		expect(text).toMatch(/no scenario/);
		expect(text).toMatch(/outside 0–1/);
		expect(text).toMatch(/not allowed/);
		await allRunsDone(page);
		expect(dialogs).toBe(0);
		expect(await page.locator('img[src=x]').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the numbers the page shows for a link are exactly what `levers run <link>` prints, with one worker or three', async () => {
		const query = `?s=quasi-markets&tg=0.3&pv=t+%3C+12+%3F+0.05+:+0.2&${BELIEF.id}=${BELIEF.default}&${SMALL}`;
		const result = await cliInProcess(['run', `${server.url}/${query}`, '--format', 'json']);
		expect(result.code).toBe(0);
		const cli = JSON.parse(result.stdout);

		for (const cores of [2, 4]) {
			const context = await browser.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
			await context.addInitScript((n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }), cores);
			const { page } = await open(query, context);
			await allRunsDone(page);
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download numbers' }).click()]);
			const shown = JSON.parse(readFileSync((await download.path())!, 'utf8'));
			expect(shown.seeds).toEqual(cli.seeds);
			expect(shown.outcomes).toEqual(cli.outcomes);
			expect(shown.final).toEqual(cli.final);
			expect(shown.byQuintile).toEqual(cli.byQuintile);
			expect(shown.byArea).toEqual(cli.byArea);
			await context.close();
		}
	});
});

describe('changes made while runs are under way', () => {
	test("runs stopped part-way by a burst of changes leave nothing behind: the last change's numbers are the command line's", async () => {
		// Runs long enough (10,000 people, eight years) for each change to land while the last one's runs are going.
		const query = '?citizens=10000&months=96&runs=4';
		const { page, errors } = await open(query);
		await allRunsDone(page);
		const slider = page.getByRole('slider', { name: TARGETS });
		await slider.focus();
		for (let i = 0; i < 6; i++) {
			await page.keyboard.press('ArrowDown');
			await new Promise((r) => setTimeout(r, 60));
		}
		await page.waitForURL(/tg=/);
		await allRunsDone(page);
		const link = page.url();
		const result = await cliInProcess(['run', link, '--format', 'json']);
		expect(result.code).toBe(0);
		const cli = JSON.parse(result.stdout);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download numbers' }).click()]);
		const shown = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(shown.outcomes).toEqual(cli.outcomes);
		expect(shown.final).toEqual(cli.final);
		expect(shown.byArea).toEqual(cli.byArea);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('beliefs, schedules and history', () => {
	test('an assumption changed in its panel is marked, applies, and resets one by one or all at once', async () => {
		const { page, errors } = await open(`?${SMALL}`);
		await allRunsDone(page);
		await page.getByRole('button', { name: /^Assumptions/ }).click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('searchbox').fill(BELIEF.label.toLowerCase());
		const slider = dialog.getByRole('slider', { name: BELIEF.label, exact: true });
		await slider.focus();
		await page.keyboard.press('End');
		await page.waitForURL(new RegExp(`${BELIEF.id}=${escape(String(BELIEF.max))}(&|$)`));
		expect(await dialog.getByText('changed', { exact: true }).count()).toBe(1);
		expect(await page.getByRole('button', { name: 'Assumptions (1 changed)' }).count()).toBe(1);
		await dialog.getByRole('button', { name: `Reset ${BELIEF.label}`, exact: true }).click();
		await page.waitForURL((url) => !url.search.includes(`${BELIEF.id}=`));
		await slider.focus();
		await page.keyboard.press('Home');
		await page.waitForURL(new RegExp(`${BELIEF.id}=${escape(String(BELIEF.min))}(&|$)`));
		await dialog.getByRole('button', { name: /Reset all/ }).click();
		await page.waitForURL((url) => !url.search.includes(`${BELIEF.id}=`));
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a schedule: the expression is checked as it is typed, and a valid one applies and is linked', async () => {
		const { page, errors } = await open(`?${SMALL}`);
		await allRunsDone(page);
		await page.getByRole('button', { name: 'Schedule' }).first().click();
		const field = page.getByRole('textbox', { name: /Expression of the month/ });
		await field.fill('t < 12 ? 0.9 : ');
		await page.getByText(/✗/).waitFor();
		await field.fill('t / 10');
		await page.getByText(/outside 0–1/).waitFor();
		await field.fill('t < 12 ? 0.9 : 0.2');
		await page.getByText(/✓ Valid: 0\.9 at month 0, 0\.2 at month 23/).waitFor();
		await page.getByRole('button', { name: 'Apply schedule' }).click();
		await page.waitForURL(/tg=t\+%3C\+12/);
		await allRunsDone(page);
		expect(await page.getByRole('slider', { name: TARGETS }).getAttribute('aria-valuetext')).toMatch(/scheduled/);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('Back steps to the previous finished change', async () => {
		const { page } = await open(`?${SMALL}`);
		await allRunsDone(page);
		const slider = page.getByRole('slider', { name: AUDIT });
		await slider.focus();
		await page.keyboard.press('End');
		await page.waitForURL(new RegExp(`au=${escape(String(lever('audit').max))}(&|$)`));
		await page.getByRole('tab', { name: 'Workforce' }).click();
		await page.waitForURL(/tab=workforce/);
		await page.goBack();
		await page.waitForURL((url) => !url.search.includes('tab='));
		// The page reads the address back through the scenario worker: it follows a moment later.
		await expect.poll(() => page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
		await expect.poll(() => slider.inputValue()).toBe(String(lever('audit').max));
		await page.close();
	});
});

describe('when workers fail', () => {
	test('a model worker that dies is replaced; when they keep dying the page says so instead of hanging', async () => {
		const context = await browser.browser.newContext({ viewport: { width: 1280, height: 720 } });
		// Every model worker throws as it starts, as a worker that runs out of memory would die.
		await context.route(/\/workers\/model\.worker[^/]*\.js$/, (route) =>
			route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("simulated crash");' })
		);
		const page = await context.newPage();
		await page.goto(`${server.url}/?${SMALL}`);
		const status = page.getByRole('status').filter({ hasText: 'Runs stopped' });
		await status.waitFor({ timeout: 60_000 });
		expect(await status.textContent()).toMatch(/keep failing|stopped/);
		expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
		// The rest of the page still works.
		await page.getByRole('button', { name: `About ${TARGETS}` }).click();
		expect(await page.getByText('Benefit:').count()).toBeGreaterThan(0);
		await context.close();
	});
});

describe('reading the model', () => {
	test("the model's documentation opens in the app, and the way back keeps the workbench's state", async () => {
		const { page, errors } = await open(`?s=social-rd&${SMALL}&tg=0.2&tab=gaming`);
		await allRunsDone(page);
		await page.waitForURL(/v=/);
		const state = new URL(page.url()).search;
		await page.getByRole('link', { name: 'Read the model' }).click();
		await page.getByRole('heading', { level: 1 }).first().waitFor();
		for (const name of ['Levers and assumptions', 'Validation against evidence', 'How the model works (ODD)']) {
			await page.getByRole('link', { name }).click();
			await page.waitForURL(/\/model\//);
			await page.locator('article h1').first().waitFor();
			expect(await page.locator('article').textContent()).not.toMatch(/No such document/);
		}
		await page.getByRole('link', { name: '← Back to the workbench' }).click();
		await page.waitForURL((url) => url.pathname === '/' && url.search === state);
		await allRunsDone(page);
		expect(await page.getByRole('tab', { name: 'Gaming' }).getAttribute('aria-selected')).toBe('true');
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('accessibility', () => {
	test('axe finds no serious or critical violations on any view', async () => {
		const { page } = await open(`?${SMALL}`);
		await allRunsDone(page);
		const found: string[] = [];
		const tabs = await page.getByRole('tab').allTextContents();
		for (const name of tabs) {
			await page.getByRole('tab', { name, exact: true }).click();
			await page.waitForTimeout(100);
			found.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
		}
		await page.getByRole('button', { name: 'Tables', exact: true }).click();
		found.push(...(await axeViolations(page)).map((v) => `tables: ${v}`));
		await page.getByRole('tab', { name: 'Overview', exact: true }).click();
		await page.getByRole('button', { name: `About ${TARGETS}` }).click();
		await page.getByRole('button', { name: 'Schedule' }).first().click();
		await page.getByText(/Browse all \d+ scenarios/).click();
		await page.getByText('What it changes and its sources').click();
		found.push(...(await axeViolations(page)).map((v) => `opened panels: ${v}`));
		await page.getByRole('button', { name: /^Assumptions/ }).click();
		await page.getByRole('dialog').getByRole('button', { name: `About ${ASSUMPTIONS[0].label}` }).click();
		found.push(...(await axeViolations(page)).map((v) => `assumptions: ${v}`));
		await page.keyboard.press('Escape');
		for (const doc of ['odd', 'parameters', 'validation']) {
			await page.goto(`${server.url}/model/${doc}`);
			await page.locator('article h1, article h2').first().waitFor();
			found.push(...(await axeViolations(page)).map((v) => `model/${doc}: ${v}`));
		}
		expect(found).toEqual([]);
		await page.close();
	});
});

/**
 * Screenshots of every view at 1280×720 in headless Chromium, to look at what we ship:
 *   npm run build && npx tsx tests/e2e/screenshots.ts [out-dir] [extra query]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveBuild } from './harness';

const out = process.argv[2] ?? 'test-results/screenshots';
const extra = process.argv[3] ?? '';
mkdirSync(out, { recursive: true });
const server = await serveBuild();
const { context, close } = await launch();
const page = await context.newPage();
const done = () => page.getByTestId('runs-complete').waitFor({ timeout: 180_000 });
const shot = (name: string) => page.screenshot({ path: join(out, `${name}.png`) });

await page.goto(`${server.url}/?s=targets-and-terror${extra}`);
await done();
await shot('01-overview');
for (const [i, tab] of ['Gaming', 'Workforce', 'Prevention', 'Inequality', 'Access, cost and more', 'Compare', 'Look closer'].entries()) {
	await page.getByRole('tab', { name: tab, exact: true }).click();
	await done();
	await page.waitForTimeout(300);
	await shot(`0${i + 2}-${tab.split(',')[0].toLowerCase().replace(/ /g, '-')}`);
}
await page.getByRole('tab', { name: 'Compare', exact: true }).click();
await page.getByRole('button', { name: 'Pin this scenario' }).click();
const slider = page.getByRole('slider', { name: 'Targets' });
await slider.focus();
await page.keyboard.press('Home');
await done();
await page.waitForTimeout(300);
await shot('10-compare-pinned');
await page.getByRole('button', { name: 'Tables', exact: true }).click();
await shot('11-tables');
await page.getByRole('button', { name: 'Charts', exact: true }).click();
await page.getByRole('tab', { name: 'Overview', exact: true }).click();
await page.getByRole('button', { name: 'About Targets' }).click();
await page.getByRole('button', { name: 'Schedule' }).first().click();
await page.getByRole('button', { name: 'Write expression' }).click();
await page.waitForTimeout(500);
await shot('12-lever-info-and-schedule');
await page.getByRole('button', { name: /^Assumptions/ }).click();
await page.waitForTimeout(300);
await shot('13-assumptions');
await page.keyboard.press('Escape');
await page.goto(`${server.url}/?s=nope&tg=9&pv=import("fs")&tab=<b>${extra}`);
await page.getByText('could not be used').first().waitFor({ timeout: 120_000 });
await shot('14-hostile-link');
for (const doc of ['odd', 'parameters', 'validation']) {
	await page.goto(`${server.url}/model/${doc}`);
	await page.locator('article h1, article h2').first().waitFor();
	await shot(`15-model-${doc}`);
}
await page.setViewportSize({ width: 1024, height: 768 });
await page.goto(`${server.url}/?s=wigan-deal${extra}`);
await done();
await shot('16-tablet-1024');
await close();
await server.close();
console.log(`screenshots in ${out}`);

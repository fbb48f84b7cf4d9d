// Headless Debian Chromium driven by puppeteer-core for tests outside web-test-runner (the Storybook
// story test and the React test): flags from ../shared/TOOLCHAIN.md, console errors, uncaught page errors
// and failed requests collected per page, and axe-core (npm) injected on demand.
import { createRequire } from 'node:module';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { AxeResults } from 'axe-core';

const require = createRequire(import.meta.url);
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-dev-shm-usage',
    ],
  });
}

/** Problems a page reported: console errors, uncaught exceptions and requests that failed or answered >= 400. */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
  // Chromium asks every origin for /favicon.ico on its own; no page requested it.
  const ours = (url: string) => !url.endsWith('/favicon.ico');
  page.on('console', (message) => {
    if (message.type() === 'error' && ours(message.location().url ?? '')) problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    if (ours(request.url())) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && ours(response.url())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** Runs axe-core on `selector` of the page (shadow roots included) and returns one line per violation. */
export async function axeViolations(page: Page, selector: string, disabledRules: readonly string[] = []): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(async (context, disabled) => {
    const axe = (window as unknown as { axe: { run: (c: string, o: object) => Promise<AxeResults> } }).axe;
    const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
    return axe.run(context, { resultTypes: ['violations'], rules });
  }, selector, [...disabledRules]);
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

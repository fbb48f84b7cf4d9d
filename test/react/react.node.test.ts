// emovox/react with React 19 in headless Chromium: the page (react-page.ts) is bundled with esbuild,
// since React ships CommonJS that the web-test-runner dev server cannot serve as ES modules.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { axeViolations, launchChromium, watchPage } from '../storybook/chromium.ts';

const entry = fileURLToPath(new URL('./react-page.ts', import.meta.url));

describe('emovox/react (React 19, Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];

  before(async () => {
    const bundle = await build({
      entryPoints: [entry], bundle: true, format: 'esm', write: false, target: 'es2022', logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"development"' },
    });
    browser = await launchChromium();
    page = await browser.newPage();
    problems = watchPage(page);
    await page.setContent('<!doctype html><html lang="en"><head><title>emovox/react</title></head><body><main></main></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
    await page.waitForFunction(() => 'emovoxReact' in window);
  });

  after(async () => {
    await browser?.close();
  });

  const call = <T>(name: 'timeline' | 'summary' | 'listener') =>
    page.evaluate((n) => (window as unknown as { emovoxReact: Record<string, () => Promise<unknown>> }).emovoxReact[n](), name) as Promise<T>;

  it('<EmotionTimeline> gets results as a property and calls onSelect/onSeek', async () => {
    const r = await call<{ upgraded: boolean; resultsAsProperty: boolean; ariaLabel: string; seeks: number[]; selects: number[]; afterRerender: number }>('timeline');
    assert.deepEqual(r, {
      upgraded: true, resultsAsProperty: true, ariaLabel: 'Verlauf: 3 utterances over 9.0 s', seeks: [1], selects: [0, 1], afterRerender: 4,
    });
  });

  it('<EmotionSummary> summarises and calls onSeek', async () => {
    const r = await call<{ utterances: number; headingLevel: string; seeks: number[] }>('summary');
    assert.deepEqual(r, { utterances: 3, headingLevel: null, seeks: [6000] });
  });

  it('<EmotionListener> calls its event props, feeds a bound timeline, and is destroyed on unmount', async () => {
    const r = await call<{ events: string[]; timelineResults: number; meterLabel: string; destroyedOnUnmount: boolean }>('listener');
    assert.deepEqual(r, {
      events: ['state:starting', 'state:listening', 'ready', 'update:sad', 'emotion:happy'],
      timelineResults: 1, meterLabel: 'sad', destroyedOnUnmount: true,
    });
  });

  it('passes axe-core and logs no errors', async () => {
    assert.deepEqual(await axeViolations(page, 'main'), []);
    assert.deepEqual(problems, []);
  });
});

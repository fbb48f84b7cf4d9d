// The self-contained browser build (dist/browser/emovox.js, made by `npm run build`, which `npm test` runs
// first) on a plain page with one script tag: the timeline and the summary render from a property, Lit runs
// in production mode (no dev-mode notice), and nothing logs an error; under a strict Content-Security-Policy
// (no 'unsafe-inline' styles) every component still draws its bars, swatches and dot.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { sampleSession } from '../../stories/support/sample-session.ts';
import { axeViolations, launchChromium, watchPage } from '../storybook/chromium.ts';
import { serveStatic } from '../storybook/static-server.ts';

const dist = fileURLToPath(new URL('../../dist/browser/', import.meta.url));
/** The README's strict policy: no inline scripts or styles, so no `style="…"` attribute either. */
const strictPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";

describe('dist/browser/emovox.js on a plain page', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  let problems: string[];
  let origin: string;
  const logs: string[] = [];

  before(async () => {
    assert.ok(existsSync(`${dist}emovox.js`), 'dist/browser/emovox.js is missing: run `npm run build`');
    const served = await serveStatic(dist, {
      '/plain.html': `<!doctype html><html lang="en"><head><title>emovox</title><script type="module" src="emovox.js"></script></head>
        <body><main><emotion-timeline label="Session"></emotion-timeline><emotion-summary></emotion-summary></main></body></html>`,
      '/strict.html': `<!doctype html><html lang="en"><head><title>emovox</title>
        <meta http-equiv="Content-Security-Policy" content="${strictPolicy}">
        <script type="module" src="emovox.js"></script></head>
        <body><main><emotion-meter></emotion-meter><emotion-timeline label="Session"></emotion-timeline><emotion-summary></emotion-summary></main></body></html>`,
    });
    origin = served.origin;
    server = served.server;
    browser = await launchChromium();
    page = await browser.newPage();
    problems = watchPage(page);
    page.on('console', (message) => logs.push(message.text()));
    await page.goto(`${served.origin}/plain.html`);
    await page.waitForFunction(() => customElements.get('emotion-summary') !== undefined);
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('renders <emotion-timeline> and <emotion-summary> from results', async () => {
    const session = sampleSession(40);
    const rendered = await page.evaluate(async (results) => {
      const timeline = document.querySelector('emotion-timeline') as HTMLElement & { results: unknown; updateComplete: Promise<boolean> };
      const summary = document.querySelector('emotion-summary') as HTMLElement & { results: unknown; updateComplete: Promise<boolean> };
      timeline.results = results;
      summary.results = results;
      await timeline.updateComplete;
      await summary.updateComplete;
      return {
        timeline: timeline.shadowRoot!.querySelector('[part="plot"]')!.getAttribute('aria-label'),
        shares: summary.shadowRoot!.querySelectorAll('[part="shares"] li').length,
      };
    }, session);
    assert.match(rendered.timeline ?? '', /^Session: 40 utterances over /);
    assert.ok(rendered.shares >= 2);
    assert.deepEqual(await axeViolations(page, 'main'), []);
  });

  it('draws every component under a strict CSP without inline style attributes', async () => {
    const strict = await browser.newPage();
    const violations: string[] = [];
    strict.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await strict.goto(`${origin}/strict.html`);
    await strict.waitForFunction(() => customElements.get('emotion-summary') !== undefined);
    const drawn = await strict.evaluate(async (results) => {
      type Rendered = HTMLElement & { results?: unknown; result?: unknown; updateComplete: Promise<boolean> };
      const meter = document.querySelector('emotion-meter') as Rendered;
      const timeline = document.querySelector('emotion-timeline') as Rendered;
      const summary = document.querySelector('emotion-summary') as Rendered;
      meter.result = results.at(-1);
      timeline.results = results;
      summary.results = results;
      await Promise.all([meter.updateComplete, timeline.updateComplete, summary.updateComplete]);
      // No local helper functions here: tsx would wrap them in a __name() call the page does not have.
      const roots = [meter, timeline, summary].map((element) => element.shadowRoot!);
      const all = roots.flatMap((root) => [...root.querySelectorAll<HTMLElement>('*')]);
      return {
        styleAttributes: all.filter((element) => element.hasAttribute('style') && element.style.length === 0).length,
        barWidths: [...roots[0].querySelectorAll('[part="bar-fill"]')].map((bar) => bar.getBoundingClientRect().width),
        dotLeft: roots[0].querySelector<HTMLElement>('[part="dot"]')?.style.left,
        swatches: [...roots[1].querySelectorAll('.swatch')].map((swatch) => getComputedStyle(swatch).backgroundColor),
        shareWidths: [...roots[2].querySelectorAll('[part="share-fill"]')].map((fill) => fill.getBoundingClientRect().width),
      };
    }, sampleSession(40));
    await strict.close();
    assert.deepEqual(violations, [], 'the page logged CSP violations or errors');
    assert.equal(drawn.styleAttributes, 0, 'a style attribute was refused');
    assert.ok(drawn.barWidths.some((width) => width > 0), `meter bars have no width: ${drawn.barWidths.join(', ')}`);
    assert.match(drawn.dotLeft ?? '', /%$/);
    assert.ok(drawn.swatches.length >= 2 && drawn.swatches.every((colour) => colour !== 'rgba(0, 0, 0, 0)'), `swatches: ${drawn.swatches.join(', ')}`);
    assert.ok(drawn.shareWidths.some((width) => width > 0), `summary shares have no width: ${drawn.shareWidths.join(', ')}`);
  });

  it('runs Lit in production mode and logs no errors', () => {
    assert.deepEqual(logs.filter((text) => /dev mode/i.test(text)), []);
    assert.deepEqual(problems, []);
  });
});

// The self-contained browser build (dist/browser/emovox.js, made by `npm run build`, which `npm test` runs
// first) on a plain page with one script tag: the timeline and the summary render from a property, Lit runs
// in production mode (no dev-mode notice), and nothing logs an error.
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

describe('dist/browser/emovox.js on a plain page', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  let problems: string[];
  const logs: string[] = [];

  before(async () => {
    assert.ok(existsSync(`${dist}emovox.js`), 'dist/browser/emovox.js is missing: run `npm run build`');
    const served = await serveStatic(dist, {
      '/plain.html': `<!doctype html><html lang="en"><head><title>emovox</title><script type="module" src="emovox.js"></script></head>
        <body><main><emotion-timeline label="Session"></emotion-timeline><emotion-summary></emotion-summary></main></body></html>`,
    });
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

  it('runs Lit in production mode and logs no errors', () => {
    assert.deepEqual(logs.filter((text) => /dev mode/i.test(text)), []);
    assert.deepEqual(problems, []);
  });
});

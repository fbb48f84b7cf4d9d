// The static Storybook (`npm run build-storybook`, into storybook-static/, git-ignored) builds with every
// stories file, and every story opens in headless Chromium without a console error, a failed request or
// an axe-core violation; the two stories that run the real pipeline produce results from a recording
// and from the fake microphone. One screenshot per story lands in storybook-static/screenshots/ (a CI artifact).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { launchWithFakeMic } from '../packaging/browser.ts';
import { axeViolations, launchChromium, watchPage } from './chromium.ts';
import { serveStatic } from './static-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = `${root}storybook-static`;
const shotDir = `${outDir}/screenshots`;
const run = promisify(execFile);

interface IndexEntry { id: string; type: 'story' | 'docs'; importPath: string; title: string; name: string }

async function storyFiles(dir = `${root}stories`): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? storyFiles(`${dir}/${e.name}`) : Promise.resolve(e.name.endsWith('.stories.ts') ? [`${dir}/${e.name}`] : []))),
  );
  return nested.flat();
}

describe('Storybook static build', () => {
  let entries: IndexEntry[];
  let browser: Browser;
  let server: Server;
  let origin: string;

  before(async () => {
    await run(process.execPath, [`${root}node_modules/storybook/dist/bin/dispatcher.js`, 'build', '--disable-telemetry', '--quiet', '--output-dir', outDir], {
      cwd: root, env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' }, maxBuffer: 64 << 20,
    });
    entries = Object.values((JSON.parse(await readFile(`${outDir}/index.json`, 'utf8')) as { entries: Record<string, IndexEntry> }).entries);
    ({ origin, server } = await serveStatic(outDir));
    browser = await launchChromium();
    await mkdir(shotDir, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('contains every stories file and a docs page per component', async () => {
    const built = new Set(entries.map((entry) => entry.importPath.replace(/^\.\//, '')));
    for (const file of await storyFiles()) assert.ok(built.has(file.slice(root.length)), `${file.slice(root.length)} is not in the built Storybook`);
    for (const tag of ['emotion-listener', 'emotion-meter', 'emotion-timeline', 'emotion-summary']) {
      assert.ok(entries.some((e) => e.type === 'docs' && e.title === `Components/${tag}`), `no docs page for ${tag}`);
    }
  });

  it('renders every story without console errors, failed requests or axe violations', async () => {
    const stories = entries.filter((entry) => entry.type === 'story');
    assert.ok(stories.length >= 30, `only ${stories.length} stories`);
    const failures: string[] = [];
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 700 });
    const problems = watchPage(page);
    for (const story of stories) {
      problems.length = 0;
      await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load', timeout: 30_000 });
      await page.waitForFunction(() => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0, { timeout: 15_000 });
      // Let Lit finish its updates and canvases draw before checking and taking the picture.
      await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(resolve), 100)));
      const violations = await axeViolations(page, '#storybook-root', ['region']);
      await page.screenshot({ path: `${shotDir}/${story.id}.png` });
      for (const problem of [...problems, ...violations]) failures.push(`${story.id}: ${problem}`);
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  it('runs the real pipeline on a recording chosen in the "analyse a recording" story', async () => {
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${origin}/iframe.html?id=pipeline-analyse-a-recording--analyse-a-recording&viewMode=story`, { waitUntil: 'load' });
    const input = await page.waitForSelector('#storybook-root input[type="file"]');
    await input!.uploadFile(`${root}test/fixtures/features/speech.wav`);
    await page.waitForFunction(() => /utterances in|Error|failed/i.test(document.querySelector('#storybook-root [role="status"]')?.textContent ?? ''), { timeout: 120_000 });
    const status = await page.$eval('#storybook-root [role="status"]', (el) => el.textContent);
    const count = await page.$eval('#storybook-root emotion-timeline', (el) => (el as unknown as { results: unknown[] }).results.length);
    await page.screenshot({ path: `${shotDir}/pipeline-analyse-a-recording--with-speech.png`, fullPage: true });
    assert.match(status ?? '', /^speech\.wav: \d+ utterances in \d+\.\d s$/);
    assert.ok(count > 0, status ?? '');
    assert.deepEqual([...problems, ...(await axeViolations(page, '#storybook-root', ['region']))], []);
    await page.close();
  });

  it('answers live speech in the assistant chat attached to a real <emotion-listener>', async () => {
    const live = await launchWithFakeMic(`${root}test/.generated/one-phrase.wav`);
    try {
      const page = await live.newPage();
      const problems = watchPage(page);
      await page.goto(`${origin}/iframe.html?id=plugins-assistant-chat--live-pipeline&viewMode=story`, { waitUntil: 'load' });
      // The button is enabled once the model has loaded.
      await page.waitForFunction(() => document.querySelector('#storybook-root emotion-listener')?.shadowRoot?.querySelector('button:not([disabled])'), { timeout: 120_000 });
      await page.click('#storybook-root emotion-listener >>> button');
      // The fake microphone loops one phrase: a user line, the plugin's context line and a reply follow.
      await page.waitForFunction(() => document.querySelectorAll('#storybook-root p.assistant').length >= 1, { timeout: 120_000 });
      const lines = await page.$$eval('#storybook-root p', (ps) => ps.map((p) => `${p.className}: ${p.textContent}`));
      await page.screenshot({ path: `${shotDir}/plugins-assistant-chat--live-pipeline-answered.png`, fullPage: true });
      assert.ok(lines.some((line) => /^user: user \(\d+\.\d s of speech, heard as \w+\)$/.test(line)), lines.join('\n'));
      assert.ok(lines.some((line) => /^context: context The user /.test(line)), lines.join('\n'));
      assert.deepEqual(problems, []);
    } finally {
      await live.close();
    }
  });
});

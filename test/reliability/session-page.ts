// One full emovox session on a plain page, driven from Node: the self-contained browser build
// (dist/browser/emovox.js, made by `npm run build`) with its default asset URLs, only the SDK (no
// components): create, listen to Chromium's fake microphone until a final emotion, stop, analyse a
// WAV picked in an <input type=file> (no network), destroy. The page's own script is a file, not
// inline, so the page runs under a strict CSP. Every request goes through the recording server,
// which is the browser's proxy as well (loopback included).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { recordPageRequests, type PageRequest } from './page-network.ts';
import { startRecordingServer, type RecordingServer } from './recording-server.ts';

export const distBrowser = fileURLToPath(new URL('../../dist/browser/', import.meta.url));
const generated = (name: string) => fileURLToPath(new URL(`../.generated/${name}.wav`, import.meta.url));

const sessionHtml = `<!doctype html><html lang="en"><head><title>emovox session</title>
<script type="module" src="/session.js"></script></head>
<body><input type="file" accept="audio/*" aria-label="recording"></body></html>`;

/** The app: the SDK's public API only. Steps are called one by one from the test. */
const sessionJs = `import { EmotionRecognizer } from '/emovox.js';
const errors = [];
let recognizer;
const guard = (promise, what) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(what + ' hung')), 90000))]);
window.emovoxSession = {
  errors,
  async load(options) {
    recognizer = await EmotionRecognizer.create(options);
    recognizer.on('error', (error) => errors.push(error.code + ': ' + error.message));
    return recognizer.labels;
  },
  async listen() {
    const final = new Promise((resolve) => { const off = recognizer.on('emotion', (result) => { off(); resolve(result); }); });
    await recognizer.start();
    const result = await guard(final, 'listening');
    await recognizer.stop();
    return Object.keys(result.probabilities).length;
  },
  async analyse() {
    const file = document.querySelector('input').files[0];
    const result = await recognizer.analyze(file);
    return result.utterances.length;
  },
  async destroy() {
    await recognizer.destroy();
    return recognizer.state;
  },
};
`;

interface SessionWindow {
  emovoxSession: { load(o: unknown): Promise<string[]>; listen(): Promise<number>; analyse(): Promise<number>; destroy(): Promise<string>; errors: string[] };
}

export interface SessionOutcome {
  readonly labels: readonly string[];
  /** Labels with a probability in the first live final result. */
  readonly liveLabels: number;
  readonly analysedUtterances: number;
  readonly finalState: string;
  /** `error` events, uncaught page errors and console errors of the page and its workers. */
  readonly problems: readonly string[];
}

export interface SessionRun {
  /** Everything that reached the recording server: the page's requests, and the browser's own background requests. */
  readonly server: RecordingServer;
  /** The requests of the page and of every worker it started, from the DevTools protocol. */
  readonly pageRequests: readonly PageRequest[];
  readonly outcome: SessionOutcome;
}

export interface SessionRunOptions {
  /** Headers on every response of the origin (e.g. a CSP). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Options of `EmotionRecognizer.create()`. */
  readonly recognizer?: Readonly<Record<string, unknown>>;
  /** Extra in-memory responses (e.g. a CSP report endpoint). */
  readonly pages?: Readonly<Record<string, readonly [string, string]>>;
}

function ensureInputs(): void {
  if (!existsSync(`${distBrowser}emovox.js`)) throw new Error('dist/browser/emovox.js is missing: run `npm run build`');
  if (!existsSync(generated('one-phrase'))) {
    execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/generate-test-audio.mjs', import.meta.url))], { stdio: 'ignore' });
  }
}

function launch(proxy: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-dev-shm-usage', '--disable-features=NetworkTimeServiceQuerying', '--autoplay-policy=no-user-gesture-required',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${generated('one-phrase')}`,
      `--proxy-server=${proxy}`, '--proxy-bypass-list=<-loopback>',
    ],
  });
}

/** Runs the whole session and returns what the page saw plus the server with its request log. */
export async function runSession(options: SessionRunOptions = {}): Promise<SessionRun> {
  ensureInputs();
  const server = await startRecordingServer({
    root: distBrowser,
    headers: options.headers,
    pages: { '/session.html': ['text/html; charset=utf-8', sessionHtml], '/session.js': ['text/javascript', sessionJs], ...options.pages },
  });
  const browser = await launch(server.proxy);
  const problems: string[] = [];
  try {
    const page = await browser.newPage();
    const pageRequests = await recordPageRequests(page);
    page.on('pageerror', (error) => problems.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
    page.on('console', (message) => {
      // Chromium asks every origin for /favicon.ico on its own; its 404 is not the page's.
      if (message.type() === 'error' && !(message.location().url ?? '').endsWith('/favicon.ico')) problems.push(`console: ${message.text()}`);
    });
    page.on('workercreated', (worker) => worker.on('console', (message) => {
      if (message.type() === 'error') problems.push(`worker console: ${message.text()}`);
    }));
    await page.goto(`${server.origin}/session.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => 'emovoxSession' in window, { timeout: 60_000 });
    // Plain arrow functions only: tsx would wrap named helpers in a __name() call the page does not have.
    const labels = await page.evaluate((o) => (window as unknown as SessionWindow).emovoxSession.load(o), options.recognizer ?? {});
    const liveLabels = await page.evaluate(() => (window as unknown as SessionWindow).emovoxSession.listen());
    const input = await page.$('input[type=file]');
    await input!.uploadFile(generated('one-phrase'));
    const analysedUtterances = await page.evaluate(() => (window as unknown as SessionWindow).emovoxSession.analyse());
    const finalState = await page.evaluate(() => (window as unknown as SessionWindow).emovoxSession.destroy());
    const errors = await page.evaluate(() => (window as unknown as SessionWindow).emovoxSession.errors);
    problems.push(...errors.map((e) => `error event: ${e}`));
    await page.close();
    return { server, pageRequests, outcome: { labels, liveLabels, analysedUtterances, finalState, problems } };
  } finally {
    await browser.close();
    await server.close();
  }
}

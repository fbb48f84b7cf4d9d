// Opens a built example page, starts its <emotion-listener> with a real click and records what a
// user would care about: the emotion results, every request (page and workers), console errors, and
// the recognizer's own diagnostics (onnxruntime-web threads in use).
import type { Browser, HTTPRequest } from 'puppeteer-core';

export interface EmotionDetail {
  readonly label: string;
  readonly confidence: number;
  readonly probabilities: Readonly<Record<string, number>>;
  readonly final: boolean;
}

export interface RequestRecord {
  readonly url: string;
  readonly status: number | undefined;
  readonly failure: string | undefined;
}

export interface PageReport {
  /** Labels of the loaded model (from the `emovox-ready` event). */
  readonly labels: readonly string[];
  readonly emotions: readonly EmotionDetail[];
  readonly requests: readonly RequestRecord[];
  readonly consoleErrors: readonly string[];
  /** `EmotionRecognizer.diagnostics()` of the element's recognizer, after the first emotion. */
  readonly ortThreads: number | undefined;
  readonly crossOriginIsolated: boolean;
}

interface Collected {
  ready: { labels: string[] } | undefined;
  emotions: EmotionDetail[];
  errors: string[];
}

declare global {
  interface Window {
    emovoxCollected?: Collected;
  }
}

/** Installed before any page script: collects the listener's events, which bubble to the document. */
function collect(): void {
  const collected: Collected = { ready: undefined, emotions: [], errors: [] };
  window.emovoxCollected = collected;
  document.addEventListener('emovox-ready', (event) => (collected.ready = (event as CustomEvent<{ labels: string[] }>).detail), true);
  document.addEventListener('emovox-emotion', (event) => collected.emotions.push((event as CustomEvent<EmotionDetail>).detail), true);
  document.addEventListener('emovox-error', (event) => collected.errors.push(String((event as CustomEvent<unknown>).detail)), true);
}

function record(request: HTTPRequest, failure?: string): RequestRecord {
  return { url: request.url(), status: request.response()?.status(), failure };
}

/** Loads `url`, waits for the model, clicks the listener's button and waits for `emotions` finals. */
export async function reportPage(browser: Browser, url: string, { emotions = 1, timeoutMs = 180_000 } = {}): Promise<PageReport> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const requests: RequestRecord[] = [];
  const consoleErrors: string[] = [];
  page.on('requestfinished', (request) => requests.push(record(request)));
  page.on('requestfailed', (request) => requests.push(record(request, request.failure()?.errorText ?? 'failed')));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url ?? ''})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
  try {
    await page.evaluateOnNewDocument(collect);
    await page.goto(url, { waitUntil: 'load' });
    const settled = (want: 'ready' | 'emotions') =>
      page.waitForFunction(
        (w: string, n: number) => {
          const c = window.emovoxCollected;
          return c !== undefined && (c.errors.length > 0 || (w === 'ready' ? c.ready !== undefined : c.emotions.filter((e) => e.final).length >= n));
        },
        { timeout: timeoutMs, polling: 250 },
        want,
        emotions,
      );
    await settled('ready');
    if ((await page.evaluate(() => window.emovoxCollected?.errors.length ?? 0)) === 0) {
      await page.click('emotion-listener >>> button');
      await settled('emotions');
    }
    const collected = await page.evaluate(() => window.emovoxCollected!);
    if (collected.errors.length > 0) consoleErrors.push(...collected.errors.map((error) => `emovox-error: ${error}`));
    const ortThreads = await page.evaluate(async () => {
      const recognizer = (document.querySelector('emotion-listener') as (HTMLElement & { recognizer?: { diagnostics?: () => Promise<{ ortThreads: number }> } }) | null)?.recognizer;
      return recognizer?.diagnostics ? (await recognizer.diagnostics()).ortThreads : undefined;
    });
    return {
      labels: collected.ready?.labels ?? [],
      emotions: collected.emotions.filter((e) => e.final),
      requests,
      consoleErrors,
      ortThreads,
      crossOriginIsolated: await page.evaluate(() => globalThis.crossOriginIsolated),
    };
  } finally {
    await context.close();
  }
}

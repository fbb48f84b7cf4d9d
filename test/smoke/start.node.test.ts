// `npm start` (scripts/start.mjs) bundles the demo and serves it cross-origin isolated: check that the
// page, its bundle and every module it loads are served, and that the page, opened in Chromium, really
// analyses audio with the shipped model, so the README's first command cannot rot.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

describe('npm start', () => {
  let child: ChildProcess;
  let url: string;

  before(async () => {
    child = spawn(process.execPath, ['scripts/start.mjs', '--port=0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk;
        const match = /emovox demo: (http:\/\/localhost:\d+\/)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`start.mjs exited with ${code}:\n${output}`)));
    });
  });

  after(async () => {
    proxy?.close();
    child.kill();
    if (child.exitCode === null) await once(child, 'exit');
  });

  it('serves the demo page and its bundle with COOP/COEP headers', async () => {
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.equal(page.headers.get('cross-origin-embedder-policy'), 'require-corp');
    const html = await page.text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(scripts.length > 0, 'the page loads no script');
    for (const src of scripts) {
      const script = await fetch(new URL(src, url));
      assert.equal(script.status, 200, src);
      assert.match(script.headers.get('content-type') ?? '', /javascript/);
      // Every static import of the entry module is served too.
      for (const [, spec] of (await script.text()).matchAll(/\bfrom\s*['"](\.[^'"]+)['"]/g)) {
        assert.equal((await fetch(new URL(spec!, new URL(src, url)))).status, 200, spec);
      }
    }
  });

  let proxy: Server | undefined;

  /** The demo through a local proxy that adds `csp` to every HTML response; returns the proxy's URL. */
  async function servedWithCsp(csp: string): Promise<string> {
    proxy = createServer(async (request, response) => {
      const upstream = await fetch(new URL(request.url ?? '/', url));
      const headers: Record<string, string> = Object.fromEntries(upstream.headers);
      for (const name of ['content-length', 'content-encoding', 'transfer-encoding']) delete headers[name];
      if (headers['content-type']?.startsWith('text/html')) headers['content-security-policy'] = csp;
      response.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
    }).listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    return `http://localhost:${(proxy.address() as AddressInfo).port}/`;
  }

  /** Opens `/?sample` (optionally served with a Content-Security-Policy) and returns what the page shows once analysed. */
  async function analyseSample(csp?: string) {
    const browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
      await page.goto(`${csp ? await servedWithCsp(csp) : url}?sample`);
      await page.waitForFunction(() => /utterance|failed/.test(document.getElementById('analysis-status')?.textContent ?? ''), { timeout: 120_000 });
      const state = await page.evaluate(() => ({
        status: document.getElementById('analysis-status')!.textContent,
        failed: document.getElementById('analysis-status')!.classList.contains('error'),
        crossOriginIsolated,
        rows: [...document.querySelectorAll('#utterances tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
        audioFacts: document.getElementById('audio-facts')!.textContent ?? '',
        configFacts: document.getElementById('config-facts')!.textContent ?? '',
        waveformFrames: (document.getElementById('waveform') as HTMLElement & { samples?: Float32Array }).samples?.length ?? 0,
        // Proves the policy is in force: an inline script must not run under script-src 'self'.
        inlineScriptRan: (() => {
          const script = document.createElement('script');
          script.textContent = 'window.inlineScriptRan = true';
          document.head.append(script);
          return (window as { inlineScriptRan?: boolean }).inlineScriptRan === true;
        })(),
      }));
      return { ...state, problems };
    } finally {
      await browser.close();
    }
  }

  const labels = ['neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'];

  it('in Chromium, analyses a generated sample with the shipped model: plots, utterance rows, no errors', async () => {
    const state = await analyseSample();
    assert.equal(state.failed, false, state.status ?? '');
    assert.equal(state.crossOriginIsolated, true);
    assert.ok(state.rows.length >= 1, `no utterance rows: ${state.status}`);
    for (const row of state.rows) assert.ok(row.some((cell) => labels.some((label) => cell.includes(label))), `row without an emotion: ${row.join(' | ')}`);
    assert.match(state.audioFacts, /\d+ Hz/);
    assert.match(state.configFacts, /16000 Hz/);
    assert.ok(state.waveformFrames > 0, 'the waveform got the decoded samples');
    assert.deepEqual(state.problems, []);
  });

  it("works under the strict CSP the README promises (script-src 'self' 'wasm-unsafe-eval'; worker-src 'self')", async () => {
    const state = await analyseSample("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:");
    assert.equal(state.inlineScriptRan, false, 'the policy is in force');
    assert.equal(state.failed, false, state.status ?? '');
    assert.ok(state.rows.length >= 1, `no utterance rows: ${state.status}`);
    assert.deepEqual(state.problems.filter((p) => !/inline script/.test(p)), []);
  });
});

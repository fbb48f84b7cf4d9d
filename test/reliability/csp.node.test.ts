// The whole pipeline (worker, AudioWorklet, onnxruntime-web's wasm, VAD and model fetches, live
// listening and file analysis) under the strict Content-Security-Policy the README documents, sent as
// an HTTP header on every response (worker scripts take their policy from their own response): no
// blob: workers, no eval, no inline script. A violation shows as a console error of the page or a
// worker, an `error` event or a failed step, or a report to the policy's report-uri (which Chromium
// sends for the page, not for failures inside workers); there must be none. The page uses only the
// SDK, no components. The last case proves the header is enforced at all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSession } from './session-page.ts';

export const strictPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";
const reportPath = '/csp-report';
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

async function sessionUnder(policy: string, extraHeaders: Record<string, string> = {}, recognizer: Record<string, unknown> = {}) {
  const run = await runSession({
    headers: { 'Content-Security-Policy': `${policy}; report-uri ${reportPath}`, ...extraHeaders },
    pages: { [reportPath]: ['text/plain', ''] },
    recognizer,
  });
  const reports = run.server.requests.filter((r) => new URL(r.url).pathname === reportPath);
  return { ...run, reports };
}

describe(`the full pipeline under "${strictPolicy}"`, () => {
  it('loads, listens, analyses and destroys with no violation (one ORT thread, not isolated)', async () => {
    const { outcome, reports } = await sessionUnder(strictPolicy);
    assert.deepEqual(outcome.problems, []);
    assert.equal(reports.length, 0, 'the browser reported CSP violations');
    assert.ok(outcome.labels.length >= 2 && outcome.liveLabels === outcome.labels.length && outcome.analysedUtterances >= 1);
    assert.equal(outcome.finalState, 'destroyed');
  });

  it('also with two ORT threads on a cross-origin-isolated page (onnxruntime starts its own workers)', async () => {
    const { outcome, reports, server } = await sessionUnder(strictPolicy, isolation, { ortThreads: 2 });
    assert.deepEqual(outcome.problems, []);
    const ortModuleLoads = server.requests.filter((r) => /\/assets\/ort-[\w-]+\.js$/.test(new URL(r.url).pathname)).length;
    console.log(`ORT module loads (the emovox worker plus onnxruntime's thread workers): ${ortModuleLoads}`);
    assert.ok(ortModuleLoads >= 2, 'onnxruntime started no thread workers');
    assert.equal(reports.length, 0, 'the browser reported CSP violations');
    assert.ok(outcome.liveLabels >= 2 && outcome.analysedUtterances >= 1);
  });

  it('the policy is really enforced: without \'wasm-unsafe-eval\' onnxruntime cannot compile and create() fails', async () => {
    const { outcome, reports } = await sessionUnder("default-src 'self'; script-src 'self'; worker-src 'self'").catch((error: unknown) => ({ outcome: { problems: [String(error)] }, reports: [] as unknown[] }));
    console.log(`without 'wasm-unsafe-eval': ${reports.length} violation reports; ${outcome.problems[0] ?? 'no error'}`);
    assert.ok(outcome.problems.some((p) => /Content Security Policy/i.test(p) && /WebAssembly/.test(p)), `no sign of the refused wasm: ${outcome.problems.join('; ')}`);
  });
});

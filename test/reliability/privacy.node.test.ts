// Privacy: a full session (load, listen to the fake microphone, analyse a picked file, destroy) with
// the default asset URLs of the browser build fetches only emovox's own files from the page's origin,
// only with GET and without a request body, so no audio, result or telemetry leaves the device.
// Two records: the DevTools protocol's, per context (page, worker, nested workers), and the log of the
// server, which is also the browser's proxy for every origin, loopback included (the AudioWorklet's
// module request appears only there).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { distBrowser, runSession, type SessionRun } from './session-page.ts';

/** The test page and its script: the app, not emovox. */
const appFiles = new Set(['/session.html', '/session.js']);
/** Chromium asks every origin for an icon on its own. */
const browserOwn = new Set(['/favicon.ico']);
/** The files a session needs with the default options; hashed chunk names as patterns. */
const requiredAssets = [
  /^\/emovox\.js$/,
  /^\/assets\/emotion\.worker\.js$/,
  /^\/assets\/capture\.worklet\.js$/,
  /^\/assets\/ort-[\w-]+\.js$/,
  /^\/assets\/ort-wasm-simd-threaded\.wasm$/,
  /^\/assets\/silero_vad_v5\.onnx$/,
  /^\/models\/emovox-default\.json$/,
  /^\/models\/emovox-default\.onnx$/,
];
/** Other code chunks of the build (decoders, prosody), loaded on first use. */
const codeChunk = /^\/assets\/[\w-]+\.js$/;

const pathOf = (url: string) => new URL(url).pathname;

describe('privacy: the requests of a full session', () => {
  let run: SessionRun;
  let origin: string;

  before(async () => {
    run = await runSession();
    origin = run.server.origin;
    console.log(`page requests recorded: ${run.pageRequests.length}`);
    for (const r of run.pageRequests) console.log(`  ${r.method} ${r.url.replace(origin, '')} (${r.context.replace(origin, '')})`);
    const background = run.server.requests.filter((r) => !r.url.startsWith(origin));
    console.log(`server log: ${run.server.requests.length - background.length} requests to the page's origin, ${background.length} background requests of Chromium itself (refused):`);
    for (const r of background) console.log(`  ${r.method} ${r.url.split('?')[0]}`);
  });

  it('the session worked, so the record covers loading, listening, analysing and destroying', () => {
    assert.deepEqual(run.outcome.problems, []);
    assert.ok(run.outcome.labels.length >= 2);
    assert.equal(run.outcome.liveLabels, run.outcome.labels.length);
    assert.ok(run.outcome.analysedUtterances >= 1);
    assert.equal(run.outcome.finalState, 'destroyed');
    assert.ok(run.pageRequests.some((r) => r.context !== 'page'), 'the worker\'s requests were recorded');
  });

  it('the page and its workers contact no other origin', () => {
    const foreign = run.pageRequests.filter((r) => !/^(blob|data):/.test(r.url) && new URL(r.url).origin !== origin);
    assert.deepEqual(foreign.map((r) => `${r.method} ${r.url}`), []);
  });

  it('nothing is uploaded: only GET, and no request carries a body', () => {
    const uploads = run.pageRequests.filter((r) => r.method !== 'GET' || r.hasBody);
    assert.deepEqual(uploads.map((r) => `${r.method} ${r.url}`), []);
    const received = run.server.requests.filter((r) => r.url.startsWith(origin) && (r.method !== 'GET' || r.bodyBytes > 0));
    assert.deepEqual(received.map((r) => `${r.method} ${r.url}`), []);
  });

  it('only emovox files of the build are fetched, each one the session needs among them', () => {
    const paths = [...run.pageRequests.filter((r) => r.url.startsWith(origin)).map((r) => r.url), ...run.server.requests.filter((r) => r.url.startsWith(origin)).map((r) => r.url)]
      .map(pathOf)
      .filter((p) => !appFiles.has(p) && !browserOwn.has(p));
    assert.deepEqual(paths.filter((p) => !existsSync(`${distBrowser}${p.slice(1)}`)), [], 'requests for files emovox does not ship');
    for (const pattern of requiredAssets) assert.ok(paths.some((p) => pattern.test(p)), `${pattern} was not fetched`);
    assert.deepEqual(paths.filter((p) => !requiredAssets.some((pattern) => pattern.test(p)) && !codeChunk.test(p)), [], 'files beyond the code chunks and runtime assets');
    const failed = run.server.requests.filter((r) => r.url.startsWith(origin) && r.status >= 400 && !browserOwn.has(pathOf(r.url)));
    assert.deepEqual(failed.map((r) => `${r.status} ${r.url}`), []);
    console.log(`emovox files fetched: ${[...new Set(paths)].sort().join(', ')}`);
  });

  it('what reached the proxy from elsewhere is the browser\'s own traffic: no page or worker referred it', () => {
    const referred = run.server.requests.filter((r) => !r.url.startsWith(origin) && r.referer !== undefined);
    assert.deepEqual(referred.map((r) => `${r.method} ${r.url} (referer ${r.referer})`), []);
  });
});

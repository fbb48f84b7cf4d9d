// What every example page must show, whatever bundler built it: final emotions with a probability
// for every label of the model, every request answered from the page's own origin without error,
// `.wasm` served as `application/wasm`, and a clean console.
import assert from 'node:assert/strict';
import type { PageReport } from './page-report.ts';
import type { StaticServer } from './static-server.ts';

/** Browsers ask for /favicon.ico on their own; the examples declare no icon, so its 404 is not an app request. */
const isFavicon = (url: string): boolean => new URL(url, 'http://x').pathname.endsWith('/favicon.ico');

export function assertHealthyPage(report: PageReport, server: StaticServer): void {
  const origin = new URL(server.url).origin;
  const consoleNote = `\nconsole errors:\n${report.consoleErrors.join('\n')}`;

  assert.ok(report.labels.length >= 2, `the model reported labels ${JSON.stringify(report.labels)}${consoleNote}`);
  assert.ok(report.emotions.length >= 1, `no final emotion arrived${consoleNote}`);
  for (const emotion of report.emotions) {
    assert.deepEqual(Object.keys(emotion.probabilities).sort(), [...report.labels].sort(), 'probabilities must cover every label');
    const values = Object.values(emotion.probabilities);
    assert.ok(values.every((p) => p >= 0 && p <= 1), `probabilities out of [0, 1]: ${values.join(', ')}`);
    const sum = values.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-3, `probabilities sum to ${sum}`);
    assert.ok(report.labels.includes(emotion.label), `label ${emotion.label} is not one of the model's`);
  }

  const foreign = report.requests.filter(({ url }) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
  assert.deepEqual(foreign.map(({ url }) => url), [], 'requests left the page origin');
  const failed = report.requests.filter(({ url, status, failure }) => !isFavicon(url) && (failure !== undefined || status === undefined || status >= 400));
  assert.deepEqual(failed.map(({ url, status, failure }) => `${failure ?? status} ${url}`), [], 'requests failed in the browser');

  // The server's own log also sees requests of nested workers (onnxruntime-web's threads).
  const notServed = server.requests.filter(({ path, status }) => status >= 400 && !isFavicon(path));
  assert.deepEqual(notServed.map(({ path, status }) => `${status} ${path}`), [], 'the server answered with errors');
  const wasm = server.requests.filter(({ path }) => path.endsWith('.wasm'));
  assert.ok(wasm.length >= 1, 'no .wasm was fetched from the app server');
  for (const { path, contentType } of wasm) assert.equal(contentType, 'application/wasm', path);
  assert.ok(server.requests.filter(({ path }) => path.endsWith('.onnx')).length >= 2, 'the VAD and emotion models were not both fetched from the app server');

  const errors = report.consoleErrors.filter((message) => !(message.includes('404') && message.includes('favicon.ico')));
  assert.deepEqual(errors, [], 'console errors');
}

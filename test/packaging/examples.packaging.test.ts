// Every app in examples/ built the way its users build it: the packed tarball installed into a copy
// of the example (registry dependencies pinned in its package.json), a production build with its real
// bundler, the output served from 127.0.0.1 and opened in headless Chromium whose fake microphone
// plays generated speech. The plain page is also served under the README's strict CSP, from a
// sub-path, and cross-origin isolated (where it asks onnxruntime-web for two threads).
// Run: node --import tsx --test --test-timeout=1800000 test/packaging/examples.packaging.test.ts
// EMOVOX_EXAMPLES=vite-vanilla,webpack picks examples; EMOVOX_TARBALL=/path/x.tgz tests that tarball
// instead of packing this checkout.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchWithFakeMic } from './browser.ts';
import { buildExample, type BuiltExample } from './example-app.ts';
import { packTarball, repoRoot, type PackedTarball } from './pack.ts';
import { assertHealthyPage } from './page-checks.ts';
import { reportPage } from './page-report.ts';
import { serveStatic, type StaticServerOptions } from './static-server.ts';

/** The README's strict policy: no inline script, no eval, workers and wasm from our own origin only. */
export const strictCsp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

interface Serving extends StaticServerOptions {
  readonly name: string;
  /** onnxruntime-web threads the recognizer must report (plain-browser asks for 2). */
  readonly ortThreads?: number;
}

interface Example {
  readonly name: string;
  readonly outDir?: string;
  readonly servings: readonly Serving[];
}

const plainRoot: Serving = { name: 'from / without isolation: onnxruntime-web falls back to one thread', ortThreads: 1 };
const csp: Serving = {
  name: 'under the strict CSP',
  headers: { 'Content-Security-Policy': strictCsp },
};

const examples: readonly Example[] = [
  {
    name: 'plain-browser',
    servings: [
      plainRoot,
      csp,
      { name: 'from the sub-path /app/', prefix: '/app/' },
      { name: 'cross-origin isolated: two onnxruntime-web threads', headers: isolation, ortThreads: 2 },
    ],
  },
  { name: 'import-map', servings: [{ name: 'from /' }] },
  { name: 'vite-vanilla', servings: [{ name: 'from /' }, csp] },
  { name: 'vite-react', servings: [{ name: 'from /' }] },
  { name: 'webpack', servings: [{ name: 'from /' }, csp] },
  { name: 'rollup', servings: [{ name: 'from /' }] },
  { name: 'vue', servings: [{ name: 'from /' }, csp] },
  { name: 'nextjs-app', outDir: 'out', servings: [{ name: 'from / (pre-rendered on the server, hydrated)' }] },
];

const picked = process.env.EMOVOX_EXAMPLES?.split(',').filter(Boolean);
const selected = picked ? examples.filter(({ name }) => picked.includes(name)) : examples;
if (picked && selected.length !== picked.length) throw new RangeError(`EMOVOX_EXAMPLES names unknown examples: ${picked.join(', ')}`);

describe('example apps built from the npm tarball', { concurrency: 1 }, () => {
  let packed: PackedTarball;
  let browser: Browser;
  let work: string;

  before(async () => {
    execFileSync(process.execPath, [join(repoRoot, 'scripts/generate-test-audio.mjs')], { stdio: 'ignore' });
    packed = process.env.EMOVOX_TARBALL ? { file: process.env.EMOVOX_TARBALL, size: 0, unpackedSize: 0, files: [] } : await packTarball();
    work = await mkdtemp(join(tmpdir(), 'emovox-examples-'));
    browser = await launchWithFakeMic(join(repoRoot, 'test/.generated/one-phrase.wav'));
  });

  after(async () => {
    await browser?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  for (const example of selected) {
    describe(example.name, { concurrency: 1 }, () => {
      let built: BuiltExample | undefined;
      let buildError: unknown;

      before(async () => {
        try {
          built = await buildExample(example.name, packed.file, work, example.outDir);
          console.log(`${example.name}: npm install ${built.installSeconds.toFixed(1)} s, build ${built.buildSeconds.toFixed(1)} s`);
        } catch (error) {
          buildError = error;
        }
      });

      after(() => rm(join(work, example.name), { recursive: true, force: true }));

      it('installs the tarball and builds in production mode', () => {
        if (buildError) throw buildError;
        assert.ok(built);
      });

      for (const serving of example.servings) {
        it(`runs in Chromium with the fake microphone, served ${serving.name}`, async () => {
          assert.ok(built, 'the build failed');
          const server = await serveStatic(built.outDir, serving);
          const started = performance.now();
          try {
            const report = await reportPage(browser, server.url);
            console.log(`${example.name} ${serving.name}: first emotion after ${((performance.now() - started) / 1000).toFixed(1)} s`);
            assertHealthyPage(report, server);
            if (serving.ortThreads !== undefined) {
              assert.equal(report.crossOriginIsolated, serving.ortThreads > 1);
              assert.equal(report.ortThreads, serving.ortThreads);
            }
          } finally {
            await server.close();
          }
        });
      }
    });
  }
});

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { ResourceSpan, StartupSpan } from '../src/sdk/worker/startup-timeline.ts';
import { coldStartPage } from './browser/cold-start-page.ts';
import { buildVadWebPeer } from './browser/vad-web-peer.ts';
import { launchChromium } from './lib/chromium.ts';
import type { Section } from './lib/report.ts';
import { serveStatic } from './lib/static-server.ts';
import { median, ratio, round } from './lib/stats.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

interface EmovoxRun {
  importMs: number;
  createMs: number;
  createStartEpochMs: number;
  startup: StartupSpan[];
  workerResources: ResourceSpan[];
  pageResources: ResourceSpan[];
}
interface PeerRun {
  importMs: number;
  createMs: number;
  vadWebVersion: string;
}

/** Duration of each worker step, plus the ORT wasm download, in ms. */
function splitOf(run: EmovoxRun): Record<string, number> {
  const split: Record<string, number> = {};
  for (const span of run.startup) split[span.name] = span.endMs - span.startMs;
  const wasm = run.workerResources.find((r) => r.url.endsWith('.wasm'));
  if (wasm) split['fetch:ort-wasm'] = wasm.endMs - wasm.startMs;
  // From create() to the worker's script being ready: worker creation, script fetch and evaluation.
  const script = run.startup.find((s) => s.name === 'worker-script');
  if (script) split['worker-start'] = script.endMs - run.createStartEpochMs;
  return split;
}

const medianSplit = (runs: EmovoxRun[]): Record<string, number> => {
  const names = [...new Set(runs.flatMap((run) => Object.keys(splitOf(run))))];
  return Object.fromEntries(names.map((name) => [name, round(median(runs.map((run) => splitOf(run)[name] ?? Number.NaN)))]));
};

/** Bytes a first visit downloads for `create()`: page scripts and the worker's wasm and models. */
const firstLoadBytes = (run: EmovoxRun): number =>
  [...run.pageResources, ...run.workerResources].reduce((sum, r) => sum + r.transferBytes, 0);

async function measure<T>(page: Page, url: string, call: () => Promise<T>): Promise<{ first: T; warm: T }> {
  await page.goto(url);
  const first = await call();
  await page.reload();
  const warm = await call();
  return { first, warm };
}

/**
 * `EmotionRecognizer.create()` against vad-web's `MicVAD.new()` in headless Chromium, assets from a
 * local server: each round starts a fresh browser (empty HTTP and code caches) for the first load,
 * then reloads the page for the warm-cache figure.
 */
export async function benchColdStart(rounds = 3): Promise<Section> {
  const peerDir = await buildVadWebPeer(join(root, '.cache/bench/peer'));
  const server = await serveStatic({
    mounts: {
      '/dist/': process.env.EMOVOX_BENCH_DIST ?? join(root, 'dist/browser'),
      '/peer/': peerDir,
      '/ort/': dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm')),
      '/vad-web/': join(root, 'src/sdk/vendor'),
    },
    pages: { '/': coldStartPage },
  });
  const ours: { first: EmovoxRun; warm: EmovoxRun }[] = [];
  const peer: { first: PeerRun; warm: PeerRun }[] = [];
  const peerWithMic: { first: PeerRun; warm: PeerRun }[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      for (const which of ['emovox', 'vad-web', 'vad-web+mic'] as const) {
        const browser = await launchChromium();
        try {
          const page = await browser.newPage();
          const url = `${server.origin}/`;
          if (which === 'emovox') ours.push(await measure(page, url, () => page.evaluate(() => (window as unknown as { emovoxColdStart(): Promise<EmovoxRun> }).emovoxColdStart())));
          else {
            const startOnLoad = which === 'vad-web+mic';
            const runs = await measure(page, url, () => page.evaluate((mic) => (window as unknown as { vadWebColdStart(mic: boolean): Promise<PeerRun> }).vadWebColdStart(mic), startOnLoad));
            (startOnLoad ? peerWithMic : peer).push(runs);
          }
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    await server.close();
  }
  const med = (runs: { createMs: number }[]) => round(median(runs.map((r) => r.createMs)));
  const ourFirst = med(ours.map((r) => r.first));
  const ourWarm = med(ours.map((r) => r.warm));
  const peerFirst = med(peer.map((r) => r.first));
  const peerWarm = med(peer.map((r) => r.warm));
  const figures = {
    ms: ourWarm,
    firstLoadMs: ourFirst,
    vadWebRatio: round(ratio(ourWarm, peerWarm), 2),
    vadWebFirstLoadRatio: round(ratio(ourFirst, peerFirst), 2),
    vadWebMs: peerWarm,
    vadWebFirstLoadMs: peerFirst,
    vadWebWithMicMs: med(peerWithMic.map((r) => r.warm)),
    vadWebWithMicFirstLoadMs: med(peerWithMic.map((r) => r.first)),
    vadWebVersion: peer[0]?.first.vadWebVersion,
    importMs: { first: round(median(ours.map((r) => r.first.importMs))), warm: round(median(ours.map((r) => r.warm.importMs))) },
    splitFirstLoad: medianSplit(ours.map((r) => r.first)),
    splitWarm: medianSplit(ours.map((r) => r.warm)),
    firstLoadBytes: median(ours.map((r) => firstLoadBytes(r.first))),
    rounds,
  };
  const split = (name: string, key: string) => ({ label: `  ${name} (first / warm)`, value: `${figures.splitFirstLoad[key] ?? 'n/a'} / ${figures.splitWarm[key] ?? 'n/a'}`, unit: 'ms' });
  return {
    title: `Cold start: create() -> ready, headless Chromium, local assets (median of ${rounds} fresh browsers)`,
    figures,
    rows: [
      { label: 'emovox create(), warm HTTP cache', value: ourWarm, unit: 'ms', note: `vad-web MicVAD.new() ${peerWarm} ms, ratio ${figures.vadWebRatio}` },
      { label: 'emovox create(), first load', value: ourFirst, unit: 'ms', note: `vad-web ${peerFirst} ms, ratio ${figures.vadWebFirstLoadRatio}` },
      { label: 'vad-web MicVAD.new() with its default startOnLoad (mic)', value: `${figures.vadWebWithMicFirstLoadMs} / ${figures.vadWebWithMicMs}`, unit: 'ms', note: 'first / warm' },
      { label: 'import of dist/browser/emovox.js (first / warm)', value: `${figures.importMs.first} / ${figures.importMs.warm}`, unit: 'ms' },
      split('worker start (create() to worker script ready)', 'worker-start'),
      split('fetch Silero VAD .onnx', 'fetch:vad'),
      split('fetch model manifest + .onnx', 'fetch:model'),
      split('ORT start (wasm fetch + compile + init, from the init message; overlaps the fetches)', 'ort-start'),
      split('fetch ORT wasm (compiled while streaming)', 'fetch:ort-wasm'),
      split('VAD session (once ORT has started)', 'session:vad'),
      split('emotion model session', 'session:model'),
      { label: 'bytes downloaded by a first create()', value: figures.firstLoadBytes, unit: 'B' },
    ],
  };
}

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmotionTiming } from '../src/sdk/worker/latency-log.ts';
import { livePage } from './browser/live-page.ts';
import { utteranceTrack } from './lib/bench-audio.ts';
import { launchChromium } from './lib/chromium.ts';
import type { Section } from './lib/report.ts';
import { serveStatic } from './lib/static-server.ts';
import { quantile, round } from './lib/stats.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const interimIntervalMs = 500; // the default

interface Arrival {
  atMs: number;
  startMs: number;
  endMs: number;
}
interface LiveRecord {
  emotions: Arrival[];
  updates: Arrival[];
  errors: string[];
  emotionTimings: EmotionTiming[];
}

/** Gaps between consecutive `emotion-update`s of one utterance, minus the interval they are due at. */
function updateJitter(updates: Arrival[]): number[] {
  const jitter: number[] = [];
  for (let i = 1; i < updates.length; i++) {
    if (updates[i].startMs !== updates[i - 1].startMs) continue;
    jitter.push(updates[i].atMs - updates[i - 1].atMs - interimIntervalMs);
  }
  return jitter;
}

/**
 * The live pipeline in headless Chromium with the fake microphone playing ≥ 50 utterances: latency
 * from the arrival in the worker of the audio that ends an utterance to its `emotion` event on the
 * page, jitter of interim updates, and the page's main-thread busy time (CDP TaskDuration).
 */
export async function benchEndToEnd(utterances = 52): Promise<Section> {
  const track = await utteranceTrack(utterances);
  const server = await serveStatic({ mounts: { '/dist/': process.env.EMOVOX_BENCH_DIST ?? join(root, 'dist/browser') }, pages: { '/': livePage } });
  const browser = await launchChromium(`${track.path}%noloop`);
  let record: LiveRecord;
  let busyMs: number;
  try {
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(`${server.origin}/`);
    await page.evaluate(() => (window as unknown as { startLive(): Promise<void> }).startLive());
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    const before = await taskSeconds();
    await new Promise((resolve) => setTimeout(resolve, (track.seconds + 2) * 1000));
    busyMs = ((await taskSeconds()) - before) * 1000;
    record = await page.evaluate(() => (window as unknown as { stopLive(): Promise<LiveRecord> }).stopLive());
  } finally {
    await browser.close();
    await server.close();
  }
  // Both lists hold the same results in the same order; the worker's keeps the latest 512.
  const pairs = record.emotionTimings.slice(-record.emotions.length);
  const offset = record.emotions.length - pairs.length;
  const latencies = pairs.map((timing, i) => record.emotions[offset + i].atMs - timing.audioReceivedMs);
  const inWorker = pairs.map((timing) => timing.emittedMs - timing.audioReceivedMs);
  const jitter = updateJitter(record.updates).map(Math.abs);
  const figures = {
    p50Ms: round(quantile(latencies, 0.5)),
    p95Ms: round(quantile(latencies, 0.95)),
    workerP95Ms: round(quantile(inWorker, 0.95)),
    utterances: record.emotions.length,
    expectedUtterances: utterances,
    updateJitterP95Ms: round(quantile(jitter, 0.95)),
    updateJitterMaxMs: round(Math.max(...jitter, 0)),
    updates: record.updates.length,
    mainThreadBusyMs: round(busyMs),
    audioSeconds: round(track.seconds),
    errors: record.errors,
  };
  return {
    title: `End to end: fake microphone, ${utterances} generated utterances (${figures.audioSeconds} s), headless Chromium`,
    figures: { ...figures, busyMsPerSecond: round(busyMs / track.seconds, 2) },
    rows: [
      { label: 'utterances recognised (emotion events)', value: `${figures.utterances} of ${utterances}` },
      { label: 'utterance-ending audio in worker -> emotion on page, p50', value: figures.p50Ms, unit: 'ms' },
      { label: 'utterance-ending audio in worker -> emotion on page, p95', value: figures.p95Ms, unit: 'ms', note: `inside the worker p95 ${figures.workerP95Ms} ms` },
      { label: `emotion-update jitter against its ${interimIntervalMs} ms interval, p95 / max`, value: `${figures.updateJitterP95Ms} / ${figures.updateJitterMaxMs}`, unit: 'ms', note: `${figures.updates} updates` },
      { label: 'main-thread busy time per second of audio', value: round(busyMs / track.seconds, 2), unit: 'ms' },
    ],
  };
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MessageChannel } from 'node:worker_threads';
import { decodeWav } from '../src/sdk/audio/index.ts';
import { resolveOptions } from '../src/sdk/options.ts';
import { loadNodeOrt } from '../src/sdk/node/runtime.ts';
import { WorkerEngine } from '../src/sdk/worker/engine.ts';
import { longRecording } from './lib/bench-audio.ts';
import type { Section } from './lib/report.ts';
import { serveStatic } from './lib/static-server.ts';
import { round } from './lib/stats.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const chunkSamples = 4096;

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const usageMb = () => {
  collectGarbage();
  const usage = process.memoryUsage();
  return { heapMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20, arrayBuffersMb: usage.arrayBuffers / 2 ** 20 };
};

/**
 * The worker's live pipeline (WorkerEngine.startLive: VAD, segmentation, features, model, events)
 * run in Node on onnxruntime-node, fed `hours` of audio through a MessagePort as fast as it keeps up.
 * Memory is read after a warm-up of 5 minutes of audio and at the end, each after a full GC.
 */
export async function benchMemory(hours = 1): Promise<Section> {
  const recording = decodeWav(new Uint8Array(await readFile(await longRecording(600)))).channels[0];
  const server = await serveStatic({ mounts: { '/vendor/': join(root, 'src/sdk/vendor'), '/models/': join(root, 'models') } });
  const { ort } = await loadNodeOrt('onnxruntime-node');
  const engine = new WorkerEngine(ort);
  let events = 0;
  try {
    await engine.init(
      { options: resolveOptions(), manifestUrl: `${server.origin}/models/emovox-default.json`, vadModelUrl: `${server.origin}/vendor/silero_vad_v5.onnx` },
      (batch) => (events += batch.length),
    );
    const channel = new MessageChannel();
    await engine.startLive(channel.port2 as unknown as MessagePort, 16000);
    const totalChunks = Math.floor((hours * 3600 * 16000) / chunkSamples);
    const warmupChunks = Math.floor((300 * 16000) / chunkSamples);
    let start = usageMb();
    const started = performance.now();
    for (let sent = 0; sent < totalChunks; sent++) {
      const offset = (sent * chunkSamples) % (recording.length - chunkSamples);
      channel.port1.postMessage(recording.slice(offset, offset + chunkSamples));
      // Keep at most ~10 s of audio queued: wait for the VAD to catch up.
      if (sent % 40 === 39) {
        while (engine.diagnostics().vadRuns * 512 < (sent - 40) * chunkSamples) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      if (sent === warmupChunks) start = usageMb();
    }
    await engine.stopLive();
    const end = usageMb();
    const measuredHours = (hours * 3600 - 300) / 3600;
    const elapsedS = (performance.now() - started) / 1000;
    const figures = {
      growthMbPerHour: round((end.heapMb - start.heapMb) / measuredHours, 2),
      rssGrowthMbPerHour: round((end.rssMb - start.rssMb) / measuredHours, 2),
      heapMb: { afterWarmup: round(start.heapMb), end: round(end.heapMb) },
      rssMb: { afterWarmup: round(start.rssMb), end: round(end.rssMb) },
      audioHours: hours,
      speedX: round((hours * 3600) / elapsedS, 0),
      events,
    };
    return {
      title: `Memory: ${hours} h of audio through the worker's live pipeline (Node, onnxruntime-node, ${figures.speedX}x real time)`,
      figures,
      rows: [
        { label: 'JS heap growth per hour of audio (after GC)', value: figures.growthMbPerHour, unit: 'MB/h', note: `${figures.heapMb.afterWarmup} -> ${figures.heapMb.end} MB` },
        { label: 'process RSS growth per hour (JS + ORT native)', value: figures.rssGrowthMbPerHour, unit: 'MB/h', note: `${figures.rssMb.afterWarmup} -> ${figures.rssMb.end} MB` },
        { label: 'events emitted', value: events },
      ],
    };
  } finally {
    await engine.dispose();
    await server.close();
  }
}

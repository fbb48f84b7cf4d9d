import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeFeatures } from '../src/sdk/features/index.ts';
import { EmotionModel, parseManifest, type OrtRuntime, type OrtSessionOptions } from '../src/sdk/model/index.ts';
import { loadNodeOrt, type NodeOrtName } from '../src/sdk/node/runtime.ts';
import type { Row, Section } from './lib/report.ts';
import { median, ratio, round } from './lib/stats.ts';
import { peerModel } from './peer-model/peer-model.ts';
import { benchmarkSignal } from './signal.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const utteranceSeconds = 2;

/** The ORT module with forced session options (the worker's, for the web runtime). */
function withOptions(ort: OrtRuntime, forced: OrtSessionOptions): OrtRuntime {
  return { Tensor: ort.Tensor, InferenceSession: { create: (model, options) => ort.InferenceSession.create(model, { ...options, ...forced }) } };
}

async function timeRuns(runs: number, body: () => Promise<unknown>): Promise<number> {
  await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** ms per second of audio for one shipped model: features plus inference on a 2 s utterance. */
async function shippedModelMs(ort: OrtRuntime, manifestFile: string, audio: Float32Array): Promise<number> {
  const manifest = parseManifest(JSON.parse(await readFile(join(root, 'models', manifestFile), 'utf8')));
  const bytes = new Uint8Array(await readFile(join(root, 'models', manifest.model.file)));
  const model = await EmotionModel.create(ort, manifest, bytes);
  try {
    return (await timeRuns(5, () => model.predict(computeFeatures(audio, manifest.features.config)))) / utteranceSeconds;
  } finally {
    await model.release();
  }
}

/**
 * Inference cost per second of audio of every shipped model and of a wav2vec2-base-sized network
 * (random weights) on the same runtimes: onnxruntime-node and onnxruntime-web's wasm (1 thread) in Node.
 */
export async function benchModels(): Promise<Section> {
  const audio = benchmarkSignal(utteranceSeconds);
  const manifests = (await readdir(join(root, 'models'))).filter((name) => name.endsWith('.json')).sort();
  const runtimes: { name: string; runtime: NodeOrtName; forced: OrtSessionOptions }[] = [
    { name: 'node', runtime: 'onnxruntime-node', forced: {} },
    { name: 'wasm', runtime: 'onnxruntime-web', forced: {} },
    // What skipping ORT's graph optimiser (faster session start) would cost per run.
    { name: 'wasmUnoptimised', runtime: 'onnxruntime-web', forced: { graphOptimizationLevel: 'disabled' } },
  ];
  const perModel: Record<string, Record<string, number>> = {};
  for (const { name, runtime, forced } of runtimes) {
    const { ort } = await loadNodeOrt(runtime);
    for (const manifest of manifests) {
      (perModel[manifest.replace(/\.json$/, '')] ??= {})[name] = round(await shippedModelMs(withOptions(ort, forced), manifest, audio), 2);
    }
  }
  const peer = await peerModel(audio);
  const ours = perModel['emovox-default'];
  const figures = {
    msPerSecondOfAudio: perModel,
    peer: peer ? { ...peer, parametersNote: 'random weights, timing only' } : { missing: 'torch not available to export it' },
    latencyRatio: peer ? round(ratio(peer.wasmMsPerSecond, ours.wasm), 1) : null,
    nodeLatencyRatio: peer ? round(ratio(peer.nodeMsPerSecond, ours.node), 1) : null,
  };
  const rows: Row[] = Object.entries(perModel).map(([name, ms]) => ({
    label: `${name}: ms per s of audio (node / wasm / wasm unoptimised)`,
    value: `${ms.node} / ${ms.wasm} / ${ms.wasmUnoptimised}`,
    unit: 'ms',
  }));
  if (peer) rows.push(
    { label: `wav2vec2-base-sized (${(peer.parameters / 1e6).toFixed(1)} M params, random weights) (node / wasm)`, value: `${round(peer.nodeMsPerSecond)} / ${round(peer.wasmMsPerSecond)}`, unit: 'ms' },
    { label: 'peer-sized / emovox-default latency, wasm 1 thread', value: figures.latencyRatio ?? 'n/a', unit: 'x', note: `node: ${figures.nodeLatencyRatio}x` },
  );
  return { title: `Models: inference per second of audio (${utteranceSeconds} s utterance, features included for ours), Node`, figures, rows };
}

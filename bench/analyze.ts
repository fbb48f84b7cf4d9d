import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeWav } from '../src/sdk/audio/index.ts';
import { NodeAnalyzer, type NodeOrtName } from '../src/sdk/node/index.ts';
import { longRecording } from './lib/bench-audio.ts';
import type { Section } from './lib/report.ts';
import { ratio, round } from './lib/stats.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

async function analyzerRun(runtime: NodeOrtName, samples: Float32Array): Promise<{ ms: number; utterances: number }> {
  const analyzer = await NodeAnalyzer.create({}, runtime);
  try {
    const start = performance.now();
    const result = await analyzer.analyze({ samples, sampleRate: 16000 });
    return { ms: performance.now() - start, utterances: result.utterances.length };
  } finally {
    await analyzer.release();
  }
}

/** `npx emovox analyze FILE --json` as a user runs it: process start, model load and analysis. */
function cliRun(file: string): number {
  const start = performance.now();
  execFileSync(process.execPath, [join(root, 'bin/emovox.js'), 'analyze', file, '--json', '--jobs', '1'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - start;
}

/** Offline analysis of a generated recording in Node: onnxruntime-node against the wasm runtime, and the CLI. */
export async function benchAnalyze(seconds = 600): Promise<Section> {
  const file = await longRecording(seconds);
  const samples = decodeWav(new Uint8Array(await readFile(file))).channels[0];
  const native = await analyzerRun('onnxruntime-node', samples);
  const wasm = await analyzerRun('onnxruntime-web', samples);
  const cliMs = cliRun(file);
  const x = (ms: number) => round((seconds * 1000) / ms, 0);
  const figures = {
    realtimeFactor: x(native.ms),
    wasmRealtimeFactor: x(wasm.ms),
    cliRealtimeFactor: x(cliMs),
    nodeVsWasmRatio: round(ratio(wasm.ms, native.ms), 2),
    nativeMs: round(native.ms),
    wasmMs: round(wasm.ms),
    cliMs: round(cliMs),
    utterances: native.utterances,
    seconds,
  };
  return {
    title: `Offline analysis: ${seconds / 60} min generated recording (${native.utterances} utterances), Node ${process.version}`,
    figures,
    rows: [
      { label: 'NodeAnalyzer on onnxruntime-node', value: figures.realtimeFactor, unit: 'x real time', note: `${figures.nativeMs} ms` },
      { label: 'NodeAnalyzer on onnxruntime-web (wasm, 1 thread)', value: figures.wasmRealtimeFactor, unit: 'x real time', note: `${figures.wasmMs} ms, wasm / node ${figures.nodeVsWasmRatio}` },
      { label: '`emovox analyze FILE --json` (process start included)', value: figures.cliRealtimeFactor, unit: 'x real time', note: `${figures.cliMs} ms` },
    ],
  };
}

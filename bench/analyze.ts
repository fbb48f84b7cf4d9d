import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeWav } from '../src/sdk/audio/index.ts';
import { NodeAnalyzer, type NodeOrtName } from '../src/sdk/node/index.ts';
import { longRecording } from './lib/bench-audio.ts';
import type { Section } from './lib/report.ts';
import { ratio, round } from './lib/stats.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Wall and CPU time of one analysis. CPU is the whole process's (onnxruntime's own threads included), so it
 * stays meaningful on a shared machine, where wall time also counts other processes' turns on the cores.
 */
async function analyzerRun(runtime: NodeOrtName, samples: Float32Array): Promise<{ ms: number; cpuMs: number; utterances: number }> {
  const analyzer = await NodeAnalyzer.create({}, runtime);
  try {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = await analyzer.analyze({ samples, sampleRate: 16000 });
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, utterances: result.utterances.length };
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
  const load = loadavg()[0];
  const file = await longRecording(seconds);
  const samples = decodeWav(new Uint8Array(await readFile(file))).channels[0];
  const native = await analyzerRun('onnxruntime-node', samples);
  const wasm = await analyzerRun('onnxruntime-web', samples);
  const cliMs = cliRun(file);
  const x = (ms: number) => round((seconds * 1000) / ms, 0);
  const figures = {
    realtimeFactor: x(native.ms),
    cpuRealtimeFactor: x(native.cpuMs),
    wasmRealtimeFactor: x(wasm.ms),
    wasmCpuRealtimeFactor: x(wasm.cpuMs),
    cliRealtimeFactor: x(cliMs),
    nodeVsWasmRatio: round(ratio(wasm.ms, native.ms), 2),
    nativeMs: round(native.ms),
    nativeCpuMs: round(native.cpuMs),
    wasmMs: round(wasm.ms),
    wasmCpuMs: round(wasm.cpuMs),
    cliMs: round(cliMs),
    utterances: native.utterances,
    seconds,
    loadAverage: round(load, 2),
  };
  return {
    title: `Offline analysis: ${seconds / 60} min generated recording (${native.utterances} utterances), Node ${process.version}, load average ${figures.loadAverage} at start`,
    figures,
    rows: [
      { label: 'NodeAnalyzer on onnxruntime-node', value: figures.realtimeFactor, unit: 'x real time', note: `${figures.nativeMs} ms; ${figures.nativeCpuMs} ms CPU = ${figures.cpuRealtimeFactor}x per CPU-second` },
      { label: 'NodeAnalyzer on onnxruntime-web (wasm, 1 thread)', value: figures.wasmRealtimeFactor, unit: 'x real time', note: `${figures.wasmMs} ms, wasm / node ${figures.nodeVsWasmRatio}; ${figures.wasmCpuMs} ms CPU = ${figures.wasmCpuRealtimeFactor}x per CPU-second` },
      { label: '`emovox analyze FILE --json` (process start included)', value: figures.cliRealtimeFactor, unit: 'x real time', note: `${figures.cliMs} ms` },
    ],
  };
}

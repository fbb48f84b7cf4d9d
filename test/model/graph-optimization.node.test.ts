import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as ortWeb from 'onnxruntime-web/wasm';
import { computeFeatures } from '../../src/sdk/features/index.ts';
import { EmotionModel, parseManifest, type OrtRuntime } from '../../src/sdk/model/index.ts';
import type { OrtSessionOptions } from '../../src/sdk/model/ort-types.ts';
import { Silero, SileroLegacy, type OrtModule } from '../../src/sdk/vendor/vad-web.js';

// The worker opens every session with ORT's graph optimiser off (src/sdk/worker/engine.ts) because it costs
// most of the start-up in the wasm runtime; these tests prove the shipped graphs compute the same without it.
const tolerance = 1e-5;
const root = new URL('../../', import.meta.url);
const ort = ortWeb as unknown as OrtRuntime;
ortWeb.env.wasm.numThreads = 1;

/** The wasm runtime with `level` forced on every session, as the worker's runtime wrapper does. */
const withLevel = (level: OrtSessionOptions['graphOptimizationLevel']): OrtRuntime => ({
  Tensor: ort.Tensor,
  InferenceSession: { create: (model, options) => ort.InferenceSession.create(model, { ...options, graphOptimizationLevel: level }) },
});

/** Deterministic speech-like signal: a gliding tone under noise, with pauses. */
function signal(seconds: number, seed: number): Float32Array {
  const x = new Float32Array(Math.round(seconds * 16000));
  let s = seed;
  for (let i = 0; i < x.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const voiced = Math.floor(i / 8000) % 3 !== 2;
    const f0 = 140 + 60 * Math.sin(i / 9000);
    x[i] = (voiced ? 0.3 * Math.sin((2 * Math.PI * f0 * i) / 16000) : 0) + 0.02 * (s / 2147483648 - 0.5);
  }
  return x;
}

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
};

describe('graph optimisation off', () => {
  for (const name of ['emovox-default', 'emovox-cnn', 'emovox-mlp', 'emovox-rnn']) {
    test(`${name}: the same probabilities as with every optimisation on`, async () => {
      const manifest = parseManifest(JSON.parse(readFileSync(new URL(`models/${name}.json`, root), 'utf8')));
      const bytes = new Uint8Array(readFileSync(new URL(`models/${name}.onnx`, root)));
      const [optimised, plain] = await Promise.all([
        EmotionModel.create(withLevel('all'), manifest, bytes),
        EmotionModel.create(withLevel('disabled'), manifest, bytes),
      ]);
      try {
        for (const seed of [1, 2, 3]) {
          const frames = computeFeatures(signal(1 + seed, seed), manifest.features.config);
          assert.ok(maxDifference(await optimised.predict(frames), await plain.predict(frames)) <= tolerance);
        }
      } finally {
        await Promise.all([optimised.release(), plain.release()]);
      }
    });
  }

  for (const [version, factory, frameSamples] of [['v5', Silero, 512], ['legacy', SileroLegacy, 1536]] as const) {
    test(`Silero VAD ${version}: the same speech probabilities frame by frame`, async () => {
      const bytes = readFileSync(new URL(`src/sdk/vendor/silero_vad_${version}.onnx`, root));
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const open = (level: OrtSessionOptions['graphOptimizationLevel']) => factory.new(withLevel(level) as unknown as OrtModule, async () => buffer);
      const [optimised, plain] = await Promise.all([open('all'), open('disabled')]);
      try {
        const audio = signal(3, 7);
        const a: number[] = [];
        const b: number[] = [];
        for (let start = 0; start + frameSamples <= audio.length; start += frameSamples) {
          const frame = audio.subarray(start, start + frameSamples);
          a.push((await optimised.process(frame)).isSpeech);
          b.push((await plain.process(frame)).isSpeech);
        }
        assert.ok(a.some((p) => p > 0.5), 'the signal has frames the VAD calls speech');
        assert.ok(maxDifference(a, b) <= tolerance, `max difference ${maxDifference(a, b)}`);
      } finally {
        await Promise.all([optimised.release(), plain.release()]);
      }
    });
  }
});

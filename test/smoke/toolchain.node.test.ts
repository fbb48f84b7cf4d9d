// Node side of the toolchain: the vad-web pre-bundle (scripts/prebundle-vad.mjs) imports nothing but
// onnxruntime-web/wasm, and Silero VAD plus our own ONNX models run on that one runtime in Node.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import * as ort from 'onnxruntime-web/wasm';
import { Silero, log } from '../../src/sdk/vendor/vad-web.js';
import { doublingModel } from './tiny-onnx.ts';
import { readPcm16Mono } from './wav16.ts';

const vendor = new URL('../../src/sdk/vendor/', import.meta.url);
const generated = new URL('../.generated/', import.meta.url);
ort.env.wasm.numThreads = 1;
log.debug = () => {};

async function sileroV5() {
  const bytes = await readFile(new URL('silero_vad_v5.onnx', vendor));
  return Silero.new(ort, async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** Highest speech probability over the 512-sample frames of the first `seconds` of a 16 kHz file. */
async function maxSpeechProbability(file: string, seconds: number): Promise<number> {
  const { sampleRate, samples } = readPcm16Mono(await readFile(new URL(file, generated)));
  assert.equal(sampleRate, 16000);
  const model = await sileroV5();
  let max = 0;
  const end = Math.min(samples.length, seconds * sampleRate);
  for (let start = 0; start + 512 <= end; start += 512) {
    const { isSpeech } = await model.process(samples.slice(start, start + 512));
    max = Math.max(max, isSpeech);
  }
  await model.release();
  return max;
}

describe('vad-web pre-bundle', () => {
  it('imports only onnxruntime-web/wasm and never require()s at run time', async () => {
    const code = await readFile(new URL('vad-web.js', vendor), 'utf8');
    const imports = [...code.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    assert.deepEqual(imports, ['onnxruntime-web/wasm']);
    assert.doesNotMatch(code, /__require\(\s*["']onnxruntime/);
  });

  it('runs Silero v5 on the shared runtime: speech scores high, silence low', async () => {
    const speech = await maxSpeechProbability('one-phrase.wav', 2.5);
    const silence = await maxSpeechProbability('silence.wav', 1);
    assert.ok(speech > 0.8, `speech probability ${speech}`);
    assert.ok(silence < 0.2, `silence probability ${silence}`);
  });
});

describe('onnxruntime-web/wasm in Node', () => {
  it('runs a hand-encoded ONNX model exactly', async () => {
    const session = await ort.InferenceSession.create(doublingModel(4));
    const { y } = await session.run({ x: new ort.Tensor('float32', Float32Array.from([0, 1.5, -3, 1e-3]), [4]) });
    assert.deepEqual(Array.from(y!.data as Float32Array), [0, 3, -6, Math.fround(1e-3) * 2]);
    await session.release();
  });
});

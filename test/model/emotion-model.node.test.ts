import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web/wasm';
import { EmovoxError } from '../../src/sdk/errors.ts';
import { computeFeatures } from '../../src/sdk/features/index.ts';
import type { FrameFeatures } from '../../src/sdk/features/index.ts';
import { EmotionModel, parseManifest, type ModelManifest, type OrtRuntime } from '../../src/sdk/model/index.ts';

const load = (name: string): { manifest: ModelManifest; bytes: Uint8Array } => ({
  manifest: parseManifest(JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'))),
  bytes: new Uint8Array(readFileSync(new URL(`./fixtures/${name}.onnx`, import.meta.url))),
});

/** Deterministic noisy tone so zcr and rms vary per frame. */
function signal(seconds: number, amplitude: number, seed = 1): Float32Array {
  const x = new Float32Array(Math.round(seconds * 16000));
  let s = seed;
  for (let i = 0; i < x.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    x[i] = amplitude * (0.6 * Math.sin((2 * Math.PI * 220 * i) / 16000) + 0.4 * (s / 2147483648 - 0.5));
  }
  return x;
}

/** Independent reference of the tiny-frames graph: mean of standardised (zcr, rms) -> W x + b -> softmax(logits / temperature). */
function reference(frames: FrameFeatures, temperature = 1): number[] {
  let zcr = 0;
  let rms = 0;
  for (let t = 0; t < frames.nFrames; t++) {
    zcr += (frames.zcr[t] - 0.1) / 0.05;
    rms += (frames.rms[t] - 0.05) / 0.05;
  }
  zcr /= frames.nFrames;
  rms /= frames.nFrames;
  const logits = [2 * zcr - rms + 0.1, -zcr + 2 * rms - 0.1, 0.5 * zcr + 0.5 * rms].map((v) => v / temperature);
  const max = Math.max(...logits);
  const e = logits.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

const runtimes: [string, OrtRuntime][] = [['onnxruntime-node', ortNode], ['onnxruntime-web/wasm', ortWeb]];
ortWeb.env.wasm.numThreads = 1;

for (const [runtimeName, ort] of runtimes) {
  describe(`EmotionModel on ${runtimeName}`, () => {
    test('frames model: probabilities match an independent reference within 1e-5 and sum to 1', async () => {
      const { manifest, bytes } = load('tiny-frames');
      const model = await EmotionModel.create(ort, manifest, bytes);
      assert.deepEqual(model.labels, ['neutral', 'happy', 'angry']);
      const frames = computeFeatures(signal(0.8, 0.3));
      assert.ok(frames.nFrames < manifest.features.maxFrames);
      const p = await model.predict(frames);
      assert.equal(p.length, 3);
      assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-5);
      reference(model.trim(frames)).forEach((r, i) => assert.ok(Math.abs(p[i] - r) < 1e-5, `${p[i]} vs ${r}`));
      await model.release();
      await model.release();
      await assert.rejects(model.predict(frames), (e: unknown) => e instanceof EmovoxError && e.code === 'INVALID_STATE');
    });

    test('onnx.temperature divides the logits before the softmax (calibrated confidence)', async () => {
      const { manifest, bytes } = load('tiny-frames');
      const frames = computeFeatures(signal(0.8, 0.3));
      for (const temperature of [0.5, 2.5]) {
        const model = await EmotionModel.create(ort, { ...manifest, onnx: { ...manifest.onnx, temperature } }, bytes);
        const p = await model.predict(frames);
        reference(model.trim(frames), temperature).forEach((r, i) => assert.ok(Math.abs(p[i] - r) < 1e-5, `T=${temperature}: ${p[i]} vs ${r}`));
        await model.release();
      }
    });

    test('long utterances are windowed; overlapping predict calls are serialised', async () => {
      const { manifest, bytes } = load('tiny-frames');
      const model = await EmotionModel.create(ort, manifest, bytes);
      const long = computeFeatures(signal(3, 0.3, 5));
      assert.equal(model.prepareInput(long).length, model.trim(long).nFrames * 2);
      const results = await Promise.all([model.predict(long), model.predict(long), model.predict(computeFeatures(signal(0.5, 0.1)))]);
      assert.deepEqual(Array.from(results[0]), Array.from(results[1]));
      for (const p of results) assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-5);
      await model.release();
    });

    test('statistics model: input shape [1, 405], output probabilities sum to 1', async () => {
      const { manifest, bytes } = load('tiny-stats');
      const model = await EmotionModel.create(ort, manifest, bytes);
      const frames = computeFeatures(signal(1.2, 0.2));
      assert.equal(model.prepareInput(frames).length, 405);
      const p = await model.predict(frames);
      assert.equal(p.length, 4);
      assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-5);
      await model.release();
    });

    test('speaker adaptation: the first utterance is cold, later ones use earlier utterances only', async () => {
      const { manifest, bytes } = load('tiny-frames');
      const model = await EmotionModel.create(ort, manifest, bytes);
      const speaker = model.createSpeakerAdaptation();
      assert.ok(speaker);
      const a = computeFeatures(signal(1, 0.3, 2));
      const cold = await model.predict(a, speaker);
      assert.deepEqual(Array.from(cold), Array.from(await model.predict(a)));
      assert.equal(speaker.utterances, 1);
      const warm = await model.predict(a, speaker);
      assert.notDeepEqual(Array.from(warm), Array.from(cold));
      await model.release();
    });

    test('sha256 mismatch and corrupt bytes are MODEL_INVALID', async () => {
      const { manifest, bytes } = load('tiny-frames');
      const tampered = bytes.slice();
      tampered[tampered.length - 1] ^= 1;
      await assert.rejects(EmotionModel.create(ort, manifest, tampered), (e: unknown) => e instanceof EmovoxError && e.code === 'MODEL_INVALID' && /sha256/.test(e.message));
      const garbage = new TextEncoder().encode('this is not an onnx model');
      const digest = Buffer.from(await crypto.subtle.digest('SHA-256', garbage)).toString('hex');
      const lying = { ...manifest, model: { ...manifest.model, sha256: digest } };
      await assert.rejects(EmotionModel.create(ort, lying, garbage), (e: unknown) => e instanceof EmovoxError && e.code === 'MODEL_INVALID' && /could not load/.test(e.message));
    });

    test('wrong input name in the manifest is MODEL_INVALID', async () => {
      const { manifest, bytes } = load('tiny-frames');
      const wrong = { ...manifest, onnx: { ...manifest.onnx, inputName: 'mfcc' } };
      await assert.rejects(EmotionModel.create(ort, wrong, bytes), (e: unknown) => e instanceof EmovoxError && e.code === 'MODEL_INVALID' && /'mfcc'/.test(e.message));
    });
  });
}

test('features computed with another configuration are refused', async () => {
  const { manifest, bytes } = load('tiny-frames');
  const model = await EmotionModel.create(ortNode, manifest, bytes);
  const frames = computeFeatures(signal(1, 0.3), { nMfcc: 13 });
  await assert.rejects(model.predict(frames), (e: unknown) => e instanceof EmovoxError && e.code === 'INVALID_STATE' && /nMfcc/.test(e.message));
  await model.release();
});

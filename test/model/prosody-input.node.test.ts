import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as ortNode from 'onnxruntime-node';
import { EmovoxError } from '../../src/sdk/errors.ts';
import { computeFeatures, spectralFeatureNames, type FrameFeatures } from '../../src/sdk/features/index.ts';
import { EmotionModel, parseManifest, type ModelManifest, type OrtRuntime } from '../../src/sdk/model/index.ts';
import { extractorInclude } from '../../src/sdk/index.ts';
import { trimRange } from '../../src/sdk/model/model-input.ts';
import { EmotionScorer } from '../../src/sdk/pipeline/emotion-scorer.ts';
import { tone } from '../helpers/sox.ts';

const ort = ortNode as unknown as OrtRuntime;
const fixture = JSON.parse(readFileSync(new URL('./fixtures/tiny-frames.json', import.meta.url), 'utf8')) as { features: Record<string, unknown> };
const bytes = new Uint8Array(readFileSync(new URL('./fixtures/tiny-frames.onnx', import.meta.url)));

/** The tiny two-input graph reading (zcr, loudness) instead of (zcr, rms), without adaptation. */
function loudnessManifest(): ModelManifest {
  const features = { ...fixture.features, blocks: ['zcr', 'loudness'], normalization: { mean: [0.1, -20], std: [0.05, 10] } };
  delete (features as { adaptation?: unknown }).adaptation;
  return parseManifest({ ...fixture, features });
}

/** Independent reference of the graph: mean of standardised (zcr, loudness) over trimmed frames -> W x + b -> softmax. */
function reference(frames: FrameFeatures, from: number, to: number): number[] {
  let a = 0;
  let b = 0;
  for (let t = from; t < to; t++) {
    a += (frames.zcr[t] - 0.1) / 0.05;
    b += (frames.loudness[t] + 20) / 10;
  }
  a /= to - from;
  b /= to - from;
  const logits = [2 * a - b + 0.1, -a + 2 * b - 0.1, 0.5 * a + 0.5 * b];
  const e = logits.map((v) => Math.exp(v - Math.max(...logits)));
  return e.map((v) => v / e.reduce((s, x) => s + x, 0));
}

test('extractorInclude asks for the prosody blocks a model reads, and nothing extra otherwise', () => {
  const spectral = parseManifest(fixture);
  assert.equal(extractorInclude(spectral.features), undefined);
  assert.deepEqual(extractorInclude(loudnessManifest().features), [...spectralFeatureNames, 'loudness']);
  const adapted = parseManifest({ ...fixture, features: { ...fixture.features, blocks: ['zcr', 'rms'], adaptation: { ...(fixture.features.adaptation as object), blocks: ['zcr', 'pitch'] } } });
  assert.deepEqual(extractorInclude(adapted.features), [...spectralFeatureNames, 'pitch']);
});

test('a model reading the loudness block scores through the scorer exactly as the reference graph', async () => {
  const model = await EmotionModel.create(ort, loudnessManifest(), bytes);
  try {
    // A tone that gets louder: loudness varies frame to frame.
    const audio = tone(180, 16000, 0.9, 0.05).map((v, i) => v * (1 + 6 * (i / 14400)));
    const scorer = new EmotionScorer(model);
    const frames = scorer.features(audio);
    assert.equal(frames.loudness.length, frames.nFrames, 'the scorer computed the loudness block');
    const probabilities = await model.predict(frames);
    const [from, to] = trimRange(frames, -40);
    assert.ok(to - from > 20 && to - from <= 100, 'one window, no padding: the reference averages plain frames');
    const expected = reference(frames, from, to);
    expected.forEach((p, i) => assert.ok(Math.abs(probabilities[i] - p) < 1e-5, `label ${i}: ${probabilities[i]} vs ${p}`));
  } finally {
    await model.release();
  }
});

test('frames computed without the prosody blocks are refused with a typed error, not scored as NaN', async () => {
  const model = await EmotionModel.create(ort, loudnessManifest(), bytes);
  try {
    const spectralOnly = computeFeatures(tone(180, 16000, 0.5, 0.1));
    await assert.rejects(model.predict(spectralOnly), (error: unknown) => error instanceof EmovoxError && error.code === 'INVALID_STATE' && /'loudness'/.test(error.message));
  } finally {
    await model.release();
  }
});

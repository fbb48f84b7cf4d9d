import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeWav } from '../../src/sdk/audio/index.ts';
import {
  computeFeatures, concatFrames, FeatureExtractor, frameFeatureNames, resolveFeatureConfig, statisticNames, utteranceStatistics,
} from '../../src/sdk/features/index.ts';

const speech = decodeWav(readFileSync(new URL('../fixtures/features/speech.wav', import.meta.url))).channels[0];

function chunked(samples: Float32Array, sizes: (i: number) => number, extractor = new FeatureExtractor()) {
  const parts = [];
  for (let i = 0, k = 0; i < samples.length; k++) {
    const n = sizes(k);
    parts.push(extractor.push(samples.subarray(i, i + n)));
    i += n;
  }
  parts.push(extractor.flush());
  return concatFrames(parts);
}

test('streaming in chunks of any size equals whole-clip computation exactly', () => {
  const whole = computeFeatures(speech);
  for (const size of [1, 7, 160, 161, 512, 4096]) {
    const streamed = chunked(speech, () => size);
    assert.equal(streamed.nFrames, whole.nFrames, `chunk ${size}`);
    for (const name of frameFeatureNames) assert.deepEqual(streamed[name], whole[name], `${name} with chunk ${size}`);
  }
});

test('frames are emitted as soon as their deltas are known (lag of 2·deltaN frames)', () => {
  const extractor = new FeatureExtractor();
  const first = extractor.push(speech.subarray(0, 160 * 20));
  // 20 hops of audio plus half a window of padding complete 1 + floor((3200 + 256 - 512) / 160) = 19 frames.
  assert.equal(first.nFrames, 19 - 4);
  const withoutDeltas = new FeatureExtractor({}, { include: ['logMel', 'rms'] }).push(speech.subarray(0, 3200));
  assert.equal(withoutDeltas.nFrames, 19);
  assert.equal(withoutDeltas.mfccDelta.length, 0);
});

test('frame count follows librosa center=True: 1 + floor(n / hop)', () => {
  for (const n of [1, 159, 160, 161, 1000, 16000]) {
    assert.equal(computeFeatures(speech.subarray(0, n)).nFrames, 1 + Math.floor(n / 160));
  }
});

test('reset starts a new clip', () => {
  const extractor = new FeatureExtractor();
  extractor.push(speech.subarray(0, 5000));
  extractor.reset();
  const again = chunked(speech, () => 999, extractor);
  assert.deepEqual(again.mfcc, computeFeatures(speech).mfcc);
});

test('a subset of blocks gives the same numbers as the full set', () => {
  const whole = computeFeatures(speech);
  const subset = computeFeatures(speech, {}, { include: ['chroma', 'mfccDelta'] });
  assert.deepEqual(subset.chroma, whole.chroma);
  assert.deepEqual(subset.mfccDelta, whole.mfccDelta);
  assert.equal(subset.logMel.length, 0);
  assert.throws(() => new FeatureExtractor({}, { include: ['formants' as 'mfcc'] }), RangeError);
});

test('silence gives finite features (log floor at -100 dB, zero contrast)', () => {
  const frames = computeFeatures(new Float32Array(4000));
  for (const name of frameFeatureNames) assert.ok(frames[name].every(Number.isFinite), name);
  assert.ok(frames.logMel.every((v) => Math.abs(v + 100) < 1e-4));
});

test('utterance statistics: names match values; mean and percentiles are right for a known column', () => {
  const frames = computeFeatures(speech);
  const stats = utteranceStatistics(frames);
  const names = statisticNames(frames.config);
  assert.equal(stats.length, names.length);
  const rms = Array.from(frames.rms).sort((a, b) => a - b);
  const mean = rms.reduce((a, b) => a + b) / rms.length;
  assert.ok(Math.abs(stats[names.indexOf('rms.mean')] - mean) < 1e-6);
  const median = rms.length % 2 ? rms[(rms.length - 1) / 2] : (rms[rms.length / 2 - 1] + rms[rms.length / 2]) / 2;
  assert.ok(Math.abs(stats[names.indexOf('rms.p50')] - median) < 1e-6);
  assert.ok(stats.every(Number.isFinite));
});

test('hostile configurations are rejected naming the option', () => {
  assert.throws(() => resolveFeatureConfig({ nFft: 500 }), /nFft/);
  assert.throws(() => resolveFeatureConfig({ winLength: 1024 }), /winLength/);
  assert.throws(() => resolveFeatureConfig({ nMfcc: 100 }), /nMfcc/);
  assert.throws(() => resolveFeatureConfig({ hopLength: 0 }), /hopLength/);
  assert.throws(() => resolveFeatureConfig({ fMax: 9000 }), /fMax/);
  assert.throws(() => resolveFeatureConfig({ sampleRate: Number.NaN }), /sampleRate/);
});

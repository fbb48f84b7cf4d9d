import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeWav } from '../../src/sdk/audio/index.ts';
import { mulberry32 } from '../../src/eval/noise.ts';
import { computeFeatures, concatFrames, FeatureExtractor, frameFeatureNames, resolveFeatureConfig } from '../../src/sdk/features/index.ts';
import { NoiseSuppressor } from '../../src/sdk/features/noise-suppressor.ts';

/**
 * Noise suppression (`denoiseDb`) against an independent numpy implementation of its specification
 * (training/reference/make_denoise_reference.py: numpy FFT, torchaudio's Slaney mel bank, librosa's contrast
 * transcribed). Tolerance as the torchaudio parity test: max |ours − reference| / reference range < 1e-5.
 */
const fixtures = new URL('../fixtures/features/', import.meta.url);
const reference = JSON.parse(readFileSync(new URL('denoise-reference.json', fixtures), 'utf8')) as {
  config: { denoiseDb: number }; file: string; nFrames: number; logMel: number[][]; contrast: number[][];
};
const noisy = decodeWav(readFileSync(new URL(reference.file, fixtures))).channels[0];
const sampleRate = 16000;

function relativeError(ours: Float32Array, expected: number[][]): number {
  const width = expected[0].length;
  let [min, max, worst] = [Infinity, -Infinity, 0];
  expected.forEach((row, t) => row.forEach((value, j) => {
    [min, max] = [Math.min(min, value), Math.max(max, value)];
    worst = Math.max(worst, Math.abs(ours[t * width + j] - value));
  }));
  return worst / (max - min);
}

function whiteNoise(seconds: number, rms: number, seed = 1): Float32Array {
  const random = mulberry32(seed);
  // Uniform noise has variance 1/3 on [−1, 1].
  return Float32Array.from({ length: seconds * sampleRate }, () => (2 * random() - 1) * rms * Math.sqrt(3));
}

/** Mean of a log-mel band over frames [from, to). */
function bandMean(logMel: Float32Array, band: number, from: number, to: number, nMels = 64): number {
  let sum = 0;
  for (let t = from; t < to; t++) sum += logMel[t * nMels + band];
  return sum / (to - from);
}

test('denoised log-mel and contrast of noisy speech match the numpy reference', () => {
  const frames = computeFeatures(noisy, reference.config);
  assert.equal(frames.nFrames, reference.nFrames);
  for (const name of ['logMel', 'contrast'] as const) {
    const error = relativeError(frames[name], reference[name]);
    assert.ok(error < 1e-5, `${name}: relative max error ${error.toExponential(2)}`);
  }
  // The reference was made with suppression on: the plain front-end is far from it.
  assert.ok(relativeError(computeFeatures(noisy).logMel, reference.logMel) > 0.02);
});

test('denoiseDb 0 (the default) leaves every block bit-identical', () => {
  const plain = computeFeatures(noisy);
  const off = computeFeatures(noisy, { denoiseDb: 0 });
  for (const name of frameFeatureNames) assert.deepEqual(off[name], plain[name], name);
});

test('stationary noise alone is attenuated by denoiseDb once the floor has settled', () => {
  const noise = whiteNoise(2, 0.05);
  const plain = computeFeatures(noise).logMel;
  const denoised = computeFeatures(noise, { denoiseDb: 12 }).logMel;
  for (const band of [5, 20, 40, 60]) {
    const drop = bandMean(plain, band, 100, 190) - bandMean(denoised, band, 100, 190);
    assert.ok(drop > 9 && drop <= 12.001, `band ${band}: ${drop.toFixed(2)} dB`);
  }
});

test('tone bursts in noise keep their band while the noise bands drop', () => {
  // Like syllables, the tone comes and goes (200 ms on, 200 ms off); a tone that never stops is noise to a
  // minimum tracker, as mains hum should be.
  const noise = whiteNoise(2, 0.02, 3);
  const on = (i: number): boolean => Math.floor(i / 3200) % 2 === 1;
  const mixed = noise.map((x, i) => x + (on(i) ? 0.2 * Math.sin((2 * Math.PI * 1000 * i) / sampleRate) : 0));
  const plain = computeFeatures(mixed).logMel;
  const denoised = computeFeatures(mixed, { denoiseDb: 12 }).logMel;
  // Slaney mel band 21 of 64 (0–8 kHz) is centred on 1.02 kHz; band 50 holds only noise. Frames 105–115: inside
  // the 3rd burst.
  const toneLoss = bandMean(plain, 21, 105, 115) - bandMean(denoised, 21, 105, 115);
  const noiseDrop = bandMean(plain, 50, 50, 190) - bandMean(denoised, 50, 50, 190);
  assert.ok(Math.abs(toneLoss) < 0.1, `tone band lost ${toneLoss.toFixed(2)} dB`);
  assert.ok(noiseDrop > 8, `noise band dropped ${noiseDrop.toFixed(2)} dB`);
});

test('streamed in chunks of any size it equals the whole clip, and reset starts a new noise estimate', () => {
  const whole = computeFeatures(noisy, { denoiseDb: 12 });
  for (const size of [1, 161, 4096]) {
    const extractor = new FeatureExtractor({ denoiseDb: 12 });
    const parts = [];
    for (let i = 0; i < noisy.length; i += size) parts.push(extractor.push(noisy.subarray(i, i + size)));
    parts.push(extractor.flush());
    const streamed = concatFrames(parts);
    for (const name of frameFeatureNames) assert.deepEqual(streamed[name], whole[name], `${name}, chunk ${size}`);
  }
  const extractor = new FeatureExtractor({ denoiseDb: 12 });
  extractor.push(whiteNoise(1, 0.3));
  extractor.reset();
  const afterReset = concatFrames([extractor.push(noisy), extractor.flush()]);
  assert.deepEqual(afterReset.logMel, whole.logMel);
});

test('impossible settings are RangeErrors naming denoiseDb', () => {
  for (const denoiseDb of [-1, Number.NaN, 61, Infinity]) {
    assert.throws(() => resolveFeatureConfig({ denoiseDb }), (e: unknown) => e instanceof RangeError && /denoiseDb/.test(e.message));
  }
  assert.throws(() => new NoiseSuppressor(257, 100, 0), RangeError);
});

test('digital silence neither divides by zero nor keeps the floor at zero', () => {
  const clip = new Float32Array(sampleRate);
  clip.set(whiteNoise(0.5, 0.05), sampleRate / 2);
  const frames = computeFeatures(clip, { denoiseDb: 12 });
  assert.ok(frames.logMel.every(Number.isFinite));
  // Silence first: the floor starts at 0 and must still climb towards the noise.
  const late = bandMean(frames.logMel, 30, 90, 100);
  assert.ok(late > -100, `noise after silence reads ${late.toFixed(1)} dB`);
});

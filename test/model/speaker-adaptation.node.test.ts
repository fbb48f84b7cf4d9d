import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeFeatures } from '../../src/sdk/features/index.ts';
import { SpeakerAdaptation, trimRange, windowStarts, softmax } from '../../src/sdk/model/index.ts';

function noise(seconds: number, amplitude: number, seed: number): Float32Array {
  const x = new Float32Array(Math.round(seconds * 16000));
  let s = seed;
  for (let i = 0; i < x.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    x[i] = amplitude * (s / 2147483648 - 0.5);
  }
  return x;
}

test('adapt() moves each dimension from the blended speaker statistics onto the population (float64 reference, 1e-4)', () => {
  const spec = { kind: 'speaker-running-stats' as const, blocks: ['zcr', 'rms'] as const, mean: [0.3, 0.02], std: [0.1, 0.01], priorFrames: 50 };
  const speaker = new SpeakerAdaptation({ ...spec, blocks: [...spec.blocks] });
  const a = computeFeatures(noise(1, 0.2, 3));
  const b = computeFeatures(noise(0.5, 0.05, 9));
  assert.equal(speaker.adapt(b), b, 'cold: unchanged');
  speaker.observe(a);
  const adapted = speaker.adapt(b);
  const blocks = [a.zcr, a.rms];
  blocks.forEach((values, d) => {
    let sum = 0;
    let sumSquares = 0;
    for (const v of values) {
      sum += v;
      sumSquares += v * v;
    }
    const total = spec.priorFrames + a.nFrames;
    const mu = (spec.priorFrames * spec.mean[d] + sum) / total;
    const sd = Math.sqrt((spec.priorFrames * (spec.std[d] ** 2 + spec.mean[d] ** 2) + sumSquares) / total - mu * mu);
    const source = d === 0 ? b.zcr : b.rms;
    const result = d === 0 ? adapted.zcr : adapted.rms;
    for (let t = 0; t < b.nFrames; t++) {
      const expected = spec.mean[d] + ((source[t] - mu) * spec.std[d]) / sd;
      assert.ok(Math.abs(result[t] - expected) < 1e-4 * Math.max(1, Math.abs(expected)), `${d}/${t}: ${result[t]} vs ${expected}`);
    }
  });
  assert.equal(adapted.mfcc, b.mfcc, 'blocks outside the spec are untouched');
  speaker.reset();
  assert.equal(speaker.utterances, 0);
});

test('trimRange drops quiet leading and trailing frames only', () => {
  const x = new Float32Array(16000 * 2);
  x.set(noise(1, 0.5, 4), 8000);
  const frames = computeFeatures(x);
  const [start, end] = trimRange(frames, -40);
  assert.ok(Math.abs(start - 50) <= 3 && Math.abs(end - 150) <= 3, `${start}-${end}`);
  assert.deepEqual(trimRange(frames, undefined), [0, frames.nFrames]);
});

test('windowStarts covers long inputs with half-overlapping windows; softmax is stable', () => {
  assert.deepEqual(windowStarts(100, 600), [0]);
  assert.deepEqual(windowStarts(1000, 600), [0, 300, 400]);
  const p = softmax(new Float32Array([1000, 1000, -1000]));
  assert.deepEqual(Array.from(p), [0.5, 0.5, 0]);
});

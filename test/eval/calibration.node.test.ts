import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calibrationMetrics, topConfidence } from '../../src/eval/calibration.ts';
import { poolCalibration, reliabilitySvg } from '../../src/eval/reliability-image.ts';
import { mulberry32 } from '../../src/eval/noise.ts';

const close = (a: number, b: number, tolerance = 1e-12): void => assert.ok(Math.abs(a - b) <= tolerance, `${a} vs ${b}`);

test('ECE of a hand-worked example (4 bins)', () => {
  // Bin [0.25, 0.5): 0.3, 0.4 -> confidence 0.35, accuracy 0.5; bin [0.75, 1]: 0.8, 0.9, 1.0 -> 0.9, accuracy 1/3.
  const m = calibrationMetrics([0.3, 0.4, 0.8, 0.9, 1.0], [true, false, true, false, false], 4);
  close(m.ece, (2 / 5) * 0.15 + (3 / 5) * (0.9 - 1 / 3));
  close(m.maxGap, 0.9 - 1 / 3);
  close(m.meanConfidence, 3.4 / 5);
  close(m.accuracy, 2 / 5);
  assert.deepEqual(m.bins.map((b) => b.n), [0, 2, 0, 3]);
  close(m.bins[1].confidence, 0.35);
  close(m.bins[3].accuracy, 1 / 3);
});

test('a calibrated source scores a small ECE, an over-confident one a large ECE', () => {
  const random = mulberry32(3);
  const confidences: number[] = [];
  const correct: boolean[] = [];
  for (let k = 0; k < 20000; k++) {
    const c = 0.2 + 0.8 * random();
    confidences.push(c);
    correct.push(random() < c);
  }
  assert.ok(calibrationMetrics(confidences, correct).ece < 0.02);
  const overconfident = calibrationMetrics(confidences.map((c) => Math.min(1, c + 0.2)), correct);
  assert.ok(overconfident.ece > 0.15 && overconfident.ece < 0.2, String(overconfident.ece));
});

test('topConfidence renormalises over the allowed labels and undoes a temperature exactly', () => {
  const labels = ['neutral', 'calm', 'happy'];
  const logits = [1.2, 2.0, -0.5];
  const softmax = (z: number[]): number[] => {
    const e = z.map((v) => Math.exp(v));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  };
  const raw = softmax(logits);
  assert.deepEqual(topConfidence(labels, raw).label, 'calm');
  const restricted = topConfidence(labels, raw, new Set(['neutral', 'happy']));
  assert.equal(restricted.label, 'neutral');
  close(restricted.confidence, raw[0] / (raw[0] + raw[2]));
  const temperature = 2.3;
  const scaled = softmax(logits.map((v) => v / temperature));
  close(topConfidence(labels, scaled, undefined, temperature).confidence, raw[1], 1e-12);
  close(topConfidence(labels, scaled).confidence, scaled[1]);
});

test('bad inputs are RangeErrors', () => {
  assert.throws(() => calibrationMetrics([], []), RangeError);
  assert.throws(() => calibrationMetrics([0.5], [true, false]), RangeError);
  assert.throws(() => calibrationMetrics([1.5], [true]), RangeError);
  assert.throws(() => calibrationMetrics([Number.NaN], [true]), RangeError);
  assert.throws(() => calibrationMetrics([0.5], [true], 0), RangeError);
  assert.throws(() => topConfidence(['neutral'], [1], new Set(['angry'])), RangeError);
});

test('pooled reliability equals the reliability of the pooled predictions', () => {
  const random = mulberry32(9);
  const a = Array.from({ length: 300 }, () => random());
  const b = Array.from({ length: 500 }, () => 0.3 + 0.7 * random());
  const ra = a.map((c) => random() < c * 0.8);
  const rb = b.map((c) => random() < c);
  const pooled = poolCalibration([calibrationMetrics(a, ra), calibrationMetrics(b, rb)]);
  const direct = calibrationMetrics([...a, ...b], [...ra, ...rb]);
  close(pooled.ece, direct.ece, 1e-12);
  close(pooled.meanConfidence, direct.meanConfidence, 1e-12);
  assert.deepEqual(pooled.bins.map((x) => x.n), direct.bins.map((x) => x.n));
  const svg = reliabilitySvg([{ name: 'pooled', colour: '#1f77b4', metrics: pooled }], 'title <x>');
  assert.match(svg, /^<svg/);
  assert.match(svg, /ECE \d+\.\d %, n = 800/);
  assert.match(svg, /title &lt;x>/);
  assert.throws(() => poolCalibration([]), RangeError);
});

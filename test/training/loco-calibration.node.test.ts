import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from '../../src/eval/noise.ts';
import { fitScale, reliability, type HeldOut } from '../../training/loco-calibration.ts';

const labels = ['neutral', 'happy', 'sad', 'angry'];

/** Clips whose labels are drawn from softmax(z); the model reports softmax(sharpness · z). */
function corpus(name: string, n: number, sharpness: number, seed: number): HeldOut {
  const random = mulberry32(seed);
  const truth: string[] = [];
  const logProbabilities: number[][] = [];
  for (let k = 0; k < n; k++) {
    const z = labels.map(() => 2 * (random() - 0.5) * 2);
    const p = z.map((v) => Math.exp(v));
    const sum = p.reduce((a, b) => a + b, 0);
    let u = random() * sum;
    let drawn = 0;
    while (u > p[drawn] && drawn < labels.length - 1) u -= p[drawn++];
    truth.push(labels[drawn]);
    const reported = z.map((v) => v * sharpness);
    const norm = Math.log(reported.reduce((a, v) => a + Math.exp(v), 0));
    logProbabilities.push(reported.map((v) => v - norm));
  }
  return { corpus: name, labels, truth, logProbabilities };
}

test('the held-out temperature undoes over-confidence, with every corpus weighing the same', () => {
  // A model 2.5x too sharp on both corpora: the fitted scale is about 1 / 2.5 whatever the corpus sizes.
  const parts = [corpus('a', 3000, 2.5, 1), corpus('b', 300, 2.5, 2)];
  const scale = fitScale(parts);
  assert.ok(Math.abs(scale - 0.4) < 0.05, String(scale));
  for (const part of parts) assert.ok(reliability(part, scale).ece < reliability(part, 1).ece, part.corpus);
  assert.ok(reliability(parts[0], scale).ece < 0.03);
});

test('an already calibrated model keeps a scale near 1', () => {
  const scale = fitScale([corpus('c', 4000, 1, 3)]);
  assert.ok(Math.abs(scale - 1) < 0.1, String(scale));
});

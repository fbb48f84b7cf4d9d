import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalLabels, circumplex, valenceArousal } from '../../src/sdk/model/index.ts';

test('a certain label maps to its circumplex point', () => {
  for (const label of canonicalLabels) {
    const p = canonicalLabels.map((l) => (l === label ? 1 : 0));
    assert.deepEqual(valenceArousal(canonicalLabels, p), circumplex[label]);
  }
});

test('mixtures are probability-weighted and stay in [-1, 1]', () => {
  const { valence, arousal } = valenceArousal(['happy', 'sad'], [0.5, 0.5]);
  assert.ok(Math.abs(valence - 0.05) < 1e-12);
  assert.ok(Math.abs(arousal - 0) < 1e-12);
  const uniform = valenceArousal(canonicalLabels, canonicalLabels.map(() => 1 / 8));
  assert.ok(Math.abs(uniform.valence) <= 1 && Math.abs(uniform.arousal) <= 1);
});

test('quadrants follow Russell: angry is negative/active, calm positive/passive', () => {
  assert.ok(circumplex.angry.valence < 0 && circumplex.angry.arousal > 0);
  assert.ok(circumplex.calm.valence > 0 && circumplex.calm.arousal < 0);
  assert.ok(circumplex.sad.valence < 0 && circumplex.sad.arousal < 0);
  assert.ok(circumplex.happy.valence > 0 && circumplex.happy.arousal > 0);
});

test('length mismatch is a RangeError', () => {
  assert.throws(() => valenceArousal(['happy'], [0.5, 0.5]), RangeError);
});

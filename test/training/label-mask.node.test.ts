import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pythonHas, runReference } from '../helpers/python.ts';

interface Report {
  plainGap: number; maskedGrad: number; shiftGap: number; loss: number;
  allowed: Record<string, number[]>; perCorpus: Record<string, number>; perCorpusShared: Record<string, number>; perSpeaker: Record<string, number>; corpusOnly: number[];
  members: Record<string, number>[]; memberCorpus: Record<string, number>[]; negative: string; sharedOnly: Record<string, number>;
}

test('training loss masked to the corpus label set: labels a corpus lacks get no gradient and change nothing', { skip: !pythonHas('torch') && 'needs /usr/bin/python3 with torch' }, () => {
  const r = runReference<Report>('check_label_mask.py');
  assert.ok(r.plainGap < 1e-5, `unmasked loss differs from torch cross-entropy by ${r.plainGap}`);
  assert.equal(r.maskedGrad, 0);
  assert.equal(r.shiftGap, 0);
  assert.ok(Number.isFinite(r.loss));
  // Each corpus allows exactly the labels it has (nEMO never learns "not calm" from its clips).
  assert.deepEqual(r.allowed, { ravdess: [0, 1, 7], nemo: [0, 2, 5] });
});

test('training draws balance corpora, and speakers within a corpus', { skip: !pythonHas('torch') && 'needs /usr/bin/python3 with torch' }, () => {
  const r = runReference<Report>('check_label_mask.py');
  assert.deepEqual(r.perCorpus, { ravdess: 1, nemo: 1 });
  assert.deepEqual(r.perSpeaker, { r1: 0.5, r2: 0.5, n1: 1 });
  for (const w of r.corpusOnly) assert.ok(Math.abs(w - 1 / 3) < 1e-12);
  // --corpus-weights nemo=0.25: nEMO draws a quarter of RAVDESS's share, still spread evenly over its speakers.
  assert.deepEqual(r.perCorpusShared, { ravdess: 1, nemo: 0.25 });
});

test('ensemble members can draw from different pools: a share of 0 keeps a corpus out of that member', { skip: !pythonHas('torch') && 'needs /usr/bin/python3 with torch' }, () => {
  const r = runReference<Report>('check_label_mask.py');
  assert.deepEqual(r.members, [{ nemo: 0 }, { nemo: 1 }, { nemo: 0 }]);
  // Draw probability mass per corpus: member 0 never draws a nEMO clip; member 1 draws both corpora alike.
  assert.deepEqual(r.memberCorpus, [{ ravdess: 1, nemo: 0 }, { ravdess: 1, nemo: 1 }, { ravdess: 1, nemo: 0 }]);
  // Without member entries every member keeps --corpus-weights.
  assert.deepEqual(r.sharedOnly, { nemo: 0.25 });
  assert.match(r.negative, /shares must be >= 0/);
});

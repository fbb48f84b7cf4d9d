import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ManifestEntry } from '../../src/datasets/manifest-csv.ts';
import { locoMarkdown, locoPlan, locoRows, locoTests } from '../../training/loco.ts';
import type { Evaluation } from '../../src/eval/evaluate.ts';

const entry = (corpus: string, label: string, k: number): ManifestEntry => ({ path: `/${corpus}/${label}-${k}.flac`, label, speaker: `${corpus}-${k % 2}` });

test('leave-one-corpus-out plan: each corpus held out by training on the rest of the pool; corpora outside the pool share the pool model', () => {
  assert.deepEqual(locoPlan(['ravdess', 'nemo', 'ased'], ['ravdess', 'nemo', 'ased']), [
    { trainOn: ['nemo', 'ased'], heldout: ['ravdess'] },
    { trainOn: ['ravdess', 'ased'], heldout: ['nemo'] },
    { trainOn: ['ravdess', 'nemo'], heldout: ['ased'] },
  ]);
  assert.deepEqual(locoPlan(['ravdess', 'nemo', 'ased', 'koreantts'], ['ravdess', 'nemo']), [
    { trainOn: ['nemo'], heldout: ['ravdess'] },
    { trainOn: ['ravdess'], heldout: ['nemo'] },
    { trainOn: ['ravdess', 'nemo'], heldout: ['ased', 'koreantts'] },
  ]);
  assert.deepEqual(locoPlan(['ravdess'], ['ravdess']), []);
});

test('leave-one-corpus-out tests: only the held-out corpus, only labels the training corpora teach, restricted argmax', () => {
  const entries = [
    ...['neutral', 'calm', 'angry', 'disgusted'].flatMap((l) => [0, 1].map((k) => entry('ravdess', l, k))),
    ...['neutral', 'angry', 'surprised'].flatMap((l) => [0, 1].map((k) => entry('nemo', l, k))),
  ];
  const [toRavdess] = locoTests(entries, { trainOn: ['nemo'], heldout: ['ravdess'] });
  assert.equal(toRavdess.name, 'loco-nemo-to-ravdess');
  assert.equal(toRavdess.restrict, true);
  // calm and disgusted are not in nEMO: those clips would score zero recall whatever the model learned.
  assert.deepEqual([...new Set(toRavdess.entries.map((e) => e.label))].sort(), ['angry', 'neutral']);
  assert.ok(toRavdess.entries.every((e) => e.speaker.startsWith('ravdess-')));
  const [toNemo] = locoTests(entries, { trainOn: ['ravdess'], heldout: ['nemo'] });
  assert.deepEqual([...new Set(toNemo.entries.map((e) => e.label))].sort(), ['angry', 'neutral']);
});

test('leave-one-corpus-out table: UAR per held-out corpus and the mean per family', () => {
  const ev = (uar: number): Evaluation => ({ uar } as Evaluation);
  const rows = locoRows([
    { family: 'cnn', kind: 'loco', model: '', csv: '', test: 'loco-nemo-to-ravdess', clean: ev(0.5) },
    { family: 'cnn', kind: 'loco', model: '', csv: '', test: 'loco-ravdess-to-nemo', clean: ev(0.3) },
    { family: 'cnn', kind: 'fold', model: '', csv: '', test: 'fold-1-ravdess', clean: ev(0.9) },
  ]);
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0].uar, { ravdess: 0.5, nemo: 0.3 });
  assert.ok(Math.abs(rows[0].mean - 0.4) < 1e-12);
  const md = locoMarkdown(rows, 'note');
  assert.match(md, /\| family \| held-out nemo \| held-out ravdess \| LOCO mean \|/);
  assert.match(md, /\| cnn \| 30\.0 % \| 50\.0 % \| 40\.0 % \|/);
  assert.doesNotMatch(md, /calibration error/, 'no calibration table without calibration records');
});

test('leave-one-corpus-out table: calibration error per held-out corpus, fitted temperature beside temperature 1', () => {
  const ev = (uar: number, calibrated: number, uncalibrated: number): Evaluation =>
    ({ uar, calibration: { temperature: 1.5, calibrated: { ece: calibrated }, uncalibrated: { ece: uncalibrated } } } as unknown as Evaluation);
  const rows = locoRows([
    { family: 'mlp', kind: 'loco', model: '', csv: '', test: 'loco-nemo-to-ravdess', clean: ev(0.5, 0.05, 0.2) },
    { family: 'mlp', kind: 'loco', model: '', csv: '', test: 'loco-ravdess-to-nemo', clean: ev(0.3, 0.1, 0.3) },
  ]);
  assert.deepEqual(rows[0].ece.nemo, { calibrated: 0.1, uncalibrated: 0.3 });
  assert.match(locoMarkdown(rows), /\| mlp \| 10\.0 % \/ 30\.0 % \| 5\.0 % \/ 20\.0 % \|/);
});

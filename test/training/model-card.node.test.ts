import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { familyTable, readmeTable, spliceGenerated } from '../../training/model-card.ts';
import type { FamilySummary } from '../../training/summary.ts';

test('spliceGenerated replaces only the text between its own markers', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'emovox-card-'));
  const file = join(dir, 'README.md');
  const before = 'intro\n<!-- results:begin (generated) -->\nold table\n<!-- results:end -->\n<!-- other:begin -->\nkeep\n<!-- other:end -->\noutro\n';
  await writeFile(file, before);
  assert.equal(await spliceGenerated(file, 'results', 'new\ntable\n'), true);
  assert.equal(await readFile(file, 'utf8'), before.replace('old table\n', 'new\ntable\n'));
  assert.equal(await spliceGenerated(file, 'missing', 'x'), false);
  assert.equal(await spliceGenerated(join(dir, 'absent.md'), 'results', 'x'), false);
  assert.equal(await readFile(file, 'utf8'), before.replace('old table\n', 'new\ntable\n'));
});

test('readmeTable states the default model\'s measured numbers as percentages', () => {
  const fold = { mean: { accuracy: 0.6, uar: 0.58, uarStd: 0.04, macroF1: 0.57, noisyUar: 0.41, noisyAccuracy: 0.43, coldUar: 0.5 }, folds: [], confusion: { labels: [], matrix: [] } };
  const summary: FamilySummary = { family: 'cnn', ravdess: fold, nemo: fold, loco: { 'loco-ravdess-to-nemo': { accuracy: 0.3, uar: 0.35, macroF1: 0.31, n: 10 } } };
  const table = readmeTable(summary);
  assert.match(table, /RAVDESS, 8 classes, 5 folds of 4 unseen actors \| 58\.0 % \| 60\.0 % \| 57\.0 % \|/);
  assert.match(table, /10 dB SNR \| 41\.0 % \| 43\.0 %/);
  assert.match(table, /cold \(no speaker history\) \| 50\.0 %/);
  assert.match(table, /tested on nEMO \(other language\) \| 35\.0 %/);
  assert.equal(familyTable('| a |\n|---|\n| b |\n\nPer fold:\n- x\n'), '| a |\n|---|\n| b |');
});

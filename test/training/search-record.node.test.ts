import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { searchMarkdown } from '../../training/model-card.ts';
import { chooseDefault } from '../../training/summary.ts';

/** Writes runs/<family>/final/{training.json, model.onnx} as train.py would (the ONNX only needs its size). */
async function finalRun(runs: string, family: string, uars: number[], chosen: number, seeds: number, onnxBytes: number): Promise<Record<string, unknown>[]> {
  const dir = join(runs, family, 'final');
  await mkdir(dir, { recursive: true });
  const hps = uars.map((_, k) => ({ lr: 10 ** -(k + 2), seeds }));
  const results = uars.map((validationUar, k) => ({ hp: hps[k], validationUar, seconds: 12 }));
  await writeFile(join(dir, 'training.json'), JSON.stringify({ validationSpeakers: ['ravdess-03', 'nemo-SB0'], results, chosen: hps[chosen] }));
  await writeFile(join(dir, 'model.onnx'), new Uint8Array(onnxBytes));
  return hps;
}

test('the default is the family with the best validation UAR among models of at most 1 MB', async () => {
  const runs = await mkdtemp(join(tmpdir(), 'emovox-search-'));
  await finalRun(runs, 'cnn', [0.61, 0.66], 1, 2, 800_000);
  await finalRun(runs, 'rnn', [0.6, 0.63], 1, 1, 400_000);
  await finalRun(runs, 'svm', [0.7], 0, 1, 14_000_000);
  const logged: string[] = [];
  assert.equal(await chooseDefault(['rnn', 'svm', 'cnn', 'mlp'], runs, (line) => logged.push(line)), 'cnn');
  assert.ok(logged.some((l) => l.includes('svm validation UAR 70.0 %')), 'the larger model was scored, then excluded by size');
  assert.ok(logged.some((l) => l.includes('mlp validation UAR -100.0 %')), 'a family without a final run never wins');
});

test('RESULTS.md lists every searched entry, marks the chosen one and says when one member of an ensemble was scored', async () => {
  const runs = await mkdtemp(join(tmpdir(), 'emovox-search-'));
  await finalRun(runs, 'cnn', [0.61, 0.66], 1, 2, 10);
  await finalRun(runs, 'rnn', [0.64, 0.63], 0, 1, 10);
  const text = await searchMarkdown(runs, ['cnn', 'rnn', 'mlp']);
  assert.match(text, /\*\*cnn\*\*, final model \(validation speakers ravdess-03, nemo-SB0\)/);
  assert.match(text, /lr=0\.01, seeds=2: validation UAR 61\.0 % \(12 s, one member scored\)\n/);
  assert.match(text, /lr=0\.001, seeds=2: validation UAR 66\.0 % \(12 s, one member scored\) ← chosen/);
  assert.match(text, /lr=0\.01, seeds=1: validation UAR 64\.0 % \(12 s\) ← chosen/);
  assert.doesNotMatch(text, /mlp/, 'a family without a search has no entry');
});

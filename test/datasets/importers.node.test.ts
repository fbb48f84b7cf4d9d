import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DatasetError } from '../../src/datasets/dataset-error.ts';
import { importCorpus, importGenericCsv } from '../../src/datasets/importers.ts';
import { parseCsv, formatCsv } from '../../src/datasets/csv.ts';
import { parseManifestCsv } from '../../src/datasets/manifest-csv.ts';
import { run } from '../../src/cli/commands/import.ts';

function corpus(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'emovox-import-'));
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'RIFF');
  }
  return root;
}

test('importCorpus scans recursively, skips foreign files, writes paths relative to the output folder', async () => {
  const root = corpus(['Actor_01/03-01-05-01-01-01-01.wav', 'Actor_02/03-01-01-01-01-01-02.wav', 'Actor_02/notes.txt', 'song/03-02-05-01-01-01-02.wav']);
  const rows = await importCorpus('ravdess', root, root);
  assert.deepEqual(rows, [
    { path: 'Actor_01/03-01-05-01-01-01-01.wav', label: 'angry', speaker: 'ravdess-01' },
    { path: 'Actor_02/03-01-01-01-01-01-02.wav', label: 'neutral', speaker: 'ravdess-02' },
  ]);
  const savee = await importCorpus('savee', corpus(['AudioData/DC/a01.wav', 'AudioData/JK/su02.wav']), '/');
  assert.deepEqual(savee.map((r) => [r.label, r.speaker]), [['angry', 'savee-DC'], ['surprised', 'savee-JK']]);
});

test('a folder without corpus files is a DatasetError', async () => {
  await assert.rejects(importCorpus('emodb', corpus(['x.wav']), '/'), DatasetError);
  await assert.rejects(importCorpus('tess', '/nonexistent/folder', '/'), DatasetError);
});

test('generic CSV: chosen columns, synonyms mapped, paths rebased', async () => {
  const root = corpus([]);
  writeFileSync(join(root, 'meta.csv'), 'file,emotion,who\nclips/a.wav,Anger,s1\n"clips/b,c.wav",joy,s2\n');
  const rows = await importGenericCsv(join(root, 'meta.csv'), join(root, 'out'), { path: 'file', label: 'emotion', speaker: 'who' });
  assert.deepEqual(rows, [{ path: '../clips/a.wav', label: 'angry', speaker: 's1' }, { path: '../clips/b,c.wav', label: 'happy', speaker: 's2' }]);
  await assert.rejects(importGenericCsv(join(root, 'meta.csv'), root), /needs columns 'path' and 'label'/);
});

test('CSV round trip with quotes, commas and CRLF', () => {
  const text = formatCsv(['path', 'label'], [['a "b".wav', 'x,y'], ['plain.wav', 'z']]);
  assert.deepEqual(parseCsv(text), [['path', 'label'], ['a "b".wav', 'x,y'], ['plain.wav', 'z']]);
  assert.deepEqual(parseCsv('a,b\r\n1,2\r\n'), [['a', 'b'], ['1', '2']]);
  assert.throws(() => parseCsv('a,"b'), DatasetError);
});

test('manifest CSV: relative paths resolve against the CSV; missing columns and empty rows are named', () => {
  const entries = parseManifestCsv('path,label,speaker\nx/a.wav,angry,s1\n/abs/b.wav,sad,\n', '/data/set/m.csv');
  assert.deepEqual(entries, [{ path: '/data/set/x/a.wav', label: 'angry', speaker: 's1' }, { path: '/abs/b.wav', label: 'sad', speaker: '' }]);
  assert.throws(() => parseManifestCsv('file,label\na,b\n', 'm.csv'), /'path' and 'label'/);
  assert.throws(() => parseManifestCsv('path,label\na.wav,\n', 'm.csv'), /row 2 has no label/);
  assert.throws(() => parseManifestCsv('path,label\n', 'm.csv'), /no rows/);
});

test('emovox import writes the CSV and rejects unknown kinds', async () => {
  const root = corpus(['EB0_anger_1.wav', 'EB0_sadness_2.wav']);
  const out = join(root, 'nemo.csv');
  assert.equal(await run(['nemo', root, '--out', out]), 0);
  assert.equal(readFileSync(out, 'utf8'), 'path,label,speaker\nEB0_anger_1.wav,angry,nemo-EB0\nEB0_sadness_2.wav,sad,nemo-EB0\n');
  await assert.rejects(run(['iemocap', root]), /unknown kind 'iemocap'/);
  await assert.rejects(run(['nemo']), /expected <kind> and <folder>/);
});

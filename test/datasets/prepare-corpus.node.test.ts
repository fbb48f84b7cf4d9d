import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseManifestCsv } from '../../src/datasets/manifest-csv.ts';
import { decodeFlac } from '../../src/sdk/audio/flac.ts';
import { prepareCorpus } from '../../training/prepare/prepare-corpus.ts';
import { scratchDir, sox } from '../helpers/sox.ts';

const script = fileURLToPath(new URL('../../training/prepare/prepare-corpus.ts', import.meta.url));

/** A small fake ASED tree with the artefacts the real one has: fixed-length padded "happy", a duplicate, mixed formats. */
function fakeAsed(): string {
  const root = join(scratchDir('fake-ased'), 'ASED_V1');
  const clip = (folder: string, name: string, ...effects: string[]) => {
    mkdirSync(join(root, folder), { recursive: true });
    sox('-n', '-r', '16000', '-c', '1', '-b', '16', join(root, folder, name), ...effects);
  };
  [1.2, 1.7, 2.3].forEach((s, i) => clip('01Neutral', `n1-0${i + 1}-01-01-0${i + 1}.wav`, 'synth', String(s), 'sine', '150', 'gain', '-12'));
  [1.1, 1.5, 2.0, 2.6, 0.9].forEach((s, i) => clip('03Happy', `h3-0${i + 1}-01-02-1${i}.wav`, 'synth', String(s), 'sine', '260', 'gain', '-10', 'pad', '0', String((2.9 - s).toFixed(2))));
  mkdirSync(join(root, '05Angry'), { recursive: true });
  sox('-n', '-r', '22050', '-c', '2', '-b', '16', join(root, '05Angry', 'a5-01-01-02-20.wav'), 'synth', '1.4', 'sawtooth', '180', 'gain', '-6');
  copyFileSync(join(root, '01Neutral', 'n1-01-01-01-01.wav'), join(root, '01Neutral', 'n1-01-02-01-01.wav'));
  // The same take once more, stored as FLAC: different bytes, identical audio.
  sox(join(root, '01Neutral', 'n1-02-01-01-02.wav'), join(root, '01Neutral', 'n1-02-02-01-02.flac'));
  return root;
}

test('prepareCorpus converts to 16 kHz mono FLAC, drops duplicates, writes the manifest and names the artefacts', async () => {
  const source = fakeAsed();
  const out = join(scratchDir('prepared'), 'ased');
  const report = await prepareCorpus('ased', source, out);
  const rows = parseManifestCsv(readFileSync(join(out, 'manifest.csv'), 'utf8'), join(out, 'manifest.csv'));
  assert.equal(rows.length, 9);
  assert.deepEqual(report.duplicates, [
    { dropped: '01Neutral/n1-01-02-01-01.wav', keptAs: '01Neutral/n1-01-01-01-01.wav', identical: 'file' },
    { dropped: '01Neutral/n1-02-02-01-02.flac', keptAs: '01Neutral/n1-02-01-01-02.wav', identical: 'audio' },
  ]);
  for (const row of rows) {
    const audio = await decodeFlac(new Uint8Array(readFileSync(row.path)));
    assert.equal(audio.sampleRate, 16000, row.path);
    assert.equal(audio.channels.length, 1, row.path);
  }
  const angry = rows.find((r) => r.label === 'angry');
  assert.equal(angry?.speaker, 'ased-20');
  assert.deepEqual(report.sourceFormats, { '16000 Hz, 1 ch': 8, '22050 Hz, 2 ch': 1 });
  assert.equal(report.classes.happy.modalDurationS, 2.9);
  assert.equal(report.classes.happy.modalShare, 1, JSON.stringify(report.classes.happy));
  assert.equal(report.classes.happy.zeroPaddedShare, 1);
  assert.equal(report.classes.neutral.modalShare < 0.5, true);
  assert.equal(report.classes.neutral.durationS.min, 1.2);
  assert.equal(report.classes.neutral.durationS.max, 2.3);
  assert.ok(Math.abs(report.classes.neutral.medianRmsDb - (-12 - 3.01)) < 0.2, `neutral level ${report.classes.neutral.medianRmsDb}`);
  assert.ok(report.warnings.some((w) => /happy: 100 % of clips are exactly 2.9 s long/.test(w)), report.warnings.join('\n'));
  assert.ok(report.warnings.some((w) => /2 duplicate take\(s\) dropped \(1 identical files/.test(w)), report.warnings.join('\n'));
  assert.ok(report.warnings.some((w) => /mixed source formats/.test(w)));
  const header = readFileSync(join(out, 'manifest.csv'), 'utf8').split('\n')[0];
  assert.equal(header, 'path,label,speaker,corpus,text,duration_s,source_rate,sha256');
  assert.equal(existsSync(join(out, 'identified.csv')), false, 'every ASED speaker is identified');
  const saved = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { kind: string; clips: number };
  assert.deepEqual([saved.kind, saved.clips], ['ased', 9]);

  // A second run reuses the converted files.
  const before = statSync(rows[0].path).mtimeMs;
  assert.deepEqual(await prepareCorpus('ased', source, out), report);
  assert.equal(statSync(rows[0].path).mtimeMs, before);
});

test('the preparation script rejects unknown kinds, missing arguments and folders without the corpus', () => {
  const call = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
  const unknown = call('iemocap', '/tmp');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown kind 'iemocap'/);
  assert.equal(call('ased').status, 2);
  const empty = call('baved', scratchDir('empty'), '--out', scratchDir('empty-out'));
  assert.equal(empty.status, 1);
  assert.match(empty.stderr, /no baved audio files found/);
});

test('a corpus that pools unidentified people under one id also gets identified.csv, without them', async () => {
  const root = join(scratchDir('fake-emospeech'), 'emospeech');
  const hash = (c: string) => c.repeat(56);
  const names = [
    `bacho-safe-calm-20190709085906-d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f.wav`,
    `go-safe-calm-1563255334515-${hash('a')}.wav`,
    `stop-safe-angry-1563170806132-${hash('b')}.wav`,
    `background-safe-calm-1563170806999-${hash('b')}.wav`,
  ];
  mkdirSync(join(root, 'webservice'), { recursive: true });
  names.forEach((name, i) => sox('-n', '-r', '16000', '-c', '1', '-b', '16', join(root, 'webservice', name), 'synth', '0.5', 'sine', String(200 + 50 * i), 'gain', '-12'));
  const out = join(scratchDir('prepared'), 'emospeech');
  await prepareCorpus('emospeech', root, out);
  const all = parseManifestCsv(readFileSync(join(out, 'manifest.csv'), 'utf8'), join(out, 'manifest.csv'));
  const identified = parseManifestCsv(readFileSync(join(out, 'identified.csv'), 'utf8'), join(out, 'identified.csv'));
  assert.equal(all.length, 3, 'the background recording is no spoken keyword');
  assert.deepEqual(identified.map((r) => r.speaker).sort(), [`emospeech-${'a'.repeat(12)}`, `emospeech-${'b'.repeat(12)}`]);
});

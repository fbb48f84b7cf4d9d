import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { importCorpus } from '../../src/datasets/importers.ts';
import { corpusLabelSets } from '../../src/datasets/corpus-label-sets.ts';
import { fileNameSchemes, type CorpusKind } from '../../src/datasets/file-name-schemes.ts';
import { emoSpeechUnknownUser } from '../../src/datasets/repository-schemes.ts';

const { ased, emospeech, koreantts, baved, banglaser, tess } = fileNameSchemes;
const userHash = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c';

test('ASED: emotion letter and folder number, sentence, gender, speaker; a mismatched letter/number is skipped', () => {
  const cases: [string, string][] = [['n1', 'neutral'], ['f2', 'fearful'], ['h3', 'happy'], ['s4', 'sad'], ['a5', 'angry']];
  for (const [code, label] of cases) assert.deepEqual(ased(`${code}-03-01-02-50.wav`, 'x'), { label, speaker: 'ased-50', text: 'sentence-03' });
  assert.deepEqual(ased('A5-07-02-01-09.WAV', '05Angry'), { label: 'angry', speaker: 'ased-09', text: 'sentence-07' });
  assert.equal(ased('a3-03-01-02-50.wav', ''), null, 'letter a with folder number 3');
  assert.equal(ased('a5-03-01-03-50.wav', ''), null, 'gender 03');
  assert.equal(ased('03-01-05-02-01-01-12.wav', ''), null, 'a RAVDESS name');
});

test('EmoSpeech: keyword, emotion and user; None and background skipped; the unknown user is one speaker', () => {
  assert.deepEqual(emospeech(`bacho-safe-calm-20190709085906-${userHash}.wav`, 'House'), { label: 'calm', speaker: 'emospeech-a1b2c3d4e5f6', text: 'bacho' });
  assert.deepEqual(emospeech(`help-unsafe-fearful-20190710145009-${emoSpeechUnknownUser}.wav`, 'Roads'), { label: 'fearful', speaker: 'emospeech-unknown', text: 'help' });
  // Identified users' clips carry a millisecond timestamp (2,023 of the corpus's files).
  assert.deepEqual(emospeech(`go-safe-calm-1563255334515-${userHash}.wav`, 'webservice'), { label: 'calm', speaker: 'emospeech-a1b2c3d4e5f6', text: 'go' });
  assert.equal(emospeech(`go-safe-calm-156325533451-${userHash}.wav`, ''), null, 'a 12-digit number is no timestamp');
  assert.equal(emospeech(`no-safe-Angry-20190710144201-${userHash}.wav`, '')?.label, 'angry');
  assert.equal(emospeech(`go-safe-happy-20190710144819-${userHash}.wav`, '')?.label, 'happy');
  assert.equal(emospeech(`go-safe-None-20190710143447-${userHash}.wav`, ''), null, 'None');
  assert.equal(emospeech(`background-safe-calm-20190710143210-${userHash}.wav`, ''), null, 'ambient recording');
  assert.equal(emospeech(`go-safe-bored-20190710143447-${userHash}.wav`, ''), null, 'unknown emotion');
  assert.equal(emospeech('go-safe-calm-2019.wav', ''), null, 'no timestamp or user');
});

test('Korean TTS: the file number gives the emotion in blocks of 100', () => {
  const cases: [string, string, string][] = [['00001', 'neutral', 'sentence-1'], ['00100', 'neutral', 'sentence-100'], ['00101', 'happy', 'sentence-1'], ['00205', 'sad', 'sentence-5'], ['00400', 'angry', 'sentence-100']];
  for (const [n, label, text] of cases) assert.deepEqual(koreantts(`nea${n}.wav`, 'wav'), { label, speaker: 'koreantts-nea', text });
  assert.equal(koreantts('nea00000.wav', ''), null);
  assert.equal(koreantts('nea00401.wav', ''), null);
  assert.equal(koreantts('nea00304.txt', ''), null, 'a transcript');
});

test('BAVED: intensity levels become arousal labels, never categories', () => {
  assert.deepEqual(baved('0-m-21-0-1-105.wav', '0'), { label: 'arousal-neutral', speaker: 'baved-0', text: 'word-0' });
  assert.deepEqual(baved('103-f-22-6-0-6.wav', '6'), { label: 'arousal-low', speaker: 'baved-103', text: 'word-6' });
  assert.deepEqual(baved('47-m-20-3-2-172.wav', '3'), { label: 'arousal-high', speaker: 'baved-47', text: 'word-3' });
  assert.equal(baved('47-m-20-3-3-172.wav', ''), null, 'level 3');
  assert.equal(baved('47-x-20-3-2-172.wav', ''), null, 'gender x');
  for (const label of corpusLabelSets.baved) assert.match(label, /^arousal-/);
});

test('BanglaSER: fearful and disgusted only; the actor folder wins over a mismatched name', () => {
  assert.deepEqual(banglaser('03-01-06-01-04-01-35.wav', 'Actor - 35'), { label: 'fearful', speaker: 'banglaser-35', text: 'statement-04' });
  assert.deepEqual(banglaser('03-01-07-03-05-02-42.wav', 'Actor - 42'), { label: 'disgusted', speaker: 'banglaser-42', text: 'statement-05' });
  assert.equal(banglaser('03-01-06-01-04-01-40.wav', 'Actor - 41')?.speaker, 'banglaser-41');
  assert.equal(banglaser('03-01-06-01-04-01-40.wav', 'complete')?.speaker, 'banglaser-40');
  assert.equal(banglaser('03-01-05-01-04-01-40.wav', 'Actor - 40'), null, 'angry is not in this corpus');
});

test('TESS: any letter case, the OA_ typo, and the renamed testnew copies', () => {
  assert.deepEqual(tess('OAF_back_angry.wav', 'OAF_angry'), { label: 'angry', speaker: 'tess-OAF', text: 'back' });
  assert.deepEqual(tess('yaf_germ_Sad.wav', 'YAF_sad'), { label: 'sad', speaker: 'tess-YAF', text: 'germ' });
  assert.deepEqual(tess('OA_bite_neutral.wav', 'OAF_neutral'), { label: 'neutral', speaker: 'tess-OAF', text: 'bite' });
  assert.deepEqual(tess('12testYAF_back_ps3.wav', 'YAF_pleasant_surprised'), { label: 'surprised', speaker: 'tess-YAF', text: 'back' });
  assert.deepEqual(tess('7testOAF_chat_disgust1.wav', 'OAF_disgust'), { label: 'disgusted', speaker: 'tess-OAF', text: 'chat' });
  assert.equal(tess('YAF_dog_pleasant_surprised.wav', '')?.label, 'surprised');
  assert.equal(tess('XYZ_back_angry.wav', ''), null);
});

test('every scheme has a label set, and the labels it produces belong to it', () => {
  const samples: Partial<Record<CorpusKind, [string, string][]>> = {
    ased: [['h3-01-01-01-01.wav', '']], emospeech: [[`go-safe-calm-20190710144305-${userHash}.wav`, '']],
    koreantts: [['nea00301.wav', '']], baved: [['1-m-20-0-2-7.wav', '']], banglaser: [['03-01-07-01-05-01-39.wav', 'Actor - 39']],
    tess: [['OAF_back_ps.wav', '']],
  };
  for (const kind of Object.keys(fileNameSchemes) as CorpusKind[]) {
    assert.ok(corpusLabelSets[kind].length >= 2, kind);
    for (const [name, parent] of samples[kind] ?? []) assert.ok(corpusLabelSets[kind].includes(fileNameSchemes[kind](name, parent)?.label ?? '?'), `${kind} ${name}`);
  }
});

test('importCorpus reads the repositories\' folder layouts, with text ids in the rows', async () => {
  const root = mkdtempSync(join(tmpdir(), 'emovox-repo-import-'));
  const files = ['complete/Actor - 41/03-01-06-01-04-01-40.wav', 'complete/Actor - 41/03-01-07-01-05-01-41.wav', 'README.md', 'complete/Actor - 41/notes.txt'];
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'RIFF');
  }
  assert.deepEqual(await importCorpus('banglaser', root, root), [
    { path: 'complete/Actor - 41/03-01-06-01-04-01-40.wav', label: 'fearful', speaker: 'banglaser-41', text: 'statement-04' },
    { path: 'complete/Actor - 41/03-01-07-01-05-01-41.wav', label: 'disgusted', speaker: 'banglaser-41', text: 'statement-05' },
  ]);
});

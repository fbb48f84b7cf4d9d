import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileNameSchemes } from '../../src/datasets/file-name-schemes.ts';
import { canonicalLabel } from '../../src/datasets/labels.ts';

const { ravdess, nemo, cremad, emodb, tess, savee } = fileNameSchemes;

test('RAVDESS: emotion code and actor from the file name; song and video skipped', () => {
  const labels = ['neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'];
  labels.forEach((label, k) => assert.deepEqual(ravdess(`03-01-0${k + 1}-01-02-01-17.wav`, 'x'), { label, speaker: 'ravdess-17' }));
  assert.deepEqual(ravdess('03-01-05-02-01-01-12.flac', ''), { label: 'angry', speaker: 'ravdess-12' });
  assert.equal(ravdess('03-02-05-02-01-01-12.wav', ''), null, 'song');
  assert.equal(ravdess('01-01-05-02-01-01-12.mp4', ''), null, 'video');
  assert.equal(ravdess('03-01-09-02-01-01-12.wav', ''), null, 'no emotion 09');
});

test('nEMO: Polish corpus labels merge onto canonical ones', () => {
  const cases: [string, string][] = [['anger', 'angry'], ['fear', 'fearful'], ['happiness', 'happy'], ['neutral', 'neutral'], ['sadness', 'sad'], ['surprised', 'surprised']];
  for (const [raw, label] of cases) assert.deepEqual(nemo(`KS0_${raw}_12.wav`, ''), { label, speaker: 'nemo-KS0' });
  assert.equal(nemo('readme.wav', ''), null);
});

test('CREMA-D: actor, sentence, emotion, intensity', () => {
  assert.deepEqual(cremad('1001_DFA_ANG_XX.wav', ''), { label: 'angry', speaker: 'cremad-1001' });
  assert.deepEqual(cremad('1091_IEO_HAP_HI.wav', ''), { label: 'happy', speaker: 'cremad-1091' });
  assert.deepEqual(cremad('1050_TIE_NEU_X.wav', ''), { label: 'neutral', speaker: 'cremad-1050' });
  for (const [code, label] of [['DIS', 'disgusted'], ['FEA', 'fearful'], ['NEU', 'neutral'], ['SAD', 'sad']]) assert.equal(cremad(`1002_ITS_${code}_LO.wav`, '')?.label, label);
  assert.equal(cremad('1002_ITS_XYZ_LO.wav', ''), null);
});

test('EmoDB: German initials; boredom kept as a non-canonical label', () => {
  const cases: [string, string][] = [['W', 'angry'], ['L', 'boredom'], ['E', 'disgusted'], ['A', 'fearful'], ['F', 'happy'], ['T', 'sad'], ['N', 'neutral']];
  for (const [code, label] of cases) assert.deepEqual(emodb(`03a01${code}a.wav`, ''), { label, speaker: 'emodb-03' });
  assert.equal(emodb('03a01Xa.wav', ''), null);
});

test('TESS: speaker, word, emotion (ps = pleasant surprise)', () => {
  assert.deepEqual(tess('OAF_back_angry.wav', ''), { label: 'angry', speaker: 'tess-OAF', text: 'back' });
  assert.deepEqual(tess('YAF_dog_ps.wav', ''), { label: 'surprised', speaker: 'tess-YAF', text: 'dog' });
  assert.deepEqual(tess('OAF_bean_disgust.wav', ''), { label: 'disgusted', speaker: 'tess-OAF', text: 'bean' });
  assert.deepEqual(tess('YAF_date_fear.wav', ''), { label: 'fearful', speaker: 'tess-YAF', text: 'date' });
});

test('SAVEE: prefixed names or speaker folders', () => {
  assert.deepEqual(savee('DC_a01.wav', 'AudioData'), { label: 'angry', speaker: 'savee-DC' });
  assert.deepEqual(savee('sa03.wav', 'JK'), { label: 'sad', speaker: 'savee-JK' });
  assert.deepEqual(savee('su15.wav', 'KL'), { label: 'surprised', speaker: 'savee-KL' });
  assert.deepEqual(savee('n30.wav', 'JE'), { label: 'neutral', speaker: 'savee-JE' });
  assert.equal(savee('n30.wav', 'audio'), null, 'no speaker known');
});

test('canonicalLabel maps synonyms case-insensitively and leaves unknown labels alone', () => {
  assert.equal(canonicalLabel('Anger'), 'angry');
  assert.equal(canonicalLabel(' HAPPINESS '), 'happy');
  assert.equal(canonicalLabel('boredom'), 'boredom');
});

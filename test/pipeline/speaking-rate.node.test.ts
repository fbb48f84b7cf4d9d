import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { computePitch } from '../../src/sdk/features/pitch-tracker.ts';
import { summarizeProsody } from '../../src/sdk/features/prosody.ts';
import { countSyllableNuclei } from '../../src/sdk/features/syllable-nuclei.ts';
import { espeakClip } from '../features/pitch-reference.ts';
import { scratchDir, sox, soxSamples, tone } from '../helpers/sox.ts';

/**
 * The speaking-rate estimate against espeak-ng speech at set rates. Truth: hand-counted syllables
 * over the speech time sox finds (`silence` trimmed at −45 dB). The estimator's settings were
 * chosen on three other sentences; these two are held out. Tolerance: every clip within 25 %, the
 * mean |error| per rate within 15 %, and the estimate rising with the rate (measured: 8.5 % mean,
 * worst clip 20 %).
 */
const dir = scratchDir('rate');
const sentences: [string, number][] = [
  ['My grandmother planted seven apple trees behind the old wooden barn.', 18],
  ['Kids are talking by the door, but nobody is listening to them.', 16],
];

function trueRate(wav: string, syllables: number): number {
  const trimmed = wav.replace(/\.wav$/, '-trimmed.wav');
  sox(wav, trimmed, 'silence', '1', '0.01', '-45d', 'reverse', 'silence', '1', '0.01', '-45d', 'reverse');
  return syllables / (soxSamples(trimmed).length / 16000);
}

test('syllable rate follows espeak-ng speaking rates from 90 to 220 words/min', (t) => {
  const meanByWpm: number[] = [];
  for (const wpm of [90, 130, 175, 220]) {
    const errors: number[] = [];
    let estimated = 0;
    for (const [i, [text, syllables]] of sentences.entries()) {
      for (const voice of ['en-us', 'en-us+f3']) {
        const clip = espeakClip(dir, `s${i}-${voice.replace(/\W/g, '')}-${wpm}`, text, voice, wpm);
        const rate = summarizeProsody(computePitch(clip.samples)).syllableRate ?? 0;
        const error = rate / trueRate(clip.wav, syllables) - 1;
        assert.ok(Math.abs(error) <= 0.25, `${wpm} wpm, ${voice}, "${text}": ${rate.toFixed(2)} syllables/s, error ${(100 * error).toFixed(0)} %`);
        errors.push(Math.abs(error));
        estimated += rate / 4;
      }
    }
    const mean = errors.reduce((a, b) => a + b) / errors.length;
    t.diagnostic(`${wpm} wpm: ${estimated.toFixed(2)} syllables/s estimated, mean |error| ${(100 * mean).toFixed(1)} %`);
    assert.ok(mean <= 0.15, `${wpm} wpm: mean |error| ${(100 * mean).toFixed(1)} %`);
    meanByWpm.push(estimated);
  }
  for (let i = 1; i < meanByWpm.length; i++) assert.ok(meanByWpm[i] > meanByWpm[i - 1], `rates ${meanByWpm.join(', ')}`);
});

test('leading and trailing silence do not change the rate; a steady tone has one nucleus', () => {
  const clip = espeakClip(dir, 'padded-src', sentences[0][0], 'en-us', 150);
  const padded = join(dir, 'padded.wav');
  sox(clip.wav, padded, 'pad', '1.5', '2');
  const bare = summarizeProsody(computePitch(clip.samples)).syllableRate ?? 0;
  const withSilence = summarizeProsody(computePitch(soxSamples(padded))).syllableRate ?? 0;
  assert.ok(Math.abs(withSilence / bare - 1) < 0.03, `${bare} vs ${withSilence}`);
  assert.equal(countSyllableNuclei(computePitch(tone(200, 16000, 1, 0.3))).nuclei, 1);
  assert.deepEqual(countSyllableNuclei(computePitch(new Float32Array(100))), { nuclei: 0, speechSeconds: 0 });
  assert.equal(summarizeProsody(computePitch(new Float32Array(8000))).syllableRate, null);
});

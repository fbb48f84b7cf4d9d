import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computePitch, type PitchFrames } from '../../src/sdk/features/pitch-tracker.ts';
import { pythonHas, runReference } from '../helpers/python.ts';
import { scratchDir } from '../helpers/sox.ts';
import { comparePitch, espeakClip, praatPitch, soxClip, type PitchAgreement } from './pitch-reference.ts';

/**
 * F0/voicing parity. Independent reference: Praat 6.3's autocorrelation pitch (`To Pitch (ac)`,
 * default costs, floor/ceiling as ours), sampled at our frame centres, computed at test time on
 * sox tones and glides and espeak-ng speech in four voices. Tolerances, on frames both call
 * voiced: median |error| ≤ 3 cents on synthetic signals and ≤ 4 cents on speech, 90th percentile
 * ≤ 5 / 12 cents, ≤ 3 % gross errors (> 50 cents); voicing agreement ≥ 92 % (synthetic: Praat
 * leaves the first and last 30 ms unvoiced) / 90 % (speech). A numpy transcription of the same YIN
 * (training/reference/yin_reference.py) checks the implementation itself to 0.001 Hz.
 */
const dir = scratchDir('pitch');
const sentence = 'The quick brown fox jumps over the lazy dog, and then it runs far away into the forest.';

function report(t: test.TestContext, name: string, r: PitchAgreement): void {
  t.diagnostic(`${name}: ${r.bothVoiced} voiced frames, median ${r.medianCents.toFixed(2)} cents, p90 ${r.p90Cents.toFixed(2)} cents, gross ${(100 * r.grossErrorRate).toFixed(1)} %, voicing agreement ${(100 * r.voicingAgreement).toFixed(1)} %`);
}

const synthetic: [string, string[]][] = [
  ['sine 220 Hz', ['1', 'sine', '220']],
  ['exponential glide 100→400 Hz', ['2', 'sine', '100-400']],
  ['falling glide 500→150 Hz', ['1.5', 'sine', '500-150']],
  ['sawtooth 130 Hz', ['1', 'sawtooth', '130']],
  ['square 300 Hz', ['1', 'square', '300']],
];

for (const [name, synth] of synthetic) {
  test(`F0 of a ${name} matches Praat`, (t) => {
    const clip = soxClip(dir, name.replace(/\W+/g, '-'), ...synth);
    const ours = computePitch(clip.samples);
    const r = comparePitch(ours, praatPitch(clip.wav, ours));
    report(t, name, r);
    assert.ok(r.bothVoiced > 0.85 * ours.nFrames, `${r.bothVoiced} of ${ours.nFrames} frames voiced by both`);
    assert.ok(r.medianCents <= 3 && r.p90Cents <= 5 && r.grossErrorRate === 0, JSON.stringify(r));
    assert.ok(r.voicingAgreement >= 0.92, JSON.stringify(r));
  });
}

const voices: [string, string, string, number][] = [
  ['en-us', 'en-us', sentence, 150],
  ['en-us female', 'en-us+f3', sentence, 150],
  ['German', 'de', 'Die Kinder spielen heute im Garten hinter dem alten Haus.', 150],
  ['Spanish female', 'es+f2', 'Mañana vamos a la playa con mis amigos del colegio.', 170],
];

for (const [name, voice, text, wpm] of voices) {
  test(`F0 and voicing of espeak-ng ${name} speech match Praat`, (t) => {
    const clip = espeakClip(dir, voice.replace(/\W+/g, '-'), text, voice, wpm);
    const ours = computePitch(clip.samples);
    const r = comparePitch(ours, praatPitch(clip.wav, ours));
    report(t, name, r);
    assert.ok(r.bothVoiced > 100, `${r.bothVoiced} frames voiced by both`);
    assert.ok(r.medianCents <= 4 && r.p90Cents <= 12 && r.grossErrorRate <= 0.03, JSON.stringify(r));
    assert.ok(r.voicingAgreement >= 0.9, JSON.stringify(r));
  });
}

test('noise and silence are unvoiced', () => {
  const noise = computePitch(soxClip(dir, 'noise', '1', 'whitenoise').samples);
  const voiced = noise.voiced.reduce((a, b) => a + b, 0);
  assert.ok(voiced <= 0.05 * noise.nFrames, `${voiced} of ${noise.nFrames} white-noise frames voiced`);
  const silence = computePitch(new Float32Array(8000));
  assert.equal(silence.voiced.reduce((a, b) => a + b, 0), 0);
  assert.ok(silence.f0.every((f) => f === 0) && silence.levelDb.every((l) => l === -200));
});

test('the numpy transcription of the tracker agrees to 0.001 Hz on a glide and on speech', { skip: !pythonHas('numpy', 'soundfile') && 'the training Python lacks numpy or soundfile' }, () => {
  const clips = [soxClip(dir, 'np-glide', '1', 'sine', '120-480'), espeakClip(dir, 'np-speech', 'The quick brown fox jumps over the lazy dog.', 'en-us+f3', 150)];
  for (const clip of clips) {
    const ours: PitchFrames = computePitch(clip.samples);
    const reference = runReference<{ f0: number[]; voiced: number[]; aperiodicity: number[] }>('yin_reference.py', clip.wav, JSON.stringify(ours.config));
    assert.equal(reference.f0.length, ours.nFrames);
    for (let frame = 0; frame < ours.nFrames; frame++) {
      // A decision can flip only where the periodicity sits on the threshold within float32 rounding.
      const borderline = Math.abs(reference.aperiodicity[frame] - ours.config.voicingThreshold) < 1e-5;
      if (!borderline) assert.equal(ours.voiced[frame], reference.voiced[frame], `frame ${frame} voicing`);
      assert.ok(Math.abs(ours.aperiodicity[frame] - reference.aperiodicity[frame]) < 1e-5, `frame ${frame} aperiodicity`);
      if (ours.voiced[frame] && reference.voiced[frame]) assert.ok(Math.abs(ours.f0[frame] - reference.f0[frame]) < 1e-3, `frame ${frame} F0`);
    }
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computePitch } from '../../src/sdk/features/pitch-tracker.ts';
import { summarizeProsody } from '../../src/sdk/features/prosody.ts';
import { tone } from '../helpers/sox.ts';

const near = (actual: number | null, expected: number, tolerance: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected} ± ${tolerance}`);

test('a steady tone: its pitch, no range, its RMS level, all voiced', () => {
  const p = summarizeProsody(computePitch(tone(200, 16000, 1, 0.5)));
  near(p.pitchMeanHz, 200, 0.5, 'mean Hz');
  near(p.pitchMeanSemitones, 12, 0.01, 'mean semitones re 100 Hz');
  near(p.pitchRangeHz, 0, 1, 'range Hz');
  near(p.pitchRangeSemitones, 0, 0.05, 'range semitones');
  // RMS of a 0.5-amplitude sine is 0.5/√2: −9.03 dB; the edge frames are half silent.
  near(p.loudnessDb, 20 * Math.log10(0.5 / Math.SQRT2), 0.3, 'loudness');
  assert.ok(p.voicedFraction > 0.95, `voiced ${p.voicedFraction}`);
});

test('an exponential glide over two octaves: mean 12 semitones re 100 Hz, 10–90 % range 19.2 semitones', () => {
  const rate = 16000;
  const seconds = 2;
  const glide = new Float32Array(rate * seconds);
  // f(t) = 100·4^(t/2): phase is the integral of 2π f.
  const k = Math.log(4) / seconds;
  for (let i = 0; i < glide.length; i++) glide[i] = 0.4 * Math.sin((2 * Math.PI * 100 * (Math.exp((k * i) / rate) - 1)) / k);
  const p = summarizeProsody(computePitch(glide));
  near(p.pitchMeanSemitones, 12, 0.3, 'mean semitones');
  near(p.pitchRangeSemitones, 0.8 * 24, 0.5, 'range semitones');
  near(p.pitchRangeHz, 100 * (4 ** 0.9 - 4 ** 0.1), 5, 'range Hz');
  // The arithmetic mean of an exponential sweep: (400 − 100) / ln 4.
  near(p.pitchMeanHz, 300 / Math.log(4), 3, 'mean Hz');
});

test('louder audio raises loudnessDb by the gain and leaves pitch alone', () => {
  const quiet = summarizeProsody(computePitch(tone(150, 16000, 1, 0.1)));
  const loud = summarizeProsody(computePitch(tone(150, 16000, 1, 0.4)));
  near(loud.loudnessDb - quiet.loudnessDb, 20 * Math.log10(4), 0.01, 'gain in dB');
  near(loud.pitchMeanHz, quiet.pitchMeanHz ?? Number.NaN, 0.01, 'pitch');
});

test('silence and noise have no pitch; an empty track is a RangeError', () => {
  const silence = summarizeProsody(computePitch(new Float32Array(16000)));
  assert.deepEqual(silence, { pitchMeanHz: null, pitchMeanSemitones: null, pitchRangeHz: null, pitchRangeSemitones: null, loudnessDb: -200, voicedFraction: 0, syllableRate: null });
  let x = 7;
  const noise = Float32Array.from({ length: 16000 }, () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.5);
  assert.ok(summarizeProsody(computePitch(noise)).voicedFraction < 0.05);
  const empty = computePitch(new Float32Array(0));
  assert.throws(() => summarizeProsody({ ...empty, nFrames: 0 }), RangeError);
});

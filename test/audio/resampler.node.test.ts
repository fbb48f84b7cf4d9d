import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareAudio, resample, Resampler } from '../../src/sdk/audio/index.ts';
import { EmovoxError } from '../../src/sdk/errors.ts';
import { levelDb, tone } from '../helpers/sox.ts';

/** Level of the steady middle of a resampled tone, skipping the filter's edge transients. */
function resampledLevel(frequency: number, inputRate: number): number {
  const out = resample(tone(frequency, inputRate, 1, 0.5), inputRate, 16000);
  return levelDb(out, 1600, 14400) - levelDb(tone(frequency, 16000, 1, 0.5));
}

test('a 7 kHz tone passes the anti-aliasing filter within 1 dB', () => {
  for (const rate of [22050, 44100, 48000, 96000]) {
    const change = resampledLevel(7000, rate);
    assert.ok(Math.abs(change) < 1, `${rate} Hz: 7 kHz changed by ${change.toFixed(2)} dB`);
  }
});

test('a 9 kHz tone from 48 kHz input is attenuated by at least 40 dB', () => {
  const change = resampledLevel(9000, 48000);
  assert.ok(change <= -40, `9 kHz only attenuated by ${-change.toFixed(1)} dB`);
});

test('tones above the new Nyquist frequency from 44.1 and 96 kHz are attenuated by at least 40 dB', () => {
  assert.ok(resampledLevel(8600, 44100) <= -40);
  assert.ok(resampledLevel(12000, 96000) <= -40);
});

test('upsampling 8 kHz keeps a 3 kHz tone and its frequency', () => {
  const out = resample(tone(3000, 8000, 1), 8000, 16000);
  assert.equal(out.length, 16000);
  assert.ok(Math.abs(levelDb(out, 1600, 14400) - levelDb(tone(3000, 16000, 1))) < 0.5);
  const reference = tone(3000, 16000, 1);
  let worst = 0;
  for (let i = 1600; i < 14400; i++) worst = Math.max(worst, Math.abs(out[i] - reference[i]));
  assert.ok(worst < 0.01, `waveform differs from a 16 kHz tone by ${worst}`);
});

test('streaming in random chunks equals resampling at once, with ceil(n·out/in) samples', () => {
  const input = tone(440, 44100, 0.7);
  const whole = resample(input, 44100, 16000);
  assert.equal(whole.length, Math.ceil((input.length * 16000) / 44100));
  const resampler = new Resampler(44100, 16000);
  const pieces: number[] = [];
  let seed = 7;
  for (let i = 0; i < input.length; ) {
    seed = (seed * 48271) % 2147483647;
    const n = 1 + (seed % 2500);
    pieces.push(...resampler.process(input.subarray(i, i + n)));
    i += n;
  }
  pieces.push(...resampler.flush());
  assert.deepEqual(Float32Array.from(pieces), whole);
});

test('same rate is a copy', () => {
  const input = tone(100, 16000, 0.1);
  const out = resample(input, 16000, 16000);
  assert.deepEqual(out, input);
  assert.notEqual(out, input);
});

test('invalid rates are rejected', () => {
  assert.throws(() => new Resampler(0, 16000), RangeError);
  assert.throws(() => new Resampler(44100.5, 16000), RangeError);
});

test('prepareAudio downmixes stereo, resamples and rejects NaN, infinity and empty audio', () => {
  const left = tone(440, 48000, 0.5);
  const right = new Float32Array(left.length);
  const mono = prepareAudio({ sampleRate: 48000, channels: [left, right] });
  assert.equal(mono.length, 8000);
  assert.ok(Math.abs(levelDb(mono, 800, 7200) - levelDb(tone(440, 16000, 0.5, 0.25))) < 0.1);
  const bad = tone(440, 16000, 0.1);
  bad[50] = Number.NaN;
  const isInvalid = (error: unknown) => error instanceof EmovoxError && error.code === 'INVALID_AUDIO';
  assert.throws(() => prepareAudio({ sampleRate: 16000, channels: [bad] }), isInvalid);
  bad[50] = Number.POSITIVE_INFINITY;
  assert.throws(() => prepareAudio({ sampleRate: 16000, channels: [bad] }), isInvalid);
  assert.throws(() => prepareAudio({ sampleRate: 16000, channels: [new Float32Array(0)] }), isInvalid);
  assert.throws(() => prepareAudio({ sampleRate: 16000, channels: [] }), isInvalid);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeWav } from '../../src/sdk/audio/index.ts';
import { computeFeatures, concatFrames } from '../../src/sdk/features/compute.ts';
import { FeatureExtractor } from '../../src/sdk/features/extractor.ts';
import { spectralFeatureNames, type FrameFeatureName, type FrameFeatures } from '../../src/sdk/features/frame-features.ts';
import { computePitch } from '../../src/sdk/features/pitch-tracker.ts';
import { loudnessFloorDb, prosodyBlockNames, prosodyFrames } from '../../src/sdk/features/prosody-frames.ts';
import { tone } from '../helpers/sox.ts';

const speech = decodeWav(readFileSync(new URL('../fixtures/features/speech.wav', import.meta.url))).channels[0];
const withProsody: FrameFeatureName[] = [...spectralFeatureNames, ...prosodyBlockNames];

function streamed(samples: Float32Array, size: number, include: FrameFeatureName[]): FrameFeatures {
  const extractor = new FeatureExtractor({}, { include });
  const parts: FrameFeatures[] = [];
  for (let i = 0; i < samples.length; i += size) parts.push(extractor.push(samples.subarray(i, i + size)));
  parts.push(extractor.flush());
  return concatFrames(parts);
}

test('the prosody blocks are the F0 tracker frames, transformed value by value', () => {
  const frames = computeFeatures(speech, {}, { include: withProsody });
  const track = computePitch(speech);
  const expected = prosodyFrames(track);
  assert.equal(frames.nFrames, track.nFrames);
  for (const name of prosodyBlockNames) assert.deepEqual(frames[name], expected[name], name);
  for (let t = 0; t < track.nFrames; t++) {
    const semitones = track.voiced[t] ? 12 * Math.log2(track.f0[t] / 100) : 0;
    assert.ok(Math.abs(frames.pitch[t] - semitones) < 1e-4, `pitch of frame ${t}`);
    assert.ok(Math.abs(frames.voicing[t] - Math.min(1, Math.max(0, 1 - track.aperiodicity[t]))) < 1e-6, `voicing of frame ${t}`);
    assert.ok(Math.abs(frames.loudness[t] - Math.max(-100, track.levelDb[t])) < 1e-4, `loudness of frame ${t}`);
  }
});

test('streamed in chunks of any size, every block equals whole-clip extraction exactly', () => {
  const whole = computeFeatures(speech, {}, { include: withProsody });
  for (const size of [1, 7, 160, 161, 777, 4096]) {
    const parts = streamed(speech, size, withProsody);
    assert.equal(parts.nFrames, whole.nFrames, `chunk ${size}`);
    for (const name of withProsody) assert.deepEqual(parts[name], whole[name], `${name} with chunk ${size}`);
  }
  // Prosody alone (no deltas, so the spectral frames leave earlier than the F0 tracker's).
  const alone = streamed(speech, 333, ['pitch', 'rms']);
  assert.deepEqual(alone.pitch, whole.pitch);
  assert.deepEqual(alone.rms, whole.rms);
  // A short hop: the F0 tracker's frames then reach several hops beyond the spectral ones, which must wait intact.
  const shortHop = { hopLength: 64 };
  const wholeShort = computeFeatures(speech, shortHop, { include: ['pitch', 'rms', 'mfcc'] });
  for (const size of [1, 64, 333]) {
    const extractor = new FeatureExtractor(shortHop, { include: ['pitch', 'rms', 'mfcc'] });
    const parts: FrameFeatures[] = [];
    for (let i = 0; i < speech.length; i += size) parts.push(extractor.push(speech.subarray(i, i + size)));
    parts.push(extractor.flush());
    const joined = concatFrames(parts);
    for (const name of ['pitch', 'rms', 'mfcc'] as const) assert.deepEqual(joined[name], wholeShort[name], `hop 64, ${name} with chunk ${size}`);
  }
  assert.deepEqual(wholeShort.pitch, prosodyFrames(computePitch(speech, { hopLength: 64 })).pitch, 'and the whole clip equals the tracker');
});

test('asking for prosody leaves the spectral blocks unchanged; by default it is not computed', () => {
  const spectral = computeFeatures(speech);
  const both = computeFeatures(speech, {}, { include: withProsody });
  for (const name of spectralFeatureNames) assert.deepEqual(both[name], spectral[name], name);
  for (const name of prosodyBlockNames) assert.equal(spectral[name].length, 0, `${name} is empty by default`);
});

test('a 200 Hz tone reads 12 semitones, periodic, at the level of its amplitude; silence reads 0, 0 and the floor', () => {
  const sine = tone(200, 16000, 1, 0.5);
  const frames = computeFeatures(sine, {}, { include: ['pitch', 'voicing', 'loudness'] });
  // Interior frames: the F0 tracker's 49 ms span lies wholly inside the tone.
  for (let t = 10; t < frames.nFrames - 10; t++) {
    assert.ok(Math.abs(frames.pitch[t] - 12) < 0.05, `pitch ${frames.pitch[t]} at frame ${t}`);
    assert.ok(frames.voicing[t] > 0.95, `voicing ${frames.voicing[t]} at frame ${t}`);
    // RMS of a sine of amplitude 0.5 is 0.5/√2: −9.03 dB re full scale.
    assert.ok(Math.abs(frames.loudness[t] - 20 * Math.log10(0.5 / Math.SQRT2)) < 0.1, `loudness ${frames.loudness[t]} at frame ${t}`);
  }
  const silent = computeFeatures(new Float32Array(8000), {}, { include: ['pitch', 'voicing', 'loudness'] });
  assert.ok(silent.pitch.every((v) => v === 0));
  assert.ok(silent.voicing.every((v) => v === 0));
  assert.ok(silent.loudness.every((v) => v === loudnessFloorDb));
});

test('non-finite samples are refused with a RangeError when the F0 tracker runs', () => {
  const bad = speech.slice(0, 4000);
  bad[100] = Number.NaN;
  assert.throws(() => new FeatureExtractor({}, { include: ['pitch'] }).push(bad), RangeError);
});

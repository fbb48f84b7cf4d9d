import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeWav } from '../../src/sdk/audio/index.ts';
import { computeFeatures } from '../../src/sdk/features/compute.ts';
import { resolvePitchConfig } from '../../src/sdk/features/pitch-config.ts';
import { computePitch, computePitchFrom, concatPitchFrames, PitchTracker, type PitchFrames } from '../../src/sdk/features/pitch-tracker.ts';
import { tone } from '../helpers/sox.ts';

const speech = decodeWav(readFileSync(new URL('../fixtures/features/speech.wav', import.meta.url))).channels[0];

function streamed(samples: Float32Array, size: number, tracker = new PitchTracker()): PitchFrames {
  const parts: PitchFrames[] = [];
  for (let i = 0; i < samples.length; i += size) parts.push(tracker.push(samples.subarray(i, i + size)));
  parts.push(tracker.flush());
  return concatPitchFrames(parts);
}

test('streaming in chunks of any size equals whole-clip tracking exactly', () => {
  const whole = computePitch(speech);
  assert.ok(whole.voiced.reduce((a, b) => a + b, 0) > 50, 'the fixture has voiced frames');
  for (const size of [1, 7, 160, 161, 777, 4096]) {
    const parts = streamed(speech, size);
    assert.equal(parts.nFrames, whole.nFrames, `chunk ${size}`);
    assert.deepEqual(parts.f0, whole.f0, `f0 with chunk ${size}`);
    assert.deepEqual(parts.voiced, whole.voiced, `voiced with chunk ${size}`);
    assert.deepEqual(parts.aperiodicity, whole.aperiodicity, `aperiodicity with chunk ${size}`);
    assert.deepEqual(parts.levelDb, whole.levelDb, `levelDb with chunk ${size}`);
  }
});

test('computePitchFrom(samples, k) equals frames k… of the whole clip, for k inside and past the zero padding', () => {
  const whole = computePitch(speech);
  for (const first of [0, 1, 2, 3, 57, whole.nFrames - 1, whole.nFrames]) {
    const tail = computePitchFrom(speech, first);
    assert.equal(tail.nFrames, whole.nFrames - first, `from ${first}`);
    assert.deepEqual(tail.f0, whole.f0.subarray(first), `f0 from ${first}`);
    assert.deepEqual(tail.voiced, whole.voiced.subarray(first), `voiced from ${first}`);
    assert.deepEqual(tail.aperiodicity, whole.aperiodicity.subarray(first), `aperiodicity from ${first}`);
  }
  assert.throws(() => new PitchTracker().resetAtFrame(-1), RangeError);
  assert.throws(() => new PitchTracker().resetAtFrame(1), /zero padding/);
});

test('frames align with the spectral front-end: same count, frame t centred on sample t·hop', () => {
  for (const n of [1, 159, 160, 161, 1000, 16000]) {
    assert.equal(computePitch(speech.subarray(0, n)).nFrames, computeFeatures(speech.subarray(0, n), {}, { include: ['rms'] }).nFrames);
  }
  // A tone starting at 0.5 s: the level rises around frame 50, not a window-length later.
  const onset = new Float32Array(16000);
  onset.set(tone(200, 16000, 0.5, 0.5), 8000);
  const track = computePitch(onset);
  const firstLoud = track.levelDb.findIndex((l) => l > -20);
  assert.ok(Math.abs(firstLoud - 50) <= 2, `first loud frame ${firstLoud}`);
  assert.ok(track.voiced[60] === 1 && Math.abs(track.f0[60] - 200) < 0.5, `frame 60: ${track.f0[60]} Hz`);
});

test('frames are emitted as soon as their span is complete, and reset starts a new clip', () => {
  const tracker = new PitchTracker();
  // The first frame needs half a span (780 samples → 390) past its centre.
  assert.equal(tracker.push(speech.subarray(0, 389)).nFrames, 0);
  assert.equal(tracker.push(speech.subarray(389, 390)).nFrames, 1);
  tracker.reset();
  const again = streamed(speech, 999, tracker);
  assert.deepEqual(again.f0, computePitch(speech).f0);
  assert.equal(tracker.push(new Float32Array(0)).nFrames, 0);
});

test('F0 is accurate on pure tones across the range', () => {
  for (const f of [65, 110, 233, 440, 580]) {
    const track = computePitch(tone(f, 16000, 1, 0.3));
    const inner = Array.from(track.f0.subarray(10, 90));
    assert.ok(track.voiced.subarray(10, 90).every((v) => v === 1), `${f} Hz voiced`);
    for (const hz of inner) assert.ok(Math.abs(1200 * Math.log2(hz / f)) < 5, `${f} Hz read as ${hz}`);
  }
});

test('impossible pitch settings are rejected naming the option', () => {
  assert.throws(() => resolvePitchConfig({ fMin: 10 }), /pitchConfig\.fMin/);
  assert.throws(() => resolvePitchConfig({ fMin: 300, fMax: 310 }), /pitchConfig\.fMax/);
  assert.throws(() => resolvePitchConfig({ fMax: 5000 }), /pitchConfig\.fMax/);
  assert.throws(() => resolvePitchConfig({ hopLength: 0 }), /pitchConfig\.hopLength/);
  assert.throws(() => resolvePitchConfig({ windowLength: 100.5 }), /pitchConfig\.windowLength/);
  assert.throws(() => resolvePitchConfig({ voicingThreshold: Number.NaN }), /pitchConfig\.voicingThreshold/);
  assert.throws(() => new PitchTracker({ sampleRate: 4000 }), RangeError);
  assert.throws(() => concatPitchFrames([]), RangeError);
});

test('non-finite or mistyped samples are rejected and leave the tracker usable', () => {
  const tracker = new PitchTracker();
  assert.throws(() => tracker.push(Float32Array.of(0, Number.NaN)), /sample 1 is NaN/);
  assert.throws(() => tracker.push(Float32Array.of(Infinity)), RangeError);
  assert.throws(() => tracker.push([0.1, 0.2] as unknown as Float32Array), TypeError);
  tracker.reset();
  assert.deepEqual(streamed(speech, 4096, tracker).f0, computePitch(speech).f0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultVadOptions, type ResolvedVadOptions } from '../../src/sdk/options.ts';
import { Segmenter, type SegmentEvent } from '../../src/sdk/vad/segmenter.ts';
import type { Model } from '../../src/sdk/vendor/vad-web.js';

// A fake VAD: each 512-sample frame is filled with its own speech probability, and the model reads it back.
const fakeVad: Model = {
  process: async (frame) => ({ isSpeech: frame[0], notSpeech: 1 - frame[0] }),
  reset_state: () => {},
  release: async () => {},
};
const frame = 512;
const frameMs = 32;

/** Audio whose frames carry the given probabilities, e.g. [[0, 20], [0.9, 50], [0, 40]] (value, frames). */
function audioOf(runs: [number, number][]): Float32Array {
  const frames = runs.flatMap(([p, n]) => Array<number>(n).fill(p));
  const audio = new Float32Array(frames.length * frame);
  frames.forEach((p, i) => audio.fill(p, i * frame, (i + 1) * frame));
  return audio;
}

async function segment(audio: Float32Array, options: Partial<ResolvedVadOptions> = {}, interimMs = 0, chunk = audio.length): Promise<SegmentEvent[]> {
  const segmenter = new Segmenter(fakeVad, { ...defaultVadOptions, ...options }, (interimMs * 16000) / 1000);
  const events: SegmentEvent[] = [];
  for (let i = 0; i < audio.length; i += chunk) events.push(...(await segmenter.push(audio.subarray(i, i + chunk))));
  events.push(...segmenter.flush());
  return events;
}

test('one utterance: start includes the pre-speech pad, end trims the redemption silence to one frame', async () => {
  const events = await segment(audioOf([[0, 20], [0.9, 50], [0, 40]]), { preSpeechPadMs: 192 });
  assert.deepEqual(events.map((e) => e.type), ['speech-start', 'speech-end']);
  const [start, end] = events;
  // Speech starts at frame 20; 192 ms = 6 frames of pad.
  assert.equal(start.type === 'speech-start' && start.startMs, (20 - 6) * frameMs);
  assert.ok(end.type === 'speech-end');
  assert.equal(end.startMs, (20 - 6) * frameMs);
  assert.equal(end.endMs, (70 + 1) * frameMs);
  assert.equal(end.audio.length, ((end.endMs - end.startMs) * 16000) / 1000);
  assert.equal(end.audio[6 * frame - 1], 0, 'the pad is silence');
  assert.equal(end.audio[6 * frame], Math.fround(0.9), 'speech begins after the pad');
});

test('speech shorter than minSpeechMs is a misfire', async () => {
  const events = await segment(audioOf([[0, 10], [0.9, 3], [0, 40]]), { minSpeechMs: 250 });
  assert.deepEqual(events.map((e) => e.type), ['speech-start', 'misfire']);
});

test('two utterances separated by more than redemptionMs stay apart; a shorter gap is bridged', async () => {
  const apart = await segment(audioOf([[0, 10], [0.9, 30], [0, 40], [0.9, 30], [0, 40]]), { redemptionMs: 700 });
  assert.deepEqual(apart.map((e) => e.type), ['speech-start', 'speech-end', 'speech-start', 'speech-end']);
  const bridged = await segment(audioOf([[0, 10], [0.9, 30], [0, 10], [0.9, 30], [0, 40]]), { redemptionMs: 700 });
  assert.deepEqual(bridged.map((e) => e.type), ['speech-start', 'speech-end']);
});

test('speech-progress arrives every interim interval while speaking, with the audio so far', async () => {
  const events = await segment(audioOf([[0, 10], [0.9, 100], [0, 40]]), {}, 500);
  const progress = events.filter((e) => e.type === 'speech-progress');
  // 100 speech frames = 3.2 s of speech, then the redemption silence: six to eight 500 ms updates.
  assert.ok(progress.length >= 5 && progress.length <= 8, `got ${progress.length}`);
  for (let i = 1; i < progress.length; i++) {
    const [a, b] = [progress[i - 1], progress[i]];
    assert.ok(a.type === 'speech-progress' && b.type === 'speech-progress');
    assert.ok(b.audio.length > a.audio.length, 'the audio only grows');
    assert.deepEqual(b.audio.subarray(0, a.audio.length), a.audio, 'earlier audio never changes');
    // On the audio clock: exactly one interval apart, the audio cut at the point, not at a frame boundary.
    assert.equal(b.endMs - a.endMs, 500);
    assert.equal(b.audio.length - a.audio.length, 8000);
  }
});

test('maxSpeechMs cuts a long utterance', async () => {
  const events = await segment(audioOf([[0, 5], [0.9, 200], [0, 40]]), { maxSpeechMs: 2000 });
  const ends = events.filter((e) => e.type === 'speech-end');
  assert.ok(ends.length >= 3, `got ${ends.length} utterances`);
  for (const end of ends) assert.ok(end.type === 'speech-end' && end.endMs - end.startMs <= 2000 + frameMs);
});

test('chunking does not change the events', async () => {
  const audio = audioOf([[0, 10], [0.9, 40], [0, 30], [0.2, 5], [0.9, 20], [0, 40]]);
  const whole = await segment(audio, {}, 300);
  for (const chunk of [1, 100, 513, 4096]) assert.deepEqual(await segment(audio, {}, 300, chunk), whole, `chunk ${chunk}`);
});

test('flush ends an utterance in progress', async () => {
  const events = await segment(audioOf([[0, 10], [0.9, 40]]));
  assert.deepEqual(events.map((e) => e.type), ['speech-start', 'speech-end']);
});

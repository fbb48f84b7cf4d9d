import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RecognitionEvent } from '../../src/sdk/pipeline/recognition.ts';
import { InterimPacer } from '../../src/sdk/worker/interim-pacer.ts';

const update = (endMs: number, startMs = 0): RecognitionEvent => ({ name: 'emotion-update', payload: { startMs, endMs } as never });
const final = (endMs: number): RecognitionEvent => ({ name: 'emotion', payload: { startMs: 0, endMs } as never });

/** A pacer on a fixed clock: chunks of 40 ms audio that arrived 5 ms after their audio ended, frames of 32 ms. */
function pacerAt(startNowMs: number) {
  let nowMs = startNowMs;
  const sent: RecognitionEvent[][] = [];
  let onSend: () => void = () => {};
  const pacer = new InterimPacer((events) => (sent.push(events), onSend()), 32, () => nowMs);
  for (let end = 40; end <= 1000; end += 40) pacer.noteChunk(end + 5, end, 40);
  const nextSend = () => new Promise<void>((resolve) => (onSend = resolve));
  return { pacer, sent, nextSend, setNow: (ms: number) => (nowMs = ms) };
}

test('an update is held until its audio point is due (audio clock + frame + chunk + margin), then sent alone', async () => {
  // Due at 500 + 5 + 32 + 40 + 10 = 587 ms on the wall clock; it is 586.
  const { pacer, sent, nextSend } = pacerAt(586);
  const delivered = nextSend();
  pacer.deliver([update(500)]);
  assert.deepEqual(sent, [], 'not sent before it is due');
  await delivered;
  assert.deepEqual(sent, [[update(500)]]);
});

test('an update already due, and every other event, go out at once and in order', () => {
  const { pacer, sent } = pacerAt(600);
  pacer.deliver([{ name: 'speech-start', payload: { startMs: 0 } }, update(500), final(800)]);
  assert.deepEqual(sent, [[{ name: 'speech-start', payload: { startMs: 0 } }, update(500), final(800)]]);
});

test('a held update is dropped when a newer event of the stream comes first: it never arrives after it', async () => {
  const { pacer, sent } = pacerAt(0);
  pacer.deliver([update(500)]);
  pacer.deliver([final(700)]);
  await new Promise((resolve) => setTimeout(resolve, 700));
  assert.deepEqual(sent, [[final(700)]]);
});

test('without a clock (no chunk since a pause) updates are not held; drop() cancels a held one', async () => {
  const { pacer, sent } = pacerAt(0);
  pacer.resetClock();
  pacer.deliver([update(500)]);
  assert.deepEqual(sent, [[update(500)]]);
  pacer.noteChunk(45, 40, 40);
  pacer.deliver([update(1000)]);
  pacer.drop();
  await new Promise((resolve) => setTimeout(resolve, 1100));
  assert.equal(sent.length, 1);
});

test('the updates of one utterance keep their spacing while the clock estimate moves; a late one shifts the rest', () => {
  const { pacer, sent, setNow } = pacerAt(587);
  pacer.deliver([update(500)]); // due at 587: sent now
  // Chunks that arrive 20 ms earlier than before move the clock estimate, not this utterance's schedule.
  for (let end = 1040; end <= 1200; end += 40) pacer.noteChunk(end - 15, end, 40);
  setNow(1087);
  pacer.deliver([update(1000)]); // due at 1087 still
  setNow(1600);
  pacer.deliver([update(1500)]); // 13 ms late: sent now, the schedule moves by 13 ms
  setNow(2100);
  pacer.deliver([update(2000)]); // due at 2100
  assert.deepEqual(sent, [[update(500)], [update(1000)], [update(1500)], [update(2000)]]);
  pacer.drop();
});

test('a new utterance takes the current clock estimate', () => {
  const { pacer, sent, setNow } = pacerAt(0);
  for (let end = 1040; end <= 1200; end += 40) pacer.noteChunk(end - 15, end, 40);
  // Offset now -15: the update of an utterance ending at 2000 is due at 2000 - 15 + 32 + 40 + 10 = 2067.
  setNow(2067);
  pacer.deliver([update(2000, 1500)]);
  assert.deepEqual(sent, [[update(2000, 1500)]]);
});

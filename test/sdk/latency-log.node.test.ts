import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecognitionEvent } from '../../src/sdk/pipeline/recognition.ts';
import type { EmotionResult } from '../../src/sdk/types.ts';
import { LatencyLog } from '../../src/sdk/worker/latency-log.ts';

const result = (final: boolean): EmotionResult => ({
  label: 'neutral', confidence: 1, probabilities: { neutral: 1 }, valence: 0, arousal: 0, startMs: 0, endMs: 500, final,
});
const emotion: RecognitionEvent = { name: 'emotion', payload: result(true) };
const update: RecognitionEvent = { name: 'emotion-update', payload: result(false) };
const speechEnd: RecognitionEvent = { name: 'speech-end', payload: { startMs: 0, endMs: 500 } };

describe('LatencyLog', () => {
  it('notes only final emotion results, with the chunk arrival time and an emission time not before it', () => {
    const log = new LatencyLog();
    const received = performance.timeOrigin + performance.now();
    log.record([update, speechEnd, emotion], received);
    log.record([update], received + 1);
    assert.equal(log.entries.length, 1);
    assert.equal(log.entries[0].audioReceivedMs, received);
    assert.ok(log.entries[0].emittedMs >= received);
  });

  it('keeps only the latest `capacity` entries, so a long session cannot grow it', () => {
    const log = new LatencyLog(3);
    for (let i = 0; i < 10; i++) log.record([emotion], i);
    assert.deepEqual(log.entries.map((entry) => entry.audioReceivedMs), [7, 8, 9]);
  });

  it('hands out a copy: callers cannot change what it holds', () => {
    const log = new LatencyLog();
    log.record([emotion], 1);
    (log.entries as unknown as unknown[]).length = 0;
    assert.equal(log.entries.length, 1);
  });
});

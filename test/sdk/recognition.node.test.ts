import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as ort from 'onnxruntime-node';
import { EmotionModel } from '../../src/sdk/model/emotion-model.ts';
import { parseManifest } from '../../src/sdk/model/manifest.ts';
import type { OrtRuntime } from '../../src/sdk/model/ort-types.ts';
import { defaultOptions } from '../../src/sdk/options.ts';
import { EmotionScorer } from '../../src/sdk/pipeline/emotion-scorer.ts';
import { Recognition, type RecognitionEvent } from '../../src/sdk/pipeline/recognition.ts';
import { Segmenter } from '../../src/sdk/vad/segmenter.ts';
import type { Model } from '../../src/sdk/vendor/vad-web.js';

const fixtures = new URL('../model/fixtures/', import.meta.url);
const manifest = parseManifest(JSON.parse(readFileSync(new URL('tiny-frames.json', fixtures), 'utf8')));
const model = await EmotionModel.create(ort as unknown as OrtRuntime, manifest, readFileSync(new URL('tiny-frames.onnx', fixtures)));

/** A VAD that replays a per-frame speech probability schedule. */
function scheduledVad(schedule: number[]): Model {
  let index = 0;
  return {
    process: async () => {
      const p = schedule[Math.min(index++, schedule.length - 1)];
      return { isSpeech: p, notSpeech: 1 - p };
    },
    reset_state: () => {},
    release: async () => {},
  };
}

function noise(frames: number, seed = 1): Float32Array {
  const out = new Float32Array(frames * 512);
  let x = seed;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out[i] = (x / 2147483648 - 0.5) * 0.2;
  }
  return out;
}

async function run(schedule: number[], interimMs = 500, smoothing = defaultOptions.smoothing): Promise<RecognitionEvent[]> {
  const segmenter = new Segmenter(scheduledVad(schedule), defaultOptions.vad, (interimMs * 16000) / 1000);
  const recognition = new Recognition(segmenter, new EmotionScorer(model), smoothing);
  const audio = noise(schedule.length);
  const events: RecognitionEvent[] = [];
  for (let i = 0; i < audio.length; i += 4096) events.push(...(await recognition.push(audio.subarray(i, i + 4096))));
  events.push(...(await recognition.flush()));
  return events;
}

const speech = (silence: number, talk: number, after: number) => [...Array(silence).fill(0), ...Array(talk).fill(0.9), ...Array(after).fill(0)];

test('an utterance yields speech-start, interim updates, the final emotion, then speech-end', async () => {
  const events = await run(speech(10, 80, 40));
  const names = events.map((e) => e.name);
  assert.equal(names[0], 'speech-start');
  assert.deepEqual(names.slice(-2), ['emotion', 'speech-end']);
  const updates = events.filter((e) => e.name === 'emotion-update');
  assert.ok(updates.length >= 3, `${updates.length} updates for 2.5 s of speech`);
  for (const event of events) {
    if (event.name !== 'emotion' && event.name !== 'emotion-update') continue;
    const sum = Object.values(event.payload.probabilities).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-5);
    assert.equal(event.payload.final, event.name === 'emotion');
    assert.equal(event.payload.confidence, event.payload.probabilities[event.payload.label]);
  }
  const final = events.find((e) => e.name === 'emotion');
  const end = events.find((e) => e.name === 'speech-end');
  assert.ok(final?.name === 'emotion' && end?.name === 'speech-end');
  assert.deepEqual([final.payload.startMs, final.payload.endMs], [end.payload.startMs, end.payload.endMs]);
});

test('interimIntervalMs 0 disables updates; short speech is a misfire without any emotion', async () => {
  assert.equal((await run(speech(10, 80, 40), 0)).filter((e) => e.name === 'emotion-update').length, 0);
  const short = await run(speech(10, 3, 40));
  assert.deepEqual(short.map((e) => e.name), ['speech-start', 'misfire']);
});

test('the final result equals scoring the utterance audio in one go (what analyze() does)', async () => {
  const events = await run(speech(10, 60, 40), 500, { kind: 'hysteresis', margin: 0.3 });
  const final = events.find((e) => e.name === 'emotion');
  assert.ok(final?.name === 'emotion');
  const audio = noise(110).subarray((final.payload.startMs * 16000) / 1000, (final.payload.endMs * 16000) / 1000);
  const scorer = new EmotionScorer(model);
  const direct = await scorer.scoreFinal(scorer.features(audio));
  manifest.labels.forEach((label, i) => assert.ok(Math.abs(final.payload.probabilities[label] - direct[i]) < 1e-6));
});

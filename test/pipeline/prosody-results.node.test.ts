import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as ort from 'onnxruntime-node';
import { computePitch } from '../../src/sdk/features/pitch-tracker.ts';
import { summarizeProsody } from '../../src/sdk/features/prosody.ts';
import { EmotionModel } from '../../src/sdk/model/emotion-model.ts';
import { parseManifest } from '../../src/sdk/model/manifest.ts';
import type { OrtRuntime } from '../../src/sdk/model/ort-types.ts';
import { NodeAnalyzer } from '../../src/sdk/node/analyzer.ts';
import { defaultOptions } from '../../src/sdk/options.ts';
import { EmotionScorer } from '../../src/sdk/pipeline/emotion-scorer.ts';
import { Recognition } from '../../src/sdk/pipeline/recognition.ts';
import type { EmotionResult } from '../../src/sdk/types.ts';
import { Segmenter } from '../../src/sdk/vad/segmenter.ts';
import type { Model } from '../../src/sdk/vendor/vad-web.js';
import { praatPitch } from '../features/pitch-reference.ts';
import { scratchDir, sox, soxSamples } from '../helpers/sox.ts';

const fixtures = new URL('../model/fixtures/', import.meta.url);
const dir = scratchDir('prosody');
const sentence = 'The quick brown fox jumps over the lazy dog, and then it runs far away into the forest.';

/** The espeak-ng sentence at espeak pitch `pitch` (0–99, default 50) and `gain` (dB), padded with silence, 16 kHz mono. */
function utterance(name: string, pitch = 50, gainDb = 0): Float32Array {
  const raw = join(dir, `${name}-raw.wav`);
  const wav = join(dir, `${name}.wav`);
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-p', String(pitch), '-w', raw, sentence]);
  sox(raw, '-r', '16000', '-c', '1', '-b', '16', wav, 'pad', '0.6', '1.2', 'gain', String(gainDb));
  return soxSamples(wav);
}

/** Writes 16 kHz samples as a 16-bit WAV (for Praat). */
function writeWav(samples: Float32Array, name: string): string {
  const raw = join(dir, `${name}.f32`);
  const wav = join(dir, `${name}.wav`);
  writeFileSync(raw, new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
  sox('-t', 'f32', '-r', '16000', '-c', '1', raw, '-b', '16', wav);
  return wav;
}

let analyzer: NodeAnalyzer;
before(async () => {
  analyzer = await NodeAnalyzer.create({ model: new URL('tiny-frames.json', fixtures), includeAudio: true });
});
after(() => analyzer.release());

async function onlyUtterance(samples: Float32Array): Promise<EmotionResult> {
  const { utterances } = await analyzer.analyze({ samples, sampleRate: 16000 });
  assert.equal(utterances.length, 1);
  return utterances[0];
}

/** Praat's mean F0 over the voiced frames of `audio`, in semitones re 100 Hz. */
function praatMeanSemitones(audio: Float32Array, name: string): number {
  const reference = praatPitch(writeWav(audio, name), computePitch(audio)).filter((f) => f > 0);
  return reference.reduce((s, f) => s + 12 * Math.log2(f / 100), 0) / reference.length;
}

test('analyze(): every final result carries the prosody of its own audio, agreeing with Praat', async (t) => {
  const u = await onlyUtterance(utterance('plain'));
  assert.ok(u.prosody && u.audio);
  assert.deepEqual(u.prosody, summarizeProsody(computePitch(u.audio)));
  const praat = praatMeanSemitones(u.audio, 'plain-utterance');
  t.diagnostic(`mean pitch ${u.prosody.pitchMeanSemitones?.toFixed(2)} semitones re 100 Hz, Praat ${praat.toFixed(2)}`);
  assert.ok(Math.abs((u.prosody.pitchMeanSemitones ?? Number.NaN) - praat) < 0.3, `ours ${u.prosody.pitchMeanSemitones} st, Praat ${praat} st`);
  assert.ok(u.prosody.voicedFraction > 0.3 && u.prosody.voicedFraction < 0.9, `voiced ${u.prosody.voicedFraction}`);
});

test('analyze(): a higher voice reads higher by as much as Praat says; 6 dB quieter reads 6 dB quieter', async (t) => {
  const base = await onlyUtterance(utterance('base'));
  const higher = await onlyUtterance(utterance('higher', 80));
  const quieter = (await onlyUtterance(utterance('quieter', 50, -6))).prosody;
  assert.ok(base.prosody && higher.prosody && quieter && base.audio && higher.audio);
  const shift = (higher.prosody.pitchMeanSemitones ?? 0) - (base.prosody.pitchMeanSemitones ?? 0);
  const praatShift = praatMeanSemitones(higher.audio, 'higher-utterance') - praatMeanSemitones(base.audio, 'base-utterance');
  t.diagnostic(`espeak pitch 50 → 80: ${shift.toFixed(2)} semitones (Praat ${praatShift.toFixed(2)}); gain −6 dB: ${(quieter.loudnessDb - base.prosody.loudnessDb).toFixed(2)} dB`);
  assert.ok(shift > 2 && Math.abs(shift - praatShift) < 0.3, `shift ${shift} st, Praat ${praatShift} st`);
  assert.ok(Math.abs(quieter.loudnessDb - base.prosody.loudnessDb + 6) < 0.5, `${base.prosody.loudnessDb} → ${quieter.loudnessDb} dB`);
  assert.ok(Math.abs((quieter.pitchMeanHz ?? 0) - (base.prosody.pitchMeanHz ?? 0)) < 2);
});

test('interim results carry the prosody heard so far; the final one that of the whole utterance', async () => {
  const manifest = parseManifest(JSON.parse(readFileSync(new URL('tiny-frames.json', fixtures), 'utf8')));
  const model = await EmotionModel.create(ort as unknown as OrtRuntime, manifest, readFileSync(new URL('tiny-frames.onnx', fixtures)));
  const speech = utterance('interim');
  // A VAD that calls every 512-sample frame speech from 0.5 s to the end of the words.
  let frame = 0;
  const vad: Model = { process: async () => { const p = frame++ * 512 > 8000 && frame * 512 < speech.length - 16000 ? 0.95 : 0.01; return { isSpeech: p, notSpeech: 1 - p }; }, reset_state: () => {}, release: async () => {} };
  const recognition = new Recognition(new Segmenter(vad, defaultOptions.vad, 8000), new EmotionScorer(model), defaultOptions.smoothing, true);
  const events = [];
  for (let i = 0; i < speech.length; i += 4096) events.push(...(await recognition.push(speech.subarray(i, i + 4096))));
  events.push(...(await recognition.flush()));
  const updates = events.filter((e) => e.name === 'emotion-update').map((e) => e.payload as EmotionResult);
  const final = events.find((e) => e.name === 'emotion')?.payload as EmotionResult;
  assert.ok(updates.length >= 3, `${updates.length} interim results`);
  for (const u of updates) assert.ok(u.prosody && u.prosody.voicedFraction >= 0 && u.prosody.voicedFraction <= 1);
  assert.ok(final.prosody && final.audio);
  assert.deepEqual(final.prosody, summarizeProsody(computePitch(final.audio)));
  assert.ok(Math.abs((updates.at(-1)?.prosody?.pitchMeanHz ?? 0) - (final.prosody.pitchMeanHz ?? 0)) < 10, 'the last interim is close to the final');
});

// Wrong types, out-of-range values and unknown keys for every public option object and call of the
// Node API, beyond the cases of test/sdk/options.node.test.ts: each is a TypeError or RangeError naming
// the option (or an EmovoxError for a state problem), thrown before any model is loaded or file read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { decodeAudioBytes, toMono } from '../../src/sdk/audio/index.ts';
import { EmovoxError } from '../../src/sdk/errors.ts';
import { analyzeFile, NodeAnalyzer } from '../../src/sdk/node/index.ts';
import { resolveOptions, type RecognizerOptions } from '../../src/sdk/options.ts';

const model = new URL('../model/fixtures/tiny-frames.json', import.meta.url);
const speechPath = new URL('../fixtures/features/speech.wav', import.meta.url).pathname;
const speech = toMono(await decodeAudioBytes(readFileSync(speechPath)));

type Case = [string, unknown, ErrorConstructor, RegExp];

/** Recognizer options (also taken by NodeAnalyzer.create and analyzeFile). */
const recognizerCases: Case[] = [
  ['an array as options', [], TypeError, /options must be an object/],
  ['a Map as options', new Map([['model', 'x']]), TypeError, /options must be an object/],
  ['a string as options', 'silent', TypeError, /options must be an object/],
  ['an array as vad', { vad: [] }, TypeError, /vad must be an object/],
  ['a Date as vad', { vad: new Date() }, TypeError, /vad must be an object/],
  ['an array as assets', { assets: ['worker.js'] }, TypeError, /assets must be an object/],
  ['null smoothing', { smoothing: null }, TypeError, /smoothing/],
  ['a smoothing array', { smoothing: ['exponential'] }, TypeError, /smoothing/],
  ['alpha as a string', { smoothing: { kind: 'exponential', alpha: '0.5' } }, TypeError, /smoothing\.alpha/],
  ['alpha above 1', { smoothing: { kind: 'exponential', alpha: 1.5 } }, RangeError, /smoothing\.alpha/],
  ['negative margin', { smoothing: { kind: 'hysteresis', margin: -0.1 } }, RangeError, /smoothing\.margin/],
  ['interimIntervalMs Infinity', { interimIntervalMs: Infinity }, RangeError, /interimIntervalMs/],
  ['interimIntervalMs null', { interimIntervalMs: null }, TypeError, /interimIntervalMs/],
  ['ortThreads 2^40', { ortThreads: 2 ** 40 }, RangeError, /ortThreads/],
  ['ortThreads "2"', { ortThreads: '2' }, TypeError, /ortThreads/],
  ['logLevel null', { logLevel: null }, TypeError, /logLevel/],
  ['logLevel "verbose"', { logLevel: 'verbose' }, RangeError, /logLevel/],
  ['signal null', { signal: null }, TypeError, /signal/],
  ['signal as a controller', { signal: new AbortController() }, TypeError, /signal/],
  ['includeAudio 1', { includeAudio: 1 }, TypeError, /includeAudio/],
  ['vad.model 5', { vad: { model: 5 } }, TypeError, /vad\.model/],
  ['vad.maxSpeechMs Infinity', { vad: { maxSpeechMs: Infinity } }, RangeError, /vad\.maxSpeechMs/],
  ['vad.preSpeechPadMs -1', { vad: { preSpeechPadMs: -1 } }, RangeError, /vad\.preSpeechPadMs/],
  ['vad.redemptionMs "700"', { vad: { redemptionMs: '700' } }, TypeError, /vad\.redemptionMs/],
  ['vad.positiveSpeechThreshold 0', { vad: { positiveSpeechThreshold: 0 } }, RangeError, /vad\.positiveSpeechThreshold/],
  ['vad.negativeSpeechThreshold -0.1', { vad: { negativeSpeechThreshold: -0.1 } }, RangeError, /vad\.negativeSpeechThreshold/],
  ['a misspelt top-level key', { interimIntervalMS: 500 }, TypeError, /interimIntervalMS/],
  ['a __proto__ key from JSON', JSON.parse('{"__proto__": {"ortThreads": 4}}'), TypeError, /__proto__/],
];

for (const [what, options, type, name] of recognizerCases) {
  test(`resolveOptions: ${what} is a ${type.name} naming it`, () => {
    assert.throws(() => resolveOptions(options as RecognizerOptions), (error: Error) => error instanceof type && name.test(error.message));
  });
}

/** Options that resolve but name files: checked when assets are resolved, still before anything is loaded. */
const assetCases: Case[] = [
  ['model 5', { model: 5 }, TypeError, /model/],
  ['model ""', { model: '' }, TypeError, /model/],
  ['assetBaseUrl {}', { assetBaseUrl: {} }, TypeError, /assetBaseUrl/],
  ['assets.worker 5', { assets: { worker: 5 } }, TypeError, /assets\.worker/],
  ['assets.vadModel "http://[bad"', { assets: { vadModel: 'http://[bad' } }, TypeError, /assets\.vadModel/],
];

test('NodeAnalyzer.create rejects every bad option (and runtime) with the same error types, loading nothing', async () => {
  for (const [, options, type, name] of [...recognizerCases, ...assetCases]) {
    await assert.rejects(NodeAnalyzer.create(options as RecognizerOptions), (error: Error) => error instanceof type && name.test(error.message), JSON.stringify(options));
  }
  for (const runtime of ['onnxruntime', 'web', 5, null]) {
    await assert.rejects(NodeAnalyzer.create({ model }, runtime as never), (error: Error) => error instanceof RangeError && /runtime/.test(error.message));
  }
  console.log(`options: ${recognizerCases.length + assetCases.length} bad recognizer options, 4 bad runtimes`);
});

let analyzer: NodeAnalyzer;
before(async () => {
  analyzer = await NodeAnalyzer.create({ model });
});
after(() => analyzer.release());

const analyzeCases: Case[] = [
  ['null options', null, TypeError, /options must be an object/],
  ['an unknown key', { onprogress: () => {} }, TypeError, /onprogress/],
  ['chunkSeconds NaN (skipped the whole recording before)', { chunkSeconds: Number.NaN }, TypeError, /chunkSeconds/],
  ['chunkSeconds 0', { chunkSeconds: 0 }, RangeError, /chunkSeconds/],
  ['chunkSeconds -1', { chunkSeconds: -1 }, RangeError, /chunkSeconds/],
  ['chunkSeconds Infinity', { chunkSeconds: Infinity }, RangeError, /chunkSeconds/],
  ['chunkSeconds "10"', { chunkSeconds: '10' }, TypeError, /chunkSeconds/],
  ['onProgress not a function', { onProgress: 'log' }, TypeError, /onProgress/],
  ['signal not a signal', { signal: { aborted: true } }, TypeError, /signal/],
];

for (const [what, options, type, name] of analyzeCases) {
  test(`NodeAnalyzer.analyze: ${what} is a ${type.name} naming it`, async () => {
    await assert.rejects(analyzer.analyze({ samples: speech, sampleRate: 16000 }, options as never), (error: Error) => error instanceof type && name.test(error.message));
  });
}

test('analyzeFile: bad path, options or file give TypeError or an EmovoxError naming the path', async () => {
  for (const path of [undefined, 5, '']) await assert.rejects(analyzeFile(path as never, { model }), TypeError);
  await assert.rejects(analyzeFile(speechPath, null as never), TypeError);
  await assert.rejects(analyzeFile(speechPath, { model, vad: [] } as never), /vad must be an object/);
  await assert.rejects(analyzeFile('/nonexistent/call.wav', { model }), (error: unknown) => error instanceof EmovoxError && error.code === 'INVALID_AUDIO' && error.message === '/nonexistent/call.wav: no such file');
  await assert.rejects(analyzeFile('/tmp', { model }), (error: unknown) => error instanceof EmovoxError && /^\/tmp: is a directory/.test(error.message));
  const aborted = AbortSignal.abort();
  await assert.rejects(analyzeFile(speechPath, { model, signal: aborted }), (error: unknown) => error instanceof EmovoxError && error.code === 'ABORTED');
});

test('calls in the wrong state: analyze after release is INVALID_STATE; release twice is safe', async () => {
  const short = await NodeAnalyzer.create({ model });
  await short.release();
  await short.release();
  await assert.rejects(short.analyze({ samples: speech, sampleRate: 16000 }), (error: unknown) => error instanceof EmovoxError && error.code === 'INVALID_STATE');
  const other = await NodeAnalyzer.create({ model });
  const pending = [other.analyze({ samples: speech, sampleRate: 16000 }), other.analyze({ samples: speech, sampleRate: 16000 })];
  await other.release();
  for (const outcome of await Promise.allSettled(pending)) {
    assert.ok(outcome.status === 'rejected' && outcome.reason instanceof EmovoxError && outcome.reason.code === 'INVALID_STATE', 'release during pending analyses rejects them');
  }
});

test('overlapping analyze() calls on one analyzer give the same results as one at a time', async () => {
  // Different inputs at once: shared VAD state between calls would move or merge their utterances.
  const inputs = [speech, speech.map((x) => x * 0.5), new Float32Array(32000), Float32Array.from([...new Float32Array(8000), ...speech])];
  const alone = [];
  for (const samples of inputs) alone.push(await analyzer.analyze({ samples, sampleRate: 16000 }, { chunkSeconds: 0.3 }));
  const together = await Promise.all(inputs.map((samples) => analyzer.analyze({ samples, sampleRate: 16000 }, { chunkSeconds: 0.3 })));
  assert.deepEqual(together, alone);
});

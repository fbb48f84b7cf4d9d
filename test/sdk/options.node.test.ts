import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveAssets } from '../../src/sdk/assets.ts';
import { defaultOptions, resolveOptions, type RecognizerOptions } from '../../src/sdk/options.ts';

test('no options gives the documented defaults', () => {
  assert.deepEqual(resolveOptions(), defaultOptions);
  assert.equal(defaultOptions.logLevel, 'silent');
  assert.equal(defaultOptions.interimIntervalMs, 500);
  assert.equal(defaultOptions.ortThreads, 1);
});

test('partial nested options merge over the defaults', () => {
  const resolved = resolveOptions({ vad: { redemptionMs: 900 }, smoothing: 'hysteresis' });
  assert.equal(resolved.vad.redemptionMs, 900);
  assert.equal(resolved.vad.positiveSpeechThreshold, defaultOptions.vad.positiveSpeechThreshold);
  assert.deepEqual(resolved.smoothing, { kind: 'hysteresis', margin: 0.1 });
  assert.deepEqual(resolveOptions({ smoothing: { kind: 'exponential', alpha: 0.25 } }).smoothing, { kind: 'exponential', alpha: 0.25 });
});

const invalid: [RecognizerOptions, ErrorConstructor, RegExp][] = [
  [{ interimIntervalMs: -1 }, RangeError, /interimIntervalMs/],
  [{ interimIntervalMs: '500' as unknown as number }, TypeError, /interimIntervalMs/],
  [{ ortThreads: 1.5 }, RangeError, /ortThreads/],
  [{ ortThreads: 0 }, RangeError, /ortThreads/],
  [{ logLevel: 'loud' as never }, RangeError, /logLevel/],
  [{ smoothing: 'median' as never }, RangeError, /smoothing.kind/],
  [{ smoothing: { kind: 'exponential', alpha: 0 } }, RangeError, /smoothing.alpha/],
  [{ smoothing: { kind: 'hysteresis', margin: 1 } }, RangeError, /smoothing.margin/],
  [{ vad: { positiveSpeechThreshold: 1.2 } }, RangeError, /vad.positiveSpeechThreshold/],
  [{ vad: { negativeSpeechThreshold: 0.9 } }, RangeError, /vad.negativeSpeechThreshold/],
  [{ vad: { model: 'v7' as never } }, RangeError, /vad.model/],
  [{ vad: { redemptionMs: Number.NaN } }, TypeError, /vad.redemptionMs/],
  [{ vad: { minSpeechMs: 5000, maxSpeechMs: 4000 } }, RangeError, /vad.maxSpeechMs/],
  [{ includeAudio: 'yes' as never }, TypeError, /includeAudio/],
  [{ signal: {} as never }, TypeError, /signal/],
  [{ modle: 'x' } as never, TypeError, /modle/],
  [{ vad: { redemptionMS: 900 } as never }, TypeError, /vad\.redemptionMS/],
  [{ smoothing: { kind: 'exponential', margin: 0.2 } as never }, TypeError, /smoothing\.margin/],
  [{ smoothing: { kind: 'none', alpha: 0.2 } as never }, TypeError, /smoothing\.alpha/],
  [{ assets: { wasm: 'x.wasm' } as never }, TypeError, /assets\.wasm/],
  [{ assets: 'x' as never }, TypeError, /assets/],
];

for (const [options, type, name] of invalid) {
  test(`rejects ${JSON.stringify(options)} with ${type.name} naming the option`, () => {
    assert.throws(() => resolveOptions(options), (error: Error) => error instanceof type && name.test(error.message));
  });
}

test('assets: override beats assetBaseUrl beats the bundled default', () => {
  const bundled = resolveAssets({ model: 'https://example.test/m.json' }, 'v5');
  assert.match(bundled.vadModel.href, /silero_vad_v5\.onnx$/);
  assert.equal(bundled.worker, undefined, 'the bundled worker is referenced where it is constructed');
  const based = resolveAssets({ model: 'https://example.test/m.json', assetBaseUrl: 'https://cdn.test/emovox' }, 'legacy');
  assert.equal(based.vadModel.href, 'https://cdn.test/emovox/silero_vad_legacy.onnx');
  assert.equal(based.ortWasm?.href, 'https://cdn.test/emovox/ort-wasm-simd-threaded.wasm');
  assert.equal(based.worker?.href, 'https://cdn.test/emovox/emotion.worker.js');
  const overridden = resolveAssets({ model: 'https://example.test/m.json', assetBaseUrl: 'https://cdn.test/', assets: { ortWasm: 'https://other.test/o.wasm' } }, 'v5');
  assert.equal(overridden.ortWasm?.href, 'https://other.test/o.wasm');
  assert.throws(() => resolveAssets({ model: 'https://example.test/m.json', assets: { vadModel: '' } }, 'v5'), /assets.vadModel/);
  assert.match(resolveAssets({}, 'v5').model.href, /\/models\/emovox-default\.json$/, 'the shipped model by default');
  assert.match(resolveAssets({}, 'v5').modelFile?.href ?? '', /\/models\/emovox-default\.onnx$/, 'named literally so app bundlers copy it');
  assert.equal(resolveAssets({ model: 'https://example.test/m.json' }, 'v5').modelFile, undefined, "a custom model's file follows its manifest");
  assert.equal(resolveAssets({ assetBaseUrl: 'https://cdn.test/emovox/' }, 'v5').model.href, 'https://cdn.test/emovox/models/emovox-default.json');
  assert.throws(() => resolveAssets({ model: 'not a url' }, 'v5'), /model/);
});

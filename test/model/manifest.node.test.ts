import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { EmovoxError } from '../../src/sdk/errors.ts';
import { parseManifest } from '../../src/sdk/model/manifest.ts';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

function mutate(name: string, path: string, value: unknown): unknown {
  const json = fixture(name);
  const keys = path.split('.');
  let target = json as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  if (value === undefined) delete target[keys[keys.length - 1]];
  else target[keys[keys.length - 1]] = value;
  return json;
}

function assertInvalid(json: unknown, field: string): void {
  assert.throws(() => parseManifest(json), (error: unknown) => {
    assert.ok(error instanceof EmovoxError, String(error));
    assert.equal(error.code, 'MODEL_INVALID');
    assert.ok(error.message.includes(`'${field}`), `message should name ${field}: ${error.message}`);
    return true;
  });
}

test('the fixture manifests parse', () => {
  const frames = parseManifest(fixture('tiny-frames'));
  assert.deepEqual(frames.labels, ['neutral', 'happy', 'angry']);
  assert.equal(frames.features.adaptation?.priorFrames, 100);
  assert.equal(frames.features.config.nMfcc, 20);
  const stats = parseManifest(fixture('tiny-stats'));
  assert.equal(stats.features.input, 'statistics');
  assert.equal(stats.features.normalization.mean.length, 405);
});

test('onnx.temperature defaults to 1 and is refused on a probabilities output', () => {
  assert.equal(parseManifest(fixture('tiny-frames')).onnx.temperature, 1);
  assert.equal(parseManifest(mutate('tiny-frames', 'onnx.temperature', 1.7)).onnx.temperature, 1.7);
  assert.equal(parseManifest(mutate('tiny-frames', 'features.config', { denoiseDb: 12 })).features.config.denoiseDb, 12);
  assert.equal(parseManifest(fixture('tiny-frames')).features.config.denoiseDb, 0, 'manifests without the key run no noise suppression');
  const json = mutate('tiny-frames', 'onnx.temperature', 1.7) as { onnx: Record<string, unknown> };
  json.onnx.output = 'probabilities';
  assertInvalid(json, 'onnx.temperature');
});

test('not an object, wrong format', () => {
  assertInvalid(null, 'format');
  assertInvalid([], 'format');
  assertInvalid(mutate('tiny-frames', 'format', 'emovox-model@2'), 'format');
});

const cases: [string, string, unknown][] = [
  ['tiny-frames', 'name', undefined],
  ['tiny-frames', 'version', 3],
  ['tiny-frames', 'labels', ['neutral', 'joy']],
  ['tiny-frames', 'labels', ['neutral']],
  ['tiny-frames', 'labels', ['angry', 'angry']],
  ['tiny-frames', 'model.sha256', 'ABC'],
  ['tiny-frames', 'model.bytes', -1],
  ['tiny-frames', 'model.file', ''],
  ['tiny-frames', 'features.config', { nFft: 500 }],
  ['tiny-frames', 'features.config', { denoiseDb: -3 }],
  ['tiny-frames', 'features.config', { denoiseDb: 'strong' }],
  ['tiny-frames', 'features.input', 'spectrogram'],
  ['tiny-frames', 'features.blocks', ['mfcc', 'formants']],
  ['tiny-frames', 'features.blocks', []],
  ['tiny-frames', 'features.normalization.mean', [0.1]],
  ['tiny-frames', 'features.normalization.std', [0.1, 0]],
  ['tiny-frames', 'features.normalization.mean', [0.1, 'x']],
  ['tiny-frames', 'features.minFrames', 0],
  ['tiny-frames', 'features.maxFrames', 5],
  ['tiny-frames', 'features.trimDb', 6],
  ['tiny-frames', 'features.adaptation.kind', 'cmvn'],
  ['tiny-frames', 'features.adaptation.std', [1]],
  ['tiny-frames', 'features.adaptation.priorFrames', -1],
  ['tiny-frames', 'onnx.inputShape', [1, 'frames', 3]],
  ['tiny-frames', 'onnx.inputShape', [1, 50, 2]],
  ['tiny-frames', 'onnx.output', 'scores'],
  ['tiny-frames', 'onnx.temperature', 0],
  ['tiny-frames', 'onnx.temperature', -1.5],
  ['tiny-frames', 'onnx.temperature', '1.2'],
  ['tiny-frames', 'onnx.temperature', 1e9],
  ['tiny-frames', 'onnx.inputName', undefined],
  ['tiny-frames', 'training.commercialUse', 'no'],
  ['tiny-frames', 'training.licence', undefined],
  ['tiny-frames', 'metrics', []],
  ['tiny-stats', 'features.blocks', ['mfcc']],
  ['tiny-stats', 'features.normalization.std', [1, 2, 3]],
  ['tiny-stats', 'onnx.inputShape', [1, 'frames', 405]],
];

for (const [name, path, value] of cases) {
  test(`${name}: bad ${path} = ${JSON.stringify(value)?.slice(0, 40)} is MODEL_INVALID naming it`, () => {
    assertInvalid(mutate(name, path, value), path);
  });
}

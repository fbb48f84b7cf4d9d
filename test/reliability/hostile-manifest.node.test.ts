// A model manifest is untrusted input: numbers that size buffers or loops, URLs that leave the
// manifest's origin, and label counts that disagree with the model are all refused with MODEL_INVALID
// naming the field, before any buffer is allocated or any other file fetched.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { decodeAudioBytes, toMono } from '../../src/sdk/audio/index.ts';
import { EmovoxError } from '../../src/sdk/errors.ts';
import { manifestLimits } from '../../src/sdk/model/manifest-limits.ts';
import { parseManifest } from '../../src/sdk/model/manifest.ts';
import { NodeAnalyzer } from '../../src/sdk/node/analyzer.ts';
import { scratchDir } from '../helpers/sox.ts';

const fixtures = new URL('../model/fixtures/', import.meta.url);
const fixture = (name: string): Record<string, any> => JSON.parse(readFileSync(new URL(`${name}.json`, fixtures), 'utf8'));
const dir = scratchDir('hostile-manifest');

/** The fixture with `path` set to `value` (dotted path; the object is a fresh copy). */
function withField(name: string, path: string, value: unknown): Record<string, any> {
  const json = fixture(name);
  const keys = path.split('.');
  let target = json;
  for (const key of keys.slice(0, -1)) target = target[key];
  target[keys.at(-1)!] = value;
  return json;
}

function assertRejected(json: unknown, field: string): void {
  assert.throws(() => parseManifest(json), (error: unknown) => {
    assert.ok(error instanceof EmovoxError, `expected EmovoxError, got ${String(error)}`);
    assert.equal(error.code, 'MODEL_INVALID');
    assert.ok(error.message.includes(`'${field}`), `message should name ${field}: ${error.message}`);
    return true;
  });
}

const width = (name: string) => fixture(name).features.normalization.mean.length as number;
const repeat = (length: number, value: number) => new Array(length).fill(value);

const hostile: Array<[string, string, string, unknown, string?]> = [
  ['padding beyond the input budget', 'tiny-stats', 'features.minFrames', 100_000],
  ['a window of a billion frames', 'tiny-frames', 'features.maxFrames', 1e9],
  ['a 1 PB model file', 'tiny-frames', 'model.bytes', 1e15],
  ['a hop of one sample', 'tiny-frames', 'features.config', { hopLength: 1 }],
  ['a 64k FFT every 10 ms', 'tiny-frames', 'features.config', { nFft: 65536, winLength: 400, hopLength: 160 }],
  ['a feature setting given as a string', 'tiny-frames', 'features.config', { nFft: '512' }, 'features.config.nFft'],
  ['an unknown feature setting', 'tiny-frames', 'features.config', { hopSize: 160 }, 'features.config.hopSize'],
  ['a std of 1e-300 (divides features into Infinity)', 'tiny-frames', 'features.normalization.std', [1e-300, 0.05], 'features.normalization.std[0]'],
  ['a mean of 1e300', 'tiny-frames', 'features.normalization.mean', [1e300, 0.1], 'features.normalization.mean[0]'],
  ['an adaptation std of 1e300', 'tiny-frames', 'features.adaptation.std', [0.05, 1e300], 'features.adaptation.std[1]'],
  ['an adaptation prior of 1e300 frames', 'tiny-frames', 'features.adaptation.priorFrames', 1e300],
  ['a batch axis of 4', 'tiny-frames', 'onnx.inputShape', [4, 'frames', 2]],
  ['a model file on another origin', 'tiny-frames', 'model.file', 'https://tracker.example/model.onnx'],
  ['a protocol-relative model file', 'tiny-frames', 'model.file', '//tracker.example/model.onnx'],
  ['a data: URL model file', 'tiny-frames', 'model.file', 'data:application/octet-stream;base64,AAAA'],
  ['a million duplicate labels', 'tiny-frames', 'labels', repeat(1_000_000, 0).map(() => 'neutral')],
  ['a normalisation of a million values', 'tiny-frames', 'features.normalization.mean', repeat(1_000_000, 0)],
];

for (const [what, name, path, value, field] of hostile) {
  test(`hostile manifest: ${what} is MODEL_INVALID naming ${field ?? path}`, () => {
    assertRejected(withField(name, path, value), field ?? path);
  });
}

test('the limits sit far above every shipped model', () => {
  for (const file of ['emovox-default', 'emovox-cnn', 'emovox-rnn', 'emovox-mlp']) {
    const manifest = parseManifest(JSON.parse(readFileSync(new URL(`../../models/${file}.json`, import.meta.url), 'utf8')));
    assert.ok(manifest.model.bytes * 100 < manifestLimits.modelBytes, file);
    assert.ok(manifest.features.minFrames * manifest.features.normalization.mean.length * 100 < manifestLimits.inputValues, file);
  }
  assert.equal(width('tiny-frames'), 2);
});

test('fields are read as own properties only, never from a prototype', () => {
  const inherited = Object.create(fixture('tiny-frames'));
  assertRejected(inherited, 'format');
  const features = fixture('tiny-frames');
  delete features.features.adaptation;
  const prototypeFeatures = Object.assign(Object.create({ adaptation: fixture('tiny-frames').features.adaptation }), features.features);
  assert.equal(parseManifest({ ...features, features: prototypeFeatures }).features.adaptation, undefined);
});

test('a hostile manifest is refused before its model file is fetched', async () => {
  const path = join(dir, 'elsewhere.json');
  writeFileSync(path, JSON.stringify(withField('tiny-frames', 'model.file', 'http://127.0.0.1:9/never-fetched.onnx')));
  await assert.rejects(NodeAnalyzer.create({ model: pathToFileURL(path) }), (error: unknown) => error instanceof EmovoxError && error.code === 'MODEL_INVALID' && /model\.file/.test(error.message));
});

test('fewer labels than model outputs: MODEL_INVALID at the first prediction, never a wrong index', async () => {
  copyFileSync(new URL('tiny-frames.onnx', fixtures), join(dir, 'tiny-frames.onnx'));
  const path = join(dir, 'two-labels.json');
  writeFileSync(path, JSON.stringify(withField('tiny-frames', 'labels', ['neutral', 'happy'])));
  const analyzer = await NodeAnalyzer.create({ model: pathToFileURL(path) });
  try {
    const speech = toMono(await decodeAudioBytes(readFileSync(new URL('../fixtures/features/speech.wav', import.meta.url))));
    await assert.rejects(analyzer.analyze({ samples: speech, sampleRate: 16000 }), (error: unknown) => error instanceof EmovoxError && error.code === 'MODEL_INVALID' && /3 values for 2 labels/.test(error.message));
  } finally {
    await analyzer.release();
  }
});

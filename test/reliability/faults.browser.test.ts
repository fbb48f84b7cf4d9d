// @fake-mic one-phrase
// Asset faults a deployment really meets (an HTML fallback page instead of a file, a partial or altered
// download, a dead host, the wrong model in the VAD's place), each injected for real. Every one must
// reject with its documented EmovoxError code and leave no worker, microphone track or AudioContext alive.
// The plain 404 cases (manifest, model file, VAD model, worker, worklet) are in test/sdk/errors.browser.test.ts.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer, type EmovoxErrorCode, type RecognizerOptions } from '../../src/sdk/index.ts';
import { tinyModelUrl } from '../sdk/helpers.ts';
import { spyOnResources } from '../sdk/spies.ts';
import { bytesUrl, codeOf, expectReleased, htmlPageUrl, loadTinyModel, manifestFor, sha256Hex, type TinyModel } from './faults.ts';

/** A port nothing listens on: the connection is refused. */
const deadHost = 'http://127.0.0.1:9/';

interface Fault {
  readonly name: string;
  readonly code: EmovoxErrorCode;
  readonly options: (tiny: TinyModel) => Promise<RecognizerOptions> | RecognizerOptions;
}

const createFaults: readonly Fault[] = [
  { name: 'manifest URL answers an HTML page', code: 'MODEL_INVALID', options: () => ({ model: htmlPageUrl }) },
  { name: 'manifest host refuses the connection', code: 'MODEL_LOAD_FAILED', options: () => ({ model: `${deadHost}model.json` }) },
  { name: 'model file answers an HTML page', code: 'MODEL_INVALID', options: (tiny) => ({ model: manifestFor(tiny, htmlPageUrl) }) },
  { name: 'model file host refuses the connection', code: 'MODEL_LOAD_FAILED', options: (tiny) => ({ model: manifestFor(tiny, new URL(`${deadHost}m.onnx`)) }) },
  { name: 'model file truncated (partial download)', code: 'MODEL_INVALID', options: (tiny) => ({ model: manifestFor(tiny, bytesUrl(tiny.bytes.subarray(0, tiny.bytes.length >> 1))) }) },
  {
    name: 'model file with one byte flipped',
    code: 'MODEL_INVALID',
    options: (tiny) => {
      const flipped = tiny.bytes.slice();
      flipped[flipped.length >> 1] ^= 0xff;
      return { model: manifestFor(tiny, bytesUrl(flipped)) };
    },
  },
  {
    name: 'model file truncated, its sha256 matching (a broken export)',
    code: 'MODEL_INVALID',
    options: async (tiny) => {
      const truncated = tiny.bytes.slice(0, tiny.bytes.length - 40);
      return { model: manifestFor(tiny, bytesUrl(truncated), await sha256Hex(truncated)) };
    },
  },
  { name: 'ORT wasm missing (404)', code: 'ASSET_LOAD_FAILED', options: () => ({ model: tinyModelUrl, assets: { ortWasm: new URL('./fixtures/missing.wasm', import.meta.url) } }) },
  { name: 'ORT wasm answers an HTML page', code: 'ASSET_LOAD_FAILED', options: () => ({ model: tinyModelUrl, assets: { ortWasm: htmlPageUrl } }) },
  { name: 'ORT wasm host refuses the connection', code: 'ASSET_LOAD_FAILED', options: () => ({ model: tinyModelUrl, assets: { ortWasm: `${deadHost}ort.wasm` } }) },
  { name: 'VAD model answers an HTML page', code: 'ASSET_LOAD_FAILED', options: () => ({ model: tinyModelUrl, assets: { vadModel: htmlPageUrl } }) },
  { name: 'VAD model host refuses the connection', code: 'ASSET_LOAD_FAILED', options: () => ({ model: tinyModelUrl, assets: { vadModel: `${deadHost}vad.onnx` } }) },
  { name: 'VAD model is another ONNX model', code: 'ASSET_LOAD_FAILED', options: (tiny) => ({ model: tinyModelUrl, assets: { vadModel: bytesUrl(tiny.bytes) } }) },
  { name: 'worker script answers an HTML page', code: 'ASSET_LOAD_FAILED', options: () => ({ model: tinyModelUrl, assets: { worker: htmlPageUrl } }) },
];

describe('asset faults', () => {
  let tiny: TinyModel;
  let injected = 0;

  before(async () => {
    tiny = await loadTinyModel();
  });

  after(() => {
    console.log(`faults injected: ${injected}`);
  });

  for (const fault of createFaults) {
    it(`create() rejects with ${fault.code} when the ${fault.name}`, async () => {
      const options = await fault.options(tiny);
      const spy = spyOnResources();
      try {
        injected++;
        expect(await codeOf(EmotionRecognizer.create(options))).to.equal(fault.code);
        expect(spy.workers.length, 'a worker was started').to.be.greaterThan(0);
        expectReleased(spy, fault.name);
      } finally {
        spy.restore();
      }
    });
  }

  it('start() rejects with ASSET_LOAD_FAILED when the capture worklet answers an HTML page; state error, nothing left open', async () => {
    const spy = spyOnResources();
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl, assets: { captureWorklet: htmlPageUrl } });
    try {
      injected++;
      expect(await codeOf(recognizer.start())).to.equal('ASSET_LOAD_FAILED');
      expect(recognizer.state).to.equal('error');
      expect(spy.tracks.length).to.equal(1);
      expect(spy.tracks[0].readyState, 'the microphone is released').to.equal('ended');
      expect(spy.contexts.every((c) => c.state === 'closed'), 'the AudioContext is closed').to.equal(true);
    } finally {
      await recognizer.destroy();
      spy.restore();
    }
    expectReleased(spy, 'worklet fault');
  });

  it('a create() that failed leaves nothing behind that breaks the next create()', async () => {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      const result = await recognizer.analyze({ samples: new Float32Array(16000), sampleRate: 16000 });
      expect(result.utterances).to.deep.equal([]);
    } finally {
      await recognizer.destroy();
    }
  });
});

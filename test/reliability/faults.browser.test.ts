// @fake-mic one-phrase
// Asset faults a deployment really meets (an HTML fallback page instead of a file, a partial or altered
// download, a dead host, the wrong model in the VAD's place), each injected for real. Every one must
// reject with its documented EmovoxError code and leave no worker, microphone track or AudioContext alive.
// The plain 404 cases (manifest, model file, VAD model, worker, worklet) are in test/sdk/errors.browser.test.ts;
// fixtures/README.md describes the broken files.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer, type EmovoxErrorCode, type RecognizerOptions } from '../../src/sdk/index.ts';
import { tinyModelUrl } from '../sdk/helpers.ts';
import { spyOnResources } from '../sdk/spies.ts';
import { codeOf, expectReleased, htmlPageUrl, messageOf } from './faults.ts';

/** A port nothing listens on: the connection is refused. */
const deadHost = 'http://127.0.0.1:9/';
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const otherOnnxModel = new URL('../model/fixtures/tiny-frames.onnx', import.meta.url);

interface Fault {
  readonly name: string;
  readonly code: EmovoxErrorCode;
  /** What the message must say, so the code is right for the right reason. */
  readonly says: RegExp;
  readonly options: RecognizerOptions;
}

const createFaults: readonly Fault[] = [
  { name: 'manifest URL answers an HTML page', code: 'MODEL_INVALID', says: /not JSON/, options: { model: htmlPageUrl } },
  { name: 'manifest host refuses the connection', code: 'MODEL_LOAD_FAILED', says: /model manifest/, options: { model: `${deadHost}model.json` } },
  { name: 'model file answers an HTML page', code: 'MODEL_INVALID', says: /sha256|bytes/, options: { model: fixture('html-model.json') } },
  { name: 'model file is cut short (partial download)', code: 'MODEL_INVALID', says: /sha256|bytes/, options: { model: fixture('partial-model.json') } },
  { name: 'model file has one byte flipped', code: 'MODEL_INVALID', says: /sha256/, options: { model: fixture('flipped-model.json') } },
  { name: 'model file is a broken export whose sha256 matches', code: 'MODEL_INVALID', says: /onnxruntime could not load/, options: { model: fixture('broken-export-model.json') } },
  { name: 'ORT wasm is missing (404)', code: 'ASSET_LOAD_FAILED', says: /wasm/i, options: { model: tinyModelUrl, assets: { ortWasm: fixture('missing.wasm') } } },
  { name: 'ORT wasm answers an HTML page', code: 'ASSET_LOAD_FAILED', says: /wasm/i, options: { model: tinyModelUrl, assets: { ortWasm: htmlPageUrl } } },
  { name: 'ORT wasm host refuses the connection', code: 'ASSET_LOAD_FAILED', says: /wasm/i, options: { model: tinyModelUrl, assets: { ortWasm: `${deadHost}ort.wasm` } } },
  { name: 'VAD model answers an HTML page', code: 'ASSET_LOAD_FAILED', says: /VAD model/, options: { model: tinyModelUrl, assets: { vadModel: htmlPageUrl } } },
  { name: 'VAD model host refuses the connection', code: 'ASSET_LOAD_FAILED', says: /VAD model/, options: { model: tinyModelUrl, assets: { vadModel: `${deadHost}vad.onnx` } } },
  { name: 'VAD model is another ONNX model', code: 'ASSET_LOAD_FAILED', says: /VAD model/, options: { model: tinyModelUrl, assets: { vadModel: otherOnnxModel } } },
  { name: 'worker script answers an HTML page', code: 'ASSET_LOAD_FAILED', says: /worker script/, options: { model: tinyModelUrl, assets: { worker: htmlPageUrl } } },
];

describe('asset faults', () => {
  let injected = 0;

  after(() => {
    console.log(`faults injected: ${injected}`);
  });

  for (const fault of createFaults) {
    it(`create() rejects with ${fault.code} when the ${fault.name}`, async () => {
      const spy = spyOnResources();
      try {
        injected++;
        const error = await messageOf(EmotionRecognizer.create(fault.options));
        expect(error.code, error.message).to.equal(fault.code);
        expect(error.message).to.match(fault.says);
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

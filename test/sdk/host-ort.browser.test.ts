// A host page that uses onnxruntime-web itself: emovox must leave the page's ORT environment alone
// (vad-web's MicVAD mutates it; emovox configures ORT only inside its worker).
import { expect } from '@open-wc/testing';
import * as ort from 'onnxruntime-web/wasm';
import { EmotionRecognizer } from '../../src/sdk/index.ts';
import { generatedAudioUrl, tinyModelUrl } from './helpers.ts';

const ortWasm = new URL('../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', import.meta.url);

describe('EmotionRecognizer on a page with its own onnxruntime-web', () => {
  it("does not touch the page's ort.env, even with threads, log level and wasm overrides of its own", async () => {
    ort.env.wasm.numThreads = 3;
    ort.env.wasm.wasmPaths = '/page-owned/';
    ort.env.logLevel = 'warning';
    const snapshot = () => JSON.stringify({ numThreads: ort.env.wasm.numThreads, wasmPaths: ort.env.wasm.wasmPaths, proxy: ort.env.wasm.proxy, logLevel: ort.env.logLevel });
    const before = snapshot();
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl, ortThreads: 2, logLevel: 'error', assets: { ortWasm } });
    try {
      expect((await recognizer.analyze(generatedAudioUrl('one-phrase'))).utterances).to.have.length(1);
      const diagnostics = await recognizer.diagnostics();
      expect(diagnostics.wasmFetches).to.deep.equal([ortWasm.href]);
    } finally {
      await recognizer.destroy();
    }
    expect(snapshot()).to.equal(before);
  });
});

// @fake-mic one-phrase
// The page keeps the worker's compiled ORT wasm module, so a later create() (or a reload) reuses V8's code.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer } from '../../src/sdk/index.ts';
import { keptWasmModule } from '../../src/sdk/worker/wasm-module-share.ts';
import { generatedAudioUrl, tinyModelUrl } from './helpers.ts';

describe('compiled ORT wasm kept by the page', () => {
  it("holds onnxruntime's module after create(), and a second recognizer works on it", async () => {
    const first = await EmotionRecognizer.create({ model: tinyModelUrl });
    await first.destroy();
    // The module arrives on its own port; create() resolving does not wait for it.
    for (let i = 0; i < 100 && !keptWasmModule(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const module = keptWasmModule();
    expect(module).to.be.instanceOf(WebAssembly.Module);
    // The ORT runtime exports its malloc, free and C API functions.
    const exports = WebAssembly.Module.exports(module!);
    expect(exports.length).to.be.above(10);

    const second = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      const result = await second.analyze(generatedAudioUrl('one-phrase'));
      expect(result.utterances.length).to.be.at.least(1);
      expect(WebAssembly.Module.exports(keptWasmModule()!).length).to.equal(exports.length);
    } finally {
      await second.destroy();
    }
  });

  it('leaves WebAssembly.instantiate and instantiateStreaming untouched on the page', () => {
    expect(WebAssembly.instantiate.name).to.equal('instantiate');
    expect(WebAssembly.instantiateStreaming.name).to.equal('instantiateStreaming');
  });
});

// Proves the browser test pipeline: headless Chromium, cross-origin isolation from the dev server,
// `.ts` module workers, AudioWorklet, and onnxruntime-web's wasm backend running a real model.
import { expect } from '@open-wc/testing';
import * as ort from 'onnxruntime-web/wasm';
import { doublingModel } from './tiny-onnx.ts';

describe('browser test environment', () => {
  it('is cross-origin isolated, so SharedArrayBuffer exists', () => {
    expect(globalThis.crossOriginIsolated).to.equal(true);
    expect(typeof SharedArrayBuffer).to.equal('function');
  });

  it('runs a TypeScript module worker referenced with new URL(…, import.meta.url)', async () => {
    const worker = new Worker(new URL('./echo.worker.ts', import.meta.url), { type: 'module' });
    const reply = new Promise<{ modelBytes: number; isolated: boolean }>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message));
    });
    worker.postMessage(4);
    const data = await reply;
    worker.terminate();
    expect(data.modelBytes).to.equal(doublingModel(4).length);
    expect(data.isolated).to.equal(true);
  });

  it('loads an AudioWorklet module and renders through it offline', async () => {
    const context = new OfflineAudioContext({ numberOfChannels: 1, length: 1280, sampleRate: 16000 });
    await context.audioWorklet.addModule(new URL('./capture.worklet.ts', import.meta.url));
    const node = new AudioWorkletNode(context, 'emovox-test-capture');
    const blocks: Float32Array[] = [];
    node.port.onmessage = (event: MessageEvent<Float32Array>) => blocks.push(event.data);
    const source = new ConstantSourceNode(context, { offset: 0.25 });
    source.connect(node);
    node.connect(context.destination);
    source.start();
    await context.startRendering();
    // Messages from the rendering thread arrive as tasks after rendering; wait for the first one.
    while (blocks.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(blocks[0]!.length).to.equal(128);
    expect(blocks[0]![5]).to.be.closeTo(0.25, 1e-6);
  });

  it('runs an ONNX model with onnxruntime-web/wasm', async () => {
    expect(typeof WebAssembly.instantiate).to.equal('function');
    const session = await ort.InferenceSession.create(doublingModel(3));
    const input = new ort.Tensor('float32', Float32Array.from([1, -2.5, 0.125]), [3]);
    const { y } = await session.run({ x: input });
    expect(Array.from(y!.data as Float32Array)).to.deep.equal([2, -5, 0.25]);
    await session.release();
  });
});

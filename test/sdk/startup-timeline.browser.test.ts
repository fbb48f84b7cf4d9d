// @fake-mic one-phrase
// The worker's start-up record (what `npm run bench` splits cold start with) and the one download per file it relies on.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer } from '../../src/sdk/index.ts';
import { generatedAudioUrl, tinyModelUrl } from './helpers.ts';

describe('worker start-up timeline', () => {
  it('records each load step on the page clock, in order, inside create()', async () => {
    const before = performance.timeOrigin + performance.now();
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    const after = performance.timeOrigin + performance.now();
    try {
      const { startup, resources } = await recognizer.diagnostics();
      const names = startup.map((span) => span.name);
      expect(names).to.include.members(['worker-script', 'ort-start', 'fetch:vad', 'fetch:model', 'session:vad', 'session:model']);
      for (const span of startup) {
        expect(span.endMs, span.name).to.be.at.least(span.startMs);
        expect(span.endMs, span.name).to.be.at.most(after + 1);
      }
      const at = (name: string) => startup.find((span) => span.name === name)!;
      // The worker exists only once create() ran; sessions open after their bytes arrived.
      expect(at('worker-script').startMs).to.be.at.least(before - 1);
      expect(at('session:vad').startMs).to.be.at.least(at('fetch:vad').endMs - 1);
      expect(at('session:model').startMs).to.be.at.least(at('fetch:model').endMs - 1);
      // Both downloads start together, before the first session opens.
      expect(at('fetch:model').startMs).to.be.below(at('session:vad').startMs);
      // ORT's runtime starts first, without waiting for a download; sessions open once it is up.
      expect(at('ort-start').startMs).to.be.at.most(at('fetch:vad').startMs);
      expect(at('session:vad').startMs).to.be.at.least(at('ort-start').endMs - 1);
      expect(at('session:model').startMs).to.be.at.least(at('ort-start').endMs - 1);
      const wasm = resources.filter((r) => r.url.endsWith('.wasm'));
      expect(wasm).to.have.length(1);
      expect(wasm[0].endMs).to.be.at.least(wasm[0].startMs);
    } finally {
      await recognizer.destroy();
    }
  });

  it('opens the analysis VAD from the bytes it already holds: each .onnx is downloaded once', async () => {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      await recognizer.analyze(generatedAudioUrl('one-phrase'));
      const { onnxFetches, startup } = await recognizer.diagnostics();
      expect(onnxFetches.filter((url) => url.endsWith('silero_vad_v5.onnx'))).to.have.length(1);
      expect(startup.map((span) => span.name)).to.include('session:analysis-vad');
    } finally {
      await recognizer.destroy();
    }
  });
});

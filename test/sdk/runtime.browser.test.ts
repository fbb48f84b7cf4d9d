// @fake-mic one-phrase
// Off-main-thread inference, one ORT runtime, lifecycle and leaks. Chromium's fake microphone loops one-phrase.wav.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer, EmovoxError, analyzeAudio } from '../../src/sdk/index.ts';
import { generatedAudioUrl, recordEvents, tinyModelUrl, until } from './helpers.ts';
import { spyOnResources } from './spies.ts';

describe('EmotionRecognizer runtime', () => {
  it('runs VAD and model in the worker on one ORT wasm instance; the page loads neither', async () => {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      const result = await recognizer.analyze(generatedAudioUrl('one-phrase'));
      expect(result.utterances).to.have.length(1);
      const diagnostics = await recognizer.diagnostics();
      expect(diagnostics.inWorker).to.equal(true);
      // VAD (live), VAD (analysis) and the emotion model: every session came from the worker's one ORT module.
      expect(diagnostics.ortSessions).to.equal(3);
      expect(diagnostics.wasmFetches, 'ORT wasm fetched once by the worker').to.have.length(1);
      expect(diagnostics.wasmFetches[0]).to.match(/ort-wasm-simd-threaded\.wasm$/);
      expect(diagnostics.onnxFetches.some((url) => url.endsWith('silero_vad_v5.onnx'))).to.equal(true);
      expect(diagnostics.onnxFetches.some((url) => url.endsWith('tiny-frames.onnx'))).to.equal(true);
      expect(diagnostics.vadRuns).to.be.greaterThan(100);
      expect(diagnostics.modelRuns).to.be.greaterThan(0);
      // The page never fetches the ORT wasm or any model: only the worker can run inference. (Chromium lists
      // a module worker's script fetches in the page's timeline too, so scripts are not a usable signal.)
      const pageResources = performance.getEntriesByType('resource').map((e) => e.name);
      expect(pageResources.filter((name) => /\.wasm$|\.onnx$/.test(name)), 'no wasm or model fetched by the page').to.deep.equal([]);
      expect((globalThis as { ort?: unknown }).ort).to.equal(undefined);
    } finally {
      await recognizer.destroy();
    }
  });

  it('loads the shipped default model when no model is given', async () => {
    const recognizer = await EmotionRecognizer.create();
    try {
      expect(recognizer.model?.modelName).to.equal('emovox-default');
      expect(recognizer.labels.length).to.be.greaterThan(2);
      const { utterances } = await recognizer.analyze(generatedAudioUrl('one-phrase'));
      expect(utterances).to.have.length(1);
      expect(Object.keys(utterances[0].probabilities)).to.deep.equal([...recognizer.labels]);
      expect(Math.abs(Object.values(utterances[0].probabilities).reduce((a, b) => a + b, 0) - 1)).to.be.lessThan(1e-5);
      expect(utterances[0].valence).to.be.within(-1, 1);
      expect(utterances[0].arousal).to.be.within(-1, 1);
    } finally {
      await recognizer.destroy();
    }
  });

  it('runs ORT with several wasm threads on a cross-origin-isolated page and gets the same result', async () => {
    expect(crossOriginIsolated).to.equal(true);
    const [single, threaded] = await Promise.all([EmotionRecognizer.create({ model: tinyModelUrl }), EmotionRecognizer.create({ model: tinyModelUrl, ortThreads: 2 })]);
    try {
      const [a, b] = [await single.analyze(generatedAudioUrl('one-phrase')), await threaded.analyze(generatedAudioUrl('one-phrase'))];
      expect((await threaded.diagnostics()).ortThreads).to.equal(2);
      expect(b.utterances.map((u) => [u.startMs, u.endMs, u.label])).to.deep.equal(a.utterances.map((u) => [u.startMs, u.endMs, u.label]));
      for (const label of a.labels) expect(b.utterances[0].probabilities[label]).to.be.closeTo(a.utterances[0].probabilities[label], 1e-4);
    } finally {
      await Promise.all([single.destroy(), threaded.destroy()]);
    }
  });

  it('destroy() ends every track it opened, closes the AudioContext and terminates the worker; twice is harmless', async () => {
    const spy = spyOnResources();
    try {
      const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
      const { events } = recordEvents(recognizer);
      await recognizer.start();
      expect(recognizer.state).to.equal('listening');
      expect(spy.tracks.length).to.be.greaterThan(0);
      expect(spy.tracks.every((t) => t.readyState === 'live')).to.equal(true);
      await recognizer.destroy();
      await recognizer.destroy();
      expect(recognizer.state).to.equal('destroyed');
      expect(spy.tracks.every((t) => t.readyState === 'ended')).to.equal(true);
      expect(spy.contexts.every((c) => c.state === 'closed')).to.equal(true);
      expect(spy.workers).to.have.length(1);
      expect(spy.terminated.has(spy.workers[0])).to.equal(true);
      const states = events.flatMap((e) => (e.name === 'state' ? [e.payload.state] : []));
      expect(states).to.deep.equal(['starting', 'listening', 'destroyed']);
      for (const call of [() => recognizer.start(), () => recognizer.pause(), () => recognizer.analyze(new Float32Array(16000) as never)]) {
        const error = await call().then(() => undefined, (e: unknown) => e);
        expect(error).to.be.instanceOf(EmovoxError);
        expect((error as EmovoxError).code).to.equal('INVALID_STATE');
      }
    } finally {
      spy.restore();
    }
  });

  it('a MediaStream source stays open after stop(); pause/resume/stop move through the states', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    const { events } = recordEvents(recognizer);
    // A caller's stream (maybe a remote WebRTC track) also plays in a muted element, or Chromium feeds Web Audio silence.
    const played: HTMLMediaElement[] = [];
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      played.push(this);
      return play.call(this);
    };
    try {
      await recognizer.start(stream);
      expect(played.length).to.equal(1);
      expect(played[0].srcObject).to.equal(stream);
      expect(played[0].muted).to.equal(true);
      await until(recognizer, () => events.some((e) => e.name === 'speech-start'));
      await recognizer.pause();
      await recognizer.pause();
      await recognizer.resume();
      await recognizer.stop();
      const states = events.flatMap((e) => (e.name === 'state' ? [e.payload.state] : []));
      expect(states).to.deep.equal(['starting', 'listening', 'paused', 'listening', 'idle']);
      expect(stream.getTracks().every((t) => t.readyState === 'live'), 'the caller owns its stream').to.equal(true);
      expect(played[0].srcObject, 'the muted element lets go of the stream').to.equal(null);
      // Pausing mid-utterance ends it: every speech-start has its end.
      const starts = events.filter((e) => e.name === 'speech-start').length;
      const ends = events.filter((e) => e.name === 'speech-end' || e.name === 'misfire').length;
      expect(ends).to.equal(starts);
      await recognizer.start(stream);
      expect(recognizer.state).to.equal('listening');
    } finally {
      HTMLMediaElement.prototype.play = play;
      await recognizer.destroy();
      stream.getTracks().forEach((t) => t.stop());
    }
  });

  it('analyze() accepts samples at any rate, AudioBuffer, Blob and URL, reports progress, and can be aborted', async () => {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      const bytes = await (await fetch(generatedAudioUrl('one-phrase'))).arrayBuffer();
      const decoded = await new OfflineAudioContext(1, 1, 44100).decodeAudioData(bytes.slice(0));
      expect(decoded.sampleRate).to.equal(44100);
      const progress: number[] = [];
      const fromUrl = await recognizer.analyze(generatedAudioUrl('one-phrase'), { onProgress: (p) => progress.push(p.fraction) });
      const fromBlob = await recognizer.analyze(new Blob([bytes], { type: 'audio/wav' }));
      const fromBuffer = await recognizer.analyze(decoded);
      const fromSamples = await recognizer.analyze({ samples: decoded.getChannelData(0), sampleRate: 44100 });
      expect(progress.at(-1)).to.equal(1);
      expect(fromBlob).to.deep.equal(fromUrl);
      for (const other of [fromBuffer, fromSamples]) {
        expect(other.utterances).to.have.length(1);
        expect(other.utterances[0].startMs).to.be.closeTo(fromUrl.utterances[0].startMs, 64);
        expect(other.utterances[0].endMs).to.be.closeTo(fromUrl.utterances[0].endMs, 64);
        expect(other.utterances[0].label).to.equal(fromUrl.utterances[0].label);
      }
      const long = new Float32Array(16000 * 120);
      long.set(decoded.getChannelData(0).subarray(0, 16000 * 5));
      const controller = new AbortController();
      const aborted = recognizer.analyze({ samples: long, sampleRate: 16000 }, { signal: controller.signal, onProgress: () => controller.abort() });
      const error = await aborted.then(() => undefined, (e: unknown) => e);
      expect((error as EmovoxError).code).to.equal('ABORTED');
    } finally {
      await recognizer.destroy();
    }
  });

  it('analyzeAudio() analyses with a temporary recognizer and releases its worker', async () => {
    const spy = spyOnResources();
    try {
      const fractions: number[] = [];
      const result = await analyzeAudio(generatedAudioUrl('one-phrase'), { model: tinyModelUrl, onProgress: (p) => fractions.push(p.fraction) });
      expect(result.utterances).to.have.length(1);
      expect(result.labels).to.deep.equal(['neutral', 'happy', 'angry']);
      expect(fractions.at(-1)).to.equal(1);
      expect(spy.workers).to.have.length(1);
      expect(spy.terminated.has(spy.workers[0])).to.equal(true);
    } finally {
      spy.restore();
    }
  });

  it('survives many create/start/destroy cycles without leaking workers, contexts or tracks', async () => {
    const spy = spyOnResources();
    const cycles = 8;
    try {
      for (let i = 0; i < cycles; i++) {
        const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
        if (i % 2 === 0) await recognizer.start();
        await recognizer.destroy();
      }
      expect(spy.workers).to.have.length(cycles);
      expect(spy.workers.every((w) => spy.terminated.has(w))).to.equal(true);
      expect(spy.contexts).to.have.length(cycles / 2);
      expect(spy.contexts.every((c) => c.state === 'closed')).to.equal(true);
      expect(spy.tracks.every((t) => t.readyState === 'ended')).to.equal(true);
      const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
      if (memory) console.log(`page heap after ${cycles} cycles: ${(memory.usedJSHeapSize / 1e6).toFixed(1)} MB`);
    } finally {
      spy.restore();
    }
  });
});

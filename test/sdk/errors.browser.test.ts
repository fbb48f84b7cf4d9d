// @fake-mic one-phrase
// Every error code the runtime reports, each provoked for real.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer, EmovoxError, type EmovoxErrorCode } from '../../src/sdk/index.ts';
import { recordEvents, tinyModelUrl, until } from './helpers.ts';
import { failGetUserMedia, spyOnResources } from './spies.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

async function codeOf(promise: Promise<unknown>): Promise<EmovoxErrorCode | string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof EmovoxError ? error.code : `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe('EmotionRecognizer errors', () => {
  it('MODEL_LOAD_FAILED for a missing manifest or model file', async () => {
    expect(await codeOf(EmotionRecognizer.create({ model: fixture('missing.json') }))).to.equal('MODEL_LOAD_FAILED');
    expect(await codeOf(EmotionRecognizer.create({ model: fixture('missing-file-model.json') }))).to.equal('MODEL_LOAD_FAILED');
  });

  it('MODEL_INVALID for a manifest that is not JSON, a hash mismatch, and bytes onnxruntime refuses', async () => {
    expect(await codeOf(EmotionRecognizer.create({ model: fixture('truncated-manifest.json') }))).to.equal('MODEL_INVALID');
    expect(await codeOf(EmotionRecognizer.create({ model: fixture('wrong-hash-model.json') }))).to.equal('MODEL_INVALID');
    expect(await codeOf(EmotionRecognizer.create({ model: fixture('corrupt-model.json') }))).to.equal('MODEL_INVALID');
  });

  it('ASSET_LOAD_FAILED for a missing VAD model, worker script or capture worklet', async () => {
    expect(await codeOf(EmotionRecognizer.create({ model: tinyModelUrl, assets: { vadModel: fixture('missing.onnx') } }))).to.equal('ASSET_LOAD_FAILED');
    expect(await codeOf(EmotionRecognizer.create({ model: tinyModelUrl, assets: { worker: fixture('missing.worker.js') } }))).to.equal('ASSET_LOAD_FAILED');
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl, assets: { captureWorklet: fixture('missing.worklet.js') } });
    try {
      expect(await codeOf(recognizer.start())).to.equal('ASSET_LOAD_FAILED');
      expect(recognizer.state).to.equal('error');
    } finally {
      await recognizer.destroy();
    }
  });

  it('UNSUPPORTED_AUDIO for bytes no decoder reads; INVALID_AUDIO for NaN samples or an empty file', async () => {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      expect(await codeOf(recognizer.analyze(new Blob(['definitely not audio'])))).to.equal('UNSUPPORTED_AUDIO');
      const nan = new Float32Array(16000).fill(Number.NaN);
      expect(await codeOf(recognizer.analyze({ samples: nan, sampleRate: 16000 }))).to.equal('INVALID_AUDIO');
      expect(await codeOf(recognizer.analyze(new Uint8Array(0)))).to.equal('INVALID_AUDIO');
      expect(await codeOf(recognizer.analyze(fixture('missing.wav')))).to.equal('INVALID_AUDIO');
      expect(await codeOf(recognizer.analyze({ samples: new Float32Array(10), sampleRate: 3 }))).to.match(/^RangeError: audio.sampleRate/);
      expect(await codeOf(recognizer.analyze(42 as never))).to.match(/^TypeError/);
      // The worker survives bad input.
      expect((await recognizer.analyze({ samples: new Float32Array(16000), sampleRate: 16000 })).utterances).to.deep.equal([]);
    } finally {
      await recognizer.destroy();
    }
  });

  it('MIC_PERMISSION_DENIED, MIC_NOT_FOUND and MIC_UNREADABLE from getUserMedia failures', async () => {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      for (const [name, code] of [['NotAllowedError', 'MIC_PERMISSION_DENIED'], ['NotFoundError', 'MIC_NOT_FOUND'], ['OverconstrainedError', 'MIC_NOT_FOUND'], ['NotReadableError', 'MIC_UNREADABLE']]) {
        const restore = failGetUserMedia(name);
        try {
          expect(await codeOf(recognizer.start()), name).to.equal(code);
          expect(recognizer.state).to.equal('error');
        } finally {
          restore();
        }
      }
      // Unmapped failures are rethrown as they are.
      const restore = failGetUserMedia('WeirdError');
      try {
        expect(await codeOf(recognizer.start())).to.equal('WeirdError: simulated WeirdError');
      } finally {
        restore();
      }
      expect(await codeOf(recognizer.start({ deviceId: 'no-such-device' }))).to.equal('MIC_NOT_FOUND');
    } finally {
      await recognizer.destroy();
    }
  });

  it('opens the microphone chosen by deviceId, with the voice-altering browser processing off', async () => {
    const spy = spyOnResources();
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      const inputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audioinput' && d.deviceId);
      expect(inputs.length, 'the fake device lists audio inputs').to.be.greaterThan(0);
      const chosen = inputs.at(-1)!;
      await recognizer.start({ deviceId: chosen.deviceId });
      const settings = spy.tracks[0].getSettings();
      expect(settings.deviceId).to.equal(chosen.deviceId);
      expect(settings.echoCancellation).to.equal(false);
      expect(settings.noiseSuppression).to.equal(false);
      expect(settings.autoGainControl).to.equal(false);
    } finally {
      await recognizer.destroy();
      spy.restore();
    }
    expect(spy.tracks.every((t) => t.readyState === 'ended'), 'destroy() ends the track it opened').to.equal(true);
  });

  it('MIC_UNREADABLE as an error event when the track ends while listening', async () => {
    const spy = spyOnResources();
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    const { events } = recordEvents(recognizer);
    try {
      await recognizer.start();
      // Simulates the device going away: the track ends without the recognizer stopping it.
      spy.tracks[0].dispatchEvent(new Event('ended'));
      await until(recognizer, () => recognizer.state === 'error');
      const errors = events.flatMap((e) => (e.name === 'error' ? [e.payload] : []));
      expect(errors.map((e) => e.code)).to.deep.equal(['MIC_UNREADABLE']);
      expect(spy.tracks.every((t) => t.readyState === 'ended')).to.equal(true);
    } finally {
      await recognizer.destroy();
      spy.restore();
    }
  });

  it('WORKER_CRASHED when the worker dies: error event, state error, pending and later calls reject', async () => {
    const spy = spyOnResources();
    try {
      const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl, assets: { worker: fixture('crashing.worker.ts') } });
      const { events } = recordEvents(recognizer);
      await recognizer.start();
      const pending = recognizer.analyze({ samples: new Float32Array(16000 * 600), sampleRate: 16000 });
      spy.workers[0].postMessage({ emovoxTestCrash: true });
      expect(await codeOf(pending)).to.equal('WORKER_CRASHED');
      expect(recognizer.state).to.equal('error');
      expect(events.flatMap((e) => (e.name === 'error' ? [e.payload.code] : []))).to.deep.equal(['WORKER_CRASHED']);
      expect(await codeOf(recognizer.analyze({ samples: new Float32Array(16000), sampleRate: 16000 }))).to.equal('WORKER_CRASHED');
      expect(spy.tracks.every((t) => t.readyState === 'ended'), 'the microphone is released').to.equal(true);
      await recognizer.destroy();
      expect(spy.terminated.has(spy.workers[0])).to.equal(true);
    } finally {
      spy.restore();
    }
  });

  it('INVALID_STATE for calls in the wrong state; ABORTED for an aborted create()', async () => {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      expect(await codeOf(recognizer.pause())).to.equal('INVALID_STATE');
      expect(await codeOf(recognizer.resume())).to.equal('INVALID_STATE');
      await recognizer.start();
      expect(await codeOf(recognizer.start())).to.equal('INVALID_STATE');
    } finally {
      await recognizer.destroy();
    }
    const controller = new AbortController();
    const creating = EmotionRecognizer.create({ model: tinyModelUrl, signal: controller.signal });
    controller.abort();
    expect(await codeOf(creating)).to.equal('ABORTED');
  });

  it('invalid options throw TypeError/RangeError naming the option, before any worker starts', async () => {
    const spy = spyOnResources();
    try {
      expect(await codeOf(EmotionRecognizer.create({ model: tinyModelUrl, interimIntervalMs: -5 }))).to.match(/^RangeError: interimIntervalMs/);
      expect(await codeOf(EmotionRecognizer.create({ model: tinyModelUrl, vad: { model: 'v9' as never } }))).to.match(/^RangeError: vad.model/);
      expect(spy.workers).to.have.length(0);
    } finally {
      spy.restore();
    }
  });
});

// @fake-mic one-phrase
// Leaks: 100 create → start → stop → destroy cycles with the fake microphone leave no live track, worker,
// AudioContext or ORT session and keep the page's memory within a stated bound; destroy() at any moment of
// create(), start() or an inference is safe. Chromium's fake microphone loops one-phrase.wav.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer } from '../../src/sdk/index.ts';
import { recordEvents, tinyModelUrl, until } from '../sdk/helpers.ts';
import { spyOnResources } from '../sdk/spies.ts';
import { faultyWorkerUrl, measureMemory, outcomeOf, spyOnSessions } from './helpers.ts';

const cycles = 100;
/** Growth allowed over all cycles (page and workers, after GC), bytes: 20 KB per cycle. */
const memoryBoundBytes = 2_000_000;
const options = { model: tinyModelUrl, assets: { worker: faultyWorkerUrl } };

/** Records unhandled rejections on the page while `run` runs. */
async function withoutUnhandledRejections(run: () => Promise<void>): Promise<void> {
  const unhandled: unknown[] = [];
  const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
  addEventListener('unhandledrejection', onUnhandled);
  try {
    await run();
    // Rejections are reported after a task; give them one.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    removeEventListener('unhandledrejection', onUnhandled);
  }
  expect(unhandled.map(String), 'unhandled rejections').to.deep.equal([]);
}

async function cycle(withSpeech: boolean): Promise<void> {
  const recognizer = await EmotionRecognizer.create(options);
  const { events } = recordEvents(recognizer);
  await recognizer.start();
  // Some cycles run the model on speech before stopping.
  if (withSpeech) await until(recognizer, () => events.some((e) => e.name === 'emotion-update'));
  await recognizer.stop();
  await recognizer.destroy();
}

describe('leaks', () => {
  it(`${cycles} create → start → stop → destroy cycles leave no track, worker, AudioContext or ORT session; memory bounded`, async function () {
    this.timeout(400_000);
    await cycle(true); // warms caches (modules, wasm compilation) that are no leak
    const before = await measureMemory();
    const spy = spyOnResources();
    const sessions = spyOnSessions();
    const started = performance.now();
    try {
      await withoutUnhandledRejections(async () => {
        for (let i = 0; i < cycles; i++) await cycle(i % 10 === 0);
      });
    } finally {
      sessions.restore();
      spy.restore();
    }
    const seconds = (performance.now() - started) / 1000;
    expect(spy.workers).to.have.length(cycles);
    expect(spy.workers.filter((w) => !spy.terminated.has(w)), 'workers not terminated').to.have.length(0);
    expect(spy.contexts).to.have.length(cycles);
    expect(spy.contexts.filter((c) => c.state !== 'closed'), 'AudioContexts not closed').to.have.length(0);
    expect(spy.tracks.length).to.be.at.least(cycles);
    expect(spy.tracks.filter((t) => t.readyState !== 'ended'), 'tracks still live').to.have.length(0);
    const counts = spy.workers.map((w) => sessions.counts.get(w));
    expect(counts.every((c) => c !== undefined && c.created >= 2), 'each worker opened its VAD and model sessions').to.equal(true);
    expect(counts.reduce((sum, c) => sum + (c?.open ?? 0), 0), 'ORT sessions left open').to.equal(0);
    const after = await measureMemory();
    const growth = before && after ? after.bytes - before.bytes : undefined;
    console.log(JSON.stringify({
      cycles,
      seconds: Number(seconds.toFixed(1)),
      msPerCycle: Math.round((seconds * 1000) / cycles),
      sessionsCreated: counts.reduce((sum, c) => sum + (c?.created ?? 0), 0),
      memoryBefore: before?.bytes,
      memoryAfter: after?.bytes,
      growthBytes: growth,
      workersInMemoryAfter: after?.workers,
    }));
    if (after) {
      expect(after.workers, 'worker scopes still in memory').to.equal(0);
      expect(growth!, `memory growth over ${cycles} cycles`).to.be.below(memoryBoundBytes);
    }
  });

  it('destroy() during create() (abort at every stage) leaves no worker and no unhandled rejection', async () => {
    const spy = spyOnResources();
    const sessions = spyOnSessions();
    try {
      await withoutUnhandledRejections(async () => {
        // Aborted at once, once the worker runs (its first session exists), and after create() resolved.
        for (const stage of ['now', 'loading', 'after']) {
          const controller = new AbortController();
          const creating = EmotionRecognizer.create({ ...options, signal: controller.signal });
          const worker = spy.workers.at(-1)!;
          if (stage === 'now') controller.abort();
          if (stage === 'loading') {
            await new Promise<void>((resolve) => worker.addEventListener('message', (e) => e.data?.emovoxTestSessions && resolve()));
            controller.abort();
          }
          if (stage === 'after') {
            const recognizer = await creating;
            controller.abort();
            expect(recognizer.state, 'aborting after create() changes nothing').to.equal('idle');
            await recognizer.destroy();
          } else {
            expect(await outcomeOf(creating), stage).to.equal('ABORTED');
          }
        }
      });
      expect(spy.workers).to.have.length(3);
      expect(spy.workers.every((w) => spy.terminated.has(w))).to.equal(true);
    } finally {
      sessions.restore();
      spy.restore();
    }
  });

  it('destroy() at every step of start() releases the track and AudioContext; start() rejects with INVALID_STATE', async () => {
    const spy = spyOnResources();
    const devices = navigator.mediaDevices;
    const getUserMedia = devices.getUserMedia;
    const addModule = AudioWorklet.prototype.addModule;
    const postMessage = Worker.prototype.postMessage;
    let hook: (() => void) | undefined;
    const fire = () => {
      const run = hook;
      hook = undefined;
      run?.();
    };
    devices.getUserMedia = async function (this: MediaDevices, constraints?: MediaStreamConstraints) {
      const stream = await getUserMedia.call(this, constraints);
      if (hookAt === 'microphone') fire();
      return stream;
    };
    AudioWorklet.prototype.addModule = async function (this: AudioWorklet, url: string | URL, opts?: WorkletOptions) {
      if (hookAt === 'worklet') fire();
      return addModule.call(this, url, opts);
    };
    // The capture port travels to the worker with startLive.
    Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) {
      (postMessage as (this: Worker, message: unknown, transfer?: unknown) => void).call(this, message, transfer);
      if (hookAt === 'worker' && Array.isArray(transfer) && transfer.some((t) => t instanceof MessagePort)) fire();
    } as Worker['postMessage'];
    let hookAt = '';
    try {
      await withoutUnhandledRejections(async () => {
        for (const step of ['now', 'microphone', 'worklet', 'worker']) {
          const recognizer = await EmotionRecognizer.create(options);
          let destroying: Promise<void> | undefined;
          hookAt = step;
          hook = () => (destroying = recognizer.destroy());
          const starting = recognizer.start();
          if (step === 'now') fire();
          expect(await outcomeOf(starting), step).to.equal('INVALID_STATE');
          await destroying;
          expect(recognizer.state).to.equal('destroyed');
        }
      });
      expect(spy.tracks.filter((t) => t.readyState !== 'ended'), 'tracks still live').to.have.length(0);
      expect(spy.contexts.filter((c) => c.state !== 'closed'), 'AudioContexts not closed').to.have.length(0);
      expect(spy.workers.every((w) => spy.terminated.has(w))).to.equal(true);
    } finally {
      devices.getUserMedia = getUserMedia;
      AudioWorklet.prototype.addModule = addModule;
      Worker.prototype.postMessage = postMessage;
      spy.restore();
    }
  });

  it('destroy() during a pending analysis and mid-utterance: calls reject with INVALID_STATE, sessions released, no event after', async () => {
    const spy = spyOnResources();
    const sessions = spyOnSessions();
    try {
      await withoutUnhandledRejections(async () => {
        const recognizer = await EmotionRecognizer.create(options);
        const { events } = recordEvents(recognizer);
        await recognizer.start();
        await until(recognizer, () => events.some((e) => e.name === 'emotion-update'));
        const analysis = recognizer.analyze({ samples: new Float32Array(16000 * 600), sampleRate: 16000 });
        const queued = recognizer.analyze({ samples: new Float32Array(16000), sampleRate: 16000 });
        const outcomes = Promise.all([outcomeOf(analysis), outcomeOf(queued)]);
        const seen = events.length;
        await recognizer.destroy();
        expect(await outcomes).to.deep.equal(['INVALID_STATE', 'INVALID_STATE']);
        expect(events.slice(seen).map((e) => e.name), 'events after destroy()').to.deep.equal(['state']);
      });
      expect(sessions.counts.get(spy.workers[0])?.open, 'ORT sessions left open').to.equal(0);
      expect(spy.terminated.has(spy.workers[0])).to.equal(true);
      expect(spy.tracks.every((t) => t.readyState === 'ended')).to.equal(true);
      expect(spy.contexts.every((c) => c.state === 'closed')).to.equal(true);
    } finally {
      sessions.restore();
      spy.restore();
    }
  });
});

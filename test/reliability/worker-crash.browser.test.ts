// @fake-mic one-phrase
// The worker stops mid-utterance in each way a worker really stops (an uncaught error; its scope closing with
// no error event, as when it is killed or terminated for memory; an endless loop): every pending call rejects
// with WORKER_CRASHED, the recognizer emits `error` and goes to state `error`, the microphone and AudioContext
// are released, nothing hangs, and a new recognizer works. Chromium's fake microphone loops one-phrase.wav.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer, type EmovoxError } from '../../src/sdk/index.ts';
import { generatedAudioUrl, recordEvents, tinyModelUrl, until } from '../sdk/helpers.ts';
import { spyOnResources } from '../sdk/spies.ts';
import type { FaultKind } from './fixtures/fault-hooks.ts';
import { faultyWorkerUrl, injectFault, outcomeOf, sleep, spyOnSessions } from './helpers.ts';

/** Hang guard: the heartbeat's 15 s limit plus two ticks, with room for a loaded machine. */
const crashGuardMs = 30000;

function guarded<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const guard = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: still pending after ${crashGuardMs} ms`)), crashGuardMs)));
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

async function crashMidUtterance(fault: FaultKind): Promise<void> {
  const spy = spyOnResources();
  const sessions = spyOnSessions();
  try {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl, assets: { worker: faultyWorkerUrl } });
    const { events } = recordEvents(recognizer);
    await recognizer.start();
    await until(recognizer, () => events.some((e) => e.name === 'speech-start'));
    // Two calls pending when the worker stops: a long analysis running in the worker and one queued behind it.
    const analysis = recognizer.analyze({ samples: new Float32Array(16000 * 600), sampleRate: 16000 });
    const queued = recognizer.analyze({ samples: new Float32Array(16000 * 5), sampleRate: 16000 });
    const injectedAt = performance.now();
    injectFault(spy.workers[0], fault);
    const outcomes = await guarded(Promise.all([outcomeOf(analysis), outcomeOf(queued)]), fault);
    const detectedMs = performance.now() - injectedAt;
    expect(outcomes).to.deep.equal(['WORKER_CRASHED', 'WORKER_CRASHED']);
    await until(recognizer, () => recognizer.state === 'error');
    expect(events.flatMap((e) => (e.name === 'error' ? [(e.payload as EmovoxError).code] : []))).to.deep.equal(['WORKER_CRASHED']);
    // Later calls fail at once with the same code; start() does not even open the microphone.
    const tracksBefore = spy.tracks.length;
    expect(await guarded(outcomeOf(recognizer.analyze({ samples: new Float32Array(16000), sampleRate: 16000 })), 'analyze after')).to.equal('WORKER_CRASHED');
    expect(await guarded(outcomeOf(recognizer.start()), 'start after')).to.equal('WORKER_CRASHED');
    expect(spy.tracks.length).to.equal(tracksBefore);
    expect(spy.terminated.has(spy.workers[0]), 'a dead or hung worker is terminated at once').to.equal(true);
    await guarded(recognizer.stop(), 'stop after');
    await guarded(recognizer.destroy(), 'destroy after');
    expect(spy.tracks.every((t) => t.readyState === 'ended'), 'the microphone is released').to.equal(true);
    expect(spy.contexts.every((c) => c.state === 'closed'), 'the AudioContext is closed').to.equal(true);
    console.log(`${fault}: pending calls rejected ${detectedMs.toFixed(0)} ms after the fault; sessions ${JSON.stringify(sessions.counts.get(spy.workers[0]))}`);

    // A new recognizer works afterwards.
    const next = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      expect((await next.analyze(generatedAudioUrl('one-phrase'))).utterances).to.have.length(1);
    } finally {
      await next.destroy();
    }
  } finally {
    sessions.restore();
    spy.restore();
  }
}

describe('worker crash', () => {
  it('an uncaught error in the worker mid-utterance: WORKER_CRASHED everywhere, resources released', () => crashMidUtterance('throw'));

  it('the worker closes mid-utterance with no error event (killed, out of memory): detected through its Web Lock', () => crashMidUtterance('close'));

  it('the worker hangs mid-utterance in an endless loop: detected by the heartbeat and terminated', () => crashMidUtterance('hang'));

  it('a worker that dies while idle is noticed without any call; one that hangs while idle fails the next call', async () => {
    const spy = spyOnResources();
    try {
      const dead = await EmotionRecognizer.create({ model: tinyModelUrl, assets: { worker: faultyWorkerUrl } });
      const { events } = recordEvents(dead);
      injectFault(spy.workers[0], 'close');
      await guarded(until(dead, () => dead.state === 'error'), 'idle close');
      expect(events.flatMap((e) => (e.name === 'error' ? [(e.payload as EmovoxError).code] : []))).to.deep.equal(['WORKER_CRASHED']);
      await dead.destroy();

      const hung = await EmotionRecognizer.create({ model: tinyModelUrl, assets: { worker: faultyWorkerUrl } });
      injectFault(spy.workers[1], 'hang');
      expect(await guarded(outcomeOf(hung.diagnostics()), 'idle hang')).to.equal('WORKER_CRASHED');
      expect(hung.state).to.equal('error');
      await hung.destroy();
      expect(spy.workers.every((w) => spy.terminated.has(w))).to.equal(true);
    } finally {
      spy.restore();
    }
  });

  it('a worker that dies while create() loads the models: create() rejects with WORKER_CRASHED, no worker left', async () => {
    const spy = spyOnResources();
    try {
      for (const fault of ['close'] as const) {
        const creating = EmotionRecognizer.create({ model: tinyModelUrl, assets: { worker: faultyWorkerUrl } });
        injectFault(spy.workers.at(-1)!, fault);
        expect(await guarded(outcomeOf(creating), `create ${fault}`), fault).to.equal('WORKER_CRASHED');
      }
      expect(spy.workers.every((w) => spy.terminated.has(w))).to.equal(true);
    } finally {
      spy.restore();
    }
  });

  it('the heartbeat: nothing while idle, one ping a second while busy; how long the worker keeps a message waiting', async function () {
    this.timeout(180_000);
    const spy = spyOnResources();
    const post = MessagePort.prototype.postMessage;
    const pings: number[] = [];
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: Parameters<MessagePort['postMessage']>) {
      const started = performance.now();
      post.apply(this, args);
      if ((args[0] as { emovoxLiveness?: { type?: string } })?.emovoxLiveness?.type === 'ping') pings.push(performance.now() - started);
    } as MessagePort['postMessage'];
    // The worker's echo latency (fixtures/fault-hooks.ts) is what the heartbeat sees: sampled every 100 ms.
    let worst = 0;
    let sampling = true;
    const sample = async (worker: Worker) => {
      while (sampling) {
        const sent = performance.now();
        await new Promise<void>((resolve) => {
          const onEcho = (event: MessageEvent) => {
            if (event.data?.emovoxTestEcho !== sent) return;
            worker.removeEventListener('message', onEcho);
            resolve();
          };
          worker.addEventListener('message', onEcho);
          worker.postMessage({ emovoxTestEcho: sent });
        });
        worst = Math.max(worst, performance.now() - sent);
        await sleep(100);
      }
    };
    try {
      const creating = EmotionRecognizer.create({ assets: { worker: faultyWorkerUrl } }); // the shipped model
      const sampling$ = sample(spy.workers[0]);
      const recognizer = await creating;
      try {
        const idlePings = pings.length;
        await sleep(3000);
        expect(pings.length - idlePings, 'pings while idle').to.equal(0);
        await recognizer.start();
        const listening = performance.now();
        await sleep(5000);
        await recognizer.stop();
        const busySeconds = (performance.now() - listening) / 1000;
        const busyPings = pings.length - idlePings;
        expect(busyPings, 'pings while listening').to.be.greaterThan(0);
        await recognizer.analyze({ samples: new Float32Array(16000 * 600).map((_, i) => Math.sin(i / 7) * 0.3), sampleRate: 16000 });
        sampling = false;
        await sampling$;
        const mean = pings.reduce((a, b) => a + b, 0) / pings.length;
        console.log(`heartbeat: 0 pings in 3 s idle, ${busyPings} in ${busySeconds.toFixed(1)} s listening; postMessage per ping ${(mean * 1000).toFixed(0)} µs mean; worst worker echo during create() of the shipped model, listening and a 10-minute analysis: ${worst.toFixed(0)} ms (hang limit 15000 ms)`);
      } finally {
        sampling = false;
        await recognizer.destroy();
      }
    } finally {
      MessagePort.prototype.postMessage = post;
      spy.restore();
    }
  });
});

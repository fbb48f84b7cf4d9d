// @fake-mic one-phrase
// Concurrency: several recognizers on one page, overlapping analyze() calls, and start()/stop()/destroy() (and
// every other method) called in every order and every wrong state. Chromium's fake microphone loops one-phrase.wav.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer, EmovoxError, type AnalysisResult } from '../../src/sdk/index.ts';
import { generatedAudioUrl, recordEvents, tinyModelUrl, until } from '../sdk/helpers.ts';
import { failGetUserMedia, spyOnResources } from '../sdk/spies.ts';
import { outcomeOf } from './helpers.ts';

type Input = Parameters<EmotionRecognizer['analyze']>[0];

/** Recordings that differ in content, length, rate and form, so a mixed-up result cannot look right. */
async function recordings(): Promise<[string, Input][]> {
  const bytes = await (await fetch(generatedAudioUrl('one-phrase'))).arrayBuffer();
  const decoded = await new OfflineAudioContext(1, 1, 44100).decodeAudioData(bytes.slice(0));
  const speech = decoded.getChannelData(0);
  const padded = new Float32Array(speech.length + 44100 * 2);
  padded.set(speech, 44100 * 2);
  const twice = new Float32Array(speech.length * 2);
  twice.set(speech);
  twice.set(speech.map((x) => x * 0.5), speech.length);
  // Longer than the worker's 10 s analysis chunks, with speech across their boundaries: analyses that shared
  // the worker's analysis VAD would interleave there.
  const rate = decoded.sampleRate;
  const across = new Float32Array(rate * 25);
  across.set(speech, Math.round(rate * 8.5));
  const long = new Float32Array(rate * 42);
  for (const at of [1, 9.2, 19.5, 29.8]) long.set(speech.map((x, i) => x * (0.4 + (i % 3) * 0.2)), Math.round(rate * at));
  return [
    ['one-phrase across a chunk boundary, 25 s', { samples: across, sampleRate: rate }],
    ['one-phrase four times, 42 s', { samples: long, sampleRate: rate }],
    ['one-phrase.wav', generatedAudioUrl('one-phrase')],
    ['two-phrases.wav', generatedAudioUrl('two-phrases')],
    ['silence.wav', generatedAudioUrl('silence')],
    ['tone-440.wav', generatedAudioUrl('tone-440')],
    ['one-phrase, 2 s later, 44.1 kHz samples', { samples: padded, sampleRate: 44100 }],
    ['one-phrase twice, second half quieter', { samples: twice, sampleRate: 44100 }],
    ['one-phrase as an AudioBuffer', decoded],
  ];
}

describe('concurrency', () => {
  it('overlapping analyze() calls on one and on two recognizers each return their own recording\'s result', async () => {
    const inputs = await recordings();
    const [a, b] = await Promise.all([EmotionRecognizer.create({ model: tinyModelUrl }), EmotionRecognizer.create({ model: tinyModelUrl })]);
    try {
      // Every recording on both fresh recognizers at once, each input twice, in a shuffled order.
      const order = [...inputs.keys(), ...inputs.keys()].sort((x, y) => ((x * 7 + 3) % 11) - ((y * 7 + 3) % 11));
      const overlapped = await Promise.all(order.map((i, n) => (n % 2 === 0 ? a : b).analyze(inputs[i][1])));
      // Live VAD, model and one analysis VAD each: overlapping first analyses did not open a second one.
      expect((await a.diagnostics()).ortSessions).to.equal(3);
      expect((await b.diagnostics()).ortSessions).to.equal(3);
      const sequential: AnalysisResult[] = [];
      for (const [, input] of inputs) sequential.push(await a.analyze(input));
      expect(new Set(sequential.map((r) => JSON.stringify(r.utterances.map((u) => [u.startMs, u.endMs])))).size, 'the recordings differ').to.be.greaterThan(4);
      overlapped.forEach((result, n) => expect(result, inputs[order[n]][0]).to.deep.equal(sequential[order[n]]));
      console.log(`${overlapped.length} overlapping analyses on 2 recognizers matched their sequential results`);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });

  it('two recognizers listen at once, each to its own stream, and analyse while listening', async () => {
    const spy = spyOnResources();
    const [a, b] = await Promise.all([EmotionRecognizer.create({ model: tinyModelUrl }), EmotionRecognizer.create({ model: tinyModelUrl })]);
    const recorded = [recordEvents(a).events, recordEvents(b).events];
    try {
      const alone = await a.analyze(generatedAudioUrl('two-phrases'));
      await Promise.all([a.start(), b.start()]);
      const [whileA, whileB] = await Promise.all([a.analyze(generatedAudioUrl('two-phrases')), b.analyze(generatedAudioUrl('two-phrases'))]);
      expect(whileA).to.deep.equal(alone);
      expect(whileB).to.deep.equal(alone);
      await Promise.all([a, b].map((r, i) => until(r, () => recorded[i].some((e) => e.name === 'emotion'))));
      // Stopping one leaves the other listening.
      await a.destroy();
      const finals = recorded[1].filter((e) => e.name === 'emotion').length;
      await until(b, () => recorded[1].filter((e) => e.name === 'emotion').length > finals);
      expect(b.state).to.equal('listening');
      for (const events of recorded) expect(events.filter((e) => e.name === 'error')).to.deep.equal([]);
      expect(new Set(spy.workers).size).to.equal(2);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      spy.restore();
    }
    expect(spy.tracks.every((t) => t.readyState === 'ended')).to.equal(true);
  });
});

type Method = 'start' | 'stop' | 'pause' | 'resume' | 'analyze' | 'diagnostics' | 'destroy';
const call = (r: EmotionRecognizer, method: Method): Promise<unknown> =>
  method === 'analyze' ? r.analyze({ samples: new Float32Array(1600), sampleRate: 16000 }) : r[method]();

/** Brings a fresh recognizer into `state`; `settling` is what must settle before the state is left. */
async function enter(r: EmotionRecognizer, state: string): Promise<{ settling?: Promise<unknown> }> {
  if (state === 'starting') return { settling: r.start().catch(() => undefined) };
  if (state === 'listening' || state === 'paused' || state === 'stopping') await r.start();
  if (state === 'paused') await r.pause();
  if (state === 'stopping') return { settling: r.stop() };
  if (state === 'error') {
    const restore = failGetUserMedia('NotAllowedError');
    await r.start().catch(() => undefined);
    restore();
    expect(r.state).to.equal('error');
  }
  if (state === 'destroyed') await r.destroy();
  return {};
}

describe('lifecycle in every order', () => {
  // What each method does in each state: 'resolved' or the EmovoxError code. Every other call is allowed.
  const table: Record<string, Partial<Record<Method, string>>> = {
    idle: { stop: 'resolved', pause: 'INVALID_STATE', resume: 'INVALID_STATE' },
    starting: { start: 'INVALID_STATE', pause: 'INVALID_STATE', resume: 'INVALID_STATE' },
    listening: { start: 'INVALID_STATE', resume: 'resolved', pause: 'resolved' },
    paused: { start: 'INVALID_STATE', pause: 'resolved', resume: 'resolved' },
    stopping: { start: 'INVALID_STATE', pause: 'INVALID_STATE', resume: 'INVALID_STATE', stop: 'resolved' },
    error: { pause: 'INVALID_STATE', resume: 'INVALID_STATE', stop: 'resolved' },
    destroyed: { start: 'INVALID_STATE', stop: 'INVALID_STATE', pause: 'INVALID_STATE', resume: 'INVALID_STATE', analyze: 'INVALID_STATE', diagnostics: 'INVALID_STATE', destroy: 'resolved' },
  };

  it('every method in every state: the allowed ones work, the others reject with INVALID_STATE', async function () {
    this.timeout(240_000);
    const spy = spyOnResources();
    let checked = 0;
    try {
      for (const [state, expected] of Object.entries(table)) {
        for (const [method, outcome] of Object.entries(expected) as [Method, string][]) {
          const r = await EmotionRecognizer.create({ model: tinyModelUrl });
          try {
            const { settling } = await enter(r, state);
            expect(await outcomeOf(call(r, method)), `${method}() when ${state}`).to.equal(outcome);
            await settling;
            checked++;
          } finally {
            await r.destroy();
          }
        }
      }
      console.log(`${checked} method/state pairs checked`);
      expect(spy.tracks.every((t) => t.readyState === 'ended')).to.equal(true);
      expect(spy.contexts.every((c) => c.state === 'closed')).to.equal(true);
    } finally {
      spy.restore();
    }
  });

  it('start(), stop() and destroy() issued together in every order of three: typed outcomes, nothing left open', async function () {
    this.timeout(240_000);
    const spy = spyOnResources();
    const methods = ['start', 'stop', 'destroy'] as const;
    const sequences = methods.flatMap((x) => methods.flatMap((y) => methods.map((z) => [x, y, z])));
    const outcomes = new Map<string, number>();
    try {
      for (const from of ['idle', 'listening']) {
        for (const sequence of sequences) {
          const r = await EmotionRecognizer.create({ model: tinyModelUrl });
          await enter(r, from);
          const results = await Promise.all(sequence.map((method) => outcomeOf(call(r, method))));
          const label = `${from}: ${sequence.join(', ')} → ${results.join(', ')}`;
          for (const result of results) {
            expect(['resolved', 'INVALID_STATE'], label).to.include(result);
            outcomes.set(result, (outcomes.get(result) ?? 0) + 1);
          }
          if (!sequence.includes('destroy')) expect(['idle', 'listening'], label).to.include(r.state);
          await r.destroy();
          expect(r.state).to.equal('destroyed');
        }
      }
      console.log(`${sequences.length * 2} concurrent sequences: ${JSON.stringify(Object.fromEntries(outcomes))}`);
      expect(spy.tracks.filter((t) => t.readyState !== 'ended'), 'tracks still live').to.have.length(0);
      expect(spy.contexts.filter((c) => c.state !== 'closed'), 'AudioContexts not closed').to.have.length(0);
      expect(spy.workers.every((w) => spy.terminated.has(w))).to.equal(true);
    } finally {
      spy.restore();
    }
  });

  it('a start() overtaken by stop() rejects with INVALID_STATE and the recognizer can start again', async () => {
    const r = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      const starting = r.start();
      await r.stop();
      const error = await starting.then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(EmovoxError);
      expect((error as EmovoxError).code).to.equal('INVALID_STATE');
      expect(r.state).to.equal('idle');
      await r.start();
      expect(r.state).to.equal('listening');
    } finally {
      await r.destroy();
    }
  });
});

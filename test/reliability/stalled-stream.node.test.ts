// NodeAnalyzer.analyzeStream over a source that goes quiet: a minute without data (mocked clock) still
// gives the right result, a source that never delivers again is ended by aborting, and bad chunks are
// typed errors. Nothing hangs, and the analyzer stays usable afterwards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, mock, test } from 'node:test';
import { decodeAudioBytes, toMono } from '../../src/sdk/audio/index.ts';
import { EmovoxError } from '../../src/sdk/errors.ts';
import { NodeAnalyzer } from '../../src/sdk/node/index.ts';

const model = new URL('../model/fixtures/tiny-frames.json', import.meta.url);
const speech = toMono(await decodeAudioBytes(readFileSync(new URL('../fixtures/features/speech.wav', import.meta.url))));
const half = Math.floor(speech.length / 2);

let analyzer: NodeAnalyzer;
before(async () => {
  analyzer = await NodeAnalyzer.create({ model });
});
after(() => analyzer.release());

/** Resolves once `condition()` holds, checking on each turn of the event loop (setImmediate is never mocked here). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

test('a source that sends nothing for a minute mid-recording gives the same result as an uninterrupted one', async () => {
  const expected = await analyzer.analyze({ samples: speech, sampleRate: 16000 });
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let waiting = false;
    async function* quietForAMinute(): AsyncGenerator<Float32Array> {
      yield speech.slice(0, half);
      waiting = true;
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      yield speech.slice(half);
    }
    const pending = analyzer.analyzeStream({ chunks: quietForAMinute(), sampleRate: 16000, totalSamples: speech.length });
    await until(() => waiting);
    mock.timers.tick(60_000);
    assert.deepEqual(await pending, expected);
  } finally {
    mock.timers.reset();
  }
});

test('a source that stalls for good is ended by abort with ABORTED, and the analyzer is usable afterwards', async () => {
  let waiting = false;
  async function* stalls(): AsyncGenerator<Float32Array> {
    yield speech.slice(0, half);
    waiting = true;
    await new Promise(() => {});
  }
  const controller = new AbortController();
  const pending = analyzer.analyzeStream({ chunks: stalls(), sampleRate: 16000, totalSamples: speech.length }, { signal: controller.signal });
  await until(() => waiting);
  controller.abort();
  await assert.rejects(pending, (error: unknown) => error instanceof EmovoxError && error.code === 'ABORTED');
  const next = await analyzer.analyze({ samples: speech, sampleRate: 16000 });
  assert.ok(next.utterances.length >= 1, 'the next analysis runs');
});

test('bad chunks are typed errors counted from the start of the stream', async () => {
  const withNaN = speech.slice(half);
  withNaN[10] = Number.NaN;
  await assert.rejects(
    analyzer.analyzeStream({ chunks: [speech.slice(0, half), withNaN], sampleRate: 16000, totalSamples: speech.length }),
    (error: unknown) => error instanceof EmovoxError && error.code === 'INVALID_AUDIO' && error.message.includes(`sample ${half + 10}`),
  );
  await assert.rejects(analyzer.analyzeStream({ chunks: [speech.slice(0, 100), [0.1, 0.2] as never], sampleRate: 16000, totalSamples: 102 }), TypeError);
  await assert.rejects(analyzer.analyzeStream({ chunks: [], sampleRate: 4000, totalSamples: 0 }), RangeError);
  await assert.rejects(analyzer.analyzeStream({ sampleRate: 16000 } as never), TypeError);
  const empty = await analyzer.analyzeStream({ chunks: [], sampleRate: 16000, totalSamples: 0 });
  assert.equal(empty.utterances.length, 0);
});

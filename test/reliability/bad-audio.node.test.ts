// Bad and unusual audio through the Node analysis path: each input gets a typed EmovoxError or a
// correct result, never a crash, a hang or another error type.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodeAudioBytes, toMono } from '../../src/sdk/audio/index.ts';
import { EmovoxError, type EmovoxErrorCode } from '../../src/sdk/errors.ts';
import { analyzeFile, NodeAnalyzer } from '../../src/sdk/node/index.ts';
import type { AnalysisResult } from '../../src/sdk/types.ts';
import { scratchDir, sox } from '../helpers/sox.ts';
import { fmtBody, pcmBody, riff, wavOf } from './helpers/wav-bytes.ts';

const model = new URL('../model/fixtures/tiny-frames.json', import.meta.url);
const speechPath = new URL('../fixtures/features/speech.wav', import.meta.url).pathname;
const dir = scratchDir('bad-audio');
const speech = toMono(await decodeAudioBytes(readFileSync(speechPath)));

let analyzer: NodeAnalyzer;
let baseline: AnalysisResult;
before(async () => {
  analyzer = await NodeAnalyzer.create({ model });
  baseline = await analyzer.analyze({ samples: speech, sampleRate: 16000 });
});
after(() => analyzer.release());

/** Decodes like `analyzeFile` does and analyses on the shared analyzer. */
async function analyzeBytes(bytes: Uint8Array): Promise<AnalysisResult> {
  const decoded = await decodeAudioBytes(bytes);
  return analyzer.analyze({ samples: toMono(decoded), sampleRate: decoded.sampleRate });
}

function assertSound(result: AnalysisResult, durationMs: number): void {
  assert.ok(Math.abs(result.durationMs - durationMs) < 1, `duration ${result.durationMs} ms, expected ${durationMs}`);
  for (const u of result.utterances) {
    const values = Object.values(u.probabilities);
    assert.ok(values.every(Number.isFinite), `finite probabilities: ${values}`);
    assert.ok(Math.abs(values.reduce((a, b) => a + b, 0) - 1) < 1e-4);
    assert.ok(u.startMs >= 0 && u.endMs <= durationMs + 1 && u.startMs < u.endMs, `${u.startMs}-${u.endMs}`);
  }
}

async function assertCode(promise: Promise<unknown>, code: EmovoxErrorCode, pattern?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof EmovoxError, `expected EmovoxError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (pattern) assert.match(error.message, pattern);
    return true;
  });
}

describe('sample values', () => {
  test('empty audio is INVALID_AUDIO (bytes and samples)', async () => {
    await assertCode(analyzeBytes(new Uint8Array(0)), 'INVALID_AUDIO');
    await assertCode(analyzer.analyze({ samples: new Float32Array(0), sampleRate: 16000 }), 'INVALID_AUDIO');
    await assertCode(analyzeBytes(wavOf([new Float32Array(0)], 16000)), 'INVALID_AUDIO', /zero samples/);
  });

  test('a few samples give an empty result of the right length', async () => {
    for (const n of [1, 3, 511]) {
      const result = await analyzeBytes(wavOf([speech.subarray(8000, 8000 + n)], 16000));
      assertSound(result, (n * 1000) / 16000);
      assert.equal(result.utterances.length, 0);
    }
  });

  test('NaN and infinite samples are INVALID_AUDIO naming the sample', async () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      const samples = speech.slice();
      samples[1234] = bad;
      await assertCode(analyzeBytes(wavOf([samples], 16000, 'float32')), 'INVALID_AUDIO', /sample 1234/);
      await assertCode(analyzer.analyze({ samples, sampleRate: 16000 }), 'INVALID_AUDIO', /sample 1234/);
    }
  });

  test('all zeros: no utterance', async () => {
    const result = await analyzeBytes(wavOf([new Float32Array(48000)], 16000));
    assertSound(result, 3000);
    assert.equal(result.utterances.length, 0);
  });

  test('clipped speech (+20 dB, hard-limited) still gives a sound result', async () => {
    const clipped = speech.map((x) => Math.max(-1, Math.min(1, x * 10)));
    const result = await analyzeBytes(wavOf([clipped], 16000));
    assertSound(result, baseline.durationMs);
    assert.ok(result.utterances.length >= 1, 'the speech is still found');
  });

  test('a DC offset of 0.3 does not change what is found', async () => {
    const shifted = speech.map((x) => x * 0.6 + 0.3);
    const result = await analyzeBytes(wavOf([shifted], 16000, 'float32'));
    assertSound(result, baseline.durationMs);
    assert.equal(result.utterances.length, baseline.utterances.length);
  });

  test('float samples beyond [-1, 1] are analysed, not rejected', async () => {
    const loud = speech.map((x) => x * 40);
    assertSound(await analyzeBytes(wavOf([loud], 16000, 'float32')), baseline.durationMs);
  });
});

describe('rates and channels', () => {
  for (const rate of [8000, 96000]) {
    test(`${rate / 1000} kHz speech gives the same utterances as 16 kHz`, async () => {
      const path = join(dir, `speech-${rate}.wav`);
      sox(speechPath, '-r', String(rate), path);
      const result = await analyzeBytes(readFileSync(path));
      assertSound(result, baseline.durationMs);
      assert.equal(result.utterances.length, baseline.utterances.length);
    });
  }

  test('6 channels (5.1) are downmixed and analysed', async () => {
    const channels = [speech, speech, speech, new Float32Array(speech.length), speech, speech];
    const decoded = await decodeAudioBytes(wavOf(channels, 16000));
    assert.equal(decoded.channels.length, 6);
    const result = await analyzeBytes(wavOf(channels, 16000));
    assertSound(result, baseline.durationMs);
    assert.equal(result.utterances.length, baseline.utterances.length);
  });

  test('sample rates outside 8-96 kHz in a header are UNSUPPORTED_AUDIO', async () => {
    const data = { id: 'data', body: pcmBody([speech]) };
    for (const sampleRate of [0, 4000, 192000, 0xffffffff]) {
      await assertCode(analyzeBytes(riff([{ id: 'fmt ', body: fmtBody({ sampleRate }) }, data])), 'UNSUPPORTED_AUDIO', /Hz/);
    }
  });

  test('sample arrays with a bad rate or type are RangeError/TypeError', async () => {
    for (const sampleRate of [0, 7999, 16000.5, Number.NaN, 1e9]) {
      await assert.rejects(analyzer.analyze({ samples: speech, sampleRate }), RangeError);
    }
    await assert.rejects(analyzer.analyze({ samples: Array.from(speech) as never, sampleRate: 16000 }), TypeError);
    await assert.rejects(analyzer.analyze(null as never), TypeError);
  });
});

describe('WAV headers that lie', () => {
  const fmt = { id: 'fmt ', body: fmtBody() };
  const data = { id: 'data', body: pcmBody([speech]) };

  test('a data size beyond the end of the file reads what is there', async () => {
    for (const declaredSize of [data.body.length + 1000, 0xffffffff]) {
      const result = await analyzeBytes(riff([fmt, { ...data, declaredSize }]));
      assertSound(result, baseline.durationMs);
      assert.equal(result.utterances.length, baseline.utterances.length);
    }
  });

  test('odd-sized chunks with their pad byte are skipped correctly', async () => {
    const odd = { id: 'LIST', body: new Uint8Array([1, 2, 3]) };
    const decoded = await decodeAudioBytes(riff([odd, fmt, { id: 'junk', body: new Uint8Array(5) }, data]));
    assert.deepEqual(decoded.channels[0], (await decodeAudioBytes(riff([fmt, data]))).channels[0]);
    const oddData = { id: 'data', body: new Uint8Array(3) };
    const one = await decodeAudioBytes(riff([fmt, oddData]));
    assert.equal(one.channels[0].length, 1, 'a trailing half frame is dropped');
  });

  test('unknown or unsupported format codes are UNSUPPORTED_AUDIO naming the code', async () => {
    for (const formatTag of [0, 2, 0x55, 0x1234, 0xffff]) {
      await assertCode(analyzeBytes(riff([{ id: 'fmt ', body: fmtBody({ formatTag }) }, data])), 'UNSUPPORTED_AUDIO', new RegExp(`encoding ${formatTag}`));
    }
    await assertCode(analyzeBytes(riff([{ id: 'fmt ', body: fmtBody({ bitsPerSample: 12 }) }, data])), 'UNSUPPORTED_AUDIO');
  });

  test('impossible channel counts and block aligns are INVALID_AUDIO', async () => {
    for (const fields of [{ channels: 0 }, { channels: 33 }, { blockAlign: 0 }, { blockAlign: 3 }]) {
      await assertCode(analyzeBytes(riff([{ id: 'fmt ', body: fmtBody(fields) }, data])), 'INVALID_AUDIO');
    }
  });

  test("'fmt ' after 'data' is decoded like the usual order", async () => {
    const decoded = await decodeAudioBytes(riff([data, fmt]));
    assert.deepEqual(decoded.channels[0], (await decodeAudioBytes(riff([fmt, data]))).channels[0]);
  });

  test("a missing or short 'fmt ', or no 'data', is INVALID_AUDIO", async () => {
    await assertCode(analyzeBytes(riff([data])), 'INVALID_AUDIO', /fmt/);
    await assertCode(analyzeBytes(riff([fmt])), 'INVALID_AUDIO', /data/);
    await assertCode(analyzeBytes(riff([{ id: 'fmt ', body: new Uint8Array(10) }, data])), 'INVALID_AUDIO', /fmt/);
    await assertCode(analyzeBytes(riff([{ ...fmt, declaredSize: 0xfffffff0 }, data])), 'INVALID_AUDIO');
  });

  test("an extensible 'fmt ' cut before its sub-format is INVALID_AUDIO (found by the fuzz test, seed 7)", async () => {
    const found = Uint8Array.from([82, 73, 70, 70, 82, 155, 0, 0, 87, 65, 86, 69, 102, 109, 116, 32, 32, 0, 0, 0, 254, 255, 3, 0, 34, 86, 0, 0, 50, 7, 3, 0, 9, 0, 24, 0, 22, 0, 24, 0, 0, 0, 0]);
    await assertCode(analyzeBytes(found), 'INVALID_AUDIO', /sub-format/);
  });
});

describe('other files', () => {
  test('truncated FLAC: a shorter correct result or INVALID_AUDIO, never another error', async () => {
    const path = join(dir, 'tone.flac');
    sox(speechPath, path);
    const flac = readFileSync(path);
    const full = await decodeAudioBytes(flac);
    let shorter = 0;
    let rejected = 0;
    for (const keep of [4, 8, 30, 42, 60, 200, 1000, Math.floor(flac.length / 2), flac.length - 1]) {
      try {
        const decoded = await decodeAudioBytes(flac.subarray(0, keep));
        assert.ok(decoded.channels[0].length <= full.channels[0].length);
        assertSound(await analyzeBytes(flac.subarray(0, keep)), (decoded.channels[0].length * 1000) / decoded.sampleRate);
        shorter += 1;
      } catch (error) {
        assert.ok(error instanceof EmovoxError && error.code === 'INVALID_AUDIO', String(error));
        rejected += 1;
      }
    }
    assert.ok(rejected >= 5 && shorter >= 1, `${shorter} decoded shorter, ${rejected} rejected`);
  });

  test('non-audio files named .wav are UNSUPPORTED_AUDIO through analyzeFile, naming what they start with', async () => {
    const files: Array<[string, Uint8Array]> = [
      ['text.wav', new TextEncoder().encode('this is not audio at all\n')],
      ['png.wav', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
      ['riff-avi.wav', new TextEncoder().encode('RIFF\x10\x00\x00\x00AVI LIST')],
      ['zip.wav', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    ];
    for (const [name, bytes] of files) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      await assertCode(analyzeFile(path, { model }), 'UNSUPPORTED_AUDIO', /unknown audio format/);
    }
  });

  test('analyzeFile on a good file still works after all that', async () => {
    const result = await analyzeFile(speechPath, { model });
    assert.equal(result.utterances.length, baseline.utterances.length);
  });
});

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { decodeAudioBytes, decodeWav } from '../../src/sdk/audio/index.ts';
import { EmovoxError } from '../../src/sdk/errors.ts';
import { scratchDir, sox, soxSamples } from '../helpers/sox.ts';

const speech = new URL('../fixtures/features/speech.wav', import.meta.url).pathname;
const dir = scratchDir('decode');

/** Decoded samples must equal sox's own float decoding of the same file (independent reference). */
async function assertMatchesSox(path: string, channels: number, rate: number): Promise<void> {
  const decoded = await decodeAudioBytes(readFileSync(path));
  assert.equal(decoded.sampleRate, rate);
  assert.equal(decoded.channels.length, channels);
  const reference = soxSamples(path);
  assert.equal(decoded.channels[0].length * channels, reference.length);
  let worst = 0;
  for (let i = 0; i < reference.length; i++) {
    worst = Math.max(worst, Math.abs(decoded.channels[i % channels][Math.floor(i / channels)] - reference[i]));
  }
  assert.ok(worst <= 1e-6, `max difference from sox ${worst}`);
}

describe('WAV and FLAC decoding agree with sox', () => {
  const variants: Array<[string, string[], number, number]> = [
    ['pcm8', ['-b', '8', '-e', 'unsigned-integer'], 1, 16000],
    ['pcm16', ['-b', '16'], 1, 16000],
    ['pcm24-stereo', ['-b', '24', '-c', '2'], 2, 44100],
    ['pcm32', ['-b', '32', '-e', 'signed-integer'], 1, 96000],
    ['float32-stereo', ['-b', '32', '-e', 'floating-point', '-c', '2'], 2, 48000],
    ['pcm16-8k', ['-b', '16'], 1, 8000],
  ];
  for (const [name, options, channels, rate] of variants) {
    test(name, async () => {
      const path = join(dir, `${name}.wav`);
      sox(speech, ...options, '-r', String(rate), path);
      await assertMatchesSox(path, channels, rate);
    });
  }
  test('flac', async () => {
    const path = join(dir, 'speech.flac');
    sox(speech, '-r', '22050', '-c', '2', path);
    await assertMatchesSox(path, 2, 22050);
  });
});

describe('bad audio gives a typed error', () => {
  const wav = readFileSync(speech);
  const cases: Array<[string, Uint8Array, EmovoxError['code']]> = [
    ['empty file', new Uint8Array(0), 'INVALID_AUDIO'],
    ['not audio', new TextEncoder().encode('hello, this is text'), 'UNSUPPORTED_AUDIO'],
    ['truncated header', wav.subarray(0, 30), 'INVALID_AUDIO'],
    ['zero samples', wav.subarray(0, 44), 'INVALID_AUDIO'],
    ['corrupt FLAC', Uint8Array.from([0x66, 0x4c, 0x61, 0x43, 0, 0, 0, 34, ...new Array(60).fill(7)]), 'INVALID_AUDIO'],
  ];
  for (const [name, bytes, code] of cases) {
    test(name, async () => {
      await assert.rejects(decodeAudioBytes(bytes), (error: unknown) => error instanceof EmovoxError && error.code === code);
    });
  }

  test('sample rate outside 8-96 kHz', () => {
    const path = join(dir, 'rate4k.wav');
    sox(speech, '-r', '4000', path);
    assert.throws(() => decodeWav(readFileSync(path)), (error: unknown) => error instanceof EmovoxError && error.code === 'UNSUPPORTED_AUDIO' && /4000 Hz/.test(error.message));
  });

  test('A-law WAV is reported as unsupported, naming the encoding', () => {
    const path = join(dir, 'alaw.wav');
    sox(speech, '-e', 'a-law', path);
    assert.throws(() => decodeWav(readFileSync(path)), (error: unknown) => error instanceof EmovoxError && error.code === 'UNSUPPORTED_AUDIO');
  });

  test('a data chunk cut short is read up to the last whole frame', () => {
    const cut = wav.subarray(0, wav.length - 1001);
    const decoded = decodeWav(cut);
    assert.equal(decoded.channels[0].length, Math.floor((cut.length - 44) / 2));
  });

  test('NaN samples survive decoding so prepareAudio can reject them', () => {
    const path = join(dir, 'nan.wav');
    sox(speech, '-e', 'floating-point', '-b', '32', path);
    const bytes = new Uint8Array(readFileSync(path));
    new DataView(bytes.buffer).setFloat32(bytes.length - 400, Number.NaN, true);
    writeFileSync(path, bytes);
    assert.ok(decodeWav(bytes).channels[0].some(Number.isNaN));
  });
});

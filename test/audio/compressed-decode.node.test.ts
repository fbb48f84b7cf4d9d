import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { decodeAudioBytes } from '../../src/sdk/audio/index.ts';
import { EmovoxError } from '../../src/sdk/errors.ts';
import { scratchDir, sox } from '../helpers/sox.ts';
import { ffmpeg, ffmpegSamples } from './ffmpeg.ts';

const dir = scratchDir('compressed');
const speech = join(dir, 'speech.wav');

before(() => {
  execFileSync('espeak-ng', ['-w', speech, 'Hello, I have been waiting on hold for forty minutes.']);
});

/**
 * Our decode must equal ffmpeg's decode of the same file sample for sample (same length, same channels).
 * Tolerances: MP3 1e-5 (both run libmpg123-equivalent float synthesis: measured 1.2e-6); Opus 1e-3 against
 * ffmpeg's libopus decoder (measured 6e-5; the difference is float rounding between builds).
 */
async function assertMatchesFfmpeg(path: string, channels: number, rate: number, tolerance: number, decoder?: string): Promise<void> {
  const decoded = await decodeAudioBytes(readFileSync(path));
  assert.equal(decoded.sampleRate, rate);
  assert.equal(decoded.channels.length, channels);
  const reference = ffmpegSamples(path, decoder);
  assert.equal(decoded.channels[0]!.length * channels, reference.length);
  let worst = 0;
  for (let i = 0; i < reference.length; i++) {
    worst = Math.max(worst, Math.abs(decoded.channels[i % channels]![Math.floor(i / channels)]! - reference[i]!));
  }
  assert.ok(worst <= tolerance, `max difference from ffmpeg ${worst} > ${tolerance}`);
}

/** A stereo file whose right channel is the left one quieter, so a swapped or duplicated channel would show. */
function stereo(name: string, rate: number): string {
  const path = join(dir, name);
  sox(speech, '-r', String(rate), '-c', '2', path, 'remix', '1', '1v0.4');
  return path;
}

describe('Ogg Opus and MP3 decoding agree with ffmpeg', () => {
  test('ogg opus, stereo 48 kHz', async () => {
    const path = join(dir, 'stereo.opus');
    ffmpeg('-i', stereo('stereo48.wav', 48000), '-c:a', 'libopus', '-b:a', '64k', path);
    await assertMatchesFfmpeg(path, 2, 48000, 1e-3, 'libopus');
  });
  test('ogg opus, mono from 16 kHz (decoded at 48 kHz)', async () => {
    const path = join(dir, 'mono.opus');
    ffmpeg('-i', speech, '-ar', '16000', '-c:a', 'libopus', '-b:a', '24k', path);
    await assertMatchesFfmpeg(path, 1, 48000, 1e-3, 'libopus');
  });
  test('mp3, stereo 48 kHz', async () => {
    const path = join(dir, 'stereo.mp3');
    ffmpeg('-i', stereo('stereo48b.wav', 48000), '-c:a', 'libmp3lame', '-b:a', '128k', path);
    await assertMatchesFfmpeg(path, 2, 48000, 1e-5);
  });
  test('mp3, mono 22.05 kHz with an ID3 tag, returned as one channel', async () => {
    const path = join(dir, 'mono.mp3');
    ffmpeg('-i', speech, '-ar', '22050', '-c:a', 'libmp3lame', '-id3v2_version', '3', '-metadata', 'title=call 17', path);
    await assertMatchesFfmpeg(path, 1, 22050, 1e-5);
  });
});

describe('bad compressed audio gives a typed error', () => {
  const rejectsWith = (bytes: Uint8Array, code: EmovoxError['code'], message: RegExp) =>
    assert.rejects(decodeAudioBytes(bytes), (e: unknown) => e instanceof EmovoxError && e.code === code && message.test(e.message));

  test('an Opus file cut after its headers has zero samples', async () => {
    const path = join(dir, 'cut.opus');
    ffmpeg('-i', speech, '-c:a', 'libopus', path);
    const bytes = readFileSync(path);
    const secondPage = bytes.indexOf('OggS', 4);
    const thirdPage = bytes.indexOf('OggS', secondPage + 4);
    await rejectsWith(bytes.subarray(0, thirdPage), 'INVALID_AUDIO', /Ogg Opus/);
  });
  test('an MP3 tag followed by garbage is corrupt', async () => {
    const tag = Uint8Array.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
    await rejectsWith(Uint8Array.from([...tag, ...new Array(2000).fill(0x55)]), 'INVALID_AUDIO', /MP3/);
  });
  test('Ogg Vorbis is named as unsupported', async () => {
    const path = join(dir, 'speech.ogg');
    ffmpeg('-i', speech, '-c:a', 'libvorbis', path);
    await rejectsWith(readFileSync(path), 'UNSUPPORTED_AUDIO', /not Opus/);
  });
  test('WebM is unsupported outside a page, with the remux command', async () => {
    const path = join(dir, 'speech.webm');
    ffmpeg('-i', speech, '-c:a', 'libopus', path);
    await rejectsWith(readFileSync(path), 'UNSUPPORTED_AUDIO', /ffmpeg -i in\.webm -c:a copy/);
  });
});

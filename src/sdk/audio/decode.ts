import { EmovoxError } from '../errors.ts';
import type { DecodedAudio } from './decoded-audio.ts';
import { decodeFlac, isFlac } from './flac.ts';
import { decodeWav, isWav } from './wav.ts';

function describeStart(bytes: Uint8Array): string {
  const head = Array.from(bytes.subarray(0, 4), (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
  return `starts with '${head}'`;
}

/**
 * Decodes WAV or FLAC bytes in pure TypeScript/wasm, so it works in Node, browsers and workers.
 * In a page, other formats (MP3, Ogg, WebM) go through `AudioContext.decodeAudioData` instead.
 */
export async function decodeAudioBytes(bytes: Uint8Array): Promise<DecodedAudio> {
  if (bytes.length === 0) throw new EmovoxError('INVALID_AUDIO', 'the file is empty');
  if (isWav(bytes)) return decodeWav(bytes);
  if (isFlac(bytes)) return decodeFlac(bytes);
  throw new EmovoxError('UNSUPPORTED_AUDIO', `unknown audio format (${describeStart(bytes)}); WAV and FLAC are decoded everywhere, other formats only in a browser page`);
}

import { EmovoxError } from '../errors.ts';
import type { DecodedAudio } from './decoded-audio.ts';
import { decodeFlac } from './flac.ts';
import { isFlac, isMp3, isOgg, isWebm } from './sniff.ts';
import { decodeWav, isWav } from './wav.ts';

function describeStart(bytes: Uint8Array): string {
  const head = Array.from(bytes.subarray(0, 4), (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
  return `starts with '${head}'`;
}

/**
 * Decodes WAV, FLAC, Ogg Opus and MP3 bytes in pure TypeScript/wasm, so it works in Node, browsers and
 * workers. The FLAC, Opus and MP3 decoders are loaded on first use, so apps that never meet them do not pay for
 * them. WebM has no well-kept wasm demuxer: in a page it goes through `AudioContext.decodeAudioData`.
 */
export async function decodeAudioBytes(bytes: Uint8Array): Promise<DecodedAudio> {
  if (bytes.length === 0) throw new EmovoxError('INVALID_AUDIO', 'the file is empty');
  if (isWav(bytes)) return decodeWav(bytes);
  if (bytes.length < 12 && describeStart(bytes).includes("'RIFF'")) throw new EmovoxError('INVALID_AUDIO', `WAV header is truncated: the file is ${bytes.length} bytes`);
  if (isFlac(bytes)) return decodeFlac(bytes);
  if (isOgg(bytes)) return (await import('./opus.ts')).decodeOggOpus(bytes);
  if (isMp3(bytes)) return (await import('./mp3.ts')).decodeMp3(bytes);
  if (isWebm(bytes)) {
    throw new EmovoxError('UNSUPPORTED_AUDIO', 'WebM is decoded only in a browser page; outside one, remux its Opus track first (ffmpeg -i in.webm -c:a copy out.opus)');
  }
  throw new EmovoxError('UNSUPPORTED_AUDIO', `unknown audio format (${describeStart(bytes)}); WAV, FLAC, Ogg Opus and MP3 are decoded everywhere, other formats only in a browser page`);
}

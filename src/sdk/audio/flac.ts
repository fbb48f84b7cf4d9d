import { EmovoxError } from '../errors.ts';
import { fromWasmDecoder } from './compressed.ts';
import type { DecodedAudio } from './decoded-audio.ts';
import { recoverDroppedTail } from './flac-tail.ts';
import { isFlac } from './sniff.ts';

/**
 * Decodes a FLAC file with the wasm decoder from `@wasm-audio-decoders/flac`, which runs
 * unchanged in Node, browsers and workers (its wasm is inlined, so there is no asset to host).
 * The decoder (about 44 KB gzip) is imported on first use, so apps that never decode FLAC
 * do not load it up front.
 */
export async function decodeFlac(bytes: Uint8Array): Promise<DecodedAudio> {
  if (!isFlac(bytes)) throw new EmovoxError('UNSUPPORTED_AUDIO', 'not a FLAC file');
  const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
  const decoder = new FLACDecoder();
  try {
    await decoder.ready;
    const parsed = await decoder.decodeFile(bytes);
    const raw = { ...parsed, ...(await recoverDroppedTail(bytes, parsed, decoder)) };
    const decoded = fromWasmDecoder('FLAC', raw);
    // The decoder scales by 2^(bits-1) - 1; WAV decoding (ours, sox, browsers) uses 2^(bits-1).
    const scale = (2 ** (raw.bitDepth - 1) - 1) / 2 ** (raw.bitDepth - 1);
    for (const channel of decoded.channels) {
      for (let i = 0; i < channel.length; i++) channel[i] *= scale;
    }
    return decoded;
  } catch (error) {
    // The wasm decoder throws plain errors on some corrupt streams; callers get the same typed error as for MP3/Opus.
    if (error instanceof EmovoxError) throw error;
    throw new EmovoxError('INVALID_AUDIO', `FLAC stream is corrupt: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  } finally {
    decoder.free();
  }
}

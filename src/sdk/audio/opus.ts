import { OggOpusDecoder } from 'ogg-opus-decoder';
import { EmovoxError } from '../errors.ts';
import { fromWasmDecoder } from './compressed.ts';
import type { DecodedAudio } from './decoded-audio.ts';
import { isOgg, isOggOpus } from './sniff.ts';

/**
 * Decodes Ogg Opus with `ogg-opus-decoder` (libopus in wasm, inlined, so Node, browsers and workers all
 * run it without an asset). Opus always decodes at 48 kHz; the encoder's pre-skip is removed by the decoder.
 */
export async function decodeOggOpus(bytes: Uint8Array): Promise<DecodedAudio> {
  if (!isOggOpus(bytes)) {
    throw new EmovoxError('UNSUPPORTED_AUDIO', isOgg(bytes) ? 'Ogg stream is not Opus (Ogg Vorbis/FLAC are not supported)' : 'not an Ogg Opus file');
  }
  const decoder = new OggOpusDecoder();
  try {
    await decoder.ready;
    return fromWasmDecoder('Ogg Opus', await decoder.decodeFile(bytes));
  } catch (error) {
    if (error instanceof EmovoxError) throw error;
    throw new EmovoxError('INVALID_AUDIO', `Ogg Opus stream is corrupt: ${(error as Error).message}`, { cause: error });
  } finally {
    decoder.free();
  }
}

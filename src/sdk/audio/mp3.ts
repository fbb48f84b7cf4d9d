import { MPEGDecoder } from 'mpg123-decoder';
import { EmovoxError } from '../errors.ts';
import { fromWasmDecoder } from './compressed.ts';
import type { DecodedAudio } from './decoded-audio.ts';
import { isMp3 } from './sniff.ts';

/** Offset of the first byte after an ID3v2 tag (0 without one); its size is a 28-bit "syncsafe" integer. */
function afterId3(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size = (bytes[6]! << 21) | (bytes[7]! << 14) | (bytes[8]! << 7) | bytes[9]!;
  const footer = bytes[5]! & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

/**
 * Channel count from the first frame header (channel mode 11 is mono). The decoder always returns two
 * channels, duplicating mono, which `--channels split` would take for two speakers.
 */
function channelCountOf(bytes: Uint8Array): number {
  for (let i = afterId3(bytes); i + 3 < bytes.length; i++) {
    if (bytes[i] === 0xff && (bytes[i + 1]! & 0xe0) === 0xe0) return bytes[i + 3]! >> 6 === 0x03 ? 1 : 2;
  }
  return 2;
}

/**
 * Decodes MPEG-1/2 Layer I–III with `mpg123-decoder` (libmpg123 in wasm, inlined). Gapless decoding
 * removes the encoder delay and padding that LAME records, as ffmpeg does.
 */
export async function decodeMp3(bytes: Uint8Array): Promise<DecodedAudio> {
  if (!isMp3(bytes)) throw new EmovoxError('UNSUPPORTED_AUDIO', 'not an MP3 file');
  const decoder = new MPEGDecoder({ enableGapless: true });
  try {
    await decoder.ready;
    const decoded = fromWasmDecoder('MP3', decoder.decode(bytes));
    return { sampleRate: decoded.sampleRate, channels: decoded.channels.slice(0, channelCountOf(bytes)) };
  } catch (error) {
    if (error instanceof EmovoxError) throw error;
    throw new EmovoxError('INVALID_AUDIO', `MP3 stream is corrupt: ${(error as Error).message}`, { cause: error });
  } finally {
    decoder.free();
  }
}

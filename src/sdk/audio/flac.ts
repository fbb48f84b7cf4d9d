import { EmovoxError } from '../errors.ts';
import { maxSampleRate, minSampleRate, type DecodedAudio } from './decoded-audio.ts';
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
    const decoded = await decoder.decodeFile(bytes);
    if (decoded.errors.length > 0 && decoded.samplesDecoded === 0) {
      throw new EmovoxError('INVALID_AUDIO', `FLAC stream is corrupt: ${decoded.errors[0].message}`);
    }
    if (decoded.samplesDecoded === 0 || decoded.channelData.length === 0) {
      throw new EmovoxError('INVALID_AUDIO', 'FLAC contains zero samples');
    }
    if (decoded.sampleRate < minSampleRate || decoded.sampleRate > maxSampleRate) {
      throw new EmovoxError('UNSUPPORTED_AUDIO', `FLAC sample rate ${decoded.sampleRate} Hz is outside ${minSampleRate}-${maxSampleRate} Hz`);
    }
    // The decoder scales by 2^(bits-1) - 1; WAV decoding (ours, sox, browsers) uses 2^(bits-1).
    const scale = (2 ** (decoded.bitDepth - 1) - 1) / 2 ** (decoded.bitDepth - 1);
    const channels = decoded.channelData.map((channel) => {
      const samples = channel.slice(0, decoded.samplesDecoded);
      for (let i = 0; i < samples.length; i++) samples[i] *= scale;
      return samples;
    });
    return { sampleRate: decoded.sampleRate, channels };
  } finally {
    decoder.free();
  }
}

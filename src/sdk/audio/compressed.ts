import { EmovoxError } from '../errors.ts';
import { maxSampleRate, minSampleRate, type DecodedAudio } from './decoded-audio.ts';

/** What the `@wasm-audio-decoders` family returns from a decode call. */
export interface WasmDecoderOutput {
  readonly channelData: readonly Float32Array[];
  readonly samplesDecoded: number;
  readonly sampleRate: number;
  readonly errors: readonly { readonly message: string }[];
}

/**
 * Turns a `@wasm-audio-decoders` result into `DecodedAudio`, with the same typed errors for every format:
 * a stream with errors and no samples is corrupt; a few bad frames in a long stream are tolerated,
 * as ffmpeg and browsers do.
 */
export function fromWasmDecoder(format: string, decoded: WasmDecoderOutput): DecodedAudio {
  if (decoded.errors.length > 0 && decoded.samplesDecoded === 0) {
    throw new EmovoxError('INVALID_AUDIO', `${format} stream is corrupt: ${decoded.errors[0]!.message}`);
  }
  if (decoded.samplesDecoded === 0 || decoded.channelData.length === 0) {
    throw new EmovoxError('INVALID_AUDIO', `${format} contains zero samples`);
  }
  if (decoded.sampleRate < minSampleRate || decoded.sampleRate > maxSampleRate) {
    throw new EmovoxError('UNSUPPORTED_AUDIO', `${format} sample rate ${decoded.sampleRate} Hz is outside ${minSampleRate}-${maxSampleRate} Hz`);
  }
  const channels = decoded.channelData.map((channel) => channel.slice(0, decoded.samplesDecoded));
  return { sampleRate: decoded.sampleRate, channels };
}

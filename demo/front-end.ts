import {
  EmovoxError, computeFeatures, decodeAudioBytes, isFlac, prepareAudio, resolveFeatureConfig,
  type DecodedAudio, type FeatureConfig, type FrameFeatures,
} from '../src/sdk/index.ts';

export interface FrontEndRun {
  readonly decoded: DecodedAudio;
  /** Which decoder read the file. */
  readonly decoder: string;
  readonly samples: Float32Array;
  readonly config: FeatureConfig;
  readonly features: FrameFeatures;
  /** Milliseconds spent in each step. */
  readonly timing: { readonly decode: number; readonly prepare: number; readonly features: number };
}

/**
 * WAV and FLAC go through emovox's own decoder (the same code Node and the
 * worker run); anything else through the browser, which resamples to the
 * rate of the context it decodes in (48 kHz here).
 */
async function decodeInPage(bytes: Uint8Array): Promise<{ decoded: DecodedAudio; decoder: string }> {
  try {
    const decoded = await decodeAudioBytes(bytes);
    return { decoded, decoder: isFlac(bytes) ? 'emovox FLAC (wasm)' : 'emovox WAV (TypeScript)' };
  } catch (error) {
    if (!(error instanceof EmovoxError) || error.code !== 'UNSUPPORTED_AUDIO') throw error;
  }
  const context = new OfflineAudioContext(1, 1, 48000);
  let buffer: AudioBuffer;
  try {
    buffer = await context.decodeAudioData(bytes.slice().buffer);
  } catch (cause) {
    throw new EmovoxError('UNSUPPORTED_AUDIO', 'neither emovox nor this browser can decode the file', { cause });
  }
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
  return { decoded: { sampleRate: buffer.sampleRate, channels }, decoder: 'browser decodeAudioData (48 kHz)' };
}

/** Decode → 16 kHz mono → frame features, timing each step. */
export async function runFrontEnd(bytes: Uint8Array, partial: Partial<FeatureConfig> = {}): Promise<FrontEndRun> {
  const config = resolveFeatureConfig(partial);
  const t0 = performance.now();
  const { decoded, decoder } = await decodeInPage(bytes);
  const t1 = performance.now();
  const samples = prepareAudio(decoded, config.sampleRate);
  const t2 = performance.now();
  const features = computeFeatures(samples, config);
  const t3 = performance.now();
  return { decoded, decoder, samples, config, features, timing: { decode: t1 - t0, prepare: t2 - t1, features: t3 - t2 } };
}

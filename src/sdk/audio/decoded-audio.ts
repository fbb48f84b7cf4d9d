/** Audio as decoded from a file: one Float32Array per channel, samples in [-1, 1]. */
export interface DecodedAudio {
  readonly sampleRate: number;
  readonly channels: readonly Float32Array[];
}

/** Sample rates the front-end accepts, in Hz. */
export const minSampleRate = 8000;
export const maxSampleRate = 96000;

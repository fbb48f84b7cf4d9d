import type { FeatureConfig } from './config.ts';

/**
 * Frame-level features of a clip, frame-major: value `j` of frame `t` of a block
 * of width `w` is `block[t * w + j]`.
 */
export interface FrameFeatures {
  readonly config: FeatureConfig;
  readonly nFrames: number;
  /** `10*log10(max(melPower, 1e-10))`, width `nMels`. */
  readonly logMel: Float32Array;
  /** DCT-II (orthonormal) of `logMel`, width `nMfcc`. */
  readonly mfcc: Float32Array;
  /** First-order regression deltas of `mfcc`, width `nMfcc`. */
  readonly mfccDelta: Float32Array;
  /** Deltas of `mfccDelta`, width `nMfcc`. */
  readonly mfccDelta2: Float32Array;
  /** librosa spectral contrast in dB, width 7. */
  readonly contrast: Float32Array;
  /** Chroma (max-normalised per frame), width 12. */
  readonly chroma: Float32Array;
  /** Zero-crossing rate per frame, width 1. */
  readonly zcr: Float32Array;
  /** Root-mean-square energy per frame, width 1. */
  readonly rms: Float32Array;
}

export type FrameFeatureName = Exclude<keyof FrameFeatures, 'config' | 'nFrames'>;

export const frameFeatureNames: readonly FrameFeatureName[] = [
  'logMel', 'mfcc', 'mfccDelta', 'mfccDelta2', 'contrast', 'chroma', 'zcr', 'rms',
];

/** Width (values per frame) of a frame feature block under a config. */
export function frameFeatureWidth(name: FrameFeatureName, config: FeatureConfig): number {
  switch (name) {
    case 'logMel': return config.nMels;
    case 'mfcc': case 'mfccDelta': case 'mfccDelta2': return config.nMfcc;
    case 'contrast': return 7;
    case 'chroma': return 12;
    case 'zcr': case 'rms': return 1;
  }
}

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
  /** F0 in semitones re 100 Hz on voiced frames, 0 on unvoiced ones, width 1 (`prosody-frames.ts`; computed only when included). */
  readonly pitch: Float32Array;
  /** Periodicity `1 − aperiodicity` in [0, 1] from the F0 tracker, width 1 (computed only when included). */
  readonly voicing: Float32Array;
  /** Level in dB re full-scale RMS from the F0 tracker, floored at −100, width 1 (computed only when included). */
  readonly loudness: Float32Array;
}

export type FrameFeatureName = Exclude<keyof FrameFeatures, 'config' | 'nFrames'>;

/** The blocks of the spectral front-end: what a `FeatureExtractor` computes unless told otherwise. */
export const spectralFeatureNames: readonly FrameFeatureName[] = [
  'logMel', 'mfcc', 'mfccDelta', 'mfccDelta2', 'contrast', 'chroma', 'zcr', 'rms',
];

/** Every block: the spectral ones, then the prosody blocks, which cost an F0 tracker and are computed only on request. */
export const frameFeatureNames: readonly FrameFeatureName[] = [...spectralFeatureNames, 'pitch', 'voicing', 'loudness'];

/** Width (values per frame) of a frame feature block under a config. */
export function frameFeatureWidth(name: FrameFeatureName, config: FeatureConfig): number {
  switch (name) {
    case 'logMel': return config.nMels;
    case 'mfcc': case 'mfccDelta': case 'mfccDelta2': return config.nMfcc;
    case 'contrast': return 7;
    case 'chroma': return 12;
    case 'zcr': case 'rms': case 'pitch': case 'voicing': case 'loudness': return 1;
  }
}

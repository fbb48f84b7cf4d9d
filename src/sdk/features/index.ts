export { defaultFeatureConfig, resolveFeatureConfig, contrastBands, chromaBins, type FeatureConfig } from './config.ts';
export { frameFeatureNames, frameFeatureWidth, type FrameFeatures, type FrameFeatureName } from './frame-features.ts';
export { FeatureExtractor, type FeatureExtractorOptions } from './extractor.ts';
export { computeFeatures, concatFrames } from './compute.ts';
export { utteranceStatistics, statisticNames, statisticBlocks, statisticKinds } from './statistics.ts';
export { hzToMel, melToHz, slaneyMelFilterbank, orthonormalDct, paddedHannWindow } from './tables.ts';
export { defaultPitchConfig, resolvePitchConfig, type PitchConfig } from './pitch-config.ts';
export { PitchTracker, computePitch, concatPitchFrames, type PitchFrames } from './pitch-tracker.ts';
export { summarizeProsody, semitoneReferenceHz, type ProsodyEstimate } from './prosody.ts';

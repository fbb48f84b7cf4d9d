export { canonicalLabels, isCanonicalLabel, type CanonicalLabel } from './labels.ts';
export {
  manifestFormat, parseManifest,
  type ModelManifest, type ModelFeatureSpec, type ModelFileSpec, type OnnxSpec, type TrainingSpec, type SpeakerAdaptationSpec,
} from './manifest.ts';
export { EmotionModel, type EmotionModelOptions } from './emotion-model.ts';
export { SpeakerAdaptation } from './speaker-adaptation.ts';
export { buildInput, extractorInclude, trimRange, sliceFrames, windowStarts, softmax } from './model-input.ts';
export type { OrtRuntime, OrtSession, OrtTensor, OrtSessionOptions } from './ort-types.ts';
export { circumplex, valenceArousal } from './valence-arousal.ts';

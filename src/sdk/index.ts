// emovox public API: everything here is semver-stable; deeper imports are not.
export { EmotionRecognizer } from './emotion-recognizer.ts';
export { analyzeAudio } from './analyze-audio.ts';
export { EmovoxError, type EmovoxErrorCode, type SerializedEmovoxError } from './errors.ts';
export { TypedEmitter } from './events.ts';
export type { LogLevel } from './logger.ts';
export {
  defaultOptions, defaultVadOptions, resolveOptions,
  type RecognizerOptions, type VadOptions, type SmoothingOptions, type AssetOverrides, type ResolvedOptions,
} from './options.ts';
export { assetFileNames } from './assets.ts';
export type { WorkerDiagnostics } from './worker/protocol.ts';
export { defaultMicrophoneConstraints } from './capture/microphone.ts';
export type {
  AnalysisProgress, AnalysisResult, AnalyzeOptions, AudioInput, EmotionResult, LiveSource, MisfireEvent, ProsodyEstimate, ReadyEvent,
  RecognizerEventMap, RecognizerEventName, RecognizerState, SpeechEndEvent, SpeechStartEvent, StateChangeEvent, VadModelVersion,
} from './types.ts';
export { circumplex, valenceArousal, canonicalLabels, parseManifest, extractorInclude, type CanonicalLabel, type ModelManifest } from './model/index.ts';
export * from './audio/index.ts';
export * from './features/index.ts';
export * from './summary/index.ts';

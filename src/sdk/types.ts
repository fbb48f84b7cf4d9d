import type { EmovoxError } from './errors.ts';
import type { ProsodyEstimate } from './features/prosody.ts';

export type { ProsodyEstimate };

/** Lifecycle of a recognizer. `destroyed` is final. */
export type RecognizerState = 'idle' | 'starting' | 'listening' | 'paused' | 'error' | 'destroyed';

/**
 * One emotion estimate for an utterance (`final: true`, event `emotion`) or for the part of it heard
 * so far (`final: false`, event `emotion-update`). Times are milliseconds of audio since `start()`
 * (live) or since the beginning of the recording (`analyze()`).
 */
export interface EmotionResult {
  /** The most probable label (after smoothing for interim results). */
  readonly label: string;
  /** Probability of `label`, in [0, 1]. */
  readonly confidence: number;
  /** Probability of every label of the model; the values sum to 1. */
  readonly probabilities: Readonly<Record<string, number>>;
  /** Pleasantness in [-1, 1]: the probability-weighted valence of the labels (see `valenceArousalOf`). */
  readonly valence: number;
  /** Activation in [-1, 1]: the probability-weighted arousal of the labels. */
  readonly arousal: number;
  /** Start of the utterance, ms. */
  readonly startMs: number;
  /** End of the audio this result covers, ms. */
  readonly endMs: number;
  /** `false` for interim updates while the person is still speaking. */
  readonly final: boolean;
  /**
   * Pitch, loudness and voicing of the utterance (interim: of the part heard so far), from the
   * front-end's YIN F0 tracker over the same audio the model scored. Absent only on an interim
   * result that arrives before the first 10 ms pitch frame is complete.
   */
  readonly prosody?: ProsodyEstimate;
  /** The 16 kHz mono audio of the utterance; only on final results and only with `includeAudio: true`. */
  readonly audio?: Float32Array;
}

/** Payload of `ready`: what was loaded. */
export interface ReadyEvent {
  /** Labels of the emotion model, in model order. */
  readonly labels: readonly string[];
  /** Name of the emotion model from its manifest. */
  readonly modelName: string;
  /** Silero VAD version in use. */
  readonly vadModel: VadModelVersion;
}

/** Payload of `speech-start`. */
export interface SpeechStartEvent {
  /** Start of the speech segment, ms (includes the pre-speech pad). */
  readonly startMs: number;
}

/** Payload of `speech-end` (after the final `emotion` of the same utterance). */
export interface SpeechEndEvent {
  readonly startMs: number;
  readonly endMs: number;
}

/** Payload of `misfire`: speech started but was shorter than `vad.minSpeechMs`. */
export interface MisfireEvent {
  readonly startMs: number;
  readonly endMs: number;
}

/** Payload of `state`. */
export interface StateChangeEvent {
  readonly state: RecognizerState;
  readonly previous: RecognizerState;
}

/** Every event of `EmotionRecognizer` and the arguments its listeners receive. */
export interface RecognizerEventMap {
  ready: [ReadyEvent];
  'speech-start': [SpeechStartEvent];
  'emotion-update': [EmotionResult];
  emotion: [EmotionResult];
  'speech-end': [SpeechEndEvent];
  misfire: [MisfireEvent];
  state: [StateChangeEvent];
  error: [EmovoxError];
}

export type RecognizerEventName = keyof RecognizerEventMap;

/** Silero VAD weights: `v5` (512-sample frames, default) or `legacy` (v4, 1536-sample frames). */
export type VadModelVersion = 'v5' | 'legacy';

/** Where live audio comes from: the default microphone, a chosen one, or any `MediaStream`. */
export type LiveSource =
  | MediaStream
  | {
      /** `deviceId` from `navigator.mediaDevices.enumerateDevices()`; required exactly when given. */
      readonly deviceId?: string;
      /** Extra audio constraints, merged over emovox's defaults (no noise suppression, no gain control). */
      readonly constraints?: MediaTrackConstraints;
    };

/** Prerecorded audio accepted by `analyze()`. Strings and URLs are fetched; other bytes are decoded. */
export type AudioInput =
  | { readonly samples: Float32Array; readonly sampleRate: number }
  | AudioBuffer
  | Blob
  | ArrayBuffer
  | Uint8Array
  | URL
  | string;

/** Progress of `analyze()`, reported after each chunk. */
export interface AnalysisProgress {
  /** Audio analysed so far, ms. */
  readonly processedMs: number;
  /** Length of the recording, ms. */
  readonly totalMs: number;
  /** `processedMs / totalMs`, in [0, 1]. */
  readonly fraction: number;
}

/** Options of one `analyze()` call. */
export interface AnalyzeOptions {
  /** Called after each chunk of the recording. */
  readonly onProgress?: (progress: AnalysisProgress) => void;
  /** Aborts the analysis; the promise then rejects with code `ABORTED`. */
  readonly signal?: AbortSignal;
}

/** Everything `analyze()` found in a recording. */
export interface AnalysisResult {
  /** Final result of every utterance, in time order. */
  readonly utterances: EmotionResult[];
  /** Segments the VAD rejected as too short. */
  readonly misfires: MisfireEvent[];
  /** Length of the recording, ms. */
  readonly durationMs: number;
  /** Labels of the model, in model order. */
  readonly labels: readonly string[];
}

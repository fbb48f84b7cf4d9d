import type { SerializedEmovoxError } from '../errors.ts';
import type { ResolvedOptions } from '../options.ts';
import type { RecognitionEvent } from '../pipeline/recognition.ts';
import type { AnalysisProgress, AnalysisResult, ReadyEvent } from '../types.ts';
import type { EmotionTiming } from './latency-log.ts';
import type { ResourceSpan, StartupSpan } from './startup-timeline.ts';

/** Everything the worker needs to load; URLs as strings (they cross `postMessage`). */
export interface WorkerInit {
  readonly options: ResolvedOptions;
  readonly manifestUrl: string;
  /** The ONNX file, when it does not lie at `model.file` next to the manifest (bundled default model). */
  readonly modelFileUrl?: string;
  readonly vadModelUrl: string;
  /** Override of ORT's `.wasm` location; absent: ORT finds it next to its own module. */
  readonly ortWasmUrl?: string;
}

/** An error as it crosses the worker boundary inside an event. */
export type SerializedError = SerializedEmovoxError | { readonly name: string; readonly message: string; readonly stack?: string };

/** Events the worker pushes to the page, in order. */
export type WorkerEvent = RecognitionEvent | { readonly name: 'error'; readonly payload: SerializedError };

/** Receives batches of worker events (a comlink proxy on the page side). */
export type WorkerEventSink = (events: WorkerEvent[]) => void;

/** Prerecorded audio sent to the worker: encoded bytes (WAV/FLAC) or decoded channels. */
export type AnalyzeJob =
  | { readonly kind: 'encoded'; readonly bytes: Uint8Array }
  | { readonly kind: 'channels'; readonly channels: Float32Array[]; readonly sampleRate: number };

/** What the worker reports about itself, for tests and debugging. */
export interface WorkerDiagnostics {
  /** True when this code runs in a dedicated worker global scope. */
  readonly inWorker: boolean;
  /** URLs of the `.wasm` files this worker fetched (one ORT runtime: exactly one). */
  readonly wasmFetches: string[];
  /** URLs of the `.onnx` files this worker fetched (VAD and emotion model). */
  readonly onnxFetches: string[];
  /** `session.run` calls of the VAD and of the emotion model so far. */
  readonly vadRuns: number;
  readonly modelRuns: number;
  /** Sessions (VAD and emotion model) created through the worker's one ORT module object. */
  readonly ortSessions: number;
  /** onnxruntime-web version and wasm threads in use. */
  readonly ortVersion: string;
  readonly ortThreads: number;
  /** The worker's start-up steps (script ready, each load step), epoch milliseconds. */
  readonly startup: readonly StartupSpan[];
  /** The worker's `.wasm`, `.onnx` and manifest fetches, epoch milliseconds. */
  readonly resources: readonly ResourceSpan[];
  /** For the latest live final results (at most 512): when their last audio reached the worker and when they left it. */
  readonly emotionTimings: readonly EmotionTiming[];
}

/** Key of the liveness messages, which travel outside comlink (see `LivenessWatch`). */
export const livenessMessageKey = 'emovoxLiveness';

/**
 * Liveness messages: `watch` (page → worker global scope, with the private port and the Web Lock
 * name the worker must hold), then `locked`, `ping` and `pong` on that port.
 */
export type LivenessMessage = {
  readonly [livenessMessageKey]?:
    | { readonly type: 'watch'; readonly lock: string | undefined }
    | { readonly type: 'locked' | 'ping' | 'pong' };
};

/** The worker's API as seen through comlink (every method returns a promise on the page side). */
export interface EmotionWorkerApi {
  init(init: WorkerInit, sink: WorkerEventSink): Promise<Omit<ReadyEvent, never>>;
  /** Starts consuming audio chunks (`Float32Array` at `inputRate`) posted on `port` by the capture worklet. */
  startLive(port: MessagePort, inputRate: number): Promise<void>;
  /** Ends the utterance in progress and ignores audio until `resumeLive()`. */
  pauseLive(): Promise<void>;
  resumeLive(): Promise<void>;
  /** Processes what is queued, ends the utterance in progress and closes the port. */
  stopLive(): Promise<void>;
  analyze(job: AnalyzeJob, id: number, onProgress?: (progress: AnalysisProgress) => void): Promise<AnalysisResult>;
  abortAnalysis(id: number): void;
  diagnostics(): WorkerDiagnostics;
  dispose(): Promise<void>;
}

import { decodeAudioBytes } from '../audio/decode.ts';
import { toMono, assertFiniteSamples } from '../audio/prepare.ts';
import { EmovoxError } from '../errors.ts';
import { createLogger, type Logger } from '../logger.ts';
import type { EmotionModel } from '../model/emotion-model.ts';
import type { OrtRuntime, OrtSessionOptions } from '../model/ort-types.ts';
import { analyzeSamples } from '../pipeline/analyze-samples.ts';
import { EmotionScorer } from '../pipeline/emotion-scorer.ts';
import { openVad } from '../pipeline/loader.ts';
import { Recognition, type RecognitionEvent } from '../pipeline/recognition.ts';
import type { ResolvedOptions } from '../options.ts';
import type { AnalysisProgress, AnalysisResult, ReadyEvent } from '../types.ts';
import { routeVadLogging } from '../vad/logging.ts';
import { Segmenter, vadFrameSamples } from '../vad/segmenter.ts';
import type { Model } from '../vendor/vad-web.js';
import { serializeError } from './error-transfer.ts';
import { LatencyLog } from './latency-log.ts';
import { LiveStream, type LiveStreamHost } from './live-stream.ts';
import { loadForReady } from './load-for-ready.ts';
import { resourceSpans, StartupTimeline } from './startup-timeline.ts';
import type { AnalyzeJob, EmotionWorkerApi, WorkerDiagnostics, WorkerEvent, WorkerEventSink, WorkerInit } from './protocol.ts';

/**
 * Graph optimisation for every session in the worker. The wasm runtime's optimiser runs code V8 compiles
 * lazily on first use (about a second on 2 cores), while VAD and model outputs stay the same without it
 * (within 1e-6, test/model/emotion-model.node.test.ts) and inference is no slower on these small graphs.
 */
const sessionGraphOptimization: OrtSessionOptions['graphOptimizationLevel'] = 'disabled';

/** Counts `process` calls of a VAD model. */
function counted(model: Model, count: () => void): Model {
  return { ...model, process: (frame) => (count(), model.process(frame)) };
}

/**
 * The worker's logic over an injected ORT module: one runtime for the VAD and the emotion model,
 * a live session fed by the capture worklet's port, and offline analysis. `emotion.worker.ts`
 * only exposes it through comlink.
 */
export class WorkerEngine implements EmotionWorkerApi {
  private logger: Logger = createLogger('silent');
  private options!: ResolvedOptions;
  private init_!: WorkerInit;
  private sink: WorkerEventSink = () => {};
  private vad!: Model;
  private model!: EmotionModel;
  private scorer!: EmotionScorer;
  private analysisVad: Model | undefined;
  /** The VAD's `.onnx` bytes, kept for the analysis VAD so it needs no second download. */
  private vadBytes!: Promise<Uint8Array>;
  private live: LiveStream | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly analyses = new Map<number, AbortController>();
  private vadRuns = 0;
  private modelRuns = 0;
  /** Sessions created through `runtime()`, the one ORT module object every model must use. */
  private ortSessions = 0;
  private readonly timeline = new StartupTimeline();
  private readonly latencies = new LatencyLog();
  private readonly liveHost: LiveStreamHost = {
    enqueue: (task) => this.enqueue(task),
    emit: (events) => this.emit(events),
    latencies: this.latencies,
  };

  constructor(
    private readonly ort: OrtRuntime & { env?: { versions?: { web?: string }; wasm?: { numThreads?: number } } },
    /** Applies the init's ORT settings (threads, wasm URL, log level) before anything loads. */
    private readonly configureOrt: (init: WorkerInit) => void = () => {},
  ) {
    this.timeline.markScriptReady();
  }

  /** The ORT module as loaders see it: every session is counted, and its creation timed as `session:<name>`. */
  private runtime(name: string): OrtRuntime {
    const { InferenceSession, Tensor } = this.ort;
    return {
      Tensor,
      InferenceSession: {
        create: (model, options) => {
          this.ortSessions++;
          const withDefaults = { graphOptimizationLevel: sessionGraphOptimization, ...options };
          return this.timeline.time(`session:${name}`, () => InferenceSession.create(model, withDefaults));
        },
      },
    };
  }

  async init(init: WorkerInit, sink: WorkerEventSink): Promise<ReadyEvent> {
    this.configureOrt(init);
    this.init_ = init;
    this.options = init.options;
    this.sink = sink;
    this.logger = createLogger(init.options.logLevel, 'emovox worker');
    routeVadLogging(this.logger);
    const loaded = await loadForReady({
      init,
      timeline: this.timeline,
      ort: this.ort,
      runtime: (name) => this.runtime(name),
      graphOptimizationLevel: sessionGraphOptimization,
    });
    this.vadBytes = loaded.vadBytes;
    this.vad = counted(loaded.vad, () => this.vadRuns++);
    this.model = loaded.model;
    this.scorer = new EmotionScorer(this.model, () => this.modelRuns++);
    // The VAD's first frame has onnxruntime compile its kernels (about 0.1 s on a first visit): run it after
    // `ready`, on the queue live audio goes through, so neither create() nor the first live frame waits for it.
    const vad = loaded.vad;
    void this.enqueue(async () => {
      await vad.process(new Float32Array(vadFrameSamples[init.options.vad.model]));
      vad.reset_state();
    });
    this.logger.info(`loaded ${this.model.manifest.name} (${this.model.labels.join(', ')}) and Silero ${init.options.vad.model}`);
    return { labels: [...this.model.labels], modelName: this.model.manifest.name, vadModel: init.options.vad.model };
  }

  async startLive(port: MessagePort, inputRate: number): Promise<void> {
    await this.stopLive();
    this.vad.reset_state();
    this.scorer.resetSpeaker();
    const interimSamples = Math.round((this.options.interimIntervalMs * 16000) / 1000);
    const segmenter = new Segmenter(this.vad, this.options.vad, interimSamples);
    const recognition = new Recognition(segmenter, this.scorer, this.options.smoothing, this.options.includeAudio);
    this.live = new LiveStream(port, inputRate, recognition, (segmenter.frameSamples * 1000) / 16000, this.liveHost);
  }

  async pauseLive(): Promise<void> {
    await this.live?.pause();
  }

  async resumeLive(): Promise<void> {
    this.live?.resume();
  }

  async stopLive(): Promise<void> {
    const live = this.live;
    if (!live) return;
    await live.stop();
    if (this.live === live) this.live = undefined;
  }

  async analyze(job: AnalyzeJob, id: number, onProgress?: (progress: AnalysisProgress) => void): Promise<AnalysisResult> {
    const audio = await this.decode(job);
    if (!this.analysisVad) {
      const bytes = await this.vadBytes;
      this.analysisVad = counted(await openVad(this.runtime('analysis-vad'), this.options.vad.model, new URL(this.init_.vadModelUrl), bytes, false), () => this.vadRuns++);
    }
    this.analysisVad.reset_state();
    const recognition = new Recognition(new Segmenter(this.analysisVad, this.options.vad, 0), new EmotionScorer(this.model, () => this.modelRuns++), this.options.smoothing, this.options.includeAudio);
    const controller = new AbortController();
    this.analyses.set(id, controller);
    try {
      return await analyzeSamples(recognition, this.model.labels, audio, { onProgress, signal: controller.signal });
    } finally {
      this.analyses.delete(id);
    }
  }

  abortAnalysis(id: number): void {
    this.analyses.get(id)?.abort();
  }

  diagnostics(): WorkerDiagnostics {
    const scope = globalThis as unknown as { WorkerGlobalScope?: new () => unknown };
    const entries = typeof performance.getEntriesByType === 'function' ? performance.getEntriesByType('resource') : [];
    return {
      inWorker: typeof scope.WorkerGlobalScope === 'function' && globalThis instanceof scope.WorkerGlobalScope,
      wasmFetches: entries.map((entry) => entry.name).filter((name) => /\.wasm(\?|$)/.test(name)),
      onnxFetches: entries.map((entry) => entry.name).filter((name) => /\.onnx(\?|$)/.test(name)),
      vadRuns: this.vadRuns,
      modelRuns: this.modelRuns,
      ortSessions: this.ortSessions,
      ortVersion: this.ort.env?.versions?.web ?? 'unknown',
      ortThreads: this.ort.env?.wasm?.numThreads ?? 1,
      startup: [...this.timeline.spans],
      resources: resourceSpans(),
      emotionTimings: this.latencies.entries,
    };
  }

  async dispose(): Promise<void> {
    await this.stopLive().catch(() => undefined);
    await this.chain;
    await Promise.all([this.vad?.release(), this.analysisVad?.release(), this.model?.release()]);
  }

  private async decode(job: AnalyzeJob): Promise<{ samples: Float32Array; sampleRate: number }> {
    const decoded = job.kind === 'encoded' ? await decodeAudioBytes(job.bytes) : { sampleRate: job.sampleRate, channels: job.channels };
    if (decoded.sampleRate < 8000 || decoded.sampleRate > 192000 || !Number.isInteger(decoded.sampleRate)) {
      throw new EmovoxError('UNSUPPORTED_AUDIO', `sample rate ${decoded.sampleRate} Hz is not supported`);
    }
    const samples = toMono(decoded);
    assertFiniteSamples(samples);
    return { samples, sampleRate: decoded.sampleRate };
  }

  /** Runs tasks one after another; a failing task becomes an `error` event and does not stop the next. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task).catch((error: unknown) => this.reportError(error));
    this.chain = run;
    return run;
  }

  private emit(events: RecognitionEvent[]): void {
    if (events.length > 0) this.sink(events);
  }

  /** Sends `error` as an event to the page (for failures outside any request). */
  reportError(error: unknown): void {
    this.logger.error(error);
    const event: WorkerEvent = { name: 'error', payload: serializeError(error) };
    this.sink([event]);
  }
}

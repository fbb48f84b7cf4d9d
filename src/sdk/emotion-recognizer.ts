import { resolveAssets, type ResolvedAssets } from './assets.ts';
import { AudioCapture } from './capture/audio-capture.ts';
import { openMicrophone } from './capture/microphone.ts';
import { prepareAnalyzeJob } from './analyze.ts';
import { EmovoxError } from './errors.ts';
import { TypedEmitter } from './events.ts';
import { createLogger, type Logger } from './logger.ts';
import { resolveOptions, type RecognizerOptions, type ResolvedOptions } from './options.ts';
import type { AnalysisResult, AnalyzeOptions, AudioInput, LiveSource, ReadyEvent, RecognizerEventMap, RecognizerState } from './types.ts';
import { WorkerClient } from './worker-client.ts';
import { deserializeError } from './worker/error-transfer.ts';
import type { WorkerDiagnostics, WorkerEvent, WorkerInit } from './worker/protocol.ts';

function abortError(signal: AbortSignal): EmovoxError {
  return new EmovoxError('ABORTED', 'EmotionRecognizer.create() was aborted', { cause: signal.reason });
}

/** Rejects when `signal` aborts. */
function whenAborted(signal: AbortSignal | undefined): Promise<never> | undefined {
  if (!signal) return undefined;
  return new Promise<never>((_, reject) => {
    if (signal.aborted) reject(abortError(signal));
    signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
  });
}

/**
 * Speech emotion recognition on the device: audio in, typed events out. VAD and model run in one
 * dedicated worker on one onnxruntime-web runtime; the main thread only wires audio nodes and
 * relays events. Create with `await EmotionRecognizer.create(options)`; release with `destroy()`.
 */
export class EmotionRecognizer extends TypedEmitter<RecognizerEventMap> {
  private currentState: RecognizerState = 'idle';
  private capture: AudioCapture | undefined;
  private ownedStream: MediaStream | undefined;
  private analysisIds = 0;
  private readonly logger: Logger;
  private info: ReadyEvent | undefined;

  private constructor(
    private readonly client: WorkerClient,
    private readonly options: ResolvedOptions,
    private readonly assets: ResolvedAssets,
  ) {
    super();
    this.logger = createLogger(options.logLevel);
  }

  /** Validates `options` (TypeError/RangeError naming the option), starts the worker and loads VAD and model. */
  static async create(options: RecognizerOptions = {}): Promise<EmotionRecognizer> {
    const resolved = resolveOptions(options);
    const assets = resolveAssets(options, resolved.vad.model);
    if (options.signal?.aborted) throw abortError(options.signal);
    let recognizer: EmotionRecognizer | undefined;
    const client = new WorkerClient(assets.worker, (error) => recognizer?.fail(error));
    recognizer = new EmotionRecognizer(client, resolved, assets);
    const init: WorkerInit = {
      options: resolved,
      manifestUrl: assets.model.href,
      ...(assets.modelFile ? { modelFileUrl: assets.modelFile.href } : {}),
      vadModelUrl: assets.vadModel.href,
      ...(assets.ortWasm ? { ortWasmUrl: assets.ortWasm.href } : {}),
    };
    try {
      const aborted = whenAborted(options.signal);
      const loading = client.call((api) => api.init(init, client.sink((events) => recognizer.dispatch(events))));
      const info = await (aborted ? Promise.race([loading, aborted]) : loading);
      client.markStarted();
      recognizer.info = info;
      // After create() resolves, so listeners attached right after `await create()` see it.
      setTimeout(() => recognizer.currentState !== 'destroyed' && recognizer.emit('ready', info), 0);
      return recognizer;
    } catch (error) {
      await recognizer.destroy();
      throw error;
    }
  }

  /** Current lifecycle state. */
  get state(): RecognizerState {
    return this.currentState;
  }

  /** Labels of the loaded model, in model order. */
  get labels(): readonly string[] {
    return this.info?.labels ?? [];
  }

  /** What was loaded (also the payload of `ready`). */
  get model(): ReadyEvent | undefined {
    return this.info;
  }

  /**
   * Starts listening to the microphone (default device, or `{ deviceId, constraints }`) or to any
   * `MediaStream` (its tracks stay yours). Call it from a user gesture so the AudioContext may start.
   */
  async start(source: LiveSource = {}): Promise<void> {
    this.assertUsable('start');
    if (this.currentState !== 'idle' && this.currentState !== 'error') {
      throw new EmovoxError('INVALID_STATE', `start() needs state idle, the recognizer is ${this.currentState}`);
    }
    this.setState('starting');
    try {
      const stream = source instanceof MediaStream ? source : (this.ownedStream = await openMicrophone(source));
      for (const track of stream.getAudioTracks()) track.addEventListener('ended', this.onTrackEnded);
      this.assertUsable('start');
      const capture = (this.capture = await AudioCapture.open(stream, this.assets.captureWorklet, stream !== this.ownedStream));
      await this.client.call((api) => api.startLive(this.client.transfer(capture.workerPort, [capture.workerPort]), capture.sampleRate));
      await capture.resume();
      this.setState('listening');
    } catch (error) {
      await this.releaseAudio();
      if (this.state !== 'destroyed') this.setState('error');
      throw error;
    }
  }

  /** Stops feeding audio (the current utterance ends now); the microphone stays open. */
  async pause(): Promise<void> {
    this.assertUsable('pause');
    if (this.currentState === 'paused') return;
    if (this.currentState !== 'listening') throw new EmovoxError('INVALID_STATE', `pause() needs state listening, the recognizer is ${this.currentState}`);
    await this.capture?.suspend();
    await this.client.call((api) => api.pauseLive());
    this.setState('paused');
  }

  async resume(): Promise<void> {
    this.assertUsable('resume');
    if (this.currentState === 'listening') return;
    if (this.currentState !== 'paused') throw new EmovoxError('INVALID_STATE', `resume() needs state paused, the recognizer is ${this.currentState}`);
    await this.client.call((api) => api.resumeLive());
    await this.capture?.resume();
    this.setState('listening');
  }

  /** Ends the current utterance, closes the microphone it opened and the AudioContext; `start()` may follow. */
  async stop(): Promise<void> {
    this.assertUsable('stop');
    if (this.currentState === 'idle') return;
    await this.capture?.close();
    try {
      await this.client.call((api) => api.stopLive());
    } finally {
      await this.releaseAudio();
      if (this.currentState !== 'destroyed' && this.currentState !== 'error') this.setState('idle');
    }
  }

  /** Segments a whole recording with the VAD and returns every utterance's final result. */
  async analyze(audio: AudioInput, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
    this.assertUsable('analyze');
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new EmovoxError('ABORTED', 'the analysis was aborted', { cause: signal.reason });
    const { job, transfer } = await prepareAnalyzeJob(audio);
    const id = ++this.analysisIds;
    const onAbort = () => void this.client.call((api) => api.abortAnalysis(id)).catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const progress = onProgress ? this.client.sink(onProgress as never) : undefined;
      return await this.client.call((api) => api.analyze(this.client.transfer(job, transfer), id, progress as never));
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** What the worker reports about itself (thread, ORT wasm fetches, inference counts): for tests and debugging. */
  async diagnostics(): Promise<WorkerDiagnostics> {
    this.assertUsable('diagnostics');
    return this.client.call((api) => api.diagnostics());
  }

  /** Stops everything and releases microphone tracks it opened, AudioContext, worker and models. Idempotent. */
  async destroy(): Promise<void> {
    if (this.currentState === 'destroyed') return;
    this.setState('destroyed');
    await this.capture?.close();
    await this.releaseAudio();
    if (!this.client.isTerminated) {
      await Promise.race([this.client.call((api) => api.dispose()).catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    }
    this.client.terminate();
    this.removeAllListeners();
  }

  private readonly onTrackEnded = (): void => {
    if (this.currentState !== 'listening' && this.currentState !== 'paused') return;
    this.fail(new EmovoxError('MIC_UNREADABLE', 'the audio track ended (device unplugged or permission revoked)'));
  };

  private dispatch(events: WorkerEvent[]): void {
    for (const event of events) {
      if (this.currentState === 'destroyed') return;
      if (event.name === 'error') this.emit('error', deserializeError(event.payload) as EmovoxError);
      else this.emit(event.name, event.payload as never);
    }
  }

  /** Reports a fatal error: `error` event, state `error`, audio released. */
  private fail(error: EmovoxError): void {
    if (this.currentState === 'destroyed') return;
    this.logger.error(error);
    this.emit('error', error);
    this.setState('error');
    void this.releaseAudio();
  }

  private async releaseAudio(): Promise<void> {
    const capture = this.capture;
    const stream = this.ownedStream;
    this.capture = undefined;
    this.ownedStream = undefined;
    for (const track of stream?.getTracks() ?? []) track.stop();
    await capture?.close();
  }

  private assertUsable(method: string): void {
    if (this.currentState === 'destroyed') throw new EmovoxError('INVALID_STATE', `${method}() was called after destroy()`);
  }

  private setState(state: RecognizerState): void {
    if (state === this.currentState) return;
    const previous = this.currentState;
    this.currentState = state;
    this.logger.debug(`state ${previous} -> ${state}`);
    this.emit('state', { state, previous });
  }
}

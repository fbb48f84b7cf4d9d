import { resolveAssets, type ResolvedAssets } from './assets.ts';
import { AudioCapture } from './capture/audio-capture.ts';
import { openMicrophone } from './capture/microphone.ts';
import { prepareAnalyzeJob } from './analyze.ts';
import { EmovoxError } from './errors.ts';
import { TypedEmitter } from './events.ts';
import { createLogger, type Logger } from './logger.ts';
import { resolveOptions, type RecognizerOptions, type ResolvedOptions } from './options.ts';
import { abortable, SerialQueue } from './serial-queue.ts';
import type { AnalysisResult, AnalyzeOptions, AudioInput, LiveSource, ReadyEvent, RecognizerEventMap, RecognizerState } from './types.ts';
import { WorkerClient } from './worker-client.ts';
import { deserializeError } from './worker/error-transfer.ts';
import type { WorkerDiagnostics, WorkerEvent, WorkerInit } from './worker/protocol.ts';

function abortError(signal: AbortSignal): EmovoxError {
  return new EmovoxError('ABORTED', 'EmotionRecognizer.create() was aborted', { cause: signal.reason });
}

const analysisAborted = (signal: AbortSignal) => new EmovoxError('ABORTED', 'the analysis was aborted', { cause: signal.reason });

/**
 * Speech emotion recognition on the device: audio in, typed events out. VAD and model run in one
 * dedicated worker on one onnxruntime-web runtime; the main thread only wires audio nodes and
 * relays events. Create with `await EmotionRecognizer.create(options)`; release with `destroy()`.
 */
export class EmotionRecognizer extends TypedEmitter<RecognizerEventMap> {
  private currentState: RecognizerState = 'idle';
  private capture: AudioCapture | undefined;
  private ownedStream: MediaStream | undefined;
  private watchedTracks: MediaStreamTrack[] = [];
  private releaseLive: (() => void) | undefined;
  /** Bumped by start, stop, destroy: an awaited step of an older start()/pause()/resume() sees it was overtaken. */
  private generation = 0;
  private stopping: Promise<void> | undefined;
  private destroying: Promise<void> | undefined;
  /** analyze() jobs run one at a time in the worker: its analysis VAD is stateful. */
  private readonly analyses = new SerialQueue();
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
      const loading = client.call((api) => api.init(init, client.sink((events) => recognizer.dispatch(events))));
      const info = await abortable(loading, options.signal, abortError);
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
   * `stop()` or `destroy()` while it runs make it reject with INVALID_STATE, releasing what it opened.
   */
  async start(source: LiveSource = {}): Promise<void> {
    this.assertUsable('start');
    if ((this.currentState !== 'idle' && this.currentState !== 'error') || this.stopping) {
      throw new EmovoxError('INVALID_STATE', `start() needs state idle, the recognizer is ${this.stopping ? 'stopping' : this.currentState}`);
    }
    // A dead worker fails at once, before the microphone opens.
    this.client.assertAlive();
    const generation = ++this.generation;
    this.setState('starting');
    let opened: MediaStream | undefined;
    let capture: AudioCapture | undefined;
    try {
      const stream = source instanceof MediaStream ? source : (opened = await openMicrophone(source));
      this.assertCurrent(generation, 'start');
      this.ownedStream = opened;
      this.watchTracks(stream);
      capture = await AudioCapture.open(stream, this.assets.captureWorklet, stream !== opened);
      this.assertCurrent(generation, 'start');
      this.capture = capture;
      await this.client.call((api) => api.startLive(this.client.transfer(capture!.workerPort, [capture!.workerPort]), capture!.sampleRate));
      this.assertCurrent(generation, 'start');
      this.releaseLive = this.client.hold();
      await capture.resume();
      this.assertCurrent(generation, 'start');
      this.setState('listening');
    } catch (error) {
      if (generation === this.generation) {
        await this.releaseAudio();
        if (this.state !== 'destroyed') this.setState('error');
        throw error;
      }
      // Overtaken by stop()/destroy(), which released what was already stored; release the rest. The
      // interruption is the cause of whatever failed after it.
      for (const track of opened?.getTracks() ?? []) track.stop();
      await capture?.close();
      throw error instanceof EmovoxError && error.code === 'INVALID_STATE' ? error : this.interrupted('start', error);
    }
  }

  /** Stops feeding audio (the current utterance ends now); the microphone stays open. */
  async pause(): Promise<void> {
    this.assertUsable('pause');
    if (this.currentState === 'paused' && !this.stopping) return;
    if (this.currentState !== 'listening' || this.stopping) throw this.wrongState('pause', 'listening');
    const generation = this.generation;
    await this.capture?.suspend();
    await this.client.call((api) => api.pauseLive());
    this.assertCurrent(generation, 'pause');
    this.setState('paused');
  }

  async resume(): Promise<void> {
    this.assertUsable('resume');
    if (this.currentState === 'listening' && !this.stopping) return;
    if (this.currentState !== 'paused' || this.stopping) throw this.wrongState('resume', 'paused');
    const generation = this.generation;
    await this.client.call((api) => api.resumeLive());
    await this.capture?.resume();
    this.assertCurrent(generation, 'resume');
    this.setState('listening');
  }

  /**
   * Ends the current utterance, closes the microphone it opened and the AudioContext; `start()` may
   * follow. Interrupts a `start()` in progress; concurrent calls share one stop.
   */
  async stop(): Promise<void> {
    this.assertUsable('stop');
    if (this.stopping) return this.stopping;
    if (this.currentState === 'idle') return;
    this.stopping = this.stopNow().finally(() => (this.stopping = undefined));
    return this.stopping;
  }

  private async stopNow(): Promise<void> {
    this.generation++;
    await this.capture?.close();
    try {
      if (this.client.isAlive) await this.client.call((api) => api.stopLive());
    } finally {
      await this.releaseAudio();
      if (this.currentState !== 'destroyed' && this.currentState !== 'error') this.setState('idle');
    }
  }

  /**
   * Segments a whole recording with the VAD and returns every utterance's final result. Overlapping
   * calls are queued and run one at a time; each gets its own recording's result.
   */
  async analyze(audio: AudioInput, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
    this.assertUsable('analyze');
    const { signal, onProgress } = options;
    if (signal?.aborted) throw analysisAborted(signal);
    const { job, transfer } = await prepareAnalyzeJob(audio);
    return this.analyses.run(async () => {
      this.assertUsable('analyze');
      const id = ++this.analysisIds;
      const onAbort = () => void this.client.call((api) => api.abortAnalysis(id)).catch(() => undefined);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const progress = onProgress ? this.client.sink(onProgress as never) : undefined;
        return await this.client.call((api) => api.analyze(this.client.transfer(job, transfer), id, progress as never));
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    }, signal, analysisAborted);
  }

  /** What the worker reports about itself (thread, ORT wasm fetches, inference counts): for tests and debugging. */
  async diagnostics(): Promise<WorkerDiagnostics> {
    this.assertUsable('diagnostics');
    return this.client.call((api) => api.diagnostics());
  }

  /**
   * Stops everything and releases microphone tracks it opened, AudioContext, worker and models.
   * Safe at any time (during start(), stop() or an analysis, whose calls reject with INVALID_STATE);
   * concurrent and repeated calls share one teardown.
   */
  destroy(): Promise<void> {
    this.destroying ??= this.destroyNow();
    return this.destroying;
  }

  private async destroyNow(): Promise<void> {
    this.generation++;
    this.setState('destroyed');
    // Pending calls reject now; the worker gets a bounded moment to release its sessions.
    const shutdown = this.client.terminate((api) => api.dispose());
    await this.releaseAudio();
    await shutdown;
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

  private watchTracks(stream: MediaStream): void {
    for (const track of stream.getAudioTracks()) {
      track.addEventListener('ended', this.onTrackEnded);
      this.watchedTracks.push(track);
    }
  }

  private async releaseAudio(): Promise<void> {
    const capture = this.capture;
    const stream = this.ownedStream;
    this.capture = undefined;
    this.ownedStream = undefined;
    this.releaseLive?.();
    this.releaseLive = undefined;
    // A caller's stream outlives us: it must not keep this recognizer reachable through a listener.
    for (const track of this.watchedTracks) track.removeEventListener('ended', this.onTrackEnded);
    this.watchedTracks = [];
    for (const track of stream?.getTracks() ?? []) track.stop();
    await capture?.close();
  }

  private assertUsable(method: string): void {
    if (this.currentState === 'destroyed') throw new EmovoxError('INVALID_STATE', `${method}() was called after destroy()`);
  }

  /** Throws when stop() or destroy() overtook the call that started at `generation`. */
  private assertCurrent(generation: number, method: string): void {
    if (generation !== this.generation) throw this.interrupted(method);
  }

  private interrupted(method: string, cause?: unknown): EmovoxError {
    return new EmovoxError('INVALID_STATE', `${method}() was interrupted by ${this.currentState === 'destroyed' ? 'destroy()' : 'stop()'}`, { cause });
  }

  private wrongState(method: string, needed: RecognizerState): EmovoxError {
    return new EmovoxError('INVALID_STATE', `${method}() needs state ${needed}, the recognizer is ${this.stopping ? 'stopping' : this.currentState}`);
  }

  private setState(state: RecognizerState): void {
    if (state === this.currentState) return;
    const previous = this.currentState;
    this.currentState = state;
    this.logger.debug(`state ${previous} -> ${state}`);
    this.emit('state', { state, previous });
  }
}

import { EmovoxError } from '../errors.ts';
import { watchCapture } from './capture-watch.ts';

/**
 * Longest wait, ms, for the AudioContext to run. Browsers keep a context suspended until a user
 * gesture; without one `resume()` never settles, and `start()` must fail instead of hanging.
 */
export const contextStartTimeoutMs = 5000;

/**
 * The capture graph: MediaStream → AudioWorklet (mono mix, chunking) → MessagePort → worker.
 * Only nodes live on the main thread; samples go from the audio thread to the worker directly.
 */
export class AudioCapture {
  private closed = false;
  private wanted: 'running' | 'suspended' = 'suspended';
  private readonly unwatch: () => void;

  private constructor(
    readonly context: AudioContext,
    private readonly source: MediaStreamAudioSourceNode,
    private readonly node: AudioWorkletNode,
    /** The port the worker reads chunks from; transfer it to the worker. */
    readonly workerPort: MessagePort,
    private readonly sink: HTMLAudioElement | undefined,
    stream: MediaStream,
  ) {
    this.unwatch = watchCapture({ context, stream, wantsRunning: () => this.wanted === 'running' && !this.closed });
  }

  /** Sample rate of the chunks sent to the worker (the context's rate). */
  get sampleRate(): number {
    return this.context.sampleRate;
  }

  /**
   * `external`: the stream came from the caller, perhaps a remote WebRTC track. Chromium delivers
   * silence from a remote track to Web Audio unless the stream also plays in a media element
   * (crbug.com/933677), so such a stream is attached to a muted, detached `<audio>` while captured.
   */
  static async open(stream: MediaStream, workletUrl: URL | undefined, external = false): Promise<AudioCapture> {
    const context = new AudioContext({ latencyHint: 'interactive' });
    const sink = external && typeof Audio !== 'undefined' ? mutedSink(stream) : undefined;
    try {
      const url = workletUrl ?? new URL('./capture.worklet.ts', import.meta.url);
      try {
        await context.audioWorklet.addModule(url);
      } catch (error) {
        throw new EmovoxError('ASSET_LOAD_FAILED', `capture worklet ${url.href} could not be loaded: ${(error as Error).message ?? error}`, { cause: error });
      }
      const source = context.createMediaStreamSource(stream);
      const node = new AudioWorkletNode(context, 'emovox-capture', {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        channelCount: 1,
        channelCountMode: 'explicit',
        channelInterpretation: 'speakers',
      });
      const channel = new MessageChannel();
      node.port.postMessage({ type: 'connect', port: channel.port1 }, [channel.port1]);
      source.connect(node);
      // The node writes silence; connecting it keeps the graph pulled in every browser.
      node.connect(context.destination);
      return new AudioCapture(context, source, node, channel.port2, sink, stream);
    } catch (error) {
      releaseSink(sink);
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  private get isRunning(): boolean {
    return this.context.state === 'running';
  }

  /** Runs the context; rejects with `MIC_UNREADABLE` when it is still suspended after {@link contextStartTimeoutMs}. */
  async resume(): Promise<void> {
    this.wanted = 'running';
    if (this.isRunning) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, contextStartTimeoutMs)));
    try {
      await Promise.race([this.context.resume(), timedOut]);
    } finally {
      clearTimeout(timer);
    }
    if (!this.isRunning) {
      throw new EmovoxError('MIC_UNREADABLE', `the AudioContext stayed ${this.context.state} for ${contextStartTimeoutMs / 1000} s: browsers start audio only after a user gesture, so call start() from a click or key handler`);
    }
  }

  async suspend(): Promise<void> {
    this.wanted = 'suspended';
    if (this.context.state === 'running') await this.context.suspend();
  }

  /** Flushes the worklet's last partial chunk, disconnects the graph and closes the context. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unwatch();
    this.node.port.postMessage({ type: 'stop' });
    this.source.disconnect();
    this.node.disconnect();
    releaseSink(this.sink);
    if (this.context.state !== 'closed') await this.context.close().catch(() => undefined);
  }
}

function mutedSink(stream: MediaStream): HTMLAudioElement {
  const sink = new Audio();
  sink.muted = true;
  sink.srcObject = stream;
  // Autoplay of a muted element is allowed; a refusal only matters for remote tracks, and the
  // capture itself still runs, so it is not an error.
  sink.play().catch(() => undefined);
  return sink;
}

function releaseSink(sink: HTMLAudioElement | undefined): void {
  if (!sink) return;
  sink.pause();
  sink.srcObject = null;
}

import { EmovoxError } from '../errors.ts';

/**
 * The capture graph: MediaStream → AudioWorklet (mono mix, chunking) → MessagePort → worker.
 * Only nodes live on the main thread; samples go from the audio thread to the worker directly.
 */
export class AudioCapture {
  private closed = false;

  private constructor(
    readonly context: AudioContext,
    private readonly source: MediaStreamAudioSourceNode,
    private readonly node: AudioWorkletNode,
    /** The port the worker reads chunks from; transfer it to the worker. */
    readonly workerPort: MessagePort,
    private readonly sink: HTMLAudioElement | undefined,
  ) {}

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
      return new AudioCapture(context, source, node, channel.port2, sink);
    } catch (error) {
      releaseSink(sink);
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  async resume(): Promise<void> {
    if (this.context.state !== 'running') await this.context.resume();
  }

  async suspend(): Promise<void> {
    if (this.context.state === 'running') await this.context.suspend();
  }

  /** Flushes the worklet's last partial chunk, disconnects the graph and closes the context. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
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

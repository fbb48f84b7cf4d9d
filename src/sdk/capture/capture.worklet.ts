// AudioWorklet processor: copies the (mono-mixed) input into fixed-size chunks and transfers each
// chunk over a MessagePort straight to the emovox worker, so audio never passes the main thread.
// Self-contained on purpose: worklet modules cannot share emovox's other modules.

// AudioWorkletGlobalScope is not in TypeScript's libs; declare the two globals used here.
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

/** Samples per transferred chunk at the context rate (about 43 ms at 48 kHz). */
const chunkSamples = 2048;

class EmovoxCaptureProcessor extends AudioWorkletProcessor {
  private target: MessagePort | undefined;
  private chunk = new Float32Array(chunkSamples);
  private filled = 0;
  private stopped = false;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<{ type: 'connect'; port: MessagePort } | { type: 'stop' }>) => {
      if (event.data.type === 'connect') this.target = event.data.port;
      else this.stop();
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.stopped) return false;
    const channels = inputs[0];
    if (!channels || channels.length === 0 || !this.target) return true;
    const first = channels[0];
    for (let i = 0; i < first.length; i++) {
      let value = first[i];
      for (let c = 1; c < channels.length; c++) value += channels[c][i];
      this.chunk[this.filled++] = channels.length > 1 ? value / channels.length : value;
      if (this.filled === chunkSamples) {
        this.target.postMessage(this.chunk, [this.chunk.buffer]);
        this.chunk = new Float32Array(chunkSamples);
        this.filled = 0;
      }
    }
    return true;
  }

  private stop(): void {
    if (this.target && this.filled > 0) this.target.postMessage(this.chunk.slice(0, this.filled));
    this.target?.close();
    this.target = undefined;
    this.stopped = true;
  }
}

registerProcessor('emovox-capture', EmovoxCaptureProcessor);
export {};

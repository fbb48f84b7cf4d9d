// AudioWorklet processor that forwards its first input channel to the main thread in blocks.
// The AudioWorklet global scope has no TypeScript lib; these are the two names it provides.
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

class CaptureProcessor extends AudioWorkletProcessor {
  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (channel) this.port.postMessage(channel.slice());
    return true;
  }
}

registerProcessor('emovox-test-capture', CaptureProcessor);

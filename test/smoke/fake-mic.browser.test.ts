// @fake-mic tone-440
// Proves per-file fake microphones: this file's Chromium plays test/.generated/tone-440.wav
// (a 440 Hz sine) as its microphone; we capture it through an AudioWorklet and measure its pitch.
import { expect } from '@open-wc/testing';

/** Collects at least `count` samples of the stream's first channel. */
async function capture(stream: MediaStream, count: number): Promise<{ samples: Float32Array; sampleRate: number }> {
  const context = new AudioContext();
  await context.audioWorklet.addModule(new URL('./capture.worklet.ts', import.meta.url));
  const node = new AudioWorkletNode(context, 'emovox-test-capture');
  const source = context.createMediaStreamSource(stream);
  const samples = new Float32Array(count);
  let filled = 0;
  await new Promise<void>((resolve) => {
    node.port.onmessage = (event: MessageEvent<Float32Array>) => {
      const block = event.data.subarray(0, count - filled);
      samples.set(block, filled);
      filled += block.length;
      if (filled === count) resolve();
    };
    source.connect(node);
  });
  source.disconnect();
  await context.close();
  return { samples, sampleRate: context.sampleRate };
}

describe('fake microphone from a generated WAV', () => {
  it('delivers the 440 Hz tone of tone-440.wav', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    try {
      const { samples, sampleRate } = await capture(stream, 24000);
      // Skip the first quarter: the capture may start with a few silent blocks.
      const tail = samples.subarray(6000);
      let energy = 0;
      let crossings = 0;
      for (let i = 0; i < tail.length; i++) {
        energy += tail[i]! * tail[i]!;
        if (i > 0 && tail[i - 1]! < 0 !== tail[i]! < 0) crossings += 1;
      }
      const rms = Math.sqrt(energy / tail.length);
      const frequency = (crossings / 2) * (sampleRate / tail.length);
      expect(rms).to.be.greaterThan(0.1);
      expect(frequency).to.be.within(440 * 0.95, 440 * 1.05);
    } finally {
      stream.getTracks().forEach((track) => track.stop());
    }
  });
});

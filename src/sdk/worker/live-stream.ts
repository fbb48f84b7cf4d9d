import { Resampler } from '../audio/resampler.ts';
import type { Recognition, RecognitionEvent } from '../pipeline/recognition.ts';
import { InterimPacer } from './interim-pacer.ts';
import type { LatencyLog } from './latency-log.ts';
import { epochNow } from './startup-timeline.ts';

/** What a live stream needs from the worker: its one task queue, the way to the page, the latency log. */
export interface LiveStreamHost {
  /** Runs a task after the ones queued before it (the queue the VAD and model calls share). */
  enqueue(task: () => Promise<void>): Promise<void>;
  emit(events: RecognitionEvent[]): void;
  readonly latencies: LatencyLog;
}

/**
 * One live session: audio chunks posted by the capture worklet on `port` (at `inputRate`), resampled to
 * 16 kHz and pushed through `recognition` on the host's queue; events go to the page through an
 * {@link InterimPacer}, which sends interim updates on the audio clock.
 */
export class LiveStream {
  private readonly resampler: Resampler | undefined;
  private readonly pacer: InterimPacer;
  private paused = false;
  private closed = false;
  private inputSamples = 0;

  constructor(
    private readonly port: MessagePort,
    private readonly inputRate: number,
    private readonly recognition: Recognition,
    frameMs: number,
    private readonly host: LiveStreamHost,
  ) {
    this.resampler = inputRate === 16000 ? undefined : new Resampler(inputRate, 16000);
    this.pacer = new InterimPacer((events) => host.emit(events), frameMs);
    port.onmessage = (event: MessageEvent<Float32Array>) => this.receive(event.data);
    port.start();
  }

  /** Ends the utterance in progress and ignores audio until `resume()`. */
  async pause(): Promise<void> {
    this.paused = true;
    await this.host.enqueue(async () => this.pacer.deliver(await this.recognition.flush()));
    this.pacer.drop();
  }

  resume(): void {
    // Wall time ran on while no audio came: the audio clock is measured again.
    this.pacer.resetClock();
    this.paused = false;
  }

  /** Processes what is queued, ends the utterance in progress and closes the port. */
  async stop(): Promise<void> {
    this.paused = true;
    await this.host.enqueue(async () => {
      if (this.resampler) this.pacer.deliver(await this.recognition.push(this.resampler.flush()));
      this.pacer.deliver(await this.recognition.flush());
      this.pacer.drop();
    });
    this.closed = true;
    this.port.onmessage = null;
    this.port.close();
  }

  private receive(chunk: Float32Array): void {
    if (this.paused || this.closed) return;
    const receivedMs = epochNow();
    this.inputSamples += chunk.length;
    this.pacer.noteChunk(receivedMs, (this.inputSamples * 1000) / this.inputRate, (chunk.length * 1000) / this.inputRate);
    void this.host.enqueue(async () => {
      if (this.closed) return;
      const samples = this.resampler ? this.resampler.process(chunk) : chunk;
      const events = await this.recognition.push(samples);
      this.host.latencies.record(events, receivedMs);
      this.pacer.deliver(events);
    });
  }
}

import type { RecognitionEvent } from '../pipeline/recognition.ts';
import { epochNow } from './startup-timeline.ts';

/** When the audio chunk that completed a live final result reached the worker, and when the result left it (epoch ms). */
export interface EmotionTiming {
  readonly audioReceivedMs: number;
  readonly emittedMs: number;
}

/** Keeps the timing of the latest live `emotion` results, for benchmarks; bounded so a long session cannot grow it. */
export class LatencyLog {
  private readonly timings: EmotionTiming[] = [];

  constructor(private readonly capacity = 512) {}

  /** Notes every final `emotion` among `events`, produced from a chunk received at `audioReceivedMs`. */
  record(events: readonly RecognitionEvent[], audioReceivedMs: number): void {
    for (const event of events) {
      if (event.name !== 'emotion') continue;
      this.timings.push({ audioReceivedMs, emittedMs: epochNow() });
      if (this.timings.length > this.capacity) this.timings.shift();
    }
  }

  get entries(): readonly EmotionTiming[] {
    return [...this.timings];
  }
}

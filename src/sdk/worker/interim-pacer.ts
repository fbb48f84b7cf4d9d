import type { RecognitionEvent } from '../pipeline/recognition.ts';
import { epochNow } from './startup-timeline.ts';

/** Chunks whose arrival sets the audio clock: about 2.7 s at 48 kHz, short enough to follow clock drift. */
const clockWindow = 64;
/** Room for computing an interim result and for a late timer, ms. */
const marginMs = 10;

/**
 * Sends the worker's events to the page, `emotion-update`s on the audio clock: each at the wall time its
 * audio point (`endMs`, on a fixed interval) is due plus a constant lag, instead of whenever the chunk that
 * completed it happened to arrive (chunks come every ~43 ms, VAD frames cover 32 ms: unpaced, updates
 * drifted by up to both). The lag covers the worst case of both, so an update is held (by a timer) rather
 * than sent early. It is fixed per utterance, so that the updates of one utterance keep their spacing while
 * the estimate of the audio clock moves; an update computed after it was due goes out at once, and moves
 * the rest of its utterance's schedule by as much. Every other event goes out at once; an update still held
 * when another event of the stream comes (its utterance's final result, a pause) is dropped: the newer
 * event supersedes it.
 */
export class InterimPacer {
  /** Arrival wall time minus audio end time of recent chunks, ms. */
  private readonly offsets: number[] = [];
  private chunkMs = 0;
  /** Wall time minus audio time at which the current utterance's updates are due. */
  private schedule: { readonly startMs: number; lagMs: number } | undefined;
  private held: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (events: RecognitionEvent[]) => void,
    /** Audio a VAD frame covers, ms: a point is reached only once the frame holding it is complete. */
    private readonly frameMs: number,
    private readonly now: () => number = epochNow,
  ) {}

  /** Notes a chunk of audio (ending at `audioEndMs` of the stream) that arrived at `receivedMs`. */
  noteChunk(receivedMs: number, audioEndMs: number, chunkMs: number): void {
    this.offsets.push(receivedMs - audioEndMs);
    if (this.offsets.length > clockWindow) this.offsets.shift();
    this.chunkMs = Math.max(this.chunkMs, chunkMs);
  }

  /** Forgets the audio clock (after a pause, wall time ran on while audio did not). */
  resetClock(): void {
    this.offsets.length = 0;
    this.schedule = undefined;
  }

  /** Sends `events` in order, holding an `emotion-update` until it is due. */
  deliver(events: RecognitionEvent[]): void {
    let batch: RecognitionEvent[] = [];
    for (const event of events) {
      this.drop();
      const wait = event.name === 'emotion-update' ? this.waitFor(event.payload.startMs, event.payload.endMs) : 0;
      if (wait <= 0) {
        batch.push(event);
        continue;
      }
      if (batch.length > 0) this.send(batch);
      batch = [];
      this.held = setTimeout(() => {
        this.held = undefined;
        this.send([event]);
      }, wait);
    }
    if (batch.length > 0) this.send(batch);
  }

  /** Drops the held update, if any (stop, destroy, or a newer event). */
  drop(): void {
    if (this.held !== undefined) clearTimeout(this.held);
    this.held = undefined;
  }

  /** How long to hold the update of the utterance starting at `startMs` that ends at `endMs`; 0: send it now. */
  private waitFor(startMs: number, endMs: number): number {
    if (this.offsets.length === 0) return 0;
    if (this.schedule?.startMs !== startMs) {
      this.schedule = { startMs, lagMs: Math.min(...this.offsets) + this.frameMs + this.chunkMs + marginMs };
    }
    const wait = endMs + this.schedule.lagMs - this.now();
    if (wait < 0) this.schedule.lagMs -= wait;
    return wait;
  }
}

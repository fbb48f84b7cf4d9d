import type { EmotionResult } from './types.ts';

/** One utterance in the window: its latest accepted result. */
export interface WindowEntry {
  readonly utteranceId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly valence: number;
  readonly arousal: number;
}

/** Identifies an utterance: interim and final results of one utterance share their `startMs`. */
export function utteranceIdOf(result: Pick<EmotionResult, 'startMs'>): string {
  return `utt-${Math.round(result.startMs)}`;
}

/**
 * The last `maxUtterances` utterances that ended within `spanMs` of audio before the newest one.
 * Time is audio time from the results, so recorded results replay exactly as they were heard.
 */
export class RollingWindow {
  private entries: WindowEntry[] = [];

  constructor(
    private readonly spanMs: number,
    private readonly maxUtterances: number,
  ) {}

  /** Adds a result; a later result of an utterance already in the window replaces it. */
  add(result: EmotionResult): void {
    const entry: WindowEntry = {
      utteranceId: utteranceIdOf(result),
      startMs: result.startMs,
      endMs: result.endMs,
      valence: result.valence,
      arousal: result.arousal,
    };
    // A restarted recognizer counts audio from zero again: older entries no longer compare.
    const newest = this.entries.at(-1);
    if (newest && entry.endMs < newest.startMs) this.entries = [];
    this.entries = this.entries.filter((e) => e.utteranceId !== entry.utteranceId);
    this.entries.push(entry);
    const horizon = entry.endMs - this.spanMs;
    this.entries = this.entries.filter((e) => e.endMs >= horizon).slice(-this.maxUtterances);
  }

  /** Entries oldest first. */
  get items(): readonly WindowEntry[] {
    return this.entries;
  }

  get size(): number {
    return this.entries.length;
  }

  mean(of: (entry: WindowEntry) => number): number {
    if (this.entries.length === 0) return 0;
    return this.entries.reduce((sum, e) => sum + of(e), 0) / this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}

import { TypedEmitter, type EmotionResult, type RecognizerEventMap } from '../../sdk/index.ts';

type FeedEvents = Pick<RecognizerEventMap, 'emotion' | 'emotion-update' | 'state'> & { error: [unknown] };

/**
 * An emitter with the recognizer's events, for results that do not come from a live recognizer:
 * recordings, a server, a test. `attach()` accepts it like an `EmotionRecognizer`.
 */
export class EmotionFeed extends TypedEmitter<FeedEvents> {
  /** Emits `result` as `emotion` (final) or `emotion-update` (interim). */
  push(result: EmotionResult): void {
    this.emit(result.final ? 'emotion' : 'emotion-update', result);
  }

  /** Reports an error (attachments end unless `endOnError: false`). */
  fail(error: unknown): void {
    this.emit('error', error);
  }

  /** Ends every attachment like a destroyed recognizer, then drops the listeners. */
  destroy(): void {
    this.emit('state', { state: 'destroyed', previous: 'idle' });
    this.removeAllListeners();
  }
}

/**
 * Pushes recorded results into `feed` at the pace they were heard (each at its `endMs`, divided
 * by `speed`). Returns a function that stops the replay.
 */
export function replayResults(results: readonly EmotionResult[], feed: EmotionFeed, speed = 1): () => void {
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`replayResults: speed must be a positive number, got ${speed}`);
  const timers = results.map((result) => setTimeout(() => feed.push(result), result.endMs / speed));
  return () => timers.forEach(clearTimeout);
}

import type { EmotionResult } from '../shared/recognizer-port.ts';

/** `detail` of `emovox-seek` and `emovox-select`: the utterance and its index in time order. */
export interface TimelineUtteranceDetail {
  readonly index: number;
  readonly utterance: EmotionResult;
  /** Where to seek a player to: the start of the utterance, ms. */
  readonly timeMs: number;
}

/** DOM events of `<emotion-timeline>`. */
export interface EmotionTimelineEventMap {
  'emovox-seek': CustomEvent<TimelineUtteranceDetail>;
  'emovox-select': CustomEvent<TimelineUtteranceDetail>;
}

declare global {
  // Global, so `timeline.addEventListener('emovox-seek', (e) => player.currentTime = e.detail.timeMs / 1000)` type-checks.
  interface HTMLElementEventMap extends EmotionTimelineEventMap {}
}

import type { EmotionResult } from '../shared/recognizer-port.ts';
import { percent, signed } from '../emotion-meter/palette.ts';

/**
 * Every text `<emotion-timeline>` shows or announces. Set `strings` to a partial object to translate;
 * missing entries fall back to these English ones.
 */
export interface TimelineStrings {
  /** Accessible name of the plot. */
  readonly label: string;
  /** Spoken instead of "group" for the focusable plot. */
  readonly roleDescription: string;
  /** Keyboard help, read after the name. */
  readonly instructions: string;
  /** Drawn in an empty timeline. */
  readonly empty: string;
  /** Legend entries of the two lines. */
  readonly valence: string;
  readonly arousal: string;
  /** Display name of a model label (translate `happy`, `sad`...). */
  readonly labelName: (label: string) => string;
  /** Time in seconds, e.g. "12.4 s". */
  readonly time: (ms: number) => string;
  /** Details of one utterance, shown on hover/focus and announced when selected. */
  readonly utterance: (result: EmotionResult, index: number, total: number, strings: TimelineStrings) => string;
  /** Text alternative of the whole chart. */
  readonly overview: (count: number, lengthMs: number, strings: TimelineStrings) => string;
}

export const defaultTimelineStrings: TimelineStrings = {
  label: 'Emotion timeline',
  roleDescription: 'timeline',
  instructions: 'Left and right arrows move between utterances, Home and End jump to the first and last, Enter seeks, plus and minus zoom.',
  empty: 'No utterances yet',
  valence: 'Valence',
  arousal: 'Arousal',
  labelName: (label) => label,
  time: (ms) => `${(ms / 1000).toFixed(1)} s`,
  utterance: (r, index, total, s) =>
    `Utterance ${index + 1} of ${total}: ${s.labelName(r.label)}, ${percent(r.confidence)} confidence, ` +
    `${s.time(r.startMs)} to ${s.time(r.endMs)}, ${s.valence.toLowerCase()} ${signed(r.valence)}, ${s.arousal.toLowerCase()} ${signed(r.arousal)}`,
  overview: (count, lengthMs, s) =>
    count === 0 ? s.empty : `${count} ${count === 1 ? 'utterance' : 'utterances'} over ${s.time(lengthMs)}`,
};

/** The defaults with the given overrides applied. */
export function timelineStrings(overrides: Partial<TimelineStrings> | undefined): TimelineStrings {
  return { ...defaultTimelineStrings, ...overrides };
}

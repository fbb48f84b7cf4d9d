import type { EmotionResult } from '../types.ts';

/** The fields of an `EmotionResult` that a summary reads; any result with more fields is accepted. */
export type SummarizableResult = Pick<
  EmotionResult,
  'label' | 'confidence' | 'probabilities' | 'valence' | 'arousal' | 'startMs' | 'endMs'
> & { readonly final?: boolean };

/** Options of `summarizeSession()`. */
export interface SummaryOptions<R extends SummarizableResult = EmotionResult> {
  /**
   * Groups results by speaker (for example `(r) => r.speaker`). Results are summarised per key and overall.
   * @defaultValue every result belongs to one speaker named `'speaker'`
   */
  readonly speakerOf?: (result: R) => string;
  /** Arousal above which an utterance counts as high-arousal, in [-1, 1]. @defaultValue 0.25 */
  readonly highArousalThreshold?: number;
  /**
   * Smallest change between the first and the last third (on the [-1, 1] scale of valence, arousal and
   * distress) that counts as `rising`/`falling`; smaller changes are `steady`. @defaultValue 0.1
   */
  readonly trendThreshold?: number;
  /** A silence longer than this breaks a negative high-arousal stretch, ms. @defaultValue 5000 */
  readonly stretchGapMs?: number;
}

/** Direction of a change between the first and the last third. */
export type TrendDirection = 'rising' | 'falling' | 'steady';

/** How one quantity moved from the first third of the session to the last third. */
export interface Trend {
  /** Speech-time-weighted mean over the utterances in the first third. */
  readonly first: number;
  /** Speech-time-weighted mean over the utterances in the last third. */
  readonly last: number;
  /** `last - first`. */
  readonly delta: number;
  /** `rising` when `delta > trendThreshold`, `falling` when `delta < -trendThreshold`, else `steady`. */
  readonly direction: TrendDirection;
}

/** A time span of a session, ms. */
export interface TimeSpan {
  readonly startMs: number;
  readonly endMs: number;
}

/** One utterance singled out as a peak. */
export interface Moment extends TimeSpan {
  readonly label: string;
  readonly valence: number;
  readonly arousal: number;
}

/** The longest run of consecutive negative (valence < 0), high-arousal utterances. */
export interface Stretch extends TimeSpan {
  /** `endMs - startMs`. */
  readonly durationMs: number;
  readonly utteranceCount: number;
}

/** The most extreme utterances of a speaker. */
export interface Peaks {
  /** Highest arousal. */
  readonly mostIntense: Moment;
  /** Lowest valence. */
  readonly mostNegative: Moment;
  /** Lowest arousal. */
  readonly calmest: Moment;
}

/**
 * Whether the speaker ended calmer or more upset than they started, from the change of
 * distress = (arousal - valence) / 2 (high when negative and aroused) between the first and last third.
 */
export type Ending = 'calmer' | 'more-upset' | 'unchanged';

/** Everything a summary says about one speaker (or about all speakers together). */
export interface SpeakerSummary {
  /** The key from `speakerOf`, or `'all'` for the overall summary. */
  readonly speaker: string;
  /** Sum of the utterances' lengths, ms. */
  readonly speechMs: number;
  readonly utteranceCount: number;
  /** Share of speech time per label, in [0, 1], summing to 1; every label seen in any probabilities is listed. */
  readonly labelShare: Readonly<Record<string, number>>;
  /** Speech-time-weighted mean valence (0 when there is no utterance). */
  readonly meanValence: number;
  /** Speech-time-weighted mean arousal (0 when there is no utterance). */
  readonly meanArousal: number;
  /** Trends, or `null` when the first or the last third of the session has no utterance of this speaker. */
  readonly trend: { readonly valence: Trend; readonly arousal: Trend; readonly distress: Trend } | null;
  /** `null` when `trend` is `null`. */
  readonly ending: Ending | null;
  /** `null` when no utterance is negative and high-arousal. */
  readonly longestNegativeArousedStretch: Stretch | null;
  /** `null` when there is no utterance. */
  readonly peaks: Peaks | null;
}

/** The result of `summarizeSession()`. */
export interface SessionSummary {
  /**
   * From the first utterance's start to the last utterance's end (0–0 without utterances): the span whose
   * thirds the trends of every speaker compare, so that all speakers are judged over the same call.
   */
  readonly span: TimeSpan;
  /** All speakers together. */
  readonly overall: SpeakerSummary;
  /** One summary per speaker, in order of first appearance. */
  readonly speakers: readonly SpeakerSummary[];
}

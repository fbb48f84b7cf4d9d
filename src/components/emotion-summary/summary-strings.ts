import type { Ending, Moment, SpeakerSummary, Stretch, Trend } from '../../sdk/index.ts';
import { percent, signed } from '../emotion-meter/palette.ts';

/**
 * Every text `<emotion-summary>` shows or announces. Set `strings` to a partial object to translate;
 * missing entries fall back to these English ones.
 */
export interface SummaryStrings {
  readonly title: string;
  readonly empty: string;
  readonly shareHeading: string;
  readonly affectHeading: string;
  readonly momentsHeading: string;
  readonly valence: string;
  readonly arousal: string;
  readonly calmest: string;
  readonly mostIntense: string;
  readonly mostNegative: string;
  /** Display name of a model label. */
  readonly labelName: (label: string) => string;
  /** A time in the session, e.g. "1:05". */
  readonly time: (ms: number) => string;
  /** "12 utterances, 48 s of speech". */
  readonly overview: (summary: SpeakerSummary, s: SummaryStrings) => string;
  /** One share entry, e.g. "happy 42%". */
  readonly share: (label: string, share: number, s: SummaryStrings) => string;
  /** Text alternative of the valence/arousal chart. */
  readonly affectChart: (summary: SpeakerSummary, s: SummaryStrings) => string;
  /** The trend sentence, or the text for a session too short to have one. */
  readonly trend: (trend: { valence: Trend; arousal: Trend } | null, ending: Ending | null, s: SummaryStrings) => string;
  /** A moment button's text, e.g. "Calmest: sad at 1:05". */
  readonly moment: (title: string, moment: Moment, s: SummaryStrings) => string;
  /** The longest negative, high-arousal stretch. */
  readonly stretch: (stretch: Stretch | null, s: SummaryStrings) => string;
}

const direction = { rising: 'rising', falling: 'falling', steady: 'steady' } as const;
const endings: Record<Ending, string> = { calmer: 'ended calmer than it began', 'more-upset': 'ended more upset than it began', unchanged: 'ended about as it began' };

export const defaultSummaryStrings: SummaryStrings = {
  title: 'Session summary',
  empty: 'No speech yet',
  shareHeading: 'Share of speech time per emotion',
  affectHeading: 'Valence and arousal over the session',
  momentsHeading: 'Moments',
  valence: 'Valence',
  arousal: 'Arousal',
  calmest: 'Calmest',
  mostIntense: 'Most intense',
  mostNegative: 'Most negative',
  labelName: (label) => label,
  time: (ms) => {
    const total = Math.max(0, Math.round(ms / 1000));
    return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  },
  overview: (summary) =>
    `${summary.utteranceCount} ${summary.utteranceCount === 1 ? 'utterance' : 'utterances'}, ${Math.round(summary.speechMs / 1000)} s of speech`,
  share: (label, share, s) => `${s.labelName(label)} ${percent(share)}`,
  affectChart: (summary, s) =>
    `${s.affectHeading}: mean ${s.valence.toLowerCase()} ${signed(summary.meanValence)}, mean ${s.arousal.toLowerCase()} ${signed(summary.meanArousal)}` +
    (summary.trend
      ? `; ${s.valence.toLowerCase()} ${signed(summary.trend.valence.first)} to ${signed(summary.trend.valence.last)}, ` +
        `${s.arousal.toLowerCase()} ${signed(summary.trend.arousal.first)} to ${signed(summary.trend.arousal.last)} from the first to the last third`
      : ''),
  trend: (trend, ending, s) =>
    trend && ending
      ? `From the first to the last third, ${s.valence.toLowerCase()} was ${direction[trend.valence.direction]} and ` +
        `${s.arousal.toLowerCase()} ${direction[trend.arousal.direction]}: the session ${endings[ending]}.`
      : 'Too little speech for a trend yet.',
  moment: (title, m, s) => `${title}: ${s.labelName(m.label)} at ${s.time(m.startMs)}`,
  stretch: (stretch, s) =>
    stretch
      ? `Longest tense stretch: ${Math.round(stretch.durationMs / 1000)} s from ${s.time(stretch.startMs)} (${stretch.utteranceCount} utterances).`
      : 'No tense stretch (negative and highly aroused).',
};

/** The defaults with the given overrides applied. */
export function summaryStrings(overrides: Partial<SummaryStrings> | undefined): SummaryStrings {
  return { ...defaultSummaryStrings, ...overrides };
}

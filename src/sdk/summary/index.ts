export { summarizeSession } from './summarize-session.ts';
export { defaultSummaryOptions } from './options.ts';
export type {
  Ending, Moment, Peaks, SessionSummary, SpeakerSummary, Stretch, SummarizableResult, SummaryOptions, TimeSpan, Trend,
  TrendDirection,
} from './types.ts';

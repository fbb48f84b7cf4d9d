import type { SummarizableResult, SummaryOptions } from './types.ts';

/** `SummaryOptions` with every default filled in. */
export interface ResolvedSummaryOptions<R extends SummarizableResult> {
  readonly speakerOf: (result: R) => string;
  readonly highArousalThreshold: number;
  readonly trendThreshold: number;
  readonly stretchGapMs: number;
}

export const defaultSummaryOptions = {
  highArousalThreshold: 0.25,
  trendThreshold: 0.1,
  stretchGapMs: 5000,
} as const;

const oneSpeaker = (): string => 'speaker';

/** Fills in defaults and rejects invalid options with a `TypeError`/`RangeError` naming the option. */
export function resolveSummaryOptions<R extends SummarizableResult>(
  options: SummaryOptions<R> = {},
): ResolvedSummaryOptions<R> {
  if (typeof options !== 'object' || options === null) throw new TypeError('summarizeSession: options must be an object');
  const { speakerOf = oneSpeaker } = options;
  if (typeof speakerOf !== 'function') throw new TypeError('summarizeSession: options.speakerOf must be a function');
  const highArousalThreshold = options.highArousalThreshold ?? defaultSummaryOptions.highArousalThreshold;
  if (!(highArousalThreshold >= -1 && highArousalThreshold <= 1)) {
    throw new RangeError(`summarizeSession: options.highArousalThreshold must be in [-1, 1], got ${highArousalThreshold}`);
  }
  const trendThreshold = options.trendThreshold ?? defaultSummaryOptions.trendThreshold;
  if (!(trendThreshold >= 0 && trendThreshold <= 2)) {
    throw new RangeError(`summarizeSession: options.trendThreshold must be in [0, 2], got ${trendThreshold}`);
  }
  const stretchGapMs = options.stretchGapMs ?? defaultSummaryOptions.stretchGapMs;
  if (!(stretchGapMs >= 0)) throw new RangeError(`summarizeSession: options.stretchGapMs must be >= 0, got ${stretchGapMs}`);
  return { speakerOf, highArousalThreshold, trendThreshold, stretchGapMs };
}

/** Rejects results a summary cannot use, naming the index and field. */
export function validateResults(results: readonly SummarizableResult[]): void {
  if (!Array.isArray(results)) throw new TypeError('summarizeSession: results must be an array of EmotionResult');
  results.forEach((r, i) => {
    if (typeof r !== 'object' || r === null) throw new TypeError(`summarizeSession: results[${i}] is not an object`);
    if (r.final === false) throw new RangeError(`summarizeSession: results[${i}] is an interim result (final: false)`);
    if (typeof r.label !== 'string') throw new TypeError(`summarizeSession: results[${i}].label must be a string`);
    for (const field of ['valence', 'arousal', 'startMs', 'endMs'] as const) {
      if (!Number.isFinite(r[field])) throw new RangeError(`summarizeSession: results[${i}].${field} must be a finite number`);
    }
    if (r.endMs < r.startMs) throw new RangeError(`summarizeSession: results[${i}].endMs is before its startMs`);
  });
}

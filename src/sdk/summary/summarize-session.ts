import type { EmotionResult } from '../types.ts';
import { longestNegativeArousedStretch, peaksOf } from './extremes.ts';
import { resolveSummaryOptions, validateResults, type ResolvedSummaryOptions } from './options.ts';
import type { Ending, SessionSummary, SpeakerSummary, SummarizableResult, SummaryOptions, TimeSpan } from './types.ts';
import { distressOf, labelShare, thirds, trendOf, weightedMean } from './weighted.ts';

function summarizeSpeaker<R extends SummarizableResult>(
  speaker: string,
  results: readonly R[],
  span: TimeSpan,
  options: ResolvedSummaryOptions<R>,
): SpeakerSummary {
  const parts = thirds(results, span);
  const valence = trendOf(parts, (r) => r.valence, options.trendThreshold);
  const arousal = trendOf(parts, (r) => r.arousal, options.trendThreshold);
  const distress = trendOf(parts, distressOf, options.trendThreshold);
  const trend = valence && arousal && distress ? { valence, arousal, distress } : null;
  const endingOf: Record<string, Ending> = { falling: 'calmer', rising: 'more-upset', steady: 'unchanged' };
  return {
    speaker,
    speechMs: results.reduce((sum, r) => sum + (r.endMs - r.startMs), 0),
    utteranceCount: results.length,
    labelShare: labelShare(results),
    meanValence: weightedMean(results, (r) => r.valence),
    meanArousal: weightedMean(results, (r) => r.arousal),
    trend,
    ending: trend ? endingOf[trend.distress.direction]! : null,
    longestNegativeArousedStretch: longestNegativeArousedStretch(results, options.highArousalThreshold, options.stretchGapMs),
    peaks: peaksOf(results),
  };
}

/**
 * Summarises the final results of one session (a call, a therapy session, a recording): per speaker and
 * overall, speech time, share of speech per label, mean valence/arousal, their trend from the first to the
 * last third of the session, the longest negative high-arousal stretch, peaks, and whether each speaker
 * ended calmer or more upset than they started. Pure: runs in the browser, a worker and Node alike.
 *
 * @example
 * const summary = summarizeSession(results, { speakerOf: (r) => r.speaker });
 * summary.speakers.find((s) => s.speaker === 'customer')?.ending; // 'calmer' | 'more-upset' | 'unchanged' | null
 */
export function summarizeSession<R extends SummarizableResult = EmotionResult>(
  results: readonly R[],
  options?: SummaryOptions<R>,
): SessionSummary {
  validateResults(results);
  const resolved = resolveSummaryOptions(options);
  const sorted = [...results].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const span: TimeSpan = sorted.length
    ? { startMs: sorted[0]!.startMs, endMs: Math.max(...sorted.map((r) => r.endMs)) }
    : { startMs: 0, endMs: 0 };
  const groups = new Map<string, R[]>();
  for (const r of sorted) {
    const key = resolved.speakerOf(r);
    if (typeof key !== 'string') throw new TypeError(`summarizeSession: options.speakerOf returned ${typeof key}, not a string`);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return {
    span,
    overall: summarizeSpeaker('all', sorted, span, resolved),
    speakers: [...groups].map(([speaker, group]) => summarizeSpeaker(speaker, group, span, resolved)),
  };
}

import type { SummarizableResult, TimeSpan, Trend } from './types.ts';

/**
 * Weight of each utterance in a mean: its length, so that a long utterance counts more than a short one.
 * When every utterance has zero length the utterances count equally instead of dividing by zero.
 */
function weightsOf(results: readonly SummarizableResult[]): number[] {
  const lengths = results.map((r) => r.endMs - r.startMs);
  return lengths.some((ms) => ms > 0) ? lengths : lengths.map(() => 1);
}

/** Speech-time-weighted mean of `value` over `results`; 0 for no results. */
export function weightedMean<R extends SummarizableResult>(results: readonly R[], value: (r: R) => number): number {
  const weights = weightsOf(results);
  let sum = 0;
  let total = 0;
  results.forEach((r, i) => {
    sum += weights[i]! * value(r);
    total += weights[i]!;
  });
  return total > 0 ? sum / total : 0;
}

/** Share of speech time per label. Labels that only appear in `probabilities` get 0, so charts list every class. */
export function labelShare(results: readonly SummarizableResult[]): Record<string, number> {
  const share: Record<string, number> = {};
  for (const r of results) {
    for (const label of Object.keys(r.probabilities ?? {})) share[label] = 0;
  }
  const weights = weightsOf(results);
  const total = weights.reduce((a, b) => a + b, 0);
  results.forEach((r, i) => {
    share[r.label] = (share[r.label] ?? 0) + (total > 0 ? weights[i]! / total : 0);
  });
  return share;
}

/** (arousal - valence) / 2, in [-1, 1]: high for angry or afraid speech, low for calm and content speech. */
export const distressOf = (r: SummarizableResult): number => (r.arousal - r.valence) / 2;

/**
 * Splits `results` into those whose midpoint lies in the first and in the last third of `span`.
 * Midpoints, not starts, so that an utterance straddling a boundary goes where most of it lies.
 */
export function thirds<R extends SummarizableResult>(results: readonly R[], span: TimeSpan): { first: R[]; last: R[] } {
  const third = (span.endMs - span.startMs) / 3;
  const mid = (r: R): number => (r.startMs + r.endMs) / 2;
  return {
    first: results.filter((r) => mid(r) < span.startMs + third),
    last: results.filter((r) => mid(r) >= span.endMs - third),
  };
}

/** Compares the weighted means of the first and last third; `null` when either third is empty. */
export function trendOf<R extends SummarizableResult>(
  parts: { first: readonly R[]; last: readonly R[] },
  value: (r: R) => number,
  threshold: number,
): Trend | null {
  if (parts.first.length === 0 || parts.last.length === 0) return null;
  const first = weightedMean(parts.first, value);
  const last = weightedMean(parts.last, value);
  const delta = last - first;
  const direction = delta > threshold ? 'rising' : delta < -threshold ? 'falling' : 'steady';
  return { first, last, delta, direction };
}

import type { Moment, Peaks, Stretch, SummarizableResult } from './types.ts';

const momentOf = (r: SummarizableResult): Moment => ({
  startMs: r.startMs,
  endMs: r.endMs,
  label: r.label,
  valence: r.valence,
  arousal: r.arousal,
});

/** The earliest result with the smallest `score` (results must be in time order). */
function earliestMin<R extends SummarizableResult>(results: readonly R[], score: (r: R) => number): R {
  let best = results[0]!;
  for (const r of results) if (score(r) < score(best)) best = r;
  return best;
}

/** Most intense, most negative and calmest utterance; `null` for no results. Ties go to the earliest. */
export function peaksOf(results: readonly SummarizableResult[]): Peaks | null {
  if (results.length === 0) return null;
  return {
    mostIntense: momentOf(earliestMin(results, (r) => -r.arousal)),
    mostNegative: momentOf(earliestMin(results, (r) => r.valence)),
    calmest: momentOf(earliestMin(results, (r) => r.arousal)),
  };
}

/**
 * Longest run of consecutive utterances (in time order) that are all negative (valence < 0) and high-arousal
 * (arousal > `arousalThreshold`); a silence longer than `gapMs` or any other utterance ends a run.
 * Ties go to the earliest run.
 */
export function longestNegativeArousedStretch(
  results: readonly SummarizableResult[],
  arousalThreshold: number,
  gapMs: number,
): Stretch | null {
  let best: Stretch | null = null;
  let run: { startMs: number; endMs: number; count: number } | null = null;
  const close = (): void => {
    if (run && (!best || run.endMs - run.startMs > best.durationMs)) {
      best = { startMs: run.startMs, endMs: run.endMs, durationMs: run.endMs - run.startMs, utteranceCount: run.count };
    }
    run = null;
  };
  for (const r of results) {
    const qualifies = r.valence < 0 && r.arousal > arousalThreshold;
    if (!qualifies) {
      close();
      continue;
    }
    if (run && r.startMs - run.endMs <= gapMs) {
      run.endMs = Math.max(run.endMs, r.endMs);
      run.count += 1;
    } else {
      close();
      run = { startMs: r.startMs, endMs: r.endMs, count: 1 };
    }
  }
  close();
  return best;
}

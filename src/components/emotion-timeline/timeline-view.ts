import type { EmotionResult } from '../shared/recognizer-port.ts';

/** The visible time window of a timeline, ms. */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** Smallest visible span the zoom allows, ms. */
export const minimumSpanMs = 2000;

/** Length of a session: the stated duration, else the end of its last result (or of the interim one). */
export function sessionLength(results: readonly EmotionResult[], durationMs: number | undefined, interim: EmotionResult | null): number {
  const lastEnd = Math.max(results.length > 0 ? results[results.length - 1].endMs : 0, interim?.endMs ?? 0);
  return Math.max(durationMs && Number.isFinite(durationMs) ? durationMs : 0, lastEnd);
}

/**
 * Index of the first result that ends at or after `timeMs` (results sorted by start, not overlapping);
 * `results.length` when none does. Binary search, so drawing a window of a long session costs
 * O(log n + visible) instead of O(n).
 */
export function firstEndingAfter(results: readonly EmotionResult[], timeMs: number): number {
  let lo = 0;
  let hi = results.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (results[mid].endMs < timeMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices [from, to) of the results that overlap the window. */
export function visibleRange(results: readonly EmotionResult[], view: TimeWindow): [number, number] {
  const from = firstEndingAfter(results, view.startMs);
  let to = from;
  while (to < results.length && results[to].startMs <= view.endMs) to++;
  return [from, to];
}

/**
 * The result under `timeMs`, or the nearest one within `toleranceMs` (thin segments of a zoomed-out
 * view are hard to hit exactly); -1 when none is close enough.
 */
export function resultAt(results: readonly EmotionResult[], timeMs: number, toleranceMs: number): number {
  const i = firstEndingAfter(results, timeMs - toleranceMs);
  let best = -1;
  let bestDistance = Infinity;
  for (let k = i; k < results.length && results[k].startMs <= timeMs + toleranceMs; k++) {
    const r = results[k];
    const distance = timeMs < r.startMs ? r.startMs - timeMs : timeMs > r.endMs ? timeMs - r.endMs : 0;
    if (distance < bestDistance) [best, bestDistance] = [k, distance];
  }
  return best;
}

/** A window of `spanMs` (clamped to the session) that starts at `startMs`, kept inside [0, lengthMs]. */
export function clampWindow(startMs: number, spanMs: number, lengthMs: number): TimeWindow {
  const span = Math.max(minimumSpanMs, Math.min(spanMs, Math.max(lengthMs, minimumSpanMs)));
  const start = Math.max(0, Math.min(startMs, lengthMs - span));
  return { startMs: start, endMs: start + span };
}

/** The smallest shift of `view` that shows all of `target` (or its start, if it is wider than the view). */
export function scrollIntoView(view: TimeWindow, target: TimeWindow, lengthMs: number): TimeWindow {
  const span = view.endMs - view.startMs;
  if (target.startMs >= view.startMs && target.endMs <= view.endMs) return view;
  const start = target.startMs < view.startMs || target.endMs - target.startMs > span ? target.startMs : target.endMs - span;
  return clampWindow(start, span, lengthMs);
}

/** Zooms by `factor` (< 1 zooms in) around `anchorMs`, which stays at the same place on screen. */
export function zoomWindow(view: TimeWindow, factor: number, anchorMs: number, lengthMs: number): TimeWindow {
  const span = view.endMs - view.startMs;
  const next = Math.max(minimumSpanMs, Math.min(Math.max(lengthMs, minimumSpanMs), span * factor));
  const ratio = span > 0 ? (anchorMs - view.startMs) / span : 0.5;
  return clampWindow(anchorMs - ratio * next, next, lengthMs);
}

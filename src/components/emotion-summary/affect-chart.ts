import { svg, type SVGTemplateResult } from 'lit';
import type { EmotionResult, TimeSpan } from '../../sdk/index.ts';

/** One drawn point: x in [0, 1] across the session, valence and arousal in [-1, 1]. */
export interface AffectPoint {
  readonly x: number;
  readonly valence: number;
  readonly arousal: number;
}

/**
 * Valence and arousal of a session for a small chart: at most `buckets` points, each the
 * speech-time-weighted mean of the utterances whose middle falls in its slice of the session.
 * Purely visual (a chart a few hundred pixels wide cannot show more); empty slices are skipped.
 */
export function affectPoints(results: readonly EmotionResult[], span: TimeSpan, buckets = 120): AffectPoint[] {
  const length = Math.max(1, span.endMs - span.startMs);
  const sums = Array.from({ length: buckets }, () => ({ weight: 0, valence: 0, arousal: 0 }));
  for (const r of results) {
    const middle = (r.startMs + r.endMs) / 2;
    const k = Math.min(buckets - 1, Math.max(0, Math.floor(((middle - span.startMs) / length) * buckets)));
    const weight = Math.max(1, r.endMs - r.startMs);
    sums[k].weight += weight;
    sums[k].valence += weight * r.valence;
    sums[k].arousal += weight * r.arousal;
  }
  const points: AffectPoint[] = [];
  sums.forEach((sum, k) => {
    if (sum.weight > 0) points.push({ x: results.length === 1 ? 0.5 : (k + 0.5) / buckets, valence: sum.valence / sum.weight, arousal: sum.arousal / sum.weight });
  });
  return points;
}

const width = 300;
const height = 80;

function polyline(points: readonly AffectPoint[], value: (p: AffectPoint) => number, cls: string): SVGTemplateResult {
  const coords = points.map((p) => `${(p.x * width).toFixed(1)},${(((1 - Math.max(-1, Math.min(1, value(p)))) / 2) * height).toFixed(1)}`);
  return svg`<polyline class=${cls} points=${coords.join(' ')}></polyline>`;
}

/** The chart's drawing; its text alternative is the `aria-label` of the element that holds it. */
export function affectChart(points: readonly AffectPoint[]): SVGTemplateResult {
  return svg`<svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    <line class="zero" x1="0" x2=${width} y1=${height / 2} y2=${height / 2}></line>
    ${polyline(points, (p) => p.valence, 'valence')}
    ${polyline(points, (p) => p.arousal, 'arousal')}
  </svg>`;
}

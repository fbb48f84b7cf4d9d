import type { CalibrationMetrics, ReliabilityBin } from './calibration.ts';

/** One curve of a reliability diagram. */
export interface ReliabilitySeries {
  readonly name: string;
  readonly colour: string;
  readonly metrics: CalibrationMetrics;
}

/**
 * Pools reliability bins of several evaluations (same binning): counts add, confidence and accuracy
 * are count-weighted, and ECE is recomputed over the pooled bins.
 */
export function poolCalibration(parts: readonly CalibrationMetrics[]): CalibrationMetrics {
  if (parts.length === 0) throw new RangeError('poolCalibration: nothing to pool');
  const nBins = parts[0].bins.length;
  if (parts.some((p) => p.bins.length !== nBins)) throw new RangeError('poolCalibration: the evaluations use different bins');
  const total = parts.reduce((a, p) => a + p.bins.reduce((s, b) => s + b.n, 0), 0);
  let ece = 0;
  let maxGap = 0;
  let confidenceSum = 0;
  let correctSum = 0;
  const bins: ReliabilityBin[] = parts[0].bins.map(({ lower, upper }, b) => {
    const n = parts.reduce((a, p) => a + p.bins[b].n, 0);
    const confidence = n > 0 ? parts.reduce((a, p) => a + p.bins[b].confidence * p.bins[b].n, 0) / n : 0;
    const accuracy = n > 0 ? parts.reduce((a, p) => a + p.bins[b].accuracy * p.bins[b].n, 0) / n : 0;
    if (n > 0) {
      ece += (n / total) * Math.abs(accuracy - confidence);
      maxGap = Math.max(maxGap, Math.abs(accuracy - confidence));
    }
    confidenceSum += confidence * n;
    correctSum += accuracy * n;
    return { lower, upper, n, confidence, accuracy };
  });
  return { ece, maxGap, meanConfidence: confidenceSum / total, accuracy: correctSum / total, bins };
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** SVG reliability diagram: accuracy against mean confidence per bin, the diagonal is perfect calibration. */
export function reliabilitySvg(series: readonly ReliabilitySeries[], title: string): string {
  const size = 360;
  const left = 60;
  const top = 50;
  const x = (v: number): number => left + v * size;
  const y = (v: number): number => top + size - v * size;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + size + 230}" height="${top + size + 60}" font-family="sans-serif" font-size="12">`,
    '<rect width="100%" height="100%" fill="white"/>',
    `<text x="10" y="22" font-size="15" font-weight="bold">${escape(title)}</text>`,
    `<rect x="${left}" y="${top}" width="${size}" height="${size}" fill="none" stroke="#888"/>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#bbb" stroke-dasharray="4 4"/>`,
  ];
  for (let t = 0; t <= 10; t += 2) {
    parts.push(`<text x="${x(t / 10)}" y="${top + size + 16}" text-anchor="middle">${t / 10}</text>`, `<text x="${left - 8}" y="${y(t / 10) + 4}" text-anchor="end">${t / 10}</text>`);
  }
  parts.push(`<text x="${left + size / 2}" y="${top + size + 36}" text-anchor="middle">mean confidence in bin</text>`);
  parts.push(`<text x="16" y="${top + size / 2}" transform="rotate(-90 16 ${top + size / 2})" text-anchor="middle">accuracy in bin</text>`);
  series.forEach((s, k) => {
    const points = s.metrics.bins.filter((b) => b.n > 0);
    parts.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2" points="${points.map((b) => `${x(b.confidence).toFixed(1)},${y(b.accuracy).toFixed(1)}`).join(' ')}"/>`);
    for (const b of points) parts.push(`<circle cx="${x(b.confidence).toFixed(1)}" cy="${y(b.accuracy).toFixed(1)}" r="${Math.min(9, 2 + Math.sqrt(b.n) / 4).toFixed(1)}" fill="${s.colour}" fill-opacity="0.5"/>`);
    const ly = top + 14 + k * 36;
    parts.push(`<rect x="${left + size + 16}" y="${ly - 9}" width="12" height="12" fill="${s.colour}"/>`,
      `<text x="${left + size + 34}" y="${ly + 1}">${escape(s.name)}</text>`,
      `<text x="${left + size + 34}" y="${ly + 17}" fill="#444">ECE ${(s.metrics.ece * 100).toFixed(1)} %, n = ${s.metrics.bins.reduce((a, b) => a + b.n, 0)}</text>`);
  });
  parts.push(`<text x="${left + size + 16}" y="${top + size}" fill="#444">dot area ∝ clips in bin</text>`, '</svg>');
  return parts.join('\n') + '\n';
}

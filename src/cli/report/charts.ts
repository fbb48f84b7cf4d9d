import type { SpeakerSummary } from '../../sdk/index.ts';
import type { UtteranceRecord } from '../batch/record.ts';
import { escapeHtml, formatTime, labelColor, percent, signed } from './html.ts';

const width = 860;
const left = 90;
const plot = width - left - 10;

/** Tick spacing giving at most ~10 ticks over `totalMs`, on a 1-2-5 scale of seconds. */
function tickMs(totalMs: number): number {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map((s) => s * 1000);
  return steps.find((s) => totalMs / s <= 10) ?? 7_200_000;
}

/**
 * One lane per speaker: each utterance is a bar coloured by its label, with the valence (solid) and
 * arousal (dashed) of each utterance joined by lines on a -1..+1 scale. Hovering a bar shows its values.
 */
export function timelineSvg(utterances: readonly UtteranceRecord[], speakers: readonly string[], labels: readonly string[], durationMs: number): string {
  const lane = 90;
  const height = speakers.length * lane + 24;
  const x = (ms: number) => left + (plot * ms) / Math.max(durationMs, 1);
  const parts: string[] = [];
  speakers.forEach((speaker, i) => {
    const top = i * lane + 6;
    const y = (v: number) => top + 40 - v * 36;
    parts.push(`<text x="4" y="${top + 44}">${escapeHtml(speaker)}</text>`);
    parts.push(`<line x1="${left}" x2="${left + plot}" y1="${y(0)}" y2="${y(0)}" stroke="#ddd"/>`);
    const own = utterances.filter((u) => u.speaker === speaker);
    for (const u of own) {
      const tip = `${formatTime(u.startMs)}–${formatTime(u.endMs)}: ${u.label} (valence ${signed(u.valence)}, arousal ${signed(u.arousal)})`;
      parts.push(`<rect x="${x(u.startMs).toFixed(1)}" y="${top + 80}" width="${Math.max(1, x(u.endMs) - x(u.startMs)).toFixed(1)}" height="8" fill="${labelColor(labels, u.label)}"><title>${escapeHtml(tip)}</title></rect>`);
    }
    const line = (value: (u: UtteranceRecord) => number) => own.map((u) => `${x((u.startMs + u.endMs) / 2).toFixed(1)},${y(value(u)).toFixed(1)}`).join(' ');
    if (own.length > 1) {
      parts.push(`<polyline points="${line((u) => u.valence)}" fill="none" stroke="#0072B2" stroke-width="1.5"/>`);
      parts.push(`<polyline points="${line((u) => u.arousal)}" fill="none" stroke="#D55E00" stroke-width="1.5" stroke-dasharray="4 3"/>`);
    }
  });
  const step = tickMs(durationMs);
  for (let t = 0; t <= durationMs; t += step) {
    parts.push(`<text x="${x(t).toFixed(1)}" y="${height - 4}" text-anchor="middle">${formatTime(t)}</text>`);
  }
  const title = 'Timeline per speaker: label bars, valence (solid) and arousal (dashed) from -1 to +1';
  return `<svg role="img" aria-label="${title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${title}</title>${parts.join('')}</svg>`;
}

/** A stacked bar per speaker of the share of speech time per label. */
export function distributionSvg(summaries: readonly SpeakerSummary[], labels: readonly string[]): string {
  const row = 26;
  const height = summaries.length * row + 4;
  const parts = summaries.map((s, i) => {
    let at = left;
    const bars = Object.entries(s.labelShare).filter(([, share]) => share > 0).map(([label, share]) => {
      const w = plot * share;
      const bar = `<rect x="${at.toFixed(1)}" y="${i * row + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="${labelColor(labels, label)}"><title>${escapeHtml(`${s.speaker}: ${label} ${percent(share)}`)}</title></rect>`;
      at += w;
      return bar;
    });
    return `<text x="4" y="${i * row + 18}">${escapeHtml(s.speaker)}</text>${bars.join('')}`;
  });
  const title = 'Share of speech time per label and speaker';
  return `<svg role="img" aria-label="${title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${title}</title>${parts.join('')}</svg>`;
}

import type { EmotionResult } from '../shared/recognizer-port.ts';
import { drawEmpty, drawTimeAxis, drawValueAxis, type AxisColors, type PlotBox } from '../shared/axes.ts';
import { visibleRange, type TimeWindow } from './timeline-view.ts';

/** Resolved colours (canvas cannot read `var()`); in forced-colors mode these are system colours. */
export interface TimelinePalette extends AxisColors {
  readonly labelColor: (label: string) => string;
  readonly valence: string;
  readonly arousal: string;
  readonly focus: string;
  /** Segments use opacity for confidence, except in forced-colors mode where only height shows it. */
  readonly opacity: boolean;
}

export interface TimelineScene {
  readonly results: readonly EmotionResult[];
  readonly interim: EmotionResult | null;
  readonly view: TimeWindow;
  readonly active: number;
  readonly palette: TimelinePalette;
  readonly emptyText: string;
  readonly affectTitle: string;
  /** Display name of a label; its initial marks wide segments where colour is not available (forced colours). */
  readonly labelName: (label: string) => string;
}

/** Where things go on a canvas of `width × height` CSS pixels. */
export function timelineLayout(width: number, height: number): { segments: PlotBox; lines: PlotBox } {
  const left = 40;
  const plotWidth = Math.max(1, width - left - 8);
  const usable = Math.max(2, height - 6 - 22);
  const segmentHeight = Math.round(usable * 0.45);
  return {
    segments: { left, top: 6, width: plotWidth, height: segmentHeight },
    lines: { left, top: 6 + segmentHeight + 6, width: plotWidth, height: Math.max(1, usable - segmentHeight - 6) },
  };
}

/** Draws the whole timeline: segments per utterance, valence/arousal lines, the time axis and the active utterance. */
export function drawTimeline(ctx: CanvasRenderingContext2D, width: number, height: number, scene: TimelineScene): void {
  const { segments, lines } = timelineLayout(width, height);
  const { view, palette } = scene;
  const span = Math.max(1, view.endMs - view.startMs);
  const x = (ms: number) => segments.left + ((ms - view.startMs) / span) * segments.width;
  const full: PlotBox = { ...segments, height: lines.top + lines.height - segments.top };
  drawTimeAxis(ctx, full, span / 1000, palette, view.startMs / 1000);
  drawValueAxis(ctx, lines, -1, 1, palette, scene.affectTitle);
  ctx.fillStyle = palette.grid;
  ctx.fillRect(lines.left, Math.round(lines.top + lines.height / 2), lines.width, 1);
  if (scene.results.length === 0 && !scene.interim) return drawEmpty(ctx, segments, scene.emptyText, palette.text);

  ctx.save();
  ctx.beginPath();
  ctx.rect(segments.left, 0, segments.width, height);
  ctx.clip();
  const [from, to] = visibleRange(scene.results, view);
  for (let i = from; i < to; i++) drawSegment(ctx, scene.results[i], segments, x, scene, false);
  if (scene.interim) drawSegment(ctx, scene.interim, segments, x, scene, true);
  // One sample beyond each edge, so the lines run to the border instead of stopping short.
  const lineFrom = Math.max(0, from - 1);
  const lineTo = Math.min(scene.results.length, to + 1);
  drawLine(ctx, scene.results, lineFrom, lineTo, (r) => r.valence, lines, x, palette.valence, []);
  drawLine(ctx, scene.results, lineFrom, lineTo, (r) => r.arousal, lines, x, palette.arousal, [5, 3]);
  if (scene.active >= 0 && scene.active < scene.results.length) drawActive(ctx, scene.results[scene.active], segments, lines, x, palette);
  ctx.restore();
}

function drawSegment(
  ctx: CanvasRenderingContext2D, r: EmotionResult, box: PlotBox, x: (ms: number) => number, scene: TimelineScene, interim: boolean,
): void {
  const { palette } = scene;
  const x0 = x(r.startMs);
  const w = Math.max(1, x(r.endMs) - x0);
  const confidence = Math.max(0, Math.min(1, r.confidence));
  // Height and opacity both carry confidence, so it reads without colour too.
  const h = box.height * (0.3 + 0.7 * confidence);
  ctx.globalAlpha = palette.opacity ? (interim ? 0.35 : 0.4 + 0.6 * confidence) : 1;
  ctx.fillStyle = palette.labelColor(r.label);
  ctx.fillRect(x0, box.top + box.height - h, w, h);
  ctx.globalAlpha = 1;
  if (!palette.opacity && w >= 10) {
    ctx.fillStyle = 'Canvas';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(scene.labelName(r.label).slice(0, 1).toUpperCase(), x0 + w / 2, box.top + box.height - 2);
  }
  if (w >= 4 || interim) {
    // Utterance boundary (and a dashed outline for the interim estimate still being heard).
    ctx.strokeStyle = interim ? palette.text : palette.grid;
    ctx.setLineDash(interim ? [3, 2] : []);
    ctx.strokeRect(Math.round(x0) + 0.5, box.top + 0.5, Math.max(1, Math.round(w) - 1), box.height - 1);
    ctx.setLineDash([]);
  }
}

function drawLine(
  ctx: CanvasRenderingContext2D, results: readonly EmotionResult[], from: number, to: number, value: (r: EmotionResult) => number,
  box: PlotBox, x: (ms: number) => number, color: string, dash: number[],
): void {
  if (to - from < 1) return;
  const y = (v: number) => box.top + ((1 - Math.max(-1, Math.min(1, v))) / 2) * box.height;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.setLineDash(dash);
  ctx.beginPath();
  let lastX = -Infinity;
  for (let i = from; i < to; i++) {
    const r = results[i];
    const px = x((r.startMs + r.endMs) / 2);
    // Thousands of utterances in a few hundred pixels: one vertex per half pixel is enough.
    if (px - lastX < 0.5 && i !== to - 1) continue;
    if (lastX === -Infinity) ctx.moveTo(px, y(value(r)));
    else ctx.lineTo(px, y(value(r)));
    lastX = px;
  }
  if (to - from === 1) ctx.arc(lastX, y(value(results[from])), 1.5, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.lineWidth = 1;
}

function drawActive(
  ctx: CanvasRenderingContext2D, r: EmotionResult, segments: PlotBox, lines: PlotBox, x: (ms: number) => number, palette: TimelinePalette,
): void {
  const x0 = x(r.startMs);
  const w = Math.max(3, x(r.endMs) - x0);
  ctx.strokeStyle = palette.focus;
  ctx.lineWidth = 2;
  ctx.strokeRect(x0 - 1, segments.top - 1, w + 2, segments.height + 2);
  ctx.fillStyle = palette.focus;
  ctx.fillRect(Math.round(x0 + w / 2), lines.top, 1, lines.height);
  ctx.lineWidth = 1;
}

/** Plot area inside a canvas, in CSS pixels. */
export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface AxisColors {
  readonly text: string;
  readonly grid: string;
}

/** "Nice" tick values (1, 2, 5 × 10^k steps) covering [min, max] with about `count` ticks. */
export function niceTicks(min: number, max: number, count = 6): number[] {
  if (!(max > min) || !Number.isFinite(min) || !Number.isFinite(max)) return [min];
  const rough = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return ticks;
}

/** Formats a tick so that 0.1-second steps show one decimal and whole steps none. */
export function formatTick(value: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return value.toFixed(Math.min(decimals, 3));
}

/** Resizes the canvas backing store to its CSS size times the device pixel ratio. */
export function prepareCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): CanvasRenderingContext2D | null {
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(cssWidth * ratio));
  canvas.height = Math.max(1, Math.round(cssHeight * ratio));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  ctx.font = '11px system-ui, sans-serif';
  return ctx;
}

/**
 * Draws the time axis (seconds) under the plot box, with light vertical grid lines. The box shows
 * `durationS` seconds from `startS` (a scrolled view starts later than 0).
 */
export function drawTimeAxis(
  ctx: CanvasRenderingContext2D, box: PlotBox, durationS: number, colors: AxisColors, startS = 0,
): void {
  const ticks = niceTicks(startS, startS + durationS, Math.max(2, Math.floor(box.width / 80)));
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of ticks) {
    if (t < startS) continue;
    const x = box.left + (durationS > 0 ? ((t - startS) / durationS) * box.width : 0);
    ctx.fillStyle = colors.grid;
    ctx.fillRect(Math.round(x), box.top, 1, box.height);
    ctx.fillStyle = colors.text;
    const text = t === 0 ? '0 s' : `${formatTick(t, step)} s`;
    // Keep the last label inside the canvas instead of centring it past the right edge.
    const half = ctx.measureText(text).width / 2;
    ctx.fillText(text, Math.min(x, ctx.canvas.width / (globalThis.devicePixelRatio || 1) - half - 1), box.top + box.height + 4);
  }
}

/** Draws value ticks left of the plot box; `min` maps to the bottom edge. */
export function drawValueAxis(
  ctx: CanvasRenderingContext2D, box: PlotBox, min: number, max: number, colors: AxisColors, title: string,
): void {
  const ticks = niceTicks(min, max, Math.max(2, Math.floor(box.height / 28)));
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = colors.text;
  for (const v of ticks) {
    const y = box.top + box.height - ((v - min) / (max - min)) * box.height;
    ctx.fillRect(box.left - 4, Math.round(y), 3, 1);
    ctx.fillText(formatTick(v, step), box.left - 6, y);
  }
  ctx.save();
  ctx.translate(10, box.top + box.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(title, 0, 0);
  ctx.restore();
}

/** Centred placeholder text inside an empty plot box. */
export function drawEmpty(ctx: CanvasRenderingContext2D, box: PlotBox, text: string, color: string): void {
  ctx.fillStyle = color;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, box.left + box.width / 2, box.top + box.height / 2);
}

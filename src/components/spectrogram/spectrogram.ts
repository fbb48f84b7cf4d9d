import { CanvasPlot } from '../shared/canvas-plot.ts';
import { drawEmpty, drawTimeAxis, drawValueAxis, formatTick, niceTicks, type PlotBox } from '../shared/axes.ts';
import { robustRange, viridis } from '../shared/colormap.ts';
import { defineElement } from '../define.ts';
import { spectrogramStyles } from './spectrogram.styles.ts';

/**
 * Draws a frame-major feature matrix (log-mel, MFCC, chroma, ...) as a
 * viridis image: time runs left to right, bin 0 sits at the bottom, and a
 * colour bar shows the value range.
 *
 * @csspart figure - The wrapping `<figure>`.
 * @csspart caption - The caption holding `label`.
 * @csspart canvas - The `<canvas>` (role `img`, labelled with the matrix size).
 * @cssproperty --emovox-spectrogram-height - Canvas height. Default `180px`.
 * @cssproperty --emovox-plot-text-color - Axis text colour.
 * @cssproperty --emovox-plot-grid-color - Grid line colour.
 * @cssproperty --emovox-plot-background - Canvas background.
 */
export class EmovoxSpectrogram extends CanvasPlot {
  static readonly tagName = 'emovox-spectrogram';

  static override styles = [CanvasPlot.styles, spectrogramStyles];

  static override properties = {
    ...CanvasPlot.properties,
    data: { attribute: false },
    bins: { type: Number },
    frameRate: { type: Number, attribute: 'frame-rate' },
    binLabel: { type: String, attribute: 'bin-label' },
    unit: { type: String },
    range: { attribute: false },
    standardizeRows: { type: Boolean, attribute: 'standardize-rows' },
  };

  /** Frame-major values: bin `j` of frame `t` is `data[t * bins + j]`. */
  declare data: Float32Array | null;
  /** Values per frame (for example `nMels` or `nMfcc`). @defaultValue 1 */
  declare bins: number;
  /** Frames per second (`sampleRate / hopLength`). @defaultValue 100 */
  declare frameRate: number;
  /** Title of the vertical axis. @defaultValue "bin" */
  declare binLabel: string;
  /** Unit printed on the colour bar, e.g. "dB". @defaultValue "" */
  declare unit: string;
  /** Fixed colour range `[min, max]`; robust percentiles of `data` when unset. */
  declare range: readonly [number, number] | null;
  /**
   * Standardise each bin over time (zero mean, unit variance) so that small
   * coefficients stay visible next to MFCC 0; the colour bar then reads in σ.
   * @defaultValue false
   */
  declare standardizeRows: boolean;

  constructor() {
    super();
    this.data = null;
    this.bins = 1;
    this.frameRate = 100;
    this.binLabel = 'bin';
    this.unit = '';
    this.range = null;
    this.standardizeRows = false;
  }

  /** Number of complete frames in `data`. */
  get frames(): number {
    return this.data && this.bins > 0 ? Math.floor(this.data.length / this.bins) : 0;
  }

  protected describe(): string {
    if (!this.data) return 'no data';
    return `${this.frames} frames × ${this.bins} ${this.binLabel}s, ${(this.frames / this.frameRate).toFixed(2)} s`;
  }

  protected draw(ctx: CanvasRenderingContext2D, width: number, height: number): void {
    const box: PlotBox = { left: 40, top: 6, width: Math.max(1, width - 112), height: Math.max(1, height - 26) };
    const colors = this.axisColors();
    const frames = this.frames;
    drawValueAxis(ctx, box, 0, Math.max(1, this.bins), colors, this.binLabel);
    drawTimeAxis(ctx, box, frames / (this.frameRate || 1), colors);
    if (!this.data || frames === 0) return drawEmpty(ctx, box, 'No data', colors.text);
    const values = this.standardizeRows ? standardizeRows(this.data, frames, this.bins) : this.data.subarray(0, frames * this.bins);
    const [lo, hi] = this.range ?? (this.standardizeRows ? [-3, 3] : robustRange(values));
    this.drawImage(ctx, box, values, frames, lo, hi);
    this.drawColorBar(ctx, box, lo, hi, colors.text, this.standardizeRows ? 'σ' : this.unit);
  }

  /** Paints one pixel column per plot column (nearest frame), then stretches the bins vertically. */
  private drawImage(ctx: CanvasRenderingContext2D, box: PlotBox, data: Float32Array, frames: number, lo: number, hi: number): void {
    const bins = this.bins;
    const columns = Math.max(1, Math.min(frames, Math.floor(box.width * (globalThis.devicePixelRatio || 1))));
    const image = new ImageData(columns, bins);
    const span = hi - lo || 1;
    for (let x = 0; x < columns; x++) {
      const t = Math.min(frames - 1, Math.floor(((x + 0.5) / columns) * frames));
      for (let j = 0; j < bins; j++) {
        const level = Math.round(Math.min(1, Math.max(0, (data[t * bins + j] - lo) / span)) * 255);
        const p = ((bins - 1 - j) * columns + x) * 4;
        image.data[p] = viridis[level * 3];
        image.data[p + 1] = viridis[level * 3 + 1];
        image.data[p + 2] = viridis[level * 3 + 2];
        image.data[p + 3] = 255;
      }
    }
    const tile = document.createElement('canvas');
    tile.width = columns;
    tile.height = bins;
    tile.getContext('2d')!.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(tile, box.left, box.top, box.width, box.height);
  }

  private drawColorBar(ctx: CanvasRenderingContext2D, box: PlotBox, lo: number, hi: number, text: string, unit: string): void {
    const x = box.left + box.width + 12;
    for (let y = 0; y < box.height; y++) {
      const level = Math.round((1 - y / Math.max(1, box.height - 1)) * 255);
      ctx.fillStyle = `rgb(${viridis[level * 3]},${viridis[level * 3 + 1]},${viridis[level * 3 + 2]})`;
      ctx.fillRect(x, box.top + y, 12, 1);
    }
    const ticks = niceTicks(lo, hi, 4);
    const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
    ctx.fillStyle = text;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    for (const v of ticks) {
      const y = box.top + box.height - ((v - lo) / (hi - lo)) * box.height;
      ctx.fillText(`${formatTick(v, step)}${unit ? ` ${unit}` : ''}`, x + 16, y);
    }
  }
}

/** Copy of a frame-major matrix with every bin shifted and scaled to zero mean, unit variance. */
function standardizeRows(data: Float32Array, frames: number, bins: number): Float32Array {
  const out = new Float32Array(frames * bins);
  for (let j = 0; j < bins; j++) {
    let sum = 0;
    let sumSq = 0;
    for (let t = 0; t < frames; t++) {
      const v = data[t * bins + j];
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / frames;
    const std = Math.sqrt(Math.max(0, sumSq / frames - mean * mean)) || 1;
    for (let t = 0; t < frames; t++) out[t * bins + j] = (data[t * bins + j] - mean) / std;
  }
  return out;
}

defineElement(EmovoxSpectrogram);

declare global {
  interface HTMLElementTagNameMap {
    'emovox-spectrogram': EmovoxSpectrogram;
  }
}

import { CanvasPlot } from '../shared/canvas-plot.ts';
import { drawEmpty, drawTimeAxis, drawValueAxis, type PlotBox } from '../shared/axes.ts';
import { defineElement } from '../define.ts';
import { waveformStyles } from './waveform.styles.ts';

/**
 * Draws mono audio samples as a min/max envelope with a time axis in seconds.
 * Set `samples` (a `Float32Array` in [-1, 1]) and `sampleRate` as properties.
 *
 * @csspart figure - The wrapping `<figure>`.
 * @csspart caption - The caption holding `label`.
 * @csspart canvas - The `<canvas>` (role `img`, labelled with the duration).
 * @cssproperty --emovox-waveform-height - Canvas height. Default `120px`.
 * @cssproperty --emovox-waveform-color - Envelope colour. Default `#3867d6`.
 * @cssproperty --emovox-plot-text-color - Axis text colour.
 * @cssproperty --emovox-plot-grid-color - Grid line colour.
 * @cssproperty --emovox-plot-background - Canvas background.
 */
export class EmovoxWaveform extends CanvasPlot {
  static readonly tagName = 'emovox-waveform';

  static override styles = [CanvasPlot.styles, waveformStyles];

  static override properties = {
    ...CanvasPlot.properties,
    samples: { attribute: false },
    sampleRate: { type: Number, attribute: 'sample-rate' },
    regions: { attribute: false },
  };

  /** Mono samples to draw, nominally in [-1, 1]. */
  declare samples: Float32Array | null;
  /** Sample rate of `samples` in Hz. @defaultValue 16000 */
  declare sampleRate: number;
  /** Time spans to shade behind the envelope, e.g. detected utterances. @defaultValue [] */
  declare regions: readonly WaveformRegion[];

  constructor() {
    super();
    this.samples = null;
    this.sampleRate = 16000;
    this.regions = [];
  }

  /** Duration of `samples` in seconds (0 when empty). */
  get durationS(): number {
    return this.samples && this.sampleRate > 0 ? this.samples.length / this.sampleRate : 0;
  }

  protected describe(): string {
    return this.samples ? `waveform, ${this.durationS.toFixed(2)} s at ${this.sampleRate} Hz` : 'no audio';
  }

  protected draw(ctx: CanvasRenderingContext2D, width: number, height: number): void {
    const box: PlotBox = { left: 40, top: 6, width: Math.max(1, width - 48), height: Math.max(1, height - 26) };
    const colors = this.axisColors();
    drawValueAxis(ctx, box, -1, 1, colors, 'amplitude');
    drawTimeAxis(ctx, box, this.durationS, colors);
    const samples = this.samples;
    if (!samples || samples.length === 0) return drawEmpty(ctx, box, 'No audio', colors.text);
    this.drawRegions(ctx, box);
    ctx.fillStyle = this.cssColor('--emovox-waveform-color', '#3867d6');
    const columns = Math.floor(box.width);
    const mid = box.top + box.height / 2;
    const scale = box.height / 2;
    // Each column spans at least 20 ms, so low voices do not leave half-height stripes when a
    // column covers less than one pitch period.
    const span = Math.max(samples.length / columns, 0.02 * this.sampleRate);
    for (let x = 0; x < columns; x++) {
      const centre = ((x + 0.5) / columns) * samples.length;
      const start = Math.max(0, Math.floor(centre - span / 2));
      const end = Math.min(samples.length, Math.max(start + 1, Math.ceil(centre + span / 2)));
      let lo = 1;
      let hi = -1;
      for (let i = start; i < end; i++) {
        const v = samples[i];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      lo = Math.max(-1, lo);
      hi = Math.min(1, hi);
      ctx.fillRect(box.left + x, mid - hi * scale, 1, Math.max(1, (hi - lo) * scale));
    }
  }

  private drawRegions(ctx: CanvasRenderingContext2D, box: PlotBox): void {
    const duration = this.durationS;
    const fallback = this.cssColor('--emovox-waveform-color', '#3867d6');
    const text = this.axisColors().text;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    for (const region of this.regions) {
      const x0 = box.left + Math.max(0, region.start / duration) * box.width;
      const x1 = box.left + Math.min(1, region.end / duration) * box.width;
      ctx.fillStyle = region.color ?? fallback;
      ctx.globalAlpha = 0.18;
      ctx.fillRect(x0, box.top, Math.max(1, x1 - x0), box.height);
      ctx.globalAlpha = 1;
      ctx.fillStyle = text;
      if (region.label) ctx.fillText(region.label, x0 + 3, box.top + 2, Math.max(0, x1 - x0 - 4));
    }
  }
}

export interface WaveformRegion {
  /** Start, in seconds. */
  readonly start: number;
  /** End, in seconds. */
  readonly end: number;
  /** Text drawn at the top of the region. */
  readonly label?: string;
  /** Any CSS colour; the band is drawn at 18% opacity. @defaultValue the waveform colour */
  readonly color?: string;
}

defineElement(EmovoxWaveform);

declare global {
  interface HTMLElementTagNameMap {
    'emovox-waveform': EmovoxWaveform;
  }
}

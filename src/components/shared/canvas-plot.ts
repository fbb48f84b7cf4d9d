import { LitElement, css, html, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import { prepareCanvas, type AxisColors } from './axes.ts';

/**
 * Base of the canvas visualisations: keeps the canvas at the host's width,
 * redraws after every property change and resize, and exposes the drawing
 * as an image with a text alternative.
 */
export abstract class CanvasPlot extends LitElement {
  static override styles: CSSResultGroup = css`
    :host {
      display: block;
      color: var(--emovox-plot-text-color, #3b3f46);
      font: 12px/1.4 system-ui, sans-serif;
    }
    :host([hidden]) { display: none; }
    figure { margin: 0; }
    figcaption { font-weight: 600; margin-bottom: 4px; }
    canvas {
      display: block;
      width: 100%;
      height: var(--emovox-plot-height, 160px);
      background: var(--emovox-plot-background, transparent);
    }
  `;

  static override properties: PropertyDeclarations = {
    label: { type: String },
  };

  /** Caption shown above the plot and used in its accessible name. */
  declare label: string;

  private resizeObserver: ResizeObserver | undefined;

  constructor() {
    super();
    this.label = '';
  }

  /** Short text alternative describing what is drawn (for `aria-label`). */
  protected abstract describe(): string;

  /** Draws into a cleared context sized `width × height` CSS pixels. */
  protected abstract draw(ctx: CanvasRenderingContext2D, width: number, height: number): void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.redraw());
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  protected override render() {
    const name = [this.label, this.describe()].filter(Boolean).join(': ');
    return html`<figure part="figure">
      ${this.label ? html`<figcaption part="caption">${this.label}</figcaption>` : null}
      <canvas part="canvas" role="img" aria-label=${name}></canvas>
    </figure>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.redraw();
  }

  /** Redraws now; safe to call any time (does nothing until rendered). */
  redraw(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) return;
    const { width, height } = canvas.getBoundingClientRect();
    if (width === 0 || height === 0) return;
    const ctx = prepareCanvas(canvas, width, height);
    if (ctx) this.draw(ctx, width, height);
  }

  /** Reads a themable colour from a CSS custom property. */
  protected cssColor(name: string, fallback: string): string {
    return getComputedStyle(this).getPropertyValue(name).trim() || fallback;
  }

  protected axisColors(): AxisColors {
    return {
      text: this.cssColor('--emovox-plot-text-color', '#3b3f46'),
      grid: this.cssColor('--emovox-plot-grid-color', 'rgba(0, 0, 0, 0.08)'),
    };
  }
}

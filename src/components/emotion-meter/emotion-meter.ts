import { LitElement, html, nothing } from 'lit';
import type { EmotionResult } from '../shared/recognizer-port.ts';
import { defineElement } from '../define.ts';
import { cssomStyle } from '../shared/cssom-style.ts';
import { emotionMeterStyles } from './emotion-meter.styles.ts';
import { labelColor, percent, signed } from './palette.ts';

/**
 * Shows one emotion result: the winning label and confidence, a bar per class
 * probability, and valence/arousal on a small 2-D plane. Pure display: set
 * `result` (for example from an `emovox-emotion` event) and it renders.
 *
 * @slot empty - Shown while there is no result. Default: "Waiting for speech…".
 * @csspart header - Row with label, confidence and the interim badge.
 * @csspart swatch - Colour dot of the winning label.
 * @csspart label - The winning label.
 * @csspart confidence - Its probability in percent.
 * @csspart badge - "interim" badge on non-final results.
 * @csspart bars - The list of probability bars.
 * @csspart bar - One bar track (role `meter`).
 * @csspart bar-fill - The filled part of a bar.
 * @csspart affect - Valence/arousal block.
 * @csspart plane - The valence (x) / arousal (y) plane.
 * @csspart dot - The current point on the plane.
 * @cssproperty --emovox-emotion-<label>-color - Colour of one label, e.g. `--emovox-emotion-happy-color`.
 * @cssproperty --emovox-accent-color - Colour of labels without their own colour and of the dot. Default `#3867d6`.
 * @cssproperty --emovox-text-color - Text colour.
 * @cssproperty --emovox-muted-color - Secondary text colour.
 * @cssproperty --emovox-bar-track-color - Empty bar and plane axis colour.
 * @cssproperty --emovox-bar-height - Bar thickness. Default `0.8em`.
 * @cssproperty --emovox-affect-size - Side of the valence/arousal plane. Default `84px`.
 * @cssproperty --emovox-font - Font shorthand.
 */
export class EmotionMeter extends LitElement {
  static readonly tagName = 'emotion-meter';

  static override styles = emotionMeterStyles;

  static override properties = {
    result: { attribute: false },
    labels: { attribute: false },
  };

  /** The result to show, or `null` for the empty state. */
  declare result: EmotionResult | null;
  /** Class labels in display order; defaults to the keys of `result.probabilities`. */
  declare labels: readonly string[] | null;

  constructor() {
    super();
    this.result = null;
    this.labels = null;
  }

  private orderedLabels(): readonly string[] {
    return this.labels ?? (this.result ? Object.keys(this.result.probabilities) : []);
  }

  protected override render() {
    const result = this.result;
    const labels = this.orderedLabels();
    return html`
      <div class="header" part="header">
        ${result
          ? html`<span class="swatch" part="swatch" ${cssomStyle({ background: labelColor(result.label) })}></span>
              <span class="label" part="label">${result.label}</span>
              <span class="confidence" part="confidence">${percent(result.confidence)}</span>
              ${result.final ? nothing : html`<span class="badge" part="badge">interim</span>`}`
          : html`<span class="empty"><slot name="empty">Waiting for speech…</slot></span>`}
      </div>
      ${labels.length > 0 ? this.renderBars(labels, result) : nothing}
      ${result ? this.renderAffect(result) : nothing}
    `;
  }

  private renderBars(labels: readonly string[], result: EmotionResult | null) {
    return html`<ul part="bars">
      ${labels.map((label) => {
        const p = result?.probabilities[label] ?? 0;
        return html`<li>
          <span class="bar-label" aria-hidden="true">${label}</span>
          <div class="bar" part="bar" role="meter" aria-label=${label}
            aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(p * 100)} aria-valuetext=${percent(p)}>
            <div class="bar-fill" part="bar-fill" ${cssomStyle({ width: `${p * 100}%`, background: labelColor(label) })}></div>
          </div>
          <span class="bar-value" aria-hidden="true">${percent(p)}</span>
        </li>`;
      })}
    </ul>`;
  }

  private renderAffect(result: EmotionResult) {
    const clamp = (v: number) => Math.max(-1, Math.min(1, v));
    const dot = { left: `${(clamp(result.valence) + 1) * 50}%`, top: `${(1 - clamp(result.arousal)) * 50}%` };
    return html`<div class="affect" part="affect">
      <div class="plane" part="plane" role="img"
        aria-label="valence ${signed(result.valence)}, arousal ${signed(result.arousal)}">
        <span class="axis valence" aria-hidden="true">V</span><span class="axis arousal" aria-hidden="true">A</span>
        <div class="dot" part="dot" ${cssomStyle({ ...dot, background: labelColor(result.label) })}></div>
      </div>
      <dl>
        <dt>Valence</dt><dd>${signed(result.valence)}</dd>
        <dt>Arousal</dt><dd>${signed(result.arousal)}</dd>
        <dt>Time</dt><dd>${(result.startMs / 1000).toFixed(2)}–${(result.endMs / 1000).toFixed(2)} s</dd>
      </dl>
    </div>`;
  }
}

defineElement(EmotionMeter);

declare global {
  interface HTMLElementTagNameMap {
    'emotion-meter': EmotionMeter;
  }
}

import { html, nothing, type PropertyValues } from 'lit';
import { CanvasPlot } from '../shared/canvas-plot.ts';
import { cssomStyle } from '../shared/cssom-style.ts';
import { ListenerFeed } from '../shared/listener-feed.ts';
import type { EmotionResult } from '../shared/recognizer-port.ts';
import { defineElement } from '../define.ts';
import { labelColor } from '../emotion-meter/palette.ts';
import { emotionTimelineStyles } from './emotion-timeline.styles.ts';
import './events.ts';
import { drawTimeline, timelineLayout } from './timeline-drawing.ts';
import { TimelineNavigation, type NavigableTimeline } from './timeline-navigation.ts';
import { timelinePalette } from './timeline-palette.ts';
import { timelineStrings, type TimelineStrings } from './timeline-strings.ts';
import { clampWindow, scrollIntoView, sessionLength, type TimeWindow } from './timeline-view.ts';

/**
 * The emotions of a session over time: one segment per utterance coloured by its label (height and
 * opacity show confidence), valence (solid) and arousal (dashed) lines, utterance boundaries and a
 * time axis. Drawn on a canvas, and only the visible window, so sessions of thousands of utterances stay smooth.
 *
 * Feed it `analyze()` output (`results = analysis.utterances`, `durationMs = analysis.durationMs`) or bind it
 * to a live `<emotion-listener id="mic">` with `for="mic"`. Keyboard: arrows move between utterances,
 * Home/End, PageUp/PageDown (10 at a time), Enter or Space seeks, + and − zoom, 0 shows the whole session.
 * Ctrl+wheel zooms, Shift+wheel scrolls. A click selects and seeks.
 *
 * @fires {CustomEvent<TimelineUtteranceDetail>} emovox-seek - Click or Enter on an utterance: seek a player to `detail.timeMs`.
 * @fires {CustomEvent<TimelineUtteranceDetail>} emovox-select - The selected utterance changed (keyboard or click).
 * @csspart figure - The wrapping `<figure>`.
 * @csspart caption - The caption holding `label`.
 * @csspart plot - The focusable plot area.
 * @csspart canvas - The `<canvas>`.
 * @csspart details - The hover/focus details of one utterance.
 * @csspart legend - The list of labels and line styles.
 * @cssproperty --emovox-timeline-height - Canvas height. Default `180px`.
 * @cssproperty --emovox-emotion-<label>-color - Colour of one label, e.g. `--emovox-emotion-happy-color`.
 * @cssproperty --emovox-timeline-valence-color - Valence line. Default `#1a7f37`.
 * @cssproperty --emovox-timeline-arousal-color - Arousal line (dashed). Default `#bc4c00`.
 * @cssproperty --emovox-focus-color - Focus ring and selected utterance. Default `#0969da`.
 * @cssproperty --emovox-tooltip-background - Details background. Default `#1f2328`.
 * @cssproperty --emovox-tooltip-color - Details text. Default `#fff`.
 * @cssproperty --emovox-plot-text-color - Axis text colour.
 * @cssproperty --emovox-plot-grid-color - Grid and boundary colour.
 */
export class EmotionTimeline extends CanvasPlot implements NavigableTimeline {
  static readonly tagName = 'emotion-timeline';

  static override styles = [CanvasPlot.styles, emotionTimelineStyles];

  static override properties = {
    ...CanvasPlot.properties,
    results: { attribute: false },
    interim: { attribute: false },
    htmlFor: { type: String, attribute: 'for' },
    durationMs: { type: Number, attribute: 'duration-ms' },
    visibleSeconds: { type: Number, attribute: 'visible-seconds' },
    selectedIndex: { type: Number, attribute: 'selected-index' },
    strings: { attribute: false },
    hoverIndex: { state: true },
    view: { state: true },
    announcement: { state: true },
  };

  /** Final results in time order (`analysis.utterances`, or appended live through `for`). @defaultValue [] */
  declare results: readonly EmotionResult[];
  /** The interim estimate of the utterance being heard, drawn dashed after the last result. */
  declare interim: EmotionResult | null;
  /** Id of an `<emotion-listener>` in the same document or shadow root to follow live. */
  declare htmlFor: string;
  /** Length of the recording, ms; the end of the last result when unset. */
  declare durationMs: number | undefined;
  /** Seconds visible at once; 0 shows the whole session. Zooming overrides it until it changes. @defaultValue 0 */
  declare visibleSeconds: number;
  /** Index of the selected utterance, -1 for none. @defaultValue -1 */
  declare selectedIndex: number;
  /** Texts to translate; missing ones stay English (see `TimelineStrings`). @defaultValue {} */
  declare strings: Partial<TimelineStrings>;
  declare protected hoverIndex: number;
  declare protected view: TimeWindow;
  declare protected announcement: string;

  /** Span chosen by zooming, ms; `null` follows `visibleSeconds`. */
  private zoomSpanMs: number | null = null;
  /** Keep the end of a growing session in view until the user scrolls or selects an earlier utterance. */
  private following = true;
  private labelsSeen: string[] = [];
  private readonly feed = new ListenerFeed(this, {
    onFinal: (result) => { this.results = [...this.results, result]; this.interim = null; },
    onInterim: (result) => { this.interim = result; },
    onSessionStart: () => this.clear(),
  });
  private readonly navigation = new TimelineNavigation(this);

  constructor() {
    super();
    this.results = [];
    this.interim = null;
    this.htmlFor = '';
    this.durationMs = undefined;
    this.visibleSeconds = 0;
    this.selectedIndex = -1;
    this.strings = {};
    this.hoverIndex = -1;
    this.view = { startMs: 0, endMs: 0 };
    this.announcement = '';
  }

  /** Removes every result and the selection (a new live session calls this itself). */
  clear(): void {
    this.results = [];
    this.interim = null;
    this.selectedIndex = -1;
    this.hoverIndex = -1;
    this.following = true;
  }

  /** Length of the session on display, ms. */
  get lengthMs(): number {
    return sessionLength(this.results, this.durationMs, this.interim);
  }

  /** The resolved texts (defaults with `strings` applied). */
  get text(): TimelineStrings {
    return timelineStrings(this.strings);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor')) this.feed.id = this.htmlFor;
    if (changed.has('visibleSeconds')) this.zoomSpanMs = null;
    if (changed.has('results')) this.labelsSeen = [...new Set(this.results.map((r) => r.label))];
    const length = this.lengthMs;
    const span = this.zoomSpanMs ?? (this.visibleSeconds > 0 ? this.visibleSeconds * 1000 : length);
    let view = clampWindow(this.following ? length - span : this.view.startMs, span, length);
    const selected = this.results[this.selectedIndex];
    if (changed.has('selectedIndex') && selected) view = scrollIntoView(view, selected, length);
    if (view.startMs !== this.view.startMs || view.endMs !== this.view.endMs) this.view = view;
  }

  /** The visible time window, ms. */
  currentView(): TimeWindow {
    return this.view;
  }

  /** Shows `view` (`zoomed`: its span replaces `visibleSeconds`); follows the end of a growing session only if it shows it. */
  setView(view: TimeWindow, zoomed: boolean): void {
    if (zoomed) this.zoomSpanMs = view.endMs - view.startMs;
    this.following = view.endMs >= this.lengthMs;
    this.view = view;
  }

  /** @internal Highlights utterance `index` under the pointer (-1: none). */
  setHover(index: number): void {
    this.hoverIndex = index;
  }

  /** Selects utterance `index` (clamped), announces it and dispatches `emovox-select`. */
  select(index: number): void {
    if (this.results.length === 0) return;
    const i = Math.max(0, Math.min(this.results.length - 1, index));
    this.following = i === this.results.length - 1;
    if (i === this.selectedIndex) return;
    this.selectedIndex = i;
    this.announcement = this.text.utterance(this.results[i], i, this.results.length, this.text);
    this.dispatchEvent(new CustomEvent('emovox-select', { detail: this.detailOf(i), bubbles: true, composed: true }));
  }

  /** Dispatches `emovox-seek` for utterance `index` (the selected one by default). */
  seek(index = this.selectedIndex): void {
    if (!this.results[index]) return;
    this.dispatchEvent(new CustomEvent('emovox-seek', { detail: this.detailOf(index), bubbles: true, composed: true }));
  }

  private detailOf(index: number) {
    const utterance = this.results[index];
    return { index, utterance, timeMs: utterance.startMs };
  }

  protected describe(): string {
    const s = this.text;
    return s.overview(this.results.length, this.lengthMs, s);
  }

  protected override render() {
    const s = this.text;
    const name = `${this.label || s.label}: ${this.describe()}`;
    return html`<figure part="figure">
      ${this.label ? html`<figcaption part="caption">${this.label}</figcaption>` : nothing}
      <div class="plot" part="plot" tabindex="0" role="group" aria-roledescription=${s.roleDescription}
        aria-label=${name} aria-describedby="instructions" @keydown=${this.navigation.onKeyDown}
        @click=${this.navigation.onClick} @pointermove=${this.navigation.onPointerMove}
        @pointerleave=${this.navigation.onPointerLeave} @wheel=${this.navigation.onWheel}>
        <canvas part="canvas" aria-hidden="true"></canvas>
        ${this.renderDetails(s)}
      </div>
      <ul class="legend" part="legend" aria-label=${`${s.label} legend`}>
        ${this.labelsSeen.map((label) => html`<li><span class="swatch" ${cssomStyle({ background: labelColor(label) })}></span>${s.labelName(label)}</li>`)}
        <li><span class="line-key valence"></span>${s.valence}</li>
        <li><span class="line-key arousal"></span>${s.arousal}</li>
      </ul>
      <p id="instructions" class="visually-hidden">${s.instructions}</p>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </figure>`;
  }

  private renderDetails(s: TimelineStrings) {
    const index = this.hoverIndex >= 0 ? this.hoverIndex : this.selectedIndex;
    const result = this.results[index];
    if (!result) return nothing;
    const canvas = this.renderRoot.querySelector('canvas');
    const { segments } = timelineLayout(canvas?.clientWidth ?? 0, canvas?.clientHeight ?? 0);
    const span = Math.max(1, this.view.endMs - this.view.startMs);
    const centre = segments.left + (((result.startMs + result.endMs) / 2 - this.view.startMs) / span) * segments.width;
    const left = Math.max(segments.left, Math.min(segments.left + segments.width, centre));
    // Visible text for sighted users; screen readers get the same text from the live region.
    return html`<div class="details" part="details" aria-hidden="true" ${cssomStyle({ left: `${left}px` })}>
      ${s.utterance(result, index, this.results.length, s)}</div>`;
  }

  protected draw(ctx: CanvasRenderingContext2D, width: number, height: number): void {
    const s = this.text;
    drawTimeline(ctx, width, height, {
      results: this.results, interim: this.interim, view: this.view, active: this.hoverIndex >= 0 ? this.hoverIndex : this.selectedIndex,
      palette: timelinePalette(this), emptyText: s.empty, affectTitle: `${s.valence} / ${s.arousal}`, labelName: s.labelName,
    });
  }
}

defineElement(EmotionTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'emotion-timeline': EmotionTimeline;
  }
}

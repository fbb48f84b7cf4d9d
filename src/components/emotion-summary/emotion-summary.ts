import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { summarizeSession, type Moment, type SessionSummary, type SpeakerSummary, type SummaryOptions } from '../../sdk/index.ts';
import { defineElement } from '../define.ts';
import { labelColor } from '../emotion-meter/palette.ts';
import { cssomStyle } from '../shared/cssom-style.ts';
import { ListenerFeed } from '../shared/listener-feed.ts';
import type { EmotionResult } from '../shared/recognizer-port.ts';
import { affectChart, affectPoints } from './affect-chart.ts';
import { emotionSummaryStyles } from './emotion-summary.styles.ts';
import { summaryStrings, type SummaryStrings } from './summary-strings.ts';
import '../emotion-timeline/events.ts';

/**
 * A session summary for wellbeing and coaching apps, computed by the SDK's `summarizeSession()`:
 * share of speech time per emotion, valence and arousal over the session, the calmest, most intense
 * and most negative moments (buttons that seek), the trend from the first to the last third and the
 * longest tense stretch. Every chart has a text alternative; every text is in `strings`.
 *
 * Feed it `analyze()` output (`results = analysis.utterances`) or bind it to a live
 * `<emotion-listener id="mic">` with `for="mic"`.
 *
 * @fires {CustomEvent<TimelineUtteranceDetail>} emovox-seek - A moment was chosen: seek a player to `detail.timeMs`.
 * @slot empty - Shown while there is no utterance. Default: "No speech yet".
 * @csspart title - The heading.
 * @csspart overview - Utterance count and speech time.
 * @csspart shares - The list of emotion shares.
 * @csspart share-fill - The filled part of one share bar.
 * @csspart chart - The valence/arousal chart (role `img`).
 * @csspart moments - The moment buttons.
 * @csspart moment - One moment button.
 * @csspart trend - The trend sentence.
 * @csspart stretch - The longest tense stretch.
 * @csspart error - Shown instead of the summary when `results` are invalid.
 * @cssproperty --emovox-emotion-<label>-color - Colour of one label.
 * @cssproperty --emovox-timeline-valence-color - Valence line. Default `#1a7f37`.
 * @cssproperty --emovox-timeline-arousal-color - Arousal line (dashed). Default `#bc4c00`.
 * @cssproperty --emovox-summary-chart-height - Chart height. Default `80px`.
 * @cssproperty --emovox-bar-track-color - Empty bar, chart border and zero line.
 * @cssproperty --emovox-bar-height - Share bar thickness. Default `0.7em`.
 * @cssproperty --emovox-text-color - Text colour.
 * @cssproperty --emovox-muted-color - Secondary text colour.
 * @cssproperty --emovox-focus-color - Focus ring. Default `#0969da`.
 */
export class EmotionSummary extends LitElement {
  static readonly tagName = 'emotion-summary';

  static override styles = emotionSummaryStyles;

  static override properties = {
    results: { attribute: false },
    htmlFor: { type: String, attribute: 'for' },
    options: { attribute: false },
    strings: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    announcement: { state: true },
  };

  /** Final results in time order (`analysis.utterances`, or appended live through `for`). @defaultValue [] */
  declare results: readonly EmotionResult[];
  /** Id of an `<emotion-listener>` in the same document or shadow root to follow live. */
  declare htmlFor: string;
  /** Options of `summarizeSession()` (thresholds). @defaultValue {} */
  declare options: SummaryOptions;
  /** Texts to translate; missing ones stay English (see `SummaryStrings`). @defaultValue {} */
  declare strings: Partial<SummaryStrings>;
  /** Level of the title heading (2–6); section headings are one level lower. @defaultValue 2 */
  declare headingLevel: number;
  declare protected announcement: string;

  /** The current summary, or `null` before the first result or when the results are invalid. */
  summary: SessionSummary | null = null;
  private error = '';
  private readonly feed = new ListenerFeed(this, {
    onFinal: (result) => { this.results = [...this.results, result]; },
    onInterim: () => undefined,
    onSessionStart: () => { this.results = []; },
  });

  constructor() {
    super();
    this.results = [];
    this.htmlFor = '';
    this.options = {};
    this.strings = {};
    this.headingLevel = 2;
    this.announcement = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor')) this.feed.id = this.htmlFor;
    if (!changed.has('results') && !changed.has('options')) return;
    const previousEnding = this.summary?.overall.ending ?? null;
    try {
      this.summary = this.results.length > 0 ? summarizeSession(this.results, this.options) : null;
      this.error = '';
    } catch (error) {
      this.summary = null;
      this.error = error instanceof Error ? error.message : String(error);
    }
    // Live sessions announce only a change of direction, not every utterance (the listener announces those).
    const ending = this.summary?.overall.ending ?? null;
    if (this.htmlFor && ending && previousEnding && ending !== previousEnding) {
      const s = this.text;
      this.announcement = s.trend(this.summary!.overall.trend, ending, s);
    }
  }

  /** The resolved texts (defaults with `strings` applied). */
  get text(): SummaryStrings {
    return summaryStrings(this.strings);
  }

  protected override render() {
    const s = this.text;
    const overall = this.summary?.overall;
    return html`
      ${this.heading(0, s.title, 'title')}
      ${this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing}
      ${overall && this.summary ? this.renderSummary(overall, this.summary, s) : html`<p class="empty"><slot name="empty">${s.empty}</slot></p>`}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }

  private renderSummary(overall: SpeakerSummary, summary: SessionSummary, s: SummaryStrings) {
    const shares = Object.entries(overall.labelShare).filter(([, share]) => share > 0).sort((a, b) => b[1] - a[1]);
    const peaks = overall.peaks;
    return html`
      <p class="overview" part="overview">${s.overview(overall, s)}</p>
      ${this.heading(1, s.shareHeading)}
      <ul class="shares" part="shares">
        ${shares.map(([label, share]) => html`<li>
          <span>${s.share(label, share, s)}</span>
          <span class="track" aria-hidden="true"><span class="fill" part="share-fill"
            ${cssomStyle({ width: `${share * 100}%`, background: labelColor(label) })}></span></span>
        </li>`)}
      </ul>
      ${this.heading(1, s.affectHeading)}
      <div class="chart" part="chart" role="img" aria-label=${s.affectChart(overall, s)}>
        ${affectChart(affectPoints(this.results, summary.span))}
      </div>
      <p class="key" aria-hidden="true"><span class="valence-key">${s.valence}</span>
        <span class="arousal-key">${s.arousal}</span></p>
      <p part="trend">${s.trend(overall.trend, overall.ending, s)}</p>
      ${this.heading(1, s.momentsHeading)}
      ${peaks ? html`<ul class="moments" part="moments">
        ${this.momentButton(s.calmest, peaks.calmest, s)}${this.momentButton(s.mostIntense, peaks.mostIntense, s)}
        ${this.momentButton(s.mostNegative, peaks.mostNegative, s)}
      </ul>` : nothing}
      <p part="stretch">${s.stretch(overall.longestNegativeArousedStretch, s)}</p>`;
  }

  private momentButton(title: string, moment: Moment, s: SummaryStrings) {
    return html`<li><button type="button" part="moment" @click=${() => this.seekTo(moment)}>${s.moment(title, moment, s)}</button></li>`;
  }

  /** A heading at `headingLevel + offset`, so the summary fits the page's outline. */
  private heading(offset: number, text: string, part = '') {
    const level = Math.max(1, Math.min(6, Math.round(this.headingLevel) + offset));
    return html`<div role="heading" aria-level=${level} class=${offset === 0 ? 'h2' : 'h3'} part=${part || nothing}>${text}</div>`;
  }

  private seekTo(moment: Moment): void {
    const index = this.results.findIndex((r) => r.startMs === moment.startMs && r.endMs === moment.endMs);
    const detail = { index, utterance: this.results[index], timeMs: moment.startMs };
    this.dispatchEvent(new CustomEvent('emovox-seek', { detail, bubbles: true, composed: true }));
  }
}

defineElement(EmotionSummary);

declare global {
  interface HTMLElementTagNameMap {
    'emotion-summary': EmotionSummary;
  }
}

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { EmotionMeter } from '../emotion-meter/emotion-meter.ts';
import { defineElement } from '../define.ts';
import { createDefaultRecognizer } from './default-factory.ts';
import { emotionListenerStyles } from './emotion-listener.styles.ts';
import './events.ts';
import { announcementText, buttonText, errorText, isActive, statusText } from './listener-text.ts';
import { RecognizerBinding, type RecognizerEvent } from './recognizer-binding.ts';
import type { LogLevel, SmoothingOptions } from '../../sdk/index.ts';
import type {
  EmotionResult, LiveSource, RecognizerOptions, RecognizerFactory, RecognizerLike, RecognizerState,
} from '../shared/recognizer-port.ts';

type SmoothingKind = SmoothingOptions['kind'];

/**
 * Live emotion from the microphone: loads an `EmotionRecognizer`, offers a
 * start/stop button, shows the current result with per-class bars and
 * valence/arousal, and announces each final emotion to screen readers.
 *
 * Every recognizer event is re-dispatched as a `CustomEvent` named
 * `emovox-<event>` (bubbles, composed) whose `detail` is the SDK payload.
 * The prefix keeps `error` apart from the DOM's own `error` event.
 *
 * @fires emovox-ready - The model is loaded.
 * @fires emovox-state - The recognizer state changed; `detail` is the state.
 * @fires emovox-speech-start - Speech began.
 * @fires emovox-emotion-update - Interim result while speech continues.
 * @fires emovox-emotion - Final result for an utterance.
 * @fires emovox-speech-end - Speech ended.
 * @fires emovox-misfire - Speech too short to classify.
 * @fires emovox-error - An `EmovoxError` (microphone, model, worker...).
 * @slot - Extra content next to the button (for example a title).
 * @slot empty - Shown before the first result. Default: "Waiting for speech…".
 * @csspart controls - Row holding the button and the status.
 * @csspart button - The start/stop button.
 * @csspart indicator - The dot inside the button.
 * @csspart status - Text status ("Loading model…", "Listening"...).
 * @csspart meter - The inner `<emotion-meter>`; its parts are exported too.
 * @csspart error - The error message.
 * @cssproperty --emovox-button-background - Button colour when idle. Default `#1f6feb`.
 * @cssproperty --emovox-button-active-background - Button colour while listening. Default `#cf222e`.
 * @cssproperty --emovox-button-color - Button text colour. Default `#fff`.
 * @cssproperty --emovox-background - Card background. Default `#fff`.
 * @cssproperty --emovox-border - Card border. Default `1px solid #d0d7de`.
 * @cssproperty --emovox-radius - Card corner radius. Default `10px`.
 * @cssproperty --emovox-padding - Card padding. Default `1em`.
 * @cssproperty --emovox-error-color - Error text colour. Default `#cf222e`.
 */
export class EmotionListener extends LitElement {
  static readonly tagName = 'emotion-listener';

  static override styles = emotionListenerStyles;

  static override properties = {
    model: { type: String },
    assetBaseUrl: { type: String, attribute: 'asset-base-url' },
    interimInterval: { type: Number, attribute: 'interim-interval' },
    smoothing: { type: String },
    logLevel: { type: String, attribute: 'log-level' },
    autostart: { type: Boolean },
    deviceId: { type: String, attribute: 'device-id' },
    state: { type: String, reflect: true },
    result: { attribute: false },
    labels: { attribute: false },
    options: { attribute: false },
    recognizerFactory: { attribute: false },
    speaking: { state: true },
    announcement: { state: true },
    errorMessage: { state: true },
    modelLabels: { state: true },
  };

  /** URL of the model manifest; the SDK's bundled model when unset. */
  declare model: string | undefined;
  /** Base URL for the SDK's assets (worker, wasm, VAD and model files). */
  declare assetBaseUrl: string | undefined;
  /** Interval between interim `emovox-emotion-update` results, in ms; the SDK default when unset. */
  declare interimInterval: number | undefined;
  /** Smoothing of interim results: `none`, `exponential` or `hysteresis`; the SDK default when unset. */
  declare smoothing: SmoothingKind | undefined;
  /** SDK console logging: `silent`, `error`, `warn`, `info` or `debug`; silent when unset. */
  declare logLevel: LogLevel | undefined;
  /** Start listening as soon as the model is loaded. @defaultValue false */
  declare autostart: boolean;
  /** Microphone `deviceId` (from `enumerateDevices()`) used by `start()`; the default device when unset. */
  declare deviceId: string | undefined;
  /** Recognizer state, reflected to the `state` attribute for styling. @defaultValue "idle" */
  declare state: RecognizerState;
  /** Result on display (last interim or final). Settable, e.g. to show a stored result. */
  declare result: EmotionResult | null;
  /** Class labels in display order; taken from the results when unset. */
  declare labels: readonly string[] | null;
  /** Further recognizer options merged under the attribute-backed ones. */
  declare options: RecognizerOptions;
  /** Creates the recognizer; replace it to inject a custom or fake one. */
  declare recognizerFactory: RecognizerFactory;
  declare protected speaking: boolean;
  declare protected announcement: string;
  declare protected errorMessage: string;
  declare protected modelLabels: readonly string[] | null;

  private binding: RecognizerBinding | null = null;
  private wasDisconnected = false;

  private readonly loader = new Task(this, {
    task: async ([model, assetBaseUrl, interimInterval, smoothing, logLevel, options, factory], { signal }) => {
      this.release();
      const recognizer = await factory({
        ...options,
        ...(model ? { model } : {}),
        ...(assetBaseUrl ? { assetBaseUrl } : {}),
        ...(interimInterval !== undefined && Number.isFinite(interimInterval) ? { interimIntervalMs: interimInterval } : {}),
        ...(smoothing ? { smoothing } : {}),
        ...(logLevel ? { logLevel } : {}),
        signal,
      });
      if (signal.aborted) {
        await recognizer.destroy();
        throw signal.reason;
      }
      this.binding = new RecognizerBinding(this, recognizer, (event) => this.onRecognizerEvent(event));
      if (this.autostart) void this.start();
      return recognizer;
    },
    args: () => [
      this.model, this.assetBaseUrl, this.interimInterval, this.smoothing, this.logLevel, this.options, this.recognizerFactory,
    ] as const,
    // A failed load has no recognizer to emit `error` yet: the element reports it, except for its own aborts.
    onError: (error) => {
      if ((error as { name?: string } | null)?.name !== 'AbortError' && (error as { code?: string } | null)?.code !== 'ABORTED') {
        this.dispatchEvent(new CustomEvent('emovox-error', { detail: error, bubbles: true, composed: true }));
      }
    },
  });

  constructor() {
    super();
    this.autostart = false;
    this.state = 'idle';
    this.result = null;
    this.labels = null;
    this.options = {};
    this.recognizerFactory = createDefaultRecognizer;
    this.speaking = false;
    this.announcement = '';
    this.errorMessage = '';
    this.modelLabels = null;
  }

  /** The loaded recognizer (for example to call `analyze()`), or `null` while loading. */
  get recognizer(): RecognizerLike | null {
    return this.binding?.recognizer ?? null;
  }

  /** Resolves with the recognizer once loaded; rejects if loading fails. */
  async ready(): Promise<RecognizerLike> {
    await this.updateComplete;
    await this.loader.taskComplete;
    if (!this.binding) throw new Error('emotion-listener: the recognizer is not loaded');
    return this.binding.recognizer;
  }

  /**
   * Starts listening: to `source` when given (a `MediaStream` or `{ deviceId, constraints }`), else to
   * the microphone named by `device-id`, else the default one. Errors are shown and dispatched as `emovox-error`.
   */
  async start(source?: LiveSource): Promise<void> {
    await this.call((r) => r.start(source ?? (this.deviceId ? { deviceId: this.deviceId } : {})));
  }

  async stop(): Promise<void> {
    await this.call((r) => r.stop());
  }

  async pause(): Promise<void> {
    await this.call((r) => r.pause());
  }

  async resume(): Promise<void> {
    await this.call((r) => r.resume());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.wasDisconnected) {
      this.wasDisconnected = false;
      void this.loader.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.wasDisconnected = true;
    this.loader.abort();
    this.release();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('result') && this.result?.final) this.announcement = announcementText(this.result);
  }

  protected override render() {
    const loading = this.loader.status === TaskStatus.PENDING || this.loader.status === TaskStatus.INITIAL;
    const loadError = this.loader.status === TaskStatus.ERROR ? errorText(this.loader.error) : '';
    const error = loadError || this.errorMessage;
    return html`
      <div class="controls ${this.speaking ? 'speaking' : ''}" part="controls">
        <button part="button" type="button" ?disabled=${loading || Boolean(loadError) || this.state === 'destroyed'}
          aria-describedby="status" @click=${this.toggle}>
          <span class="indicator" part="indicator" aria-hidden="true"></span>${buttonText(this.state)}
        </button>
        <span class="status" part="status" id="status">${statusText(this.state, loading, Boolean(loadError), this.speaking)}</span>
        <slot></slot>
      </div>
      <emotion-meter part="meter" ?hidden=${Boolean(loadError)} .result=${this.result} .labels=${this.labels ?? this.modelLabels}
        exportparts="header, swatch, label, confidence, badge, bars, bar, bar-fill, affect, plane, dot">
        <slot name="empty" slot="empty">Waiting for speech…</slot>
      </emotion-meter>
      ${error ? html`<p class="error" part="error" role="alert">${error}</p>` : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }

  private toggle(): void {
    if (isActive(this.state)) void this.stop();
    else if (this.state === 'paused') void this.resume();
    else void this.start();
  }

  private async call(action: (recognizer: RecognizerLike) => Promise<void> | void): Promise<void> {
    this.errorMessage = '';
    try {
      await action(await this.ready());
    } catch (error) {
      this.errorMessage = errorText(error);
      this.binding?.dispatchErrorOnce(error);
    }
  }

  private onRecognizerEvent(event: RecognizerEvent): void {
    switch (event.name) {
      case 'ready': this.modelLabels = event.payload.labels; break;
      case 'state': this.state = event.payload.state; break;
      case 'speech-start': this.speaking = true; break;
      case 'speech-end': case 'misfire': this.speaking = false; break;
      case 'emotion-update': case 'emotion': this.result = event.payload; break;
      case 'error': this.errorMessage = errorText(event.payload); break;
    }
  }

  /** Destroys the current recognizer: stops its tracks, worker and audio graph. */
  private release(): void {
    const binding = this.binding;
    this.binding = null;
    if (!binding) return;
    binding.detach();
    // Teardown failures still reach the page, even after the element left the DOM.
    void Promise.resolve(binding.recognizer.destroy()).catch((error: unknown) => {
      this.dispatchEvent(new CustomEvent('emovox-error', { detail: error, bubbles: true, composed: true }));
    });
    this.state = 'idle';
    this.speaking = false;
  }
}

// The meter is registered here too, so bundlers that drop bare imports still define it.
defineElement(EmotionMeter);
defineElement(EmotionListener);

declare global {
  interface HTMLElementTagNameMap {
    'emotion-listener': EmotionListener;
  }
}

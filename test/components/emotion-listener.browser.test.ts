/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/index.ts';
import type { EmotionListener } from '../../src/components/index.ts';
import { fakeFactory, sampleResult, type FakeRecognizer } from './fake-recognizer.ts';

async function loaded(factory = fakeFactory(), extra = html``): Promise<{ el: EmotionListener; fake: FakeRecognizer }> {
  const el = await fixture<EmotionListener>(html`<emotion-listener .recognizerFactory=${factory}>${extra}</emotion-listener>`);
  await el.ready();
  await el.updateComplete;
  return { el, fake: factory.created[0] };
}

function button(el: EmotionListener): HTMLButtonElement {
  return el.shadowRoot!.querySelector('button')!;
}

describe('<emotion-listener>', () => {
  it('shows a disabled button while the model loads, then enables it', async () => {
    let open!: () => void;
    const factory = fakeFactory(new Promise<void>((resolve) => (open = resolve)));
    const el = await fixture<EmotionListener>(html`<emotion-listener .recognizerFactory=${factory}></emotion-listener>`);
    expect(button(el).disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.equal('Loading model…');
    open();
    await el.ready();
    await el.updateComplete;
    expect(button(el).disabled).to.equal(false);
    expect(button(el).textContent!.trim()).to.equal('Start listening');
  });

  it('passes attributes to the factory as recognizer options', async () => {
    const factory = fakeFactory();
    const el = await fixture<EmotionListener>(html`<emotion-listener model="/m/manifest.json"
      asset-base-url="/assets/" interim-interval="250" smoothing="hysteresis" log-level="warn"
      .options=${{ logLevel: 'debug', ortThreads: 2 }} .recognizerFactory=${factory}></emotion-listener>`);
    await el.ready();
    const { signal, ...options } = factory.created[0].options;
    expect(options).to.deep.equal({
      ortThreads: 2, logLevel: 'warn', model: '/m/manifest.json', assetBaseUrl: '/assets/', interimIntervalMs: 250, smoothing: 'hysteresis',
    });
    expect(signal).to.be.instanceOf(AbortSignal);
    expect(el.model).to.equal('/m/manifest.json');
    expect(el.interimInterval).to.equal(250);
  });

  it('starts and stops from the button and reflects the state attribute', async () => {
    const { el, fake } = await loaded();
    button(el).click();
    await waitUntil(() => el.getAttribute('state') === 'listening');
    await el.updateComplete;
    expect(button(el).textContent!.trim()).to.equal('Stop listening');
    button(el).click();
    await waitUntil(() => el.getAttribute('state') === 'idle');
    expect(fake.calls).to.deep.equal(['start', 'stop']);
  });

  it('starts the microphone named by device-id', async () => {
    const factory = fakeFactory();
    const el = await fixture<EmotionListener>(html`<emotion-listener device-id="mic-2" .recognizerFactory=${factory}></emotion-listener>`);
    await el.start();
    expect(factory.created[0].sources).to.deep.equal([{ deviceId: 'mic-2' }]);
  });

  it('re-dispatches recognizer events as bubbling, composed emovox-* events', async () => {
    const { el, fake } = await loaded();
    const result = sampleResult();
    for (const [name, payload] of [
      ['ready', { labels: ['calm', 'angry'], modelName: 'test', vadModel: 'v5' }], ['speech-start', { startMs: 1 }], ['emotion-update', { ...result, final: false }],
      ['emotion', result], ['speech-end', { startMs: 1, endMs: 2 }], ['misfire', { startMs: 3, endMs: 4 }], ['state', { state: 'listening', previous: 'idle' }],
    ] as const) {
      setTimeout(() => fake.emit(name, payload));
      const event = await oneEvent(document.body, `emovox-${name}`);
      expect(event.detail).to.equal(payload);
      expect(event.bubbles && event.composed).to.equal(true);
    }
    await el.updateComplete;
    expect(el.result).to.equal(result);
  });

  it('shows zero bars for the model labels from ready, and resumes after pause', async () => {
    const { el, fake } = await loaded();
    fake.emit('ready', { labels: ['calm', 'angry'], modelName: 'test', vadModel: 'v5' });
    await el.updateComplete;
    const meter = el.shadowRoot!.querySelector('emotion-meter')!;
    await meter.updateComplete;
    const names = [...meter.shadowRoot!.querySelectorAll('[role="meter"]')].map((m) => m.getAttribute('aria-label'));
    expect(names).to.deep.equal(['calm', 'angry']);
    await el.start();
    await el.pause();
    await el.updateComplete;
    expect(button(el).textContent!.trim()).to.equal('Resume listening');
    button(el).click();
    await waitUntil(() => el.state === 'listening');
    expect(fake.calls).to.deep.equal(['start', 'pause', 'resume']);
  });

  it('announces final emotions, not interim ones, in a live region', async () => {
    const { el, fake } = await loaded();
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    fake.emit('emotion-update', sampleResult({ final: false }));
    await el.updateComplete;
    expect(live.textContent).to.equal('');
    fake.emit('emotion', sampleResult({ label: 'sad', confidence: 0.64 }));
    await el.updateComplete;
    expect(live.textContent).to.equal('sad, 64% confidence');
  });

  it('shows a start failure as an alert and dispatches emovox-error once', async () => {
    const { el, fake } = await loaded();
    const failure = Object.assign(new Error('Microphone permission was denied'), { code: 'MIC_PERMISSION_DENIED' });
    fake.startError = failure;
    let count = 0;
    el.addEventListener('emovox-error', () => count++);
    fake.emit('error', failure);
    await el.start();
    await el.updateComplete;
    expect(count).to.equal(1);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Microphone permission was denied');
  });

  it('shows a load failure, dispatches it as emovox-error and keeps the button disabled', async () => {
    const failure = Object.assign(new Error('404 model'), { code: 'MODEL_LOAD_FAILED' });
    const failing = async () => { throw failure; };
    const errors: unknown[] = [];
    document.body.addEventListener('emovox-error', (e) => errors.push(e.detail));
    const el = await fixture<EmotionListener>(html`<emotion-listener .recognizerFactory=${failing}></emotion-listener>`);
    await el.ready().catch(() => undefined);
    expect(errors).to.deep.equal([failure]);
    await el.updateComplete;
    expect(button(el).disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('404 model');
  });

  it('destroys the recognizer on disconnect and reloads on reconnect', async () => {
    const factory = fakeFactory();
    const { el, fake } = await loaded(factory);
    const parent = el.parentElement!;
    el.remove();
    expect(fake.destroyed).to.equal(true);
    expect(fake.listenerCount()).to.equal(0);
    expect(el.recognizer).to.equal(null);
    parent.append(el);
    await el.ready();
    expect(factory.created.length).to.equal(2);
    expect(el.recognizer).to.equal(factory.created[1]);
  });

  it('destroys a recognizer that finishes loading after disconnect, without reporting an error', async () => {
    let open!: () => void;
    const factory = fakeFactory(new Promise<void>((resolve) => (open = resolve)));
    const el = await fixture<EmotionListener>(html`<emotion-listener .recognizerFactory=${factory}></emotion-listener>`);
    let errors = 0;
    el.addEventListener('emovox-error', () => errors++);
    el.remove();
    open();
    await waitUntil(() => factory.created[0].destroyed);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(el.recognizer).to.equal(null);
    expect(errors).to.equal(0);
  });

  it('replaces the recognizer when the model changes', async () => {
    const factory = fakeFactory();
    const { el, fake } = await loaded(factory);
    el.model = '/other/manifest.json';
    await el.updateComplete;
    await el.ready();
    expect(fake.destroyed).to.equal(true);
    expect(factory.created[1].options.model).to.equal('/other/manifest.json');
  });

  it('starts by itself with autostart', async () => {
    const factory = fakeFactory();
    const el = await fixture<EmotionListener>(html`<emotion-listener autostart .recognizerFactory=${factory}></emotion-listener>`);
    await waitUntil(() => el.state === 'listening');
    expect(factory.created[0].calls).to.deep.equal(['start']);
  });

  it('is accessible when idle and with a result', async () => {
    const { el } = await loaded();
    await expect(el).to.be.accessible();
    el.result = sampleResult();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

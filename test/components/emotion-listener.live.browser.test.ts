/// <reference types="mocha" />
// @fake-mic two-phrases noloop
// <emotion-listener> over the real SDK (no injected factory): the tiny test model, Chromium's fake
// microphone playing two phrases once. Proves the element's default path end to end.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/index.ts';
import type { EmotionListener } from '../../src/components/index.ts';
import type { EmotionRecognizer, EmotionResult, RecognizerState } from '../../src/sdk/index.ts';

const tinyModelUrl = new URL('../model/fixtures/tiny-frames.json', import.meta.url).href;

describe('<emotion-listener> with the real recognizer', () => {
  it('loads the model, listens, shows and announces final emotions, and destroys on removal', async () => {
    const el = await fixture<EmotionListener>(html`<emotion-listener model=${tinyModelUrl} interim-interval="400"></emotion-listener>`);
    const ready = await oneEvent(el, 'emovox-ready');
    expect(ready.detail.labels).to.deep.equal(['neutral', 'happy', 'angry']);
    const recognizer = (await el.ready()) as EmotionRecognizer;

    const finals: EmotionResult[] = [];
    let updates = 0;
    const errors: unknown[] = [];
    el.addEventListener('emovox-emotion', (e) => finals.push(e.detail));
    el.addEventListener('emovox-emotion-update', () => updates++);
    el.addEventListener('emovox-error', (e) => errors.push(e.detail));
    const done = new Promise<void>((resolve) => {
      el.addEventListener('emovox-speech-end', () => finals.length >= 2 && resolve());
      el.addEventListener('emovox-error', () => resolve());
    });

    el.shadowRoot!.querySelector('button')!.click();
    await done;
    expect(errors).to.deep.equal([]);
    expect(el.getAttribute('state')).to.equal('listening');
    expect(finals).to.have.length(2);
    expect(updates).to.be.greaterThan(0);
    await el.updateComplete;
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).to.match(new RegExp(`^${finals[1].label}, \\d+% confidence$`));
    const meter = el.shadowRoot!.querySelector('emotion-meter')!;
    expect(meter.result).to.equal(finals[1]);
    await expect(el).to.be.accessible();

    const states: RecognizerState[] = [];
    recognizer.on('state', ({ state }) => states.push(state));
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(recognizer.state).to.equal('destroyed');
    expect(el.recognizer).to.equal(null);
  });
});

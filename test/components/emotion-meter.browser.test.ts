/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/index.ts';
import {
  EmotionListener, EmotionMeter, EmotionTimeline, EmovoxSpectrogram, EmovoxWaveform, defineEmovoxElements,
} from '../../src/components/index.ts';
import { sampleResult } from './fake-recognizer.ts';

describe('element registration', () => {
  it('defines every tag once and tolerates defining again', () => {
    defineEmovoxElements();
    defineEmovoxElements();
    for (const element of [EmotionListener, EmotionMeter, EmotionTimeline, EmovoxSpectrogram, EmovoxWaveform]) {
      expect(customElements.get(element.tagName)).to.equal(element);
    }
  });
});

describe('<emotion-meter>', () => {
  it('shows the empty slot without a result', async () => {
    const el = await fixture<EmotionMeter>(html`<emotion-meter><span slot="empty">Say something</span></emotion-meter>`);
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Say something');
    expect(el.shadowRoot!.querySelectorAll('[role="meter"]').length).to.equal(0);
  });

  it('renders the label, one meter per class and valence/arousal', async () => {
    const el = await fixture<EmotionMeter>(html`<emotion-meter .result=${sampleResult()}></emotion-meter>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="label"]')!.textContent).to.equal('happy');
    expect(root.querySelector('[part="confidence"]')!.textContent).to.equal('72%');
    const meters = [...root.querySelectorAll('[role="meter"]')];
    expect(meters.map((m) => m.getAttribute('aria-label'))).to.deep.equal(['neutral', 'happy', 'sad', 'angry']);
    expect(meters[1].getAttribute('aria-valuenow')).to.equal('72');
    expect(root.querySelector('[part="plane"]')!.getAttribute('aria-label')).to.equal('valence +0.60, arousal +0.35');
    expect(root.querySelector('[part="badge"]')).to.equal(null);
  });

  it('marks interim results and follows the labels order', async () => {
    const el = await fixture<EmotionMeter>(html`<emotion-meter .labels=${['angry', 'sad', 'happy', 'neutral']}
      .result=${sampleResult({ final: false, valence: -0.25 })}></emotion-meter>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="badge"]')!.textContent).to.equal('interim');
    const meters = [...root.querySelectorAll('[role="meter"]')];
    expect(meters.map((m) => m.getAttribute('aria-label'))).to.deep.equal(['angry', 'sad', 'happy', 'neutral']);
    expect(root.querySelector('dd')!.textContent).to.equal('\u22120.25');
  });

  it('shows zero bars for known labels before the first result', async () => {
    const el = await fixture<EmotionMeter>(html`<emotion-meter .labels=${['calm', 'angry']}></emotion-meter>`);
    const meters = [...el.shadowRoot!.querySelectorAll('[role="meter"]')];
    expect(meters.map((m) => m.getAttribute('aria-valuenow'))).to.deep.equal(['0', '0']);
  });

  it('is accessible', async () => {
    const el = await fixture<EmotionMeter>(html`<emotion-meter .result=${sampleResult()}></emotion-meter>`);
    await expect(el).to.be.accessible();
  });
});

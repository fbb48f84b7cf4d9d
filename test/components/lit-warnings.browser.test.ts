/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import type { EmotionListener, EmotionMeter } from '../../src/components/index.ts';
import { fakeFactory, sampleResult } from './fake-recognizer.ts';

/** The one notice Lit's development build always prints; anything else is a real warning. */
const devModeNotice = /Lit is in dev mode/;

describe('Lit development warnings', () => {
  it('none while rendering and updating every component', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (!devModeNotice.test(text)) warnings.push(text);
    };
    try {
      await import('../../src/components/index.ts');
      const factory = fakeFactory();
      const listener = await fixture<EmotionListener>(html`<emotion-listener .recognizerFactory=${factory}></emotion-listener>`);
      await listener.ready();
      await listener.start();
      factory.created[0].emit('emotion-update', sampleResult({ final: false }));
      factory.created[0].emit('emotion', sampleResult());
      await listener.updateComplete;
      const meter = await fixture<EmotionMeter>(html`<emotion-meter .result=${sampleResult()}></emotion-meter>`);
      meter.result = sampleResult({ label: 'sad' });
      await meter.updateComplete;
      const wave = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(html`<emovox-waveform .samples=${new Float32Array(1600)}></emovox-waveform>`);
      await wave.updateComplete;
      const spec = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(html`<emovox-spectrogram bins="4" .data=${new Float32Array(40)}></emovox-spectrogram>`);
      await spec.updateComplete;
      const timeline = await fixture<HTMLElement & { updateComplete: Promise<boolean>; results: unknown[] }>(html`<emotion-timeline .results=${[sampleResult()]}></emotion-timeline>`);
      timeline.results = [sampleResult(), sampleResult({ startMs: 3000, endMs: 4000 })];
      await timeline.updateComplete;
      listener.remove();
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal([]);
  });

  it('runs against the development build of Lit', () => {
    // Lit's dev build records issued warnings here; without it this suite would prove nothing.
    expect((globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings).to.be.instanceOf(Set);
  });
});

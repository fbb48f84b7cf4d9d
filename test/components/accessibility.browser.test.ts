/// <reference types="mocha" />
// axe-core on every component in every state a test can produce (the timeline and the summary check
// theirs in their own files). A state is produced through the public API or an injected fake recognizer.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/index.ts';
import type { EmotionListener, RecognizerFactory } from '../../src/components/index.ts';
import { EmovoxError } from '../../src/sdk/index.ts';
import { expectAccessible } from './axe.ts';
import { fakeFactory, sampleResult } from './fake-recognizer.ts';

async function listener(factory: RecognizerFactory = fakeFactory()): Promise<EmotionListener> {
  return fixture<EmotionListener>(html`<emotion-listener .recognizerFactory=${factory}></emotion-listener>`);
}

describe('accessibility (axe-core)', () => {
  it('<emotion-listener> loading, idle, listening, speaking, final, denied, failed and destroyed', async () => {
    const loading = await listener(fakeFactory(new Promise(() => undefined)));
    await expectAccessible(loading);

    const factory = fakeFactory();
    const el = await listener(factory);
    await el.ready();
    await el.updateComplete;
    await expectAccessible(el);
    await el.start();
    const fake = factory.created[0];
    await waitUntil(() => el.state === 'listening');
    await expectAccessible(el);
    fake.emit('speech-start', { startMs: 0 });
    fake.emit('emotion-update', sampleResult({ final: false, label: 'sad' }));
    await el.updateComplete;
    await expectAccessible(el);
    fake.emit('emotion', sampleResult());
    await el.updateComplete;
    await expectAccessible(el);
    await fake.destroy();
    await el.updateComplete;
    await expectAccessible(el);

    const deniedFactory = fakeFactory();
    const denied = await listener(deniedFactory);
    await denied.ready();
    deniedFactory.created[0].startError = new EmovoxError('MIC_PERMISSION_DENIED', 'microphone access was denied');
    await denied.start();
    await denied.updateComplete;
    await expectAccessible(denied);

    const failed = await listener(async () => { throw new EmovoxError('MODEL_LOAD_FAILED', 'manifest.json answered 404'); });
    await waitUntil(() => failed.shadowRoot!.querySelector('[part="error"]'));
    await expectAccessible(failed);
  });

  it('<emotion-meter> empty, known labels, interim and final', async () => {
    await expectAccessible(await fixture(html`<emotion-meter></emotion-meter>`));
    await expectAccessible(await fixture(html`<emotion-meter .labels=${['neutral', 'happy']}></emotion-meter>`));
    await expectAccessible(await fixture(html`<emotion-meter .result=${sampleResult({ final: false })}></emotion-meter>`));
    await expectAccessible(await fixture(html`<emotion-meter .result=${sampleResult()}></emotion-meter>`));
  });

  it('<emovox-waveform> and <emovox-spectrogram> empty and with data', async () => {
    await expectAccessible(await fixture(html`<emovox-waveform label="Waveform"></emovox-waveform>`));
    await expectAccessible(await fixture(html`<emovox-waveform .samples=${new Float32Array(16000).map((_, i) => Math.sin(i / 10))}></emovox-waveform>`));
    await expectAccessible(await fixture(html`<emovox-spectrogram label="Log-mel"></emovox-spectrogram>`));
    await expectAccessible(await fixture(html`<emovox-spectrogram bins="4" .data=${new Float32Array(400).map((_, i) => i % 7)}></emovox-spectrogram>`));
  });
});

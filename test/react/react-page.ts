// Bundled by react.node.test.ts with esbuild and run in headless Chromium: renders the emovox/react
// wrappers with React 19 and reports what the elements received and which event props fired.
import { createElement as h } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { EmotionListener as ListenerElement, EmotionSummary as SummaryElement, EmotionTimeline as TimelineElement } from '../../src/components/index.ts';
import { EmotionListener, EmotionMeter, EmotionSummary, EmotionTimeline } from '../../src/react/index.ts';
import { fakeFactory, sampleResult } from '../components/fake-recognizer.ts';

const three = [
  sampleResult({ label: 'happy', startMs: 0, endMs: 2000 }),
  sampleResult({ label: 'sad', valence: -0.5, arousal: -0.3, startMs: 3000, endMs: 5000 }),
  sampleResult({ label: 'angry', valence: -0.6, arousal: 0.8, startMs: 6000, endMs: 9000 }),
];

function mount(name: string): { root: Root; container: HTMLElement } {
  const container = document.createElement('section');
  container.setAttribute('aria-label', name);
  document.querySelector('main')!.append(container);
  return { root: createRoot(container), container };
}

const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));

async function timeline() {
  const { root, container } = mount('Timeline');
  const seeks: number[] = [];
  const selects: number[] = [];
  const props = { results: three, strings: { label: 'Verlauf' }, onSeek: (e: CustomEvent<{ index: number }>) => seeks.push(e.detail.index),
    onSelect: (e: CustomEvent<{ index: number }>) => selects.push(e.detail.index) };
  flushSync(() => root.render(h(EmotionTimeline, props)));
  const el = container.querySelector<TimelineElement>('emotion-timeline')!;
  await el.updateComplete;
  const plot = el.shadowRoot!.querySelector('[part="plot"]')!;
  key(plot, 'ArrowRight');
  key(plot, 'ArrowRight');
  key(plot, 'Enter');
  const ariaLabel = plot.getAttribute('aria-label');
  flushSync(() => root.render(h(EmotionTimeline, { ...props, results: [...three, sampleResult({ startMs: 10000, endMs: 11000 })] })));
  await el.updateComplete;
  return { upgraded: el instanceof customElements.get('emotion-timeline')!, resultsAsProperty: !el.hasAttribute('results'), ariaLabel, seeks, selects, afterRerender: el.results.length };
}

async function summary() {
  const { root, container } = mount('Summary');
  const seeks: number[] = [];
  flushSync(() => root.render(h(EmotionSummary, { results: three, headingLevel: 3, onSeek: (e) => seeks.push(e.detail.timeMs) })));
  const el = container.querySelector<SummaryElement>('emotion-summary')!;
  await el.updateComplete;
  el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="moment"]')[1].click();
  return { utterances: el.summary?.overall.utteranceCount, headingLevel: el.getAttribute('heading-level'), seeks };
}

async function listener() {
  const { root, container } = mount('Listener');
  const factory = fakeFactory();
  const events: string[] = [];
  flushSync(() => root.render(h('div', null,
    h(EmotionListener, {
      id: 'mic', recognizerFactory: factory, onReady: () => events.push('ready'),
      onStateChange: (e) => events.push(`state:${e.detail.state}`), onEmotion: (e) => events.push(`emotion:${e.detail.label}`),
      onEmotionUpdate: (e) => events.push(`update:${e.detail.label}`), onError: (e) => events.push(`error:${e.detail.message}`),
    }),
    h(EmotionTimeline, { htmlFor: 'mic' }),
    h(EmotionMeter, { result: three[1] }))));
  const el = container.querySelector<ListenerElement>('emotion-listener')!;
  await el.ready();
  await el.start();
  const fake = factory.created[0];
  fake.emit('ready', { labels: ['happy', 'sad'], modelName: 'fake', vadModel: 'v5' });
  fake.emit('emotion-update', sampleResult({ label: 'sad', final: false }));
  fake.emit('emotion', three[0]);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const timelineResults = container.querySelector<TimelineElement>('emotion-timeline')!.results.length;
  const meterLabel = container.querySelector('emotion-meter')!.shadowRoot!.querySelector('[part="label"]')!.textContent;
  flushSync(() => root.unmount());
  return { events, timelineResults, meterLabel, destroyedOnUnmount: fake.destroyed };
}

Object.assign(window, { emovoxReact: { timeline, summary, listener } });

/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/index.ts';
import type { EmotionListener, EmotionTimeline, TimelineUtteranceDetail } from '../../src/components/index.ts';
import { timelineLayout } from '../../src/components/emotion-timeline/timeline-drawing.ts';
import { sampleSession } from '../../stories/support/sample-session.ts';
import { expectAccessible } from './axe.ts';
import { fakeFactory, sampleResult } from './fake-recognizer.ts';

const shadow = (el: EmotionTimeline) => el.shadowRoot!;
const plot = (el: EmotionTimeline) => shadow(el).querySelector<HTMLElement>('[part="plot"]')!;
const liveRegion = (el: EmotionTimeline) => shadow(el).querySelector('[role="status"]')!;

/** Colour of the canvas pixel at CSS coordinates (x, y). */
function pixel(el: EmotionTimeline, x: number, y: number): number[] {
  const canvas = shadow(el).querySelector('canvas')!;
  const ratio = canvas.width / canvas.clientWidth;
  return [...canvas.getContext('2d')!.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data];
}

/** CSS x coordinate (in the canvas) of time `ms` in the current view. */
function xOf(el: EmotionTimeline, ms: number): number {
  const canvas = shadow(el).querySelector('canvas')!;
  const { segments } = timelineLayout(canvas.clientWidth, canvas.clientHeight);
  const view = el.currentView();
  return segments.left + ((ms - view.startMs) / (view.endMs - view.startMs)) * segments.width;
}

const three = [
  sampleResult({ label: 'happy', confidence: 1, startMs: 0, endMs: 2000 }),
  sampleResult({ label: 'sad', confidence: 0.6, valence: -0.5, arousal: -0.3, startMs: 3000, endMs: 5000 }),
  sampleResult({ label: 'angry', confidence: 0.9, valence: -0.6, arousal: 0.8, startMs: 6000, endMs: 9000 }),
];

async function timeline(results = three, extra = {}): Promise<EmotionTimeline> {
  const el = await fixture<EmotionTimeline>(html`<emotion-timeline style="width: 600px" .results=${results}></emotion-timeline>`);
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

describe('<emotion-timeline>', () => {
  it('draws one segment per utterance in its label colour and describes the chart', async () => {
    const el = await timeline();
    expect(plot(el).getAttribute('aria-label')).to.equal('Emotion timeline: 3 utterances over 9.0 s');
    const canvas = shadow(el).querySelector('canvas')!;
    const { segments } = timelineLayout(canvas.clientWidth, canvas.clientHeight);
    // The happy utterance has confidence 1: full height, full opacity, the default happy colour #e3a008.
    expect(pixel(el, xOf(el, 1000), segments.top + segments.height - 3).slice(0, 3)).to.deep.equal([0xe3, 0xa0, 0x08]);
    // Between utterances the segment band stays empty.
    expect(pixel(el, xOf(el, 2500), segments.top + segments.height - 3)[3]).to.equal(0);
    const legend = [...shadow(el).querySelectorAll('[part="legend"] li')].map((li) => li.textContent!.trim());
    expect(legend).to.deep.equal(['happy', 'sad', 'angry', 'Valence', 'Arousal']);
    await expectAccessible(el);
  });

  it('is accessible and says so when empty', async () => {
    const el = await timeline([]);
    expect(plot(el).getAttribute('aria-label')).to.equal('Emotion timeline: No utterances yet');
    await expectAccessible(el);
  });

  it('moves between utterances with the keyboard, announces them and seeks on Enter', async () => {
    const el = await timeline();
    plot(el).focus();
    const selected = oneEvent(el, 'emovox-select');
    await sendKeys({ press: 'ArrowRight' });
    expect(((await selected) as CustomEvent<TimelineUtteranceDetail>).detail.index).to.equal(0);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.selectedIndex).to.equal(1);
    expect(liveRegion(el).textContent).to.equal(
      'Utterance 2 of 3: sad, 60% confidence, 3.0 s to 5.0 s, valence \u22120.50, arousal \u22120.30');
    expect(shadow(el).querySelector('[part="details"]')!.textContent!.trim()).to.equal(liveRegion(el).textContent);
    await expectAccessible(el);
    await sendKeys({ press: 'End' });
    expect(el.selectedIndex).to.equal(2);
    const seek = oneEvent(el, 'emovox-seek');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await seek) as CustomEvent<TimelineUtteranceDetail>;
    expect(detail).to.deep.equal({ index: 2, utterance: three[2], timeMs: 6000 });
    await sendKeys({ press: 'Home' });
    expect(el.selectedIndex).to.equal(0);
  });

  it('seeks to the utterance under a click', async () => {
    const el = await timeline();
    const canvas = shadow(el).querySelector('canvas')!;
    const rect = canvas.getBoundingClientRect();
    const seek = oneEvent(el, 'emovox-seek');
    canvas.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: rect.left + xOf(el, 4000), clientY: rect.top + 20 }));
    expect(((await seek) as CustomEvent<TimelineUtteranceDetail>).detail.index).to.equal(1);
    expect(el.selectedIndex).to.equal(1);
  });

  it('zooms and scrolls a long session so the selection stays in view', async () => {
    const long = sampleSession(3000);
    const el = await timeline(long, { visibleSeconds: 60 });
    const end = long[long.length - 1].endMs;
    expect(el.currentView().endMs).to.equal(end);
    expect(el.currentView().endMs - el.currentView().startMs).to.equal(60_000);
    plot(el).focus();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.currentView().startMs).to.equal(long[0].startMs);
    await sendKeys({ press: '+' });
    await el.updateComplete;
    expect(el.currentView().endMs - el.currentView().startMs).to.equal(30_000);
    for (let i = 0; i < 30; i++) await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    const selected = long[el.selectedIndex];
    expect(el.selectedIndex).to.equal(300);
    expect(selected.startMs).to.be.at.least(el.currentView().startMs);
    expect(selected.endMs).to.be.at.most(el.currentView().endMs);
    await sendKeys({ press: '0' });
    await el.updateComplete;
    expect(el.currentView()).to.deep.equal({ startMs: 0, endMs: end });
    await expectAccessible(el);
  });

  it('follows a bound <emotion-listener> live and starts over with a new session', async () => {
    const factory = fakeFactory();
    const host = await fixture<HTMLElement>(html`<div>
      <emotion-timeline for="mic"></emotion-timeline>
      <emotion-listener id="mic" .recognizerFactory=${factory}></emotion-listener>
    </div>`);
    const listener = host.querySelector<EmotionListener>('emotion-listener')!;
    const el = host.querySelector<EmotionTimeline>('emotion-timeline')!;
    await listener.ready();
    await listener.start();
    const fake = factory.created[0];
    fake.emit('emotion-update', sampleResult({ final: false, startMs: 0, endMs: 800 }));
    await el.updateComplete;
    expect(el.interim?.endMs).to.equal(800);
    fake.emit('emotion', three[0]);
    fake.emit('emotion', three[1]);
    await el.updateComplete;
    expect(el.results).to.deep.equal([three[0], three[1]]);
    expect(el.interim).to.equal(null);
    await expectAccessible(host);
    await listener.stop();
    await listener.start();
    await waitUntil(() => el.results.length === 0, 'a new session clears the timeline');
  });

  it('ignores events of other elements', async () => {
    const host = await fixture<HTMLElement>(html`<div><emotion-timeline for="mic"></emotion-timeline><div id="other"></div></div>`);
    host.querySelector('#other')!.dispatchEvent(new CustomEvent('emovox-emotion', { detail: three[0], bubbles: true, composed: true }));
    const el = host.querySelector<EmotionTimeline>('emotion-timeline')!;
    await el.updateComplete;
    expect(el.results).to.deep.equal([]);
  });

  it('takes every text from `strings`', async () => {
    const el = await timeline(three, {
      strings: {
        label: 'Zeitleiste', labelName: (l: string) => ({ happy: 'froh', sad: 'traurig', angry: 'wütend' })[l] ?? l,
        overview: (n: number) => `${n} Äußerungen`, utterance: (r: { label: string }, i: number) => `Nr. ${i + 1}: ${r.label}`,
        valence: 'Valenz', arousal: 'Erregung', instructions: 'Pfeiltasten wählen',
      },
    });
    expect(plot(el).getAttribute('aria-label')).to.equal('Zeitleiste: 3 Äußerungen');
    expect(shadow(el).querySelector('#instructions')!.textContent).to.equal('Pfeiltasten wählen');
    const legend = [...shadow(el).querySelectorAll('[part="legend"] li')].map((li) => li.textContent!.trim());
    expect(legend).to.deep.equal(['froh', 'traurig', 'wütend', 'Valenz', 'Erregung']);
    el.select(1);
    await el.updateComplete;
    expect(liveRegion(el).textContent).to.equal('Nr. 2: sad');
  });

  it('stops the details animation under prefers-reduced-motion', async () => {
    const el = await timeline();
    el.select(0);
    await el.updateComplete;
    const details = shadow(el).querySelector('[part="details"]')!;
    expect(getComputedStyle(details).transitionDuration).to.equal('0.12s');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(details).transitionDuration).to.equal('0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('draws with system colours in forced-colors mode', async () => {
    const original = window.matchMedia;
    // Chromium's forced colours cannot be emulated through web-test-runner's puppeteer launcher: stub the query.
    window.matchMedia = (query: string) =>
      Object.create(original.call(window, query), { matches: { value: query.includes('forced-colors: active') } }) as MediaQueryList;
    try {
      const el = await timeline();
      const canvas = shadow(el).querySelector('canvas')!;
      const { segments } = timelineLayout(canvas.clientWidth, canvas.clientHeight);
      const probe = document.createElement('span');
      probe.style.color = 'CanvasText';
      document.body.append(probe);
      const expected = getComputedStyle(probe).color.match(/\d+/g)!.slice(0, 3).map(Number);
      probe.remove();
      expect(pixel(el, xOf(el, 1500), segments.top + segments.height - 3).slice(0, 3)).to.deep.equal(expected);
    } finally {
      window.matchMedia = original;
    }
  });
});

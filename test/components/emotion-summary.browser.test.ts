/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/index.ts';
import type { EmotionListener, EmotionSummary, TimelineUtteranceDetail } from '../../src/components/index.ts';
import { summarizeSession } from '../../src/sdk/index.ts';
import { sampleSession } from '../../stories/support/sample-session.ts';
import { expectAccessible } from './axe.ts';
import { fakeFactory, sampleResult } from './fake-recognizer.ts';

const part = (el: EmotionSummary, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const texts = (el: EmotionSummary, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent!.trim().replace(/\s+/g, ' '));

/** Calm and happy first, angry and tense at the end: valence falls, arousal rises. */
const session = [
  sampleResult({ label: 'happy', confidence: 0.8, valence: 0.6, arousal: 0.1, startMs: 0, endMs: 3000 }),
  sampleResult({ label: 'neutral', confidence: 0.7, valence: 0.1, arousal: -0.4, startMs: 4000, endMs: 6000 }),
  sampleResult({ label: 'sad', confidence: 0.6, valence: -0.3, arousal: -0.2, startMs: 7000, endMs: 9000 }),
  sampleResult({ label: 'angry', confidence: 0.9, valence: -0.6, arousal: 0.8, startMs: 10000, endMs: 13000 }),
  sampleResult({ label: 'angry', confidence: 0.8, valence: -0.5, arousal: 0.7, startMs: 13500, endMs: 15000 }),
];

async function summaryOf(results = session, extra = {}): Promise<EmotionSummary> {
  const el = await fixture<EmotionSummary>(html`<emotion-summary .results=${results}></emotion-summary>`);
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

describe('<emotion-summary>', () => {
  it('shows the SDK summary: shares, chart text, trend, moments and tense stretch', async () => {
    const el = await summaryOf();
    const expected = summarizeSession(session).overall;
    expect(el.summary!.overall).to.deep.equal(expected);
    expect(part(el, 'overview')!.textContent).to.equal('5 utterances, 12 s of speech');
    // Shares are the SDK's probability-weighted speech time, largest first.
    const shares = Object.entries(expected.labelShare).sort((a, b) => b[1] - a[1]).map(([l, v]) => `${l} ${Math.round(v * 100)}%`);
    expect(texts(el, '[part="shares"] li')).to.deep.equal(shares);
    expect(part(el, 'chart')!.getAttribute('aria-label')).to.match(/^Valence and arousal over the session: mean valence [−+]\d\.\d\d, mean arousal/);
    expect(part(el, 'trend')!.textContent).to.equal(
      'From the first to the last third, valence was falling and arousal rising: the session ended more upset than it began.');
    expect(texts(el, '[part="moment"]')).to.deep.equal(['Calmest: neutral at 0:04', 'Most intense: angry at 0:10', 'Most negative: angry at 0:10']);
    expect(part(el, 'stretch')!.textContent).to.equal('Longest tense stretch: 5 s from 0:10 (2 utterances).');
    await expectAccessible(el);
  });

  it('draws both lines of the chart from the session', async () => {
    const el = await summaryOf();
    const lines = el.shadowRoot!.querySelectorAll('polyline');
    expect([...lines].map((l) => l.getAttribute('class'))).to.deep.equal(['valence', 'arousal']);
    expect(lines[0].getAttribute('points')!.split(' ')).to.have.length(session.length);
  });

  it('shows the empty slot, and is accessible, without results', async () => {
    const el = await fixture<EmotionSummary>(html`<emotion-summary><span slot="empty">Nothing said</span></emotion-summary>`);
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Nothing said');
    expect(el.summary).to.equal(null);
    await expectAccessible(el);
  });

  it('reports invalid results instead of throwing', async () => {
    const el = await summaryOf([sampleResult({ startMs: 5000, endMs: 1000 })]);
    expect(el.summary).to.equal(null);
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error')!.textContent).to.match(/summarizeSession/);
  });

  it('dispatches emovox-seek for a moment, from the keyboard too', async () => {
    const el = await summaryOf();
    const button = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="moment"]')[1];
    button.focus();
    const seek = oneEvent(el, 'emovox-seek');
    button.click();
    const { detail } = (await seek) as CustomEvent<TimelineUtteranceDetail>;
    expect(detail).to.deep.equal({ index: 3, utterance: session[3], timeMs: 10000 });
  });

  it('follows a bound listener and announces a change of ending', async () => {
    const factory = fakeFactory();
    const host = await fixture<HTMLElement>(html`<div>
      <emotion-listener id="mic" .recognizerFactory=${factory}></emotion-listener>
      <emotion-summary for="mic"></emotion-summary></div>`);
    const listener = host.querySelector<EmotionListener>('emotion-listener')!;
    const el = host.querySelector<EmotionSummary>('emotion-summary')!;
    await listener.ready();
    await listener.start();
    const fake = factory.created[0];
    for (const r of session) fake.emit('emotion', r);
    await el.updateComplete;
    expect(el.results).to.deep.equal(session);
    expect(el.summary!.overall.ending).to.equal('more-upset');
    fake.emit('emotion', sampleResult({ label: 'happy', valence: 0.8, arousal: -0.5, startMs: 16000, endMs: 30000 }));
    await el.updateComplete;
    expect(el.summary!.overall.ending).to.equal('calmer');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.match(/ended calmer/);
    await expectAccessible(host);
  });

  it('takes every text from `strings` and the heading level from its attribute', async () => {
    const el = await summaryOf(session, {
      headingLevel: 3,
      strings: { title: 'Zusammenfassung', labelName: (l: string) => ({ angry: 'wütend' })[l] ?? l, calmest: 'Am ruhigsten' },
    });
    const headings = [...el.shadowRoot!.querySelectorAll('[role="heading"]')];
    expect(headings[0].textContent).to.equal('Zusammenfassung');
    expect(headings.map((h) => h.getAttribute('aria-level'))).to.deep.equal(['3', '4', '4', '4']);
    const angry = Math.round(summarizeSession(session).overall.labelShare.angry * 100);
    expect(texts(el, '[part="shares"] li')).to.include(`wütend ${angry}%`);
    expect(texts(el, '[part="moment"]')[0]).to.equal('Am ruhigsten: neutral at 0:04');
  });

  it('summarises a long session and stays accessible', async () => {
    const el = await summaryOf(sampleSession(2000));
    expect(el.summary!.overall.utteranceCount).to.equal(2000);
    expect(el.shadowRoot!.querySelector('polyline')!.getAttribute('points')!.split(' ').length).to.be.at.most(120);
    await expectAccessible(el);
  });

  it('stops bar animations under prefers-reduced-motion', async () => {
    const el = await summaryOf();
    const fill = part(el, 'share-fill')!;
    expect(getComputedStyle(fill).transitionDuration).to.equal('0.18s');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(fill).transitionDuration).to.equal('0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});

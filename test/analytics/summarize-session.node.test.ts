import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { summarizeSession, type EmotionResult } from '../../src/sdk/index.ts';

type Said = EmotionResult & { readonly speaker: string };
const labels = ['angry', 'calm', 'happy', 'neutral', 'sad'];

function said(speaker: string, startMs: number, endMs: number, label: string, valence: number, arousal: number): Said {
  const probabilities = Object.fromEntries(labels.map((l) => [l, l === label ? 0.6 : 0.1]));
  return { speaker, startMs, endMs, label, confidence: 0.6, probabilities, valence, arousal, final: true };
}

// A 9 s call whose thirds end at 3 s and 6 s. The customer starts angry and ends calm.
const call: Said[] = [
  said('customer', 0, 3000, 'angry', -0.6, 0.7),
  said('agent', 3000, 4000, 'neutral', 0, 0),
  said('customer', 4000, 6000, 'angry', -0.4, 0.5),
  said('agent', 6000, 7000, 'happy', 0.5, 0.3),
  said('customer', 7000, 8000, 'neutral', 0.1, -0.1),
  said('customer', 8000, 9000, 'calm', 0.3, -0.5),
];
const bySpeaker = { speakerOf: (r: Said) => r.speaker };
const close = (actual: number | undefined, expected: number): void =>
  assert.ok(Math.abs((actual ?? NaN) - expected) < 1e-12, `${actual} != ${expected}`);

describe('summarizeSession', () => {
  it('summarises each speaker by speech time, with hand-computed means, shares and trends', () => {
    const summary = summarizeSession(call, bySpeaker);
    assert.deepEqual(summary.span, { startMs: 0, endMs: 9000 });
    assert.deepEqual(summary.speakers.map((s) => s.speaker), ['customer', 'agent']);
    const customer = summary.speakers[0]!;
    assert.equal(customer.speechMs, 7000);
    assert.equal(customer.utteranceCount, 4);
    close(customer.labelShare.angry, 5000 / 7000);
    close(customer.labelShare.neutral, 1000 / 7000);
    close(customer.labelShare.calm, 1000 / 7000);
    assert.equal(customer.labelShare.happy, 0);
    close(customer.meanValence, -2200 / 7000);
    close(customer.meanArousal, 2500 / 7000);
    // First third: the 0-3 s utterance; last third: 7-8 s and 8-9 s.
    close(customer.trend?.valence.first, -0.6);
    close(customer.trend?.valence.last, 0.2);
    close(customer.trend?.valence.delta, 0.8);
    assert.equal(customer.trend?.valence.direction, 'rising');
    close(customer.trend?.arousal.delta, -1.0);
    assert.equal(customer.trend?.arousal.direction, 'falling');
    close(customer.trend?.distress.first, 0.65);
    close(customer.trend?.distress.last, -0.25);
    assert.equal(customer.ending, 'calmer');
  });

  it('finds the longest negative high-arousal stretch per speaker, across the other speaker', () => {
    const summary = summarizeSession(call, bySpeaker);
    assert.deepEqual(summary.speakers[0]!.longestNegativeArousedStretch, {
      startMs: 0, endMs: 6000, durationMs: 6000, utteranceCount: 2,
    });
    assert.equal(summary.speakers[1]!.longestNegativeArousedStretch, null);
    // Overall, the agent's neutral turn at 3-4 s breaks the run, so the first utterance alone is longest.
    assert.deepEqual(summary.overall.longestNegativeArousedStretch, {
      startMs: 0, endMs: 3000, durationMs: 3000, utteranceCount: 1,
    });
    const shortGaps = summarizeSession(call, { ...bySpeaker, stretchGapMs: 500 });
    assert.equal(shortGaps.speakers[0]!.longestNegativeArousedStretch?.durationMs, 3000);
  });

  it('picks peaks with their times, earliest on ties', () => {
    const { speakers } = summarizeSession(call, bySpeaker);
    const customer = speakers[0]!.peaks!;
    assert.deepEqual(customer.mostIntense, { startMs: 0, endMs: 3000, label: 'angry', valence: -0.6, arousal: 0.7 });
    assert.equal(customer.mostNegative.startMs, 0);
    assert.deepEqual(customer.calmest, { startMs: 8000, endMs: 9000, label: 'calm', valence: 0.3, arousal: -0.5 });
    const agent = speakers[1]!.peaks!;
    assert.equal(agent.mostIntense.startMs, 6000);
    assert.equal(agent.mostNegative.startMs, 3000);
    const tie = summarizeSession([said('x', 0, 10, 'sad', -0.5, 0), said('x', 20, 30, 'sad', -0.5, 0)]);
    assert.equal(tie.overall.peaks?.mostNegative.startMs, 0);
  });

  it('has no trend for a speaker absent from the first or last third', () => {
    const agent = summarizeSession(call, bySpeaker).speakers[1]!;
    assert.equal(agent.trend, null);
    assert.equal(agent.ending, null);
    close(agent.meanValence, 0.25);
    close(agent.meanArousal, 0.15);
  });

  it('calls small changes steady, by the trend threshold, and a worsening call more upset', () => {
    const lenient = summarizeSession(call, { ...bySpeaker, trendThreshold: 0.95 }).speakers[0]!;
    assert.equal(lenient.trend?.valence.direction, 'steady');
    assert.equal(lenient.ending, 'unchanged');
    const worse = summarizeSession([said('c', 0, 1000, 'calm', 0.3, -0.4), said('c', 2000, 3000, 'angry', -0.7, 0.8)]);
    close(worse.overall.trend?.distress.delta, 0.75 - -0.35);
    assert.equal(worse.overall.ending, 'more-upset');
    assert.equal(worse.speakers[0]!.speaker, 'speaker');
  });

  it('weights zero-length utterances equally and summarises an empty session', () => {
    const points = summarizeSession([said('x', 100, 100, 'happy', 0.4, 0.2), said('x', 200, 200, 'sad', -0.2, -0.4)]);
    close(points.overall.meanValence, 0.1);
    close(points.overall.labelShare.happy, 0.5);
    const empty = summarizeSession([]);
    assert.deepEqual(empty.speakers, []);
    assert.equal(empty.overall.utteranceCount, 0);
    assert.equal(empty.overall.peaks, null);
    assert.equal(empty.overall.trend, null);
  });

  it('rejects bad input and options with errors naming the field', () => {
    const nan = { ...call[0]!, valence: NaN };
    assert.throws(() => summarizeSession([nan]), /results\[0\]\.valence/);
    assert.throws(() => summarizeSession([{ ...call[0]!, final: false }]), /interim/);
    assert.throws(() => summarizeSession([{ ...call[0]!, endMs: -1 }]), /results\[0\]\.endMs/);
    assert.throws(() => summarizeSession('x' as unknown as EmotionResult[]), TypeError);
    assert.throws(() => summarizeSession(call, { highArousalThreshold: 2 }), /highArousalThreshold/);
    assert.throws(() => summarizeSession(call, { trendThreshold: -1 }), RangeError);
    assert.throws(() => summarizeSession(call, { stretchGapMs: NaN }), /stretchGapMs/);
    assert.throws(() => summarizeSession(call, { speakerOf: () => 3 as unknown as string }), /speakerOf/);
  });
});

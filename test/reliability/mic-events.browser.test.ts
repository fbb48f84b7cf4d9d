// @fake-mic one-phrase
// What the outside world does to a live session: the microphone's track ends (unplugged, permission
// revoked, or stopped by other code), permission is then refused, the AudioContext never starts (no user
// gesture) or is suspended mid-session, the tab is hidden and shown again. Each ends in a typed error
// event or a documented recovery, never a hang, and leaves no track or AudioContext running.
// Simulated, not real: Chromium's fake device cannot be unplugged and headless Chromium needs no gesture
// here (--autoplay-policy), so the end of a track is `track.stop()` or a dispatched `ended`, a blocked
// context is a patched `resume()` that never settles, and a hidden tab is a `visibilitychange` with
// `document.visibilityState` overridden. Nothing in the pipeline counts wall time, so a suspension of
// a few hundred milliseconds stands for one of minutes.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer } from '../../src/sdk/index.ts';
import { recordEvents, tinyModelUrl, until } from '../sdk/helpers.ts';
import { failGetUserMedia, spyOnResources, type ResourceSpy } from '../sdk/spies.ts';
import { codeOf, expectReleased } from './faults.ts';
import { overrideVisibility, stateChange, withPatchedAudioContext } from './page-hooks.ts';

async function listening(spy: ResourceSpy) {
  const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
  const recorded = recordEvents(recognizer);
  await recognizer.start();
  const context = spy.contexts.at(-1)!;
  const track = spy.tracks.at(-1)!;
  return { recognizer, ...recorded, context, track };
}

const errorCodes = (events: ReturnType<typeof recordEvents>['events']) => events.flatMap((e) => (e.name === 'error' ? [e.payload.code] : []));
const finals = (events: ReturnType<typeof recordEvents>['events']) => events.filter((e) => e.name === 'emotion' || e.name === 'misfire').length;

describe('microphone and AudioContext events during a session', () => {
  let spy: ResourceSpy;
  beforeEach(() => (spy = spyOnResources()));
  afterEach(() => spy.restore());

  it('a track stopped by other code (no ended event) becomes MIC_UNREADABLE; start() afterwards listens again', async () => {
    const { recognizer, events, track, context } = await listening(spy);
    try {
      track.stop();
      await until(recognizer, () => recognizer.state === 'error');
      expect(errorCodes(events)).to.deep.equal(['MIC_UNREADABLE']);
      await stateChange(context, 'closed');
      await recognizer.start();
      expect(recognizer.state).to.equal('listening');
      expect(spy.tracks.filter((t) => t.readyState === 'live').length, 'exactly the new track is live').to.equal(1);
    } finally {
      await recognizer.destroy();
    }
    expectReleased(spy, 'after recovery');
  });

  it('the device going away while paused is MIC_UNREADABLE too', async () => {
    const { recognizer, events, track } = await listening(spy);
    try {
      await recognizer.pause();
      track.dispatchEvent(new Event('ended'));
      await until(recognizer, () => recognizer.state === 'error');
      expect(errorCodes(events)).to.deep.equal(['MIC_UNREADABLE']);
      expect(track.readyState).to.equal('ended');
    } finally {
      await recognizer.destroy();
    }
    expectReleased(spy, 'paused');
  });

  it('permission revoked mid-session: MIC_UNREADABLE, then start() gives MIC_PERMISSION_DENIED, then works once granted', async () => {
    const { recognizer, events, track } = await listening(spy);
    try {
      // Revoking the permission ends the capture track; the page sees `ended`.
      track.dispatchEvent(new Event('ended'));
      await until(recognizer, () => recognizer.state === 'error');
      const restore = failGetUserMedia('NotAllowedError');
      try {
        expect(await codeOf(recognizer.start())).to.equal('MIC_PERMISSION_DENIED');
        expect(recognizer.state).to.equal('error');
      } finally {
        restore();
      }
      expect(errorCodes(events)).to.deep.equal(['MIC_UNREADABLE']);
      await recognizer.start();
      expect(recognizer.state).to.equal('listening');
    } finally {
      await recognizer.destroy();
    }
    expectReleased(spy, 'revoked');
  });

  it('an AudioContext that never starts (no user gesture) makes start() reject with MIC_UNREADABLE instead of hanging', async () => {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      await withPatchedAudioContext({ startSuspended: true, resume: () => new Promise<void>(() => undefined) }, async () => {
        expect(await codeOf(recognizer.start())).to.equal('MIC_UNREADABLE');
      });
      expect(recognizer.state).to.equal('error');
      expect(spy.tracks.every((t) => t.readyState === 'ended'), 'the microphone is released').to.equal(true);
      expect(spy.contexts.every((c) => c.state === 'closed'), 'the AudioContext is closed').to.equal(true);
      await recognizer.start();
      expect(recognizer.state, 'a later start() from a gesture works').to.equal('listening');
    } finally {
      await recognizer.destroy();
    }
    expectReleased(spy, 'never started');
  });

  it('an AudioContext suspended mid-session by someone else is resumed and results keep coming', async () => {
    const { recognizer, events, context } = await listening(spy);
    try {
      await until(recognizer, () => finals(events) >= 1);
      const before = finals(events);
      await context.suspend();
      await stateChange(context, 'running');
      await until(recognizer, () => finals(events) > before);
      expect(recognizer.state).to.equal('listening');
      expect(errorCodes(events)).to.deep.equal([]);
    } finally {
      await recognizer.destroy();
    }
    expectReleased(spy, 'interrupted');
  });

  it('a hidden tab whose audio was suspended (and cannot resume while hidden) resumes when shown', async () => {
    const { recognizer, events, context } = await listening(spy);
    const visibility = overrideVisibility();
    try {
      await until(recognizer, () => finals(events) >= 1);
      visibility.set('hidden');
      const realResume = context.resume.bind(context);
      context.resume = () => (document.visibilityState === 'hidden' ? Promise.reject(new DOMException('hidden', 'InvalidStateError')) : realResume());
      await context.suspend();
      expect(context.state).to.equal('suspended');
      const before = finals(events);
      visibility.set('visible');
      await stateChange(context, 'running');
      await until(recognizer, () => finals(events) > before);
      expect(recognizer.state).to.equal('listening');
      expect(errorCodes(events)).to.deep.equal([]);
    } finally {
      visibility.restore();
      await recognizer.destroy();
    }
    expectReleased(spy, 'hidden tab');
  });
});

import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { Room } from 'livekit-client';
import { EmotionFeed } from '../../src/plugins/core.ts';
import { attachLiveKit, liveKitSink } from '../../src/plugins/livekit.ts';
import { result } from './results.ts';

/**
 * A real Room's LocalParticipant. Its attribute updates and text streams travel over LiveKit's
 * signalling and WebRTC data channels, which need a LiveKit server, so the two public methods are
 * observed at the client's API (arguments checked against its types) instead of on the wire.
 */
function observedParticipant() {
  const participant = new Room().localParticipant;
  const setAttributes = mock.method(participant, 'setAttributes', async () => undefined);
  const sendText = mock.method(participant, 'sendText', async () => ({ id: 'stream-1' }) as never);
  return { participant, setAttributes, sendText };
}

describe('LiveKit adapter on a livekit-client Room', () => {
  it('publishes string attributes and a JSON text stream on the emovox.emotion topic', async () => {
    const { participant, setAttributes, sendText } = observedParticipant();
    const feed = new EmotionFeed();
    const errors: unknown[] = [];
    attachLiveKit(feed, participant, { policy: { cooldownMs: 0 }, onError: (e) => errors.push(e) });
    feed.push(result('angry', 0.75, 1000, 3000));
    feed.push(result('angry', 0.8, 4000, 6000));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(errors, []);
    assert.deepEqual(setAttributes.mock.calls[1].arguments[0], {
      'emovox.label': 'angry', 'emovox.confidence': '0.800', 'emovox.valence': '-0.480', 'emovox.arousal': '0.640',
      'emovox.state': 'frustrated', 'emovox.trend': 'steady', 'emovox.since': '1000', 'emovox.utterance': 'utt-4000',
      'emovox.text': 'The user has sounded frustrated for the last 5 seconds (angry 0.80).',
    });
    assert.equal(setAttributes.mock.calls[0].arguments[0]?.['emovox.state'], '');
    const [text, options] = sendText.mock.calls[1].arguments;
    assert.deepEqual(options, { topic: 'emovox.emotion' });
    assert.deepEqual(JSON.parse(text ?? ''), {
      label: 'angry', confidence: 0.8, valence: -0.6 * 0.8, arousal: 0.8 * 0.8, state: 'frustrated', trend: 'steady',
      since: 1000, utteranceId: 'utt-4000', final: true, text: 'The user has sounded frustrated for the last 5 seconds (angry 0.80).',
    });
  });

  it('can publish only on a topic, or only attributes, and reports a failed send', async () => {
    const { participant, setAttributes, sendText } = observedParticipant();
    const feed = new EmotionFeed();
    const detach = attachLiveKit(feed, participant, { attributes: false, topic: 'mood', policy: { cooldownMs: 0 } });
    feed.push(result('happy', 0.9, 0, 1000));
    detach();
    assert.equal(setAttributes.mock.callCount(), 0);
    assert.deepEqual(sendText.mock.calls[0].arguments[1], { topic: 'mood' });

    sendText.mock.mockImplementation(async () => {
      throw new Error('not connected');
    });
    const errors: unknown[] = [];
    attachLiveKit(feed, participant, { attributes: false, policy: { cooldownMs: 0 }, onError: (e) => errors.push(e) });
    feed.push(result('sad', 0.9, 2000, 3000));
    await new Promise((resolve) => setImmediate(resolve));
    assert.match(String(errors[0]), /not connected/);
  });

  it('names bad options', () => {
    const { participant } = observedParticipant();
    assert.throws(() => liveKitSink({} as never), /TypeError: liveKitSink: participant must be/);
    assert.throws(() => liveKitSink(participant, { topic: '' }), /TypeError: liveKitSink: topic/);
    assert.throws(() => liveKitSink(participant, { attributes: false, topic: false }), /RangeError: liveKitSink: attributes and topic are both off/);
  });
});

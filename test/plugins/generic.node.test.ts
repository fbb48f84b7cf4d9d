import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EmotionFeed, type EmotionUpdate } from '../../src/plugins/core.ts';
import { attach, attachCallback, domEventSink, postMessageSink, type EmotionMessage } from '../../src/plugins/generic.ts';
import { speechStyle } from '../../src/plugins/speech-synthesis.ts';
import { result } from './results.ts';

const policy = { cooldownMs: 0 };

describe('generic adapters', () => {
  it('calls a callback with { payload, text }', () => {
    const feed = new EmotionFeed();
    const seen: EmotionUpdate[] = [];
    attachCallback(feed, (u) => void seen.push(u), { policy });
    feed.push(result('happy', 0.8, 0, 1000));
    assert.equal(seen[0].text, 'The user currently sounds happy (confidence 0.80).');
    assert.equal(seen[0].payload.label, 'happy');
  });

  it('dispatches a bubbling, composed CustomEvent', () => {
    const target = new EventTarget();
    const events: CustomEvent<EmotionUpdate>[] = [];
    target.addEventListener('mood', (e) => events.push(e as CustomEvent<EmotionUpdate>));
    const feed = new EmotionFeed();
    attach(feed, domEventSink(target, { type: 'mood' }), { policy });
    feed.push(result('sad', 0.7, 0, 1000));
    assert.equal(events.length, 1);
    assert.equal(events[0].bubbles, true);
    assert.equal(events[0].composed, true);
    assert.equal(events[0].detail.payload.label, 'sad');
  });

  it('posts structured-cloneable messages on a MessagePort and a BroadcastChannel', async () => {
    const feed = new EmotionFeed();
    const { port1, port2 } = new MessageChannel();
    const sender = new BroadcastChannel('emovox-test');
    const receiver = new BroadcastChannel('emovox-test');
    const viaPort = new Promise<EmotionMessage>((resolve) => port2.addEventListener('message', (e) => resolve(e.data), { once: true }));
    port2.start();
    const viaChannel = new Promise<EmotionMessage>((resolve) => receiver.addEventListener('message', (e) => resolve((e as MessageEvent).data), { once: true }));
    const detachPort = attach(feed, postMessageSink(port1), { policy });
    const detachChannel = attach(feed, postMessageSink(sender, { type: 'emotion' }), { policy });
    feed.push(result('angry', 0.7, 0, 1000));
    const [a, b] = await Promise.all([viaPort, viaChannel]);
    detachPort();
    detachChannel();
    port1.close();
    sender.close();
    receiver.close();
    assert.equal(a.type, 'emovox-context');
    assert.equal(b.type, 'emotion');
    assert.deepEqual(a.payload, b.payload);
    assert.equal(a.text, 'The user currently sounds angry (confidence 0.70).');
  });

  it('requires a target origin for windows and names bad targets', () => {
    // A window is recognised by `window.window === window`; a plain object with that shape stands for an iframe's window.
    const posted: unknown[][] = [];
    const frame: { postMessage: (...args: unknown[]) => void; window?: unknown } = { postMessage: (...args) => void posted.push(args) };
    frame.window = frame;
    const window = frame as unknown as Window;
    assert.throws(() => postMessageSink(window), /TypeError: postMessageSink: options.targetOrigin is required/);
    postMessageSink(window, { targetOrigin: 'https://assistant.example' })({ payload: result('happy', 1, 0) as never, text: 't' });
    assert.equal(posted[0][1], 'https://assistant.example');
    assert.throws(() => postMessageSink({} as never), /TypeError: postMessageSink: target must have postMessage/);
    assert.throws(() => domEventSink({} as never), /TypeError: domEventSink: target must be an EventTarget/);
  });
});

describe('speechStyle', () => {
  it('slows down for a frustrated user and picks the configured voice', () => {
    const voices = [{ name: 'Calm Voice' }, { name: 'Other' }] as SpeechSynthesisVoice[];
    const styler = speechStyle({ styles: { frustrated: { rate: 0.85, pitch: 0.9, voice: 'Calm Voice' } }, voices: () => voices });
    const utterance = { rate: 1, pitch: 1, voice: null as SpeechSynthesisVoice | null };
    assert.deepEqual(styler.current(), { rate: 1, pitch: 1 });
    const feed = new EmotionFeed();
    attach(feed, styler.sink, { policy });
    feed.push(result('angry', 0.8, 0, 1000));
    feed.push(result('angry', 0.8, 2000, 3000));
    styler.apply(utterance);
    assert.equal(utterance.rate, 0.85);
    assert.equal(utterance.pitch, 0.9);
    assert.equal(utterance.voice, voices[0]);
    feed.push(result('happy', 0.9, 4000, 5000));
    feed.push(result('happy', 0.9, 6000, 7000));
    feed.push(result('happy', 0.9, 8000, 9000));
    feed.push(result('happy', 0.9, 10_000, 11_000));
    assert.deepEqual(styler.current(), { rate: 1.05, pitch: 1.05 });
  });

  it('rejects rates and pitches outside the Web Speech API ranges', () => {
    assert.throws(() => speechStyle({ styles: { pleased: { rate: 20, pitch: 1 } } }), /RangeError: speechStyle: styles.pleased.rate/);
    assert.throws(() => speechStyle({ styles: { pleased: { rate: 1, pitch: -1 } } }), /RangeError: speechStyle: styles.pleased.pitch/);
  });
});

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { EmotionFeed, attach, type DetachReason, type EmotionUpdate } from '../../src/plugins/core.ts';
import { result } from './results.ts';

function collect(): { updates: EmotionUpdate[]; sink: (u: EmotionUpdate) => void; labels: () => string[] } {
  const updates: EmotionUpdate[] = [];
  return { updates, sink: (u) => void updates.push(u), labels: () => updates.map((u) => u.payload.label) };
}

describe('attach: change-only, debounce and cooldown (mocked timers)', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 }));
  afterEach(() => mock.timers.reset());

  it('sends only changes of label or state', () => {
    const feed = new EmotionFeed();
    const out = collect();
    attach(feed, out.sink, { policy: { cooldownMs: 0, states: [] } });
    feed.push(result('happy', 0.8, 0));
    feed.push(result('happy', 0.9, 2000));
    feed.push(result('sad', 0.8, 4000));
    assert.deepEqual(out.labels(), ['happy', 'sad']);
  });

  it('sends every accepted result with changeOnly: false', () => {
    const feed = new EmotionFeed();
    const out = collect();
    attach(feed, out.sink, { policy: { cooldownMs: 0, changeOnly: false } });
    feed.push(result('happy', 0.8, 0));
    feed.push(result('happy', 0.9, 2000));
    assert.equal(out.updates.length, 2);
  });

  it('holds a change inside the cooldown and sends the newest one when it ends', () => {
    const feed = new EmotionFeed();
    const out = collect();
    attach(feed, out.sink, { policy: { cooldownMs: 3000, states: [] } });
    feed.push(result('happy', 0.8, 0));
    mock.timers.tick(1000);
    feed.push(result('sad', 0.8, 2000));
    feed.push(result('angry', 0.8, 4000));
    assert.deepEqual(out.labels(), ['happy']);
    mock.timers.tick(1999);
    assert.deepEqual(out.labels(), ['happy']);
    mock.timers.tick(1);
    assert.deepEqual(out.labels(), ['happy', 'angry']);
  });

  it('drops a held change that changed back to what was last sent', () => {
    const feed = new EmotionFeed();
    const out = collect();
    attach(feed, out.sink, { policy: { cooldownMs: 3000, states: [] } });
    feed.push(result('happy', 0.8, 0));
    mock.timers.tick(500);
    feed.push(result('sad', 0.8, 2000));
    feed.push(result('happy', 0.8, 4000));
    mock.timers.tick(10_000);
    assert.deepEqual(out.labels(), ['happy']);
  });

  it('debounces a burst of interim results to the newest', () => {
    const feed = new EmotionFeed();
    const out = collect();
    attach(feed, out.sink, { policy: { debounceMs: 400, cooldownMs: 0, includeInterim: true, states: [] } });
    feed.push(result('neutral', 0.6, 0, 500, false));
    mock.timers.tick(300);
    feed.push(result('angry', 0.6, 0, 1000, false));
    mock.timers.tick(300);
    feed.push(result('sad', 0.7, 0, 1500, false));
    assert.equal(out.updates.length, 0);
    mock.timers.tick(400);
    assert.deepEqual(out.labels(), ['sad']);
    assert.equal(out.updates[0].payload.final, false);
  });

  it('sends nothing after detach, even what the cooldown held, and leaves no subscription', () => {
    const feed = new EmotionFeed();
    const out = collect();
    const ends: DetachReason[] = [];
    const detach = attach(feed, out.sink, { policy: { cooldownMs: 3000 }, onEnd: (reason) => ends.push(reason) });
    feed.push(result('happy', 0.8, 0));
    feed.push(result('sad', 0.8, 2000));
    detach();
    detach();
    mock.timers.tick(10_000);
    feed.push(result('angry', 0.9, 4000));
    assert.deepEqual(out.labels(), ['happy']);
    assert.equal(feed.listenerCount(), 0);
    assert.deepEqual(ends, ['detached']);
  });
});

describe('attach: how attachments end', () => {
  it('ends on a recognizer error, releasing its listeners', () => {
    const feed = new EmotionFeed();
    const out = collect();
    const ends: Array<[DetachReason, unknown]> = [];
    attach(feed, out.sink, { policy: { cooldownMs: 0 }, onEnd: (reason, error) => ends.push([reason, error]) });
    const failure = new Error('worker crashed');
    feed.fail(failure);
    feed.push(result('happy', 0.8, 0));
    assert.deepEqual(ends, [['error', failure]]);
    assert.equal(out.updates.length, 0);
    assert.equal(feed.listenerCount(), 0);
  });

  it('keeps going after an error with endOnError: false', () => {
    const feed = new EmotionFeed();
    const out = collect();
    attach(feed, out.sink, { endOnError: false, policy: { cooldownMs: 0 } });
    feed.fail(new Error('transient'));
    feed.push(result('happy', 0.8, 0));
    assert.equal(out.updates.length, 1);
  });

  it('ends when the recognizer is destroyed', () => {
    const feed = new EmotionFeed();
    const ends: DetachReason[] = [];
    attach(feed, () => undefined, { onEnd: (reason) => ends.push(reason) });
    feed.destroy();
    assert.deepEqual(ends, ['destroyed']);
  });

  it('reads <emotion-listener> DOM events from any EventTarget and ends on emovox-state destroyed', () => {
    const element = new EventTarget();
    const out = collect();
    const ends: DetachReason[] = [];
    attach(element, out.sink, { policy: { cooldownMs: 0 }, onEnd: (reason) => ends.push(reason) });
    element.dispatchEvent(new CustomEvent('emovox-emotion', { detail: result('happy', 0.8, 0) }));
    element.dispatchEvent(new CustomEvent('emovox-state', { detail: { state: 'destroyed', previous: 'idle' } }));
    element.dispatchEvent(new CustomEvent('emovox-emotion', { detail: result('sad', 0.8, 2000) }));
    assert.deepEqual(out.labels(), ['happy']);
    assert.deepEqual(ends, ['destroyed']);
  });

  it('plays an async iterable of recorded results and ends when it runs out', async () => {
    async function* recorded() {
      yield result('happy', 0.8, 0);
      yield result('sad', 0.8, 2000);
    }
    const out = collect();
    const ended = new Promise<DetachReason>((resolve) => attach(recorded(), out.sink, { policy: { cooldownMs: 0 }, onEnd: resolve }));
    assert.equal(await ended, 'ended');
    assert.deepEqual(out.labels(), ['happy', 'sad']);
  });

  it('closes a generator early on detach', async () => {
    let closed = false;
    async function* endless() {
      try {
        for (let i = 0; ; i++) {
          await new Promise((resolve) => setImmediate(resolve));
          yield result(i % 2 ? 'happy' : 'sad', 0.8, i * 2000);
        }
      } finally {
        closed = true;
      }
    }
    const out = collect();
    const detach = attach(endless(), out.sink, { policy: { cooldownMs: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    detach();
    const sent = out.updates.length;
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(closed);
    assert.ok(sent > 0);
    assert.equal(out.updates.length, sent);
  });
});

describe('attach: bad input', () => {
  it('rejects a source that is not one and a sink that is not a function', () => {
    assert.throws(() => attach(42 as never, () => undefined), /TypeError: attach: source must be/);
    assert.throws(() => attach({} as never, () => undefined), /TypeError: attach: source must be/);
    assert.throws(() => attach(new EmotionFeed(), 'sink' as never), /TypeError: attach: sink must be a function/);
    assert.throws(() => attach(new EmotionFeed(), () => undefined, { policy: { minConfidence: -1 } }), /RangeError: policy.minConfidence/);
  });

  it('reports a non-result and a throwing or rejecting sink to onError and carries on', async () => {
    const errors: unknown[] = [];
    const feed = new EmotionFeed();
    let calls = 0;
    attach(feed, async (update) => {
      calls += 1;
      if (update.payload.label === 'sad') throw new Error('sink rejected');
    }, { policy: { cooldownMs: 0 }, onError: (e) => errors.push(e) });
    feed.push({ label: 'happy' } as never);
    feed.push(result('sad', 0.8, 0));
    feed.push(result('happy', 0.8, 2000));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls, 2);
    assert.match(String(errors[0]), /TypeError: attach: the source produced something that is not an EmotionResult/);
    assert.match(String(errors[1]), /sink rejected/);
  });
});

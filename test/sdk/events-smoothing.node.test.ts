import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TypedEmitter } from '../../src/sdk/events.ts';
import { createSmoother } from '../../src/sdk/pipeline/smoothing.ts';

class Emitter extends TypedEmitter<{ tick: [number]; done: [] }> {
  fire(n: number) {
    this.emit('tick', n);
  }
}

test('on() returns an unsubscribe function; once() fires once', () => {
  const emitter = new Emitter();
  const seen: number[] = [];
  const off = emitter.on('tick', (n) => seen.push(n));
  emitter.once('tick', (n) => seen.push(n * 10));
  emitter.fire(1);
  emitter.fire(2);
  off();
  emitter.fire(3);
  assert.deepEqual(seen, [1, 10, 2]);
  assert.equal(emitter.listenerCount(), 0);
});

test('a throwing listener does not stop the others; its error is rethrown asynchronously', () => {
  const emitter = new Emitter();
  const seen: number[] = [];
  emitter.on('tick', () => {
    throw new Error('listener bug');
  });
  emitter.on('tick', (n) => seen.push(n));
  const queued: VoidFunction[] = [];
  const original = globalThis.queueMicrotask;
  globalThis.queueMicrotask = (callback) => queued.push(callback);
  try {
    emitter.fire(7);
  } finally {
    globalThis.queueMicrotask = original;
  }
  assert.deepEqual(seen, [7]);
  assert.equal(queued.length, 1);
  assert.throws(queued[0], /listener bug/);
});

const p = (...values: number[]) => Float32Array.from(values);

test('exponential smoothing is a convex combination: sums stay 1 and the label follows slowly', () => {
  const smoother = createSmoother({ kind: 'exponential', alpha: 0.5 });
  assert.equal(smoother.next(p(0.8, 0.1, 0.1)).index, 0);
  const second = smoother.next(p(0.1, 0.8, 0.1));
  assert.deepEqual(Array.from(second.probabilities, (x) => Number(x.toFixed(5))), [0.45, 0.45, 0.1]);
  const third = smoother.next(p(0.1, 0.8, 0.1));
  assert.equal(third.index, 1);
  assert.ok(Math.abs(third.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-6);
  smoother.reset();
  assert.equal(smoother.next(p(0.1, 0.1, 0.8)).index, 2);
});

test('hysteresis keeps the shown label until another leads by the margin', () => {
  const smoother = createSmoother({ kind: 'hysteresis', margin: 0.2 });
  assert.equal(smoother.next(p(0.5, 0.3, 0.2)).index, 0);
  assert.equal(smoother.next(p(0.35, 0.45, 0.2)).index, 0, 'a 0.1 lead does not switch');
  assert.equal(smoother.next(p(0.2, 0.6, 0.2)).index, 1, 'a 0.4 lead does');
  assert.deepEqual(Array.from(smoother.next(p(0.3, 0.4, 0.3)).probabilities), Array.from(p(0.3, 0.4, 0.3)));
});

test('no smoothing passes values through', () => {
  const smoother = createSmoother({ kind: 'none' });
  assert.equal(smoother.next(p(0.2, 0.5, 0.3)).index, 1);
});

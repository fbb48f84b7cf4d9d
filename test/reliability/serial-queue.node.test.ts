import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EmovoxError } from '../../src/sdk/errors.ts';
import { abortable, SerialQueue } from '../../src/sdk/serial-queue.ts';

const aborted = (signal: AbortSignal) => new EmovoxError('ABORTED', 'aborted', { cause: signal.reason });

/** A task that records when it runs and finishes when `finish()` is called. */
function gate(log: string[], name: string): { task: () => Promise<string>; finish: () => void } {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { task: async () => (log.push(`${name} start`), await done, log.push(`${name} end`), name), finish };
}

test('tasks run one at a time, in call order, even when later ones are quicker', async () => {
  const queue = new SerialQueue();
  const log: string[] = [];
  const [a, b] = [gate(log, 'a'), gate(log, 'b')];
  const results = [queue.run(a.task), queue.run(b.task), queue.run(async () => (log.push('c'), 'c'))];
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(log, ['a start']);
  b.finish();
  a.finish();
  assert.deepEqual(await Promise.all(results), ['a', 'b', 'c']);
  assert.deepEqual(log, ['a start', 'a end', 'b start', 'b end', 'c']);
});

test('a failing task does not stop the next', async () => {
  const queue = new SerialQueue();
  const failed = queue.run(async () => {
    throw new Error('boom');
  });
  assert.equal(await queue.run(async () => 'next'), 'next');
  await assert.rejects(failed, /boom/);
});

test('a task aborted while waiting rejects at once; the next still waits for the running one', async () => {
  const queue = new SerialQueue();
  const log: string[] = [];
  const a = gate(log, 'a');
  const running = queue.run(a.task);
  const controller = new AbortController();
  const waiting = queue.run(async () => 'never', controller.signal, aborted);
  const next = queue.run(async () => (log.push('next'), 'next'));
  controller.abort();
  await assert.rejects(waiting, (error: EmovoxError) => error.code === 'ABORTED');
  assert.deepEqual(log, ['a start']);
  a.finish();
  assert.equal(await next, 'next');
  assert.equal(await running, 'a');
  assert.deepEqual(log, ['a start', 'a end', 'next']);
});

test('abortable() removes its abort listener once the work settles', async () => {
  const controller = new AbortController();
  let listening = 0;
  const { addEventListener, removeEventListener } = controller.signal;
  controller.signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => (listening++, addEventListener.apply(controller.signal, args))) as never;
  controller.signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => (listening--, removeEventListener.apply(controller.signal, args))) as never;
  assert.equal(await abortable(Promise.resolve(1), controller.signal, aborted), 1);
  await assert.rejects(abortable(Promise.reject(new Error('x')), controller.signal, aborted), /x/);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(listening, 0);
  controller.abort(); // after the work settled: nothing rejects, nothing is left unhandled
  await new Promise((resolve) => setImmediate(resolve));
});

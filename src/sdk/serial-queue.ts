import type { EmovoxError } from './errors.ts';

/** `work`, or a rejection with `error(signal)` as soon as `signal` aborts; the listener goes once either settles. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined, error: (signal: AbortSignal) => EmovoxError): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(error(signal));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Runs tasks one at a time, in call order. A task aborted while it waits leaves the queue at once,
 * but the tasks after it still wait for every earlier one.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  async run<T>(task: () => Promise<T>, signal?: AbortSignal, aborted?: (signal: AbortSignal) => EmovoxError): Promise<T> {
    const previous = this.tail;
    let done!: () => void;
    this.tail = Promise.all([previous, new Promise<void>((resolve) => (done = resolve))]);
    try {
      await (aborted ? abortable(previous, signal, aborted) : previous);
      return await task();
    } finally {
      done();
    }
  }

  /** Resolves once every task queued so far has settled. */
  async settled(): Promise<void> {
    await this.tail;
  }
}

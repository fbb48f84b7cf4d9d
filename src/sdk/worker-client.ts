import { proxy, transfer, wrap, type Remote } from 'comlink';
import { EmovoxError } from './errors.ts';
import { installErrorTransfer } from './worker/error-transfer.ts';
import type { EmotionWorkerApi, WorkerEventSink } from './worker/protocol.ts';
import { keepSharedWasmModule } from './worker/wasm-module-share.ts';

/**
 * The page's handle on the emovox worker: comlink calls that reject with `WORKER_CRASHED` (or
 * `ASSET_LOAD_FAILED` while the worker script loads) when the worker dies, and idempotent termination.
 */
export class WorkerClient {
  readonly api: Remote<EmotionWorkerApi>;
  private readonly worker: Worker;
  private failure: EmovoxError | undefined;
  private readonly failed: Promise<never>;
  private rejectFailed!: (error: EmovoxError) => void;
  private started = false;
  private terminated = false;

  constructor(workerUrl: URL | undefined, private readonly onCrash: (error: EmovoxError) => void) {
    installErrorTransfer();
    // The literal `new Worker(new URL(...), { type: 'module' })` lets bundlers find and emit the worker.
    this.worker = workerUrl
      ? new Worker(workerUrl, { type: 'module', name: 'emovox' })
      : new Worker(new URL('./worker/emotion.worker.ts', import.meta.url), { type: 'module', name: 'emovox' });
    this.failed = new Promise<never>((_, reject) => (this.rejectFailed = reject));
    this.failed.catch(() => undefined);
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      const detail = event instanceof ErrorEvent && event.message ? `: ${event.message}` : '';
      this.fail(this.started
        ? new EmovoxError('WORKER_CRASHED', `the emovox worker crashed${detail}`)
        : new EmovoxError('ASSET_LOAD_FAILED', `the emovox worker script could not be started${detail}${workerUrl ? ` (${workerUrl.href})` : ''}`));
    });
    this.worker.addEventListener('messageerror', () => this.fail(new EmovoxError('WORKER_CRASHED', 'a message from the emovox worker could not be read')));
    this.worker.addEventListener('message', keepSharedWasmModule);
    this.api = wrap<EmotionWorkerApi>(this.worker);
  }

  /** Marks the worker as running (its script loaded and answered), so later failures count as crashes. */
  markStarted(): void {
    this.started = true;
  }

  /** A comlink proxy of `sink`, to pass to `init`. */
  sink(sink: WorkerEventSink): WorkerEventSink {
    return proxy(sink);
  }

  /** Runs a worker call; rejects as soon as the worker is known dead. */
  async call<T>(run: (api: Remote<EmotionWorkerApi>) => Promise<T>): Promise<T> {
    if (this.failure) throw this.failure;
    return Promise.race([run(this.api), this.failed]);
  }

  transfer<T>(value: T, transferables: Transferable[]): T {
    return transfer(value, transferables);
  }

  get isTerminated(): boolean {
    return this.terminated;
  }

  /** Terminates the worker; pending calls reject with INVALID_STATE. Idempotent. */
  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.failure ??= new EmovoxError('INVALID_STATE', 'the recognizer was destroyed');
    this.rejectFailed(this.failure);
    this.worker.terminate();
  }

  private fail(error: EmovoxError): void {
    if (this.failure) return;
    this.failure = error;
    this.rejectFailed(error);
    this.onCrash(error);
  }
}

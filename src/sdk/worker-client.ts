import { proxy, transfer, wrap, type Remote } from 'comlink';
import { EmovoxError } from './errors.ts';
import { installErrorTransfer } from './worker/error-transfer.ts';
import type { EmotionWorkerApi, WorkerEventSink } from './worker/protocol.ts';
import { LivenessWatch, type LivenessOptions } from './worker-liveness.ts';
import { keepSharedWasmModule } from './worker/wasm-module-share.ts';

/** Longest wait for the worker to release its sessions before it is terminated anyway, ms. */
const disposeGraceMs = 1000;

/**
 * The page's handle on the emovox worker: comlink calls that reject with `WORKER_CRASHED` (or
 * `ASSET_LOAD_FAILED` while the worker script loads) when the worker dies, with or without an
 * `error` event (see `LivenessWatch`), and one idempotent shutdown.
 */
export class WorkerClient {
  readonly api: Remote<EmotionWorkerApi>;
  private readonly worker: Worker;
  private readonly liveness: LivenessWatch;
  private failure: EmovoxError | undefined;
  private readonly failed: Promise<never>;
  private rejectFailed!: (error: EmovoxError) => void;
  private started = false;
  private shutdown: Promise<void> | undefined;

  constructor(workerUrl: URL | undefined, private readonly onCrash: (error: EmovoxError) => void, liveness?: LivenessOptions) {
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
        ? `the emovox worker crashed${detail}`
        : new EmovoxError('ASSET_LOAD_FAILED', `the emovox worker script could not be started${detail}${workerUrl ? ` (${workerUrl.href})` : ''}`));
    });
    this.worker.addEventListener('messageerror', () => this.fail('a message from the emovox worker could not be read'));
    this.worker.addEventListener('message', keepSharedWasmModule);
    this.liveness = new LivenessWatch(this.worker, (reason) => this.fail(reason), liveness);
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

  /** Runs a worker call; rejects as soon as the worker is known dead, hung or shut down. */
  async call<T>(run: (api: Remote<EmotionWorkerApi>) => Promise<T>): Promise<T> {
    this.assertAlive();
    const release = this.liveness.hold();
    try {
      return await Promise.race([run(this.api), this.failed]);
    } finally {
      release();
    }
  }

  /** Throws the reason this worker cannot be used any more, if any. */
  assertAlive(): void {
    if (this.failure) throw this.failure;
  }

  /** Keeps the heartbeat running while the worker has work that is not a call (a live session). */
  hold(): () => void {
    return this.liveness.hold();
  }

  transfer<T>(value: T, transferables: Transferable[]): T {
    return transfer(value, transferables);
  }

  /** False once the worker died, hung, or is being shut down. */
  get isAlive(): boolean {
    return this.failure === undefined;
  }

  /**
   * Rejects every pending call with INVALID_STATE at once, lets a live worker release its sessions
   * (`dispose`, bounded by {@link disposeGraceMs}), then terminates it. Idempotent: every caller
   * gets the same promise.
   */
  terminate(dispose?: (api: Remote<EmotionWorkerApi>) => Promise<void>): Promise<void> {
    this.shutdown ??= this.stop(dispose);
    return this.shutdown;
  }

  private async stop(dispose: ((api: Remote<EmotionWorkerApi>) => Promise<void>) | undefined): Promise<void> {
    const alive = !this.failure;
    this.failure ??= new EmovoxError('INVALID_STATE', 'the recognizer was destroyed');
    this.rejectFailed(this.failure);
    this.liveness.stop();
    if (alive && dispose) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, disposeGraceMs)));
      await Promise.race([dispose(this.api).catch(() => undefined), grace]);
      clearTimeout(timer);
    }
    this.worker.terminate();
  }

  private fail(reason: string | EmovoxError): void {
    if (this.failure) return;
    const error = typeof reason === 'string' ? new EmovoxError('WORKER_CRASHED', reason) : reason;
    this.failure = error;
    this.rejectFailed(error);
    this.liveness.stop();
    // A hung worker keeps its thread and memory until terminated; a dead one ignores this.
    this.worker.terminate();
    this.onCrash(error);
  }
}

import { livenessMessageKey, type LivenessMessage } from './worker/protocol.ts';

/** How the page notices a worker that died or stopped answering. */
export interface LivenessOptions {
  /** Interval of the heartbeat while the worker has work, ms. @defaultValue 1000 */
  readonly pingIntervalMs?: number;
  /**
   * How long an unanswered ping may stay unanswered before the worker counts as hung, ms. The
   * longest legitimate blocking step in the worker (opening a session, decoding a long file on a
   * loaded machine) must fit well inside it. @defaultValue 15000
   */
  readonly hangTimeoutMs?: number;
}

export const defaultLiveness: Required<LivenessOptions> = { pingIntervalMs: 1000, hangTimeoutMs: 15000 };

/**
 * Watches one worker. A worker that closes itself or is killed fires no `error` event, so:
 * - the worker holds a Web Lock for its whole life; the page queues for the same lock and is
 *   granted it the moment the worker's global scope goes away (no polling at all);
 * - while the worker has work (a pending call or a live session), the page pings it over a
 *   private MessageChannel once per `pingIntervalMs`, which also catches a worker stuck in a loop
 *   and browsers without Web Locks. An idle recognizer sends nothing.
 */
export class LivenessWatch {
  private readonly port: MessagePort;
  private readonly release = new AbortController();
  private readonly options: Required<LivenessOptions>;
  private busy = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pingSentAt: number | undefined;
  private overdueTicks = 0;
  private stopped = false;

  constructor(worker: Worker, private readonly onDead: (reason: string) => void, options: LivenessOptions = {}) {
    this.options = { ...defaultLiveness, ...options };
    const channel = new MessageChannel();
    this.port = channel.port1;
    const lock = typeof navigator !== 'undefined' && navigator.locks ? `emovox-worker-${crypto.randomUUID()}` : undefined;
    this.port.onmessage = (event: MessageEvent<LivenessMessage>) => this.onMessage(event.data, lock);
    const message: LivenessMessage = { [livenessMessageKey]: { type: 'watch', lock } };
    worker.postMessage(message, [channel.port2]);
  }

  /** Marks work in progress; the heartbeat runs until every returned release has been called. */
  hold(): () => void {
    let held = true;
    if (this.busy++ === 0) this.startHeartbeat();
    return () => {
      if (!held) return;
      held = false;
      if (--this.busy === 0) this.stopHeartbeat();
    };
  }

  /** Stops watching (the worker is being terminated on purpose). Idempotent. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stopHeartbeat();
    this.release.abort();
    this.port.onmessage = null;
    this.port.close();
  }

  private onMessage(message: LivenessMessage, lock: string | undefined): void {
    const data = message?.[livenessMessageKey];
    if (!data || this.stopped) return;
    if (data.type === 'pong') {
      this.pingSentAt = undefined;
      this.overdueTicks = 0;
    } else if (data.type === 'locked' && lock) {
      // The worker holds the lock now; our request is granted only once its scope is gone.
      navigator.locks
        .request(lock, { signal: this.release.signal }, () => this.dead('the emovox worker stopped without an error event (closed, killed or out of memory)'))
        .catch(() => undefined);
    }
  }

  private startHeartbeat(): void {
    this.pingSentAt = undefined;
    this.overdueTicks = 0;
    this.tick();
  }

  private stopHeartbeat(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    if (this.stopped) return;
    const now = performance.now();
    if (this.pingSentAt === undefined) {
      this.pingSentAt = now;
      this.port.postMessage({ [livenessMessageKey]: { type: 'ping' } } satisfies LivenessMessage);
    } else if (now - this.pingSentAt >= this.options.hangTimeoutMs) {
      // Two overdue ticks in a row: a pong queued behind a long task of this page gets one tick to arrive.
      if (++this.overdueTicks >= 2) {
        this.dead(`the emovox worker did not answer for ${Math.round(now - this.pingSentAt)} ms (hung)`);
        return;
      }
    }
    this.timer = setTimeout(() => this.tick(), this.options.pingIntervalMs);
  }

  private dead(reason: string): void {
    if (this.stopped) return;
    this.stop();
    this.onDead(reason);
  }
}

import type { Candidate } from './emotion-policy.ts';

/** Time source of the gate; injectable so tests and replays control it. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface GateOptions {
  readonly changeOnly: boolean;
  readonly debounceMs: number;
  readonly cooldownMs: number;
}

/**
 * Debounce, cooldown and change-only in wall-clock time. Debounce waits for `debounceMs` without a
 * newer candidate; cooldown holds the newest candidate until `cooldownMs` after the last send.
 * Change-only compares with what was really sent, so "angry → neutral → angry" inside one
 * cooldown sends nothing new.
 */
export class SendGate {
  private lastKey: string | undefined;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private held: Candidate | undefined;
  private debounceTimer: unknown;
  private cooldownTimer: unknown;
  private closed = false;

  constructor(
    private readonly options: GateOptions,
    private readonly send: (candidate: Candidate) => void,
    private readonly clock: Clock = systemClock,
  ) {}

  offer(candidate: Candidate): void {
    if (this.closed) return;
    if (this.options.debounceMs <= 0) return this.trySend(candidate);
    this.held = candidate;
    this.clearTimer('debounceTimer');
    this.debounceTimer = this.clock.setTimeout(() => {
      this.debounceTimer = undefined;
      const held = this.held;
      if (held) this.trySend(held);
    }, this.options.debounceMs);
  }

  /** Drops anything pending and every timer; nothing is sent afterwards. */
  close(): void {
    this.closed = true;
    this.held = undefined;
    this.clearTimer('debounceTimer');
    this.clearTimer('cooldownTimer');
  }

  /** Whether a timer is pending (for leak checks). */
  get pending(): boolean {
    return this.debounceTimer !== undefined || this.cooldownTimer !== undefined;
  }

  private trySend(candidate: Candidate): void {
    if (this.options.changeOnly && candidate.key === this.lastKey) {
      this.held = undefined;
      this.clearTimer('cooldownTimer');
      return;
    }
    const wait = this.lastSentAt + this.options.cooldownMs - this.clock.now();
    if (wait > 0) {
      this.held = candidate;
      this.cooldownTimer ??= this.clock.setTimeout(() => {
        this.cooldownTimer = undefined;
        const held = this.held;
        if (held) this.trySend(held);
      }, wait);
      return;
    }
    this.held = undefined;
    this.lastKey = candidate.key;
    this.lastSentAt = this.clock.now();
    this.send(candidate);
  }

  private clearTimer(which: 'debounceTimer' | 'cooldownTimer'): void {
    if (this[which] !== undefined) this.clock.clearTimeout(this[which]);
    this[which] = undefined;
  }
}

/**
 * One step of the worker's start-up. Times are milliseconds on the epoch clock
 * (`performance.timeOrigin + performance.now()`), which the page and the worker share, so a
 * benchmark can line the worker's steps up with the page's own marks.
 */
export interface StartupSpan {
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** A fetch seen by the worker's resource timeline, on the same epoch clock. */
export interface ResourceSpan {
  readonly url: string;
  readonly startMs: number;
  readonly endMs: number;
  /** Bytes over the wire; 0 when served from the HTTP cache. */
  readonly transferBytes: number;
}

export const epochNow = (): number => performance.timeOrigin + performance.now();

/** Records named start-up steps; cheap enough to stay on in production. */
export class StartupTimeline {
  private readonly recorded: StartupSpan[] = [];

  /** The span from the worker's creation (its time origin) to now: script fetch, parse and evaluation. */
  markScriptReady(): void {
    this.recorded.push({ name: 'worker-script', startMs: performance.timeOrigin, endMs: epochNow() });
  }

  async time<T>(name: string, step: () => Promise<T>): Promise<T> {
    const startMs = epochNow();
    try {
      return await step();
    } finally {
      this.recorded.push({ name, startMs, endMs: epochNow() });
    }
  }

  get spans(): readonly StartupSpan[] {
    return this.recorded;
  }
}

/** The worker's `.wasm` and `.onnx` fetches with their timing (scripts are listed in the page's timeline). */
export function resourceSpans(): ResourceSpan[] {
  if (typeof performance.getEntriesByType !== 'function') return [];
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => /\.(wasm|onnx|json)(\?|$)/.test(entry.name))
    .map((entry) => ({
      url: entry.name,
      startMs: performance.timeOrigin + entry.startTime,
      endMs: performance.timeOrigin + entry.responseEnd,
      transferBytes: entry.transferSize,
    }));
}

import { EmovoxError } from '../../src/sdk/index.ts';
import type { FaultKind } from './fixtures/fault-hooks.ts';

/** The real worker plus session counting and fault hooks (fixtures/faulty.worker.ts). */
export const faultyWorkerUrl = new URL('./fixtures/faulty.worker.ts', import.meta.url);

/** Makes a worker started from {@link faultyWorkerUrl} fail in the given way. */
export function injectFault(worker: Worker, kind: FaultKind): void {
  worker.postMessage({ emovoxTestFault: kind });
}

/** The code of an EmovoxError a promise rejects with, 'resolved', or `Name: message` of another error. */
export async function outcomeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof EmovoxError ? error.code : `${(error as Error).name}: ${(error as Error).message}`;
  }
}

export interface SessionCounts {
  readonly created: number;
  readonly open: number;
}

/**
 * Collects the ORT session counts that workers started from {@link faultyWorkerUrl} post, by
 * wrapping the global Worker constructor (install after `spyOnResources()`, restore before it).
 */
export function spyOnSessions(): { readonly counts: Map<Worker, SessionCounts>; restore(): void } {
  const Original = globalThis.Worker;
  const counts = new Map<Worker, SessionCounts>();
  globalThis.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      counts.set(this, { created: 0, open: 0 });
      this.addEventListener('message', (event: MessageEvent<{ emovoxTestSessions?: SessionCounts }>) => {
        if (event.data?.emovoxTestSessions) counts.set(this, event.data.emovoxTestSessions);
      });
    }
  };
  return { counts, restore: () => void (globalThis.Worker = Original) };
}

/** Total bytes of the page and its workers after a garbage collection (measureUserAgentSpecificMemory). */
export async function measureMemory(): Promise<{ bytes: number; workers: number } | undefined> {
  const measure = (performance as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number; breakdown: { bytes: number; attribution: { scope?: string }[] }[] }> }).measureUserAgentSpecificMemory;
  if (!measure || !crossOriginIsolated) return undefined;
  const result = await measure.call(performance);
  const workers = result.breakdown.filter((entry) => entry.bytes > 0 && entry.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')).length;
  return { bytes: result.bytes, workers };
}

/** Resolves after `ms` (to let a heartbeat tick; never used as an assertion). */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

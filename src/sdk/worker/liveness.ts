/// <reference lib="webworker" />
import { livenessMessageKey, type LivenessMessage } from './protocol.ts';

/**
 * The worker's side of `LivenessWatch`: holds the page's Web Lock until this scope dies, and
 * answers pings on the private port. Runs before comlink sees the message, so comlink never
 * answers it.
 */
export function answerLiveness(scope: DedicatedWorkerGlobalScope): void {
  scope.addEventListener('message', (event: MessageEvent<LivenessMessage>) => {
    const data = event.data?.[livenessMessageKey];
    if (data?.type !== 'watch') return;
    event.stopImmediatePropagation();
    const port = event.ports[0];
    if (!port) return;
    port.onmessage = (ping: MessageEvent<LivenessMessage>) => {
      if (ping.data?.[livenessMessageKey]?.type === 'ping') port.postMessage({ [livenessMessageKey]: { type: 'pong' } } satisfies LivenessMessage);
    };
    const { lock } = data;
    if (!lock || !scope.navigator.locks) return;
    // Never released: the lock goes when this worker's scope does.
    void scope.navigator.locks.request(lock, () => {
      port.postMessage({ [livenessMessageKey]: { type: 'locked' } } satisfies LivenessMessage);
      return new Promise<never>(() => undefined);
    });
  });
}

/** Maps event names to the argument tuples their listeners receive. */
export type EventMap<Events> = { [K in keyof Events]: unknown[] };

export type Listener<Args extends unknown[]> = (...args: Args) => void;

/**
 * A small typed event emitter. `on()` returns its own unsubscribe function, so callers keep
 * one handle per subscription instead of the listener reference.
 */
export class TypedEmitter<Events extends { [K in keyof Events]: unknown[] }> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never[]>>>();

  /** Subscribes `listener` to `event`; call the returned function to unsubscribe. */
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const stored = listener as unknown as Listener<never[]>;
    set.add(stored);
    return () => {
      set.delete(stored);
    };
  }

  /** Subscribes for one emission only. */
  once<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void {
    const off = this.on(event, ((...args: Events[E]) => {
      off();
      listener(...args);
    }) as Listener<Events[E]>);
    return off;
  }

  /** Number of listeners of `event` (or of all events). */
  listenerCount(event?: keyof Events): number {
    if (event !== undefined) return this.listeners.get(event)?.size ?? 0;
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  /**
   * Calls every listener of `event` in subscription order. A throwing listener does not stop the
   * others or the pipeline: its error is rethrown asynchronously, so it still reaches the console.
   */
  protected emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as unknown as Listener<Events[E]>)(...args);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Drops every listener. */
  protected removeAllListeners(): void {
    this.listeners.clear();
  }
}

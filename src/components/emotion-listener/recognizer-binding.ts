import {
  recognizerEventNames, type RecognizerEventMap, type RecognizerEventName, type RecognizerLike,
} from '../shared/recognizer-port.ts';

/** One recognizer event as a tagged union, so a `switch` on `name` narrows `payload`. */
export type RecognizerEvent = {
  [E in RecognizerEventName]: { readonly name: E; readonly payload: RecognizerEventMap[E][0] };
}[RecognizerEventName];

/**
 * Subscribes a host element to every recognizer event and re-dispatches each
 * one as a bubbling, composed `CustomEvent` named `emovox-<event>`.
 * `detach()` releases every subscription at once.
 */
export class RecognizerBinding {
  private readonly offs: (() => void)[] = [];
  private readonly reported = new WeakSet<object>();

  constructor(
    private readonly host: HTMLElement,
    readonly recognizer: RecognizerLike,
    private readonly onEvent: (event: RecognizerEvent) => void,
  ) {
    for (const name of recognizerEventNames) this.subscribe(name);
  }

  private subscribe<E extends RecognizerEventName>(name: E): void {
    this.offs.push(this.recognizer.on(name, (...args: RecognizerEventMap[E]) => {
      this.onEvent({ name, payload: args[0] } as RecognizerEvent);
      this.forward(name, args[0]);
    }));
  }

  /**
   * Dispatches `emovox-error` for an error thrown by a method call, unless the
   * recognizer already emitted that same error object as an event.
   */
  dispatchErrorOnce(error: unknown): void {
    if (typeof error === 'object' && error !== null && this.reported.has(error)) return;
    this.forward('error', error);
  }

  detach(): void {
    for (const off of this.offs.splice(0)) off();
  }

  private forward(name: RecognizerEventName, payload: unknown): void {
    if (name === 'error' && typeof payload === 'object' && payload !== null) this.reported.add(payload);
    this.host.dispatchEvent(new CustomEvent(`emovox-${name}`, { detail: payload, bubbles: true, composed: true }));
  }
}

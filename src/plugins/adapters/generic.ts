import { attach, type AttachOptions, type Detach } from '../core/attach.ts';
import type { EmotionSink, EmotionSource, EmotionUpdate } from '../core/types.ts';

/** The message posted by {@link postMessageSink}: plain data, so it survives structured cloning. */
export interface EmotionMessage {
  readonly type: string;
  readonly payload: EmotionUpdate['payload'];
  readonly text: string;
}

/** `attach()` with a plain callback: the simplest adapter. */
export function attachCallback(source: EmotionSource, callback: EmotionSink, options: AttachOptions = {}): Detach {
  return attach(source, callback, options);
}

export interface DomEventOptions {
  /** Event type. @defaultValue 'emovox-context' */
  readonly type?: string;
  /** Bubble out of shadow roots and up the tree, like the components' events. @defaultValue true */
  readonly bubbles?: boolean;
}

/** Dispatches each update on `target` as a `CustomEvent` whose `detail` is `{ payload, text }`. */
export function domEventSink(target: EventTarget, options: DomEventOptions = {}): EmotionSink {
  if (typeof target?.dispatchEvent !== 'function') throw new TypeError('domEventSink: target must be an EventTarget');
  const { type = 'emovox-context', bubbles = true } = options;
  return (update) => {
    target.dispatchEvent(new CustomEvent<EmotionUpdate>(type, { detail: update, bubbles, composed: bubbles }));
  };
}

/** A `Window`, `MessagePort`, `Worker` or `BroadcastChannel`. */
export type MessageTarget = Pick<MessagePort, 'postMessage'> | Pick<Window, 'postMessage'>;

export interface PostMessageOptions {
  /** `type` field of the message. @defaultValue 'emovox-context' */
  readonly type?: string;
  /** Required when the target is a window (an iframe's or an opener): the origin allowed to read it. */
  readonly targetOrigin?: string;
}

function isWindow(target: object): target is Window {
  return (target as { window?: unknown }).window === target;
}

/**
 * Posts each update as an {@link EmotionMessage} to a frame, worker, port or `BroadcastChannel`,
 * for assistants that live in another context (an iframe widget, a service worker).
 */
export function postMessageSink(target: MessageTarget, options: PostMessageOptions = {}): EmotionSink {
  if (typeof target?.postMessage !== 'function') throw new TypeError('postMessageSink: target must have postMessage (Window, MessagePort, Worker, BroadcastChannel)');
  const type = options.type ?? 'emovox-context';
  if (isWindow(target)) {
    // A window without a target origin would need '*', which hands the user's state to any page loaded there.
    if (typeof options.targetOrigin !== 'string' || options.targetOrigin === '') {
      throw new TypeError("postMessageSink: options.targetOrigin is required for a window (for example 'https://assistant.example')");
    }
    const origin = options.targetOrigin;
    return (update) => target.postMessage({ type, payload: update.payload, text: update.text } satisfies EmotionMessage, origin);
  }
  const port = target as Pick<MessagePort, 'postMessage'>;
  return (update) => port.postMessage({ type, payload: update.payload, text: update.text } satisfies EmotionMessage);
}

import type { DetachReason, EmotionEmitter, EmotionResult, EmotionSource } from './types.ts';

/** What a source reports to the attachment. */
export interface SourceHandlers {
  result(result: EmotionResult): void;
  error(error: unknown): void;
  end(reason: Exclude<DetachReason, 'detached' | 'error'>): void;
}

function isEmitter(source: object): source is EmotionEmitter {
  return typeof (source as { on?: unknown }).on === 'function';
}

function isEventTarget(source: object): source is EventTarget {
  return typeof (source as { addEventListener?: unknown }).addEventListener === 'function';
}

function iteratorOf(source: object): Iterator<EmotionResult> | AsyncIterator<EmotionResult> | undefined {
  const asyncFactory = (source as Partial<AsyncIterable<EmotionResult>>)[Symbol.asyncIterator];
  if (typeof asyncFactory === 'function') return asyncFactory.call(source);
  const factory = (source as Partial<Iterable<EmotionResult>>)[Symbol.iterator];
  if (typeof factory === 'function') return factory.call(source);
  return undefined;
}

function subscribeEmitter(source: EmotionEmitter, on: SourceHandlers): () => void {
  const offs = [
    source.on('emotion', (r) => on.result(r)),
    source.on('emotion-update', (r) => on.result(r)),
    source.on('error', (e) => on.error(e)),
    source.on('state', ({ state }) => {
      if (state === 'destroyed') on.end('destroyed');
    }),
  ];
  return () => offs.forEach((off) => off());
}

/** `<emotion-listener>` re-dispatches the recognizer's events as `emovox-<name>` DOM events. */
function subscribeElement(target: EventTarget, on: SourceHandlers): () => void {
  const listeners: Array<[string, (event: Event) => void]> = [
    ['emovox-emotion', (e) => on.result((e as CustomEvent<EmotionResult>).detail)],
    ['emovox-emotion-update', (e) => on.result((e as CustomEvent<EmotionResult>).detail)],
    ['emovox-error', (e) => on.error((e as CustomEvent<unknown>).detail)],
    ['emovox-state', (e) => {
      if ((e as CustomEvent<{ state: string }>).detail?.state === 'destroyed') on.end('destroyed');
    }],
  ];
  for (const [name, listener] of listeners) target.addEventListener(name, listener);
  return () => listeners.forEach(([name, listener]) => target.removeEventListener(name, listener));
}

/** Pulls recorded results one at a time; `return()` on unsubscribe closes generators early. */
function subscribeIterator(iterator: Iterator<EmotionResult> | AsyncIterator<EmotionResult>, on: SourceHandlers): () => void {
  let stopped = false;
  void (async () => {
    try {
      for (;;) {
        const step = await iterator.next();
        if (stopped) return;
        if (step.done) return on.end('ended');
        on.result(step.value);
      }
    } catch (error) {
      if (!stopped) on.error(error);
    }
  })();
  return () => {
    if (stopped) return;
    stopped = true;
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  };
}

/** Subscribes to any {@link EmotionSource}; the returned function unsubscribes. */
export function subscribe(source: EmotionSource, handlers: SourceHandlers): () => void {
  if (typeof source !== 'object' || source === null) {
    throw new TypeError('attach: source must be an EmotionRecognizer, an <emotion-listener> element, an emitter or an iterable of EmotionResult');
  }
  if (isEmitter(source)) return subscribeEmitter(source, handlers);
  if (isEventTarget(source)) return subscribeElement(source, handlers);
  const iterator = iteratorOf(source);
  if (iterator) return subscribeIterator(iterator, handlers);
  throw new TypeError('attach: source must be an EmotionRecognizer, an <emotion-listener> element, an emitter or an iterable of EmotionResult');
}

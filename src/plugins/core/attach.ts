import type { ContextTemplates } from './context-text.ts';
import { EmotionPolicy, type Candidate } from './emotion-policy.ts';
import type { PolicyOptions } from './policy-options.ts';
import { SendGate, systemClock, type Clock } from './send-gate.ts';
import { subscribe } from './sources.ts';
import type { DetachReason, EmotionResult, EmotionSink, EmotionSource } from './types.ts';

/** Options of {@link attach} (and of every adapter's `attach*` helper). */
export interface AttachOptions {
  /** When to send; see the policy table in src/plugins/README.md. */
  readonly policy?: PolicyOptions;
  /** Sentences of the context line (replace to localise). */
  readonly templates?: Partial<ContextTemplates>;
  /** Errors of the sink (thrown or rejected) and invalid results. @defaultValue rethrown asynchronously, like the SDK's listeners */
  readonly onError?: (error: unknown) => void;
  /** Called once when the attachment ends, with the reason and, for `error`, the source's error. */
  readonly onEnd?: (reason: DetachReason, error?: unknown) => void;
  /** End the attachment when the source reports an error. @defaultValue true */
  readonly endOnError?: boolean;
  /** Time source for debounce and cooldown. @defaultValue Date.now and the global timers */
  readonly clock?: Clock;
}

/** Stops the attachment; safe to call more than once. */
export type Detach = () => void;

const rethrow = (error: unknown): void => {
  queueMicrotask(() => {
    throw error;
  });
};

function isEmotionResult(value: unknown): value is EmotionResult {
  const r = value as Partial<EmotionResult> | null;
  return (
    typeof r === 'object' && r !== null && typeof r.label === 'string' && typeof r.confidence === 'number' &&
    typeof r.valence === 'number' && typeof r.arousal === 'number' && typeof r.startMs === 'number' &&
    typeof r.endMs === 'number' && typeof r.final === 'boolean'
  );
}

/**
 * Feeds the results of `source` through the policy into `sink`. Returns the detach function: it
 * releases every subscription and timer, and nothing is sent after it. The attachment also ends by
 * itself when the recognizer is destroyed, reports an error (unless `endOnError: false`) or a
 * recorded source runs out.
 */
export function attach(source: EmotionSource, sink: EmotionSink, options: AttachOptions = {}): Detach {
  if (typeof sink !== 'function') throw new TypeError('attach: sink must be a function receiving { payload, text }');
  const policy = new EmotionPolicy(options.policy, options.templates);
  const onError = options.onError ?? rethrow;
  let ended = false;

  const deliver = (candidate: Candidate): void => {
    if (ended) return;
    try {
      const pending = sink(candidate.update);
      if (pending && typeof pending.then === 'function') pending.then(undefined, onError);
    } catch (error) {
      onError(error);
    }
  };
  const gate = new SendGate(policy.options, deliver, options.clock ?? systemClock);

  let unsubscribe: (() => void) | undefined;
  const end = (reason: DetachReason, error?: unknown): void => {
    if (ended) return;
    ended = true;
    gate.close();
    unsubscribe?.();
    options.onEnd?.(reason, error);
  };

  unsubscribe = subscribe(source, {
    result(result) {
      if (ended) return;
      if (!isEmotionResult(result)) return onError(new TypeError(`attach: the source produced something that is not an EmotionResult: ${String(result)}`));
      const candidate = policy.evaluate(result);
      if (candidate) gate.offer(candidate);
    },
    error(error) {
      if (options.endOnError ?? true) end('error', error);
    },
    end: (reason) => end(reason),
  });
  if (ended) unsubscribe();
  return () => end('detached');
}

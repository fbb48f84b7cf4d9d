import type { EmotionResult, StateChangeEvent } from '../../sdk/index.ts';

/** Direction of the rolling window's score: the active state's intensity, or arousal when no state holds. */
export type EmotionTrend = 'rising' | 'falling' | 'steady';

/**
 * What the plugins send to data-oriented frontends. Never audio: built from the label, its
 * probability and the valence/arousal of the result, plus the policy's rolling-window state.
 */
export interface EmotionPayload {
  /** Dominant label of the latest accepted result. */
  readonly label: string;
  /** Probability of `label`, in [0, 1]. */
  readonly confidence: number;
  /** Valence of the latest accepted result, in [-1, 1]. */
  readonly valence: number;
  /** Arousal of the latest accepted result, in [-1, 1]. */
  readonly arousal: number;
  /** Name of the sustained state that holds over the window (`frustrated`, ...), or `null`. */
  readonly state: string | null;
  /** Trend over the window (see {@link EmotionTrend}). */
  readonly trend: EmotionTrend;
  /** Audio time (ms since the recognizer started) at which the current state, or label when no state holds, began. */
  readonly since: number;
  /** Identifies the utterance: interim and final results of one utterance share it. */
  readonly utteranceId: string;
  /** `false` when the update comes from an interim result. */
  readonly final: boolean;
}

/** One message of the policy: the structured payload and the context line for LLM assistants. */
export interface EmotionUpdate {
  readonly payload: EmotionPayload;
  /** A short sentence such as "The user has sounded increasingly frustrated for the last 20 seconds (angry 0.71)." */
  readonly text: string;
}

/** Receives every update the policy lets through; may be async (rejections reach `onError`). */
export type EmotionSink = (update: EmotionUpdate) => void | Promise<void>;

/** Anything with the recognizer's `on(event, listener) => off` for the events the plugins read. */
export interface EmotionEmitter {
  on(event: 'emotion' | 'emotion-update', listener: (result: EmotionResult) => void): () => void;
  on(event: 'error', listener: (error: unknown) => void): () => void;
  on(event: 'state', listener: (change: StateChangeEvent) => void): () => void;
}

/**
 * Where results come from: an `EmotionRecognizer` (or any {@link EmotionEmitter}), an
 * `<emotion-listener>` element (any `EventTarget` dispatching its `emovox-*` events), or an
 * iterable / async iterable of recorded `EmotionResult`s.
 */
export type EmotionSource = EmotionEmitter | EventTarget | Iterable<EmotionResult> | AsyncIterable<EmotionResult>;

/** Why an attachment ended. */
export type DetachReason = 'detached' | 'destroyed' | 'error' | 'ended';

export type { EmotionResult };

// Types only: the components reach the SDK through its public entry, never deeper.
import type {
  EmotionResult, LiveSource, RecognizerEventMap, RecognizerEventName, RecognizerOptions, RecognizerState, StateChangeEvent,
} from '../../sdk/index.ts';

/**
 * The slice of the SDK's public `EmotionRecognizer` that the components use.
 * Components depend on this shape only, so tests and stories can inject a
 * fake recognizer without a model or a microphone.
 */
export interface RecognizerLike {
  on<E extends RecognizerEventName>(event: E, listener: (...args: RecognizerEventMap[E]) => void): () => void;
  start(source?: LiveSource): Promise<void>;
  pause(): Promise<void> | void;
  resume(): Promise<void> | void;
  stop(): Promise<void> | void;
  destroy(): Promise<void> | void;
}

/** Creates the recognizer of an `<emotion-listener>`; replace it to inject your own. */
export type RecognizerFactory = (options: RecognizerOptions) => Promise<RecognizerLike>;

/** Event names of the recognizer, re-dispatched by `<emotion-listener>` as `emovox-<name>`. */
export const recognizerEventNames: readonly RecognizerEventName[] = [
  'ready', 'speech-start', 'emotion-update', 'emotion', 'speech-end', 'misfire', 'state', 'error',
];

export type {
  EmotionResult, LiveSource, RecognizerEventMap, RecognizerEventName, RecognizerOptions, RecognizerState, StateChangeEvent,
};

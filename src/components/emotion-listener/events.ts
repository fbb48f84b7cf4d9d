import type { EmovoxError } from '../../sdk/index.ts';
import type { RecognizerEventMap } from '../shared/recognizer-port.ts';

/**
 * DOM events of `<emotion-listener>`: each recognizer event with an `emovox-`
 * prefix; `detail` is the SDK payload. Errors thrown by `start()` and friends
 * arrive as `emovox-error` too (once, even when the SDK also emitted them).
 */
export type EmotionListenerEventMap = {
  [E in keyof RecognizerEventMap as `emovox-${E}`]: CustomEvent<E extends 'error' ? EmovoxError | Error : RecognizerEventMap[E][0]>;
};

declare global {
  // Declared globally so `el.addEventListener('emovox-emotion', (e) => e.detail.label)` type-checks.
  interface HTMLElementEventMap extends EmotionListenerEventMap {}
}

import type { Session } from '@google/genai';
import { attach, type AttachOptions, type Detach } from '../core/attach.ts';
import type { EmotionSink, EmotionSource, EmotionUpdate } from '../core/types.ts';

/** The one method of a Gemini Live `Session` (`@google/genai` 3.x, `ai.live.connect()`) this adapter calls. */
export type GeminiLiveSession = Pick<Session, 'sendClientContent'>;

export interface GeminiLiveOptions extends AttachOptions {
  /** Text of the context turn. @defaultValue the update's context line in brackets */
  readonly format?: (update: EmotionUpdate) => string;
}

/**
 * Sends each update as client content with `turnComplete: false`:
 * `{"clientContent":{"turns":[{"role":"user","parts":[{"text":"[…]"}]}],"turnComplete":false}}`.
 * The model keeps it in context and waits: generation starts only with the user's next turn.
 */
export function geminiLiveSink(session: GeminiLiveSession, options: Pick<GeminiLiveOptions, 'format'> = {}): EmotionSink {
  if (typeof session?.sendClientContent !== 'function') {
    throw new TypeError('geminiLiveSink: session must be a @google/genai Live Session (sendClientContent missing)');
  }
  const format = options.format ?? ((update) => `[${update.text}]`);
  return (update) => session.sendClientContent({ turns: [{ role: 'user', parts: [{ text: format(update) }] }], turnComplete: false });
}

/** `attach(source, geminiLiveSink(session, options), options)`. */
export function attachGeminiLive(source: EmotionSource, session: GeminiLiveSession, options: GeminiLiveOptions = {}): Detach {
  return attach(source, geminiLiveSink(session, options), options);
}

import type { Conversation } from '@elevenlabs/client';
import { attach, type AttachOptions, type Detach } from '../core/attach.ts';
import type { EmotionSink, EmotionSource, EmotionUpdate } from '../core/types.ts';

/** The one method of an ElevenLabs `Conversation` (`@elevenlabs/client` 1.x) this adapter calls. */
export type ElevenLabsConversation = Pick<Conversation, 'sendContextualUpdate'>;

export interface ElevenLabsOptions extends AttachOptions {
  /** Text of each contextual update. @defaultValue the update's context line */
  readonly format?: (update: EmotionUpdate) => string;
}

/**
 * Sends each update as an ElevenLabs contextual update: the frame
 * `{"type":"contextual_update","text":"…"}`. The agent reads it as background information and
 * neither stops speaking nor starts a reply because of it.
 */
export function elevenLabsSink(conversation: ElevenLabsConversation, options: Pick<ElevenLabsOptions, 'format'> = {}): EmotionSink {
  if (typeof conversation?.sendContextualUpdate !== 'function') {
    throw new TypeError('elevenLabsSink: conversation must be an @elevenlabs/client Conversation (sendContextualUpdate missing)');
  }
  const format = options.format ?? ((update) => update.text);
  return (update) => conversation.sendContextualUpdate(format(update));
}

/** `attach(source, elevenLabsSink(conversation), options)`. */
export function attachElevenLabs(source: EmotionSource, conversation: ElevenLabsConversation, options: ElevenLabsOptions = {}): Detach {
  return attach(source, elevenLabsSink(conversation, options), options);
}

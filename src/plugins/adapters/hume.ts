import type { Hume } from 'hume';
import { attach, type AttachOptions, type Detach } from '../core/attach.ts';
import type { EmotionSink, EmotionSource, EmotionUpdate } from '../core/types.ts';

/** The one method of a Hume EVI `ChatSocket` (`hume` 0.16, `client.empathicVoice.chat.connect()`) this adapter calls. */
export interface HumeChatSocket {
  sendSessionSettings(message?: Omit<Hume.empathicVoice.SessionSettings, 'type'>): void;
}

export interface HumeOptions extends AttachOptions {
  /**
   * EVI context persistence: `persistent` is appended to every later user message (until the next
   * update sends a new context), `temporary` only to the next one. @defaultValue 'persistent'
   */
  readonly contextType?: Hume.empathicVoice.ContextType;
  /** Text of the context. @defaultValue the update's context line */
  readonly format?: (update: EmotionUpdate) => string;
}

/**
 * Sends each update as EVI session settings carrying only a context:
 * `{"type":"session_settings","context":{"text":"…","type":"persistent"}}`. EVI appends the context
 * to the user's next messages; it does not start a reply by itself.
 */
export function humeSink(socket: HumeChatSocket, options: Pick<HumeOptions, 'contextType' | 'format'> = {}): EmotionSink {
  if (typeof socket?.sendSessionSettings !== 'function') {
    throw new TypeError('humeSink: socket must be a Hume EVI ChatSocket (sendSessionSettings missing)');
  }
  const type = options.contextType ?? 'persistent';
  if (type !== 'temporary' && type !== 'persistent') {
    throw new RangeError(`humeSink: contextType must be 'persistent' or 'temporary', got ${String(type)}`);
  }
  const format = options.format ?? ((update) => update.text);
  return (update) => socket.sendSessionSettings({ context: { text: format(update), type } });
}

/** `attach(source, humeSink(socket, options), options)`. */
export function attachHume(source: EmotionSource, socket: HumeChatSocket, options: HumeOptions = {}): Detach {
  return attach(source, humeSink(socket, options), options);
}

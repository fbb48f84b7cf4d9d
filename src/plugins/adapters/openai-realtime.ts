import type { RealtimeClientMessage, RealtimeTransportLayer } from '@openai/agents-realtime';
import { attach, type AttachOptions, type Detach } from '../core/attach.ts';
import type { EmotionSink, EmotionSource, EmotionUpdate } from '../core/types.ts';

/**
 * Where Realtime client events go: an `@openai/agents-realtime` transport (`session.transport`,
 * `OpenAIRealtimeWebSocket`, `OpenAIRealtimeWebRTC`), or a raw `WebSocket` / `RTCDataChannel`
 * connected to the Realtime API (anything with `send(string)`).
 */
export type RealtimeTarget = Pick<RealtimeTransportLayer, 'sendEvent'> | { send(data: string): void };

export interface OpenAIRealtimeOptions extends AttachOptions {
  /**
   * `item`: add a system message to the conversation (`conversation.item.create`; no
   * `response.create`, so the model answers only at the user's next turn).
   * `instructions`: replace the session instructions with `instructions` plus the context line
   * (`session.update`). @defaultValue 'item'
   */
  readonly mode?: 'item' | 'instructions';
  /** The agent's own instructions, required for `mode: 'instructions'` (the line is appended to them). */
  readonly instructions?: string;
  /** Text sent. @defaultValue the update's context line */
  readonly format?: (update: EmotionUpdate) => string;
}

/** The client event for `update`: never `response.create`. */
export function realtimeEvent(update: EmotionUpdate, options: Pick<OpenAIRealtimeOptions, 'mode' | 'instructions' | 'format'> = {}): RealtimeClientMessage {
  const text = (options.format ?? ((u) => u.text))(update);
  if ((options.mode ?? 'item') === 'instructions') {
    return { type: 'session.update', session: { type: 'realtime', instructions: `${options.instructions}\n\n${text}` } };
  }
  return { type: 'conversation.item.create', item: { type: 'message', role: 'system', content: [{ type: 'input_text', text }] } };
}

/** Sends each update as one Realtime client event (see {@link realtimeEvent}). */
export function openAIRealtimeSink(target: RealtimeTarget, options: Pick<OpenAIRealtimeOptions, 'mode' | 'instructions' | 'format'> = {}): EmotionSink {
  const mode = options.mode ?? 'item';
  if (mode !== 'item' && mode !== 'instructions') throw new RangeError(`openAIRealtimeSink: mode must be 'item' or 'instructions', got ${String(mode)}`);
  if (mode === 'instructions' && typeof options.instructions !== 'string') {
    throw new TypeError("openAIRealtimeSink: mode 'instructions' needs options.instructions (the agent's own instructions), or they would be replaced");
  }
  if ('sendEvent' in target && typeof target.sendEvent === 'function') return (update) => target.sendEvent(realtimeEvent(update, options));
  if ('send' in target && typeof target.send === 'function') return (update) => target.send(JSON.stringify(realtimeEvent(update, options)));
  throw new TypeError('openAIRealtimeSink: target must be a Realtime transport (sendEvent) or a WebSocket/RTCDataChannel (send)');
}

/** `attach(source, openAIRealtimeSink(target, options), options)`. */
export function attachOpenAIRealtime(source: EmotionSource, target: RealtimeTarget, options: OpenAIRealtimeOptions = {}): Detach {
  return attach(source, openAIRealtimeSink(target, options), options);
}

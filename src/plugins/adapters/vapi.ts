import type Vapi from '@vapi-ai/web';
import { attach, type AttachOptions, type Detach } from '../core/attach.ts';
import type { EmotionSink, EmotionSource, EmotionUpdate } from '../core/types.ts';

/** The one method of a `Vapi` instance (`@vapi-ai/web` 2.x) this adapter calls. */
export type VapiLike = Pick<Vapi, 'send'>;

export interface VapiOptions extends AttachOptions {
  /** Text of the system message. @defaultValue the update's context line */
  readonly format?: (update: EmotionUpdate) => string;
}

/**
 * Adds each update to the call's conversation as a system message that does not trigger a reply:
 * `{"type":"add-message","message":{"role":"system","content":"…"},"triggerResponseEnabled":false}`
 * (Vapi sends it to its server as a Daily app message).
 */
export function vapiSink(vapi: VapiLike, options: Pick<VapiOptions, 'format'> = {}): EmotionSink {
  if (typeof vapi?.send !== 'function') throw new TypeError('vapiSink: vapi must be a @vapi-ai/web Vapi instance (send missing)');
  const format = options.format ?? ((update) => update.text);
  return (update) => vapi.send({ type: 'add-message', message: { role: 'system', content: format(update) }, triggerResponseEnabled: false });
}

/** `attach(source, vapiSink(vapi, options), options)`. */
export function attachVapi(source: EmotionSource, vapi: VapiLike, options: VapiOptions = {}): Detach {
  return attach(source, vapiSink(vapi, options), options);
}

import type { PipecatClient } from '@pipecat-ai/client-js';
import { attach, type AttachOptions, type Detach } from '../core/attach.ts';
import type { EmotionSink, EmotionSource, EmotionUpdate } from '../core/types.ts';

/** The methods of a `PipecatClient` (`@pipecat-ai/client-js` 1.x) this adapter calls. */
export type PipecatClientLike = Pick<PipecatClient, 'sendClientMessage' | 'sendText'>;

export interface PipecatOptions extends AttachOptions {
  /**
   * `client-message`: an RTVI client message (`type: "client-message"`, `data: { t, d }`) that the
   * bot's `RTVIProcessor` raises as `on_client_message`; the payload and the line travel as data.
   * `context`: the line as RTVI `send-text` with `run_immediately: false` and `audio_response: false`,
   * so the bot adds it to the LLM context without running the LLM. @defaultValue 'client-message'
   */
  readonly mode?: 'client-message' | 'context';
  /** Client message type (`t`). @defaultValue 'emovox-emotion' */
  readonly messageType?: string;
  /** Text of the line. @defaultValue the update's context line */
  readonly format?: (update: EmotionUpdate) => string;
}

/** Sends each update to a Pipecat bot (see {@link PipecatOptions.mode}). */
export function pipecatSink(client: PipecatClientLike, options: Pick<PipecatOptions, 'mode' | 'messageType' | 'format'> = {}): EmotionSink {
  if (typeof client?.sendClientMessage !== 'function' || typeof client.sendText !== 'function') {
    throw new TypeError('pipecatSink: client must be a @pipecat-ai/client-js PipecatClient');
  }
  const mode = options.mode ?? 'client-message';
  const format = options.format ?? ((update) => update.text);
  if (mode === 'context') return (update) => client.sendText(format(update), { run_immediately: false, audio_response: false });
  if (mode !== 'client-message') throw new RangeError(`pipecatSink: mode must be 'client-message' or 'context', got ${String(mode)}`);
  const type = options.messageType ?? 'emovox-emotion';
  return (update) => client.sendClientMessage(type, { ...update.payload, text: format(update) });
}

/** `attach(source, pipecatSink(client, options), options)`. */
export function attachPipecat(source: EmotionSource, client: PipecatClientLike, options: PipecatOptions = {}): Detach {
  return attach(source, pipecatSink(client, options), options);
}

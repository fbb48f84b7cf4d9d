import type { LocalParticipant } from 'livekit-client';
import { attach, type AttachOptions, type Detach } from '../core/attach.ts';
import type { EmotionPayload, EmotionSink, EmotionSource, EmotionUpdate } from '../core/types.ts';

/** The methods of `room.localParticipant` (`livekit-client` 2.x) this adapter calls. */
export type LiveKitParticipant = Pick<LocalParticipant, 'setAttributes' | 'sendText'>;

export interface LiveKitOptions extends AttachOptions {
  /** Publish the payload as participant attributes (`<prefix>label`, ...). @defaultValue true */
  readonly attributes?: boolean;
  /** Prefix of the attribute keys. @defaultValue 'emovox.' */
  readonly attributePrefix?: string;
  /** Text-stream topic for the payload and line as JSON, or `false` for none. @defaultValue 'emovox.emotion' */
  readonly topic?: string | false;
  /** Text of the line. @defaultValue the update's context line */
  readonly format?: (update: EmotionUpdate) => string;
}

/**
 * Participant attributes are strings; an empty value deletes the key in LiveKit, which is what a
 * `null` state should do.
 */
export function liveKitAttributes(payload: EmotionPayload, text: string, prefix = 'emovox.'): Record<string, string> {
  return {
    [`${prefix}label`]: payload.label,
    [`${prefix}confidence`]: payload.confidence.toFixed(3),
    [`${prefix}valence`]: payload.valence.toFixed(3),
    [`${prefix}arousal`]: payload.arousal.toFixed(3),
    [`${prefix}state`]: payload.state ?? '',
    [`${prefix}trend`]: payload.trend,
    [`${prefix}since`]: String(Math.round(payload.since)),
    [`${prefix}utterance`]: payload.utteranceId,
    [`${prefix}text`]: text,
  };
}

/**
 * Publishes each update where a LiveKit Agents worker can read it: as participant attributes
 * (`participant.attributes` / `participant_attributes_changed`) and on a text-stream topic
 * (`room.register_text_stream_handler(topic, …)`). Neither makes the agent speak.
 */
export function liveKitSink(participant: LiveKitParticipant, options: Omit<LiveKitOptions, keyof AttachOptions> = {}): EmotionSink {
  if (typeof participant?.setAttributes !== 'function' || typeof participant.sendText !== 'function') {
    throw new TypeError('liveKitSink: participant must be a livekit-client LocalParticipant (room.localParticipant)');
  }
  const { attributes = true, attributePrefix = 'emovox.', topic = 'emovox.emotion' } = options;
  if (topic !== false && (typeof topic !== 'string' || topic === '')) throw new TypeError('liveKitSink: topic must be a non-empty string or false');
  if (!attributes && topic === false) throw new RangeError('liveKitSink: attributes and topic are both off, nothing would be sent');
  const format = options.format ?? ((update) => update.text);
  return async (update) => {
    const text = format(update);
    const sends: Promise<unknown>[] = [];
    if (attributes) sends.push(participant.setAttributes(liveKitAttributes(update.payload, text, attributePrefix)));
    if (topic !== false) sends.push(participant.sendText(JSON.stringify({ ...update.payload, text }), { topic }));
    await Promise.all(sends);
  };
}

/** `attach(source, liveKitSink(participant, options), options)`. */
export function attachLiveKit(source: EmotionSource, participant: LiveKitParticipant, options: LiveKitOptions = {}): Detach {
  return attach(source, liveKitSink(participant, options), options);
}

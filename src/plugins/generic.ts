// emovox/plugins/generic: callback, DOM CustomEvent and postMessage/BroadcastChannel sinks.
export {
  attachCallback, domEventSink, postMessageSink,
  type DomEventOptions, type EmotionMessage, type MessageTarget, type PostMessageOptions,
} from './adapters/generic.ts';
// Straight from the modules, not through ./core.ts, so this entry does not pull EmotionFeed and the SDK.
export { attach, type AttachOptions, type Detach } from './core/attach.ts';
export type { EmotionPayload, EmotionUpdate } from './core/types.ts';
export type { PolicyOptions } from './core/policy-options.ts';

// emovox/plugins/generic: callback, DOM CustomEvent and postMessage/BroadcastChannel sinks.
export {
  attachCallback, domEventSink, postMessageSink,
  type DomEventOptions, type EmotionMessage, type MessageTarget, type PostMessageOptions,
} from './adapters/generic.ts';
export { attach, type AttachOptions, type Detach, type EmotionPayload, type EmotionUpdate, type PolicyOptions } from './core.ts';

// emovox/plugins/core: attach any emotion source to any sink through the policy layer.
export { attach, type AttachOptions, type Detach } from './core/attach.ts';
export {
  defaultPolicy, defaultStateRules, resolvePolicy, type PolicyOptions, type ResolvedPolicy, type StateRule,
} from './core/policy-options.ts';
export { contextLine, defaultContextTemplates, fillTemplate, type ContextTemplates } from './core/context-text.ts';
export { EmotionPolicy, type Candidate } from './core/emotion-policy.ts';
export { SendGate, systemClock, type Clock } from './core/send-gate.ts';
export { EmotionFeed, replayResults } from './core/feed.ts';
export { utteranceIdOf } from './core/rolling-window.ts';
export type {
  DetachReason, EmotionEmitter, EmotionPayload, EmotionResult, EmotionSink, EmotionSource, EmotionTrend, EmotionUpdate,
} from './core/types.ts';

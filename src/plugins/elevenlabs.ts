// emovox/plugins/elevenlabs: ElevenLabs Agents (@elevenlabs/client 1.x) contextual updates.
export { attachElevenLabs, elevenLabsSink, type ElevenLabsConversation, type ElevenLabsOptions } from './adapters/elevenlabs.ts';
export type { EmotionPayload, EmotionUpdate, PolicyOptions } from './core.ts';

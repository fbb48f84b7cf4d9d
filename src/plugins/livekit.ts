// emovox/plugins/livekit: LiveKit (livekit-client 2.x) participant attributes and a text-stream topic.
export { attachLiveKit, liveKitAttributes, liveKitSink, type LiveKitOptions, type LiveKitParticipant } from './adapters/livekit.ts';
export type { EmotionPayload, EmotionUpdate, PolicyOptions } from './core.ts';

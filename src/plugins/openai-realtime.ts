// emovox/plugins/openai-realtime: OpenAI Realtime (@openai/agents-realtime, or a raw WebSocket / data channel).
export {
  attachOpenAIRealtime, openAIRealtimeSink, realtimeEvent, type OpenAIRealtimeOptions, type RealtimeTarget,
} from './adapters/openai-realtime.ts';
export type { EmotionPayload, EmotionUpdate, PolicyOptions } from './core.ts';

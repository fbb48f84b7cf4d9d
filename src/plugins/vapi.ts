// emovox/plugins/vapi: Vapi web calls (@vapi-ai/web 2.x) silent system messages.
export { attachVapi, vapiSink, type VapiLike, type VapiOptions } from './adapters/vapi.ts';
export type { EmotionPayload, EmotionUpdate, PolicyOptions } from './core.ts';

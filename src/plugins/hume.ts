// emovox/plugins/hume: Hume EVI (hume 0.16) session-settings context.
export { attachHume, humeSink, type HumeChatSocket, type HumeOptions } from './adapters/hume.ts';
export type { EmotionPayload, EmotionUpdate, PolicyOptions } from './core.ts';

// emovox/plugins/gemini-live: Gemini Live API (@google/genai 3.x) client content without turn completion.
export { attachGeminiLive, geminiLiveSink, type GeminiLiveOptions, type GeminiLiveSession } from './adapters/gemini-live.ts';
export type { EmotionPayload, EmotionUpdate, PolicyOptions } from './core.ts';

// emovox/plugins/pipecat: Pipecat (@pipecat-ai/client-js 1.x) RTVI client messages or context text.
export { attachPipecat, pipecatSink, type PipecatClientLike, type PipecatOptions } from './adapters/pipecat.ts';
export type { EmotionPayload, EmotionUpdate, PolicyOptions } from './core.ts';

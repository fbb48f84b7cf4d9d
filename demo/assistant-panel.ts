import { attach, type EmotionSink, type EmotionUpdate } from '../src/plugins/core.ts';
import { elevenLabsSink } from '../src/plugins/elevenlabs.ts';
import { geminiLiveSink } from '../src/plugins/gemini-live.ts';
import { humeSink } from '../src/plugins/hume.ts';
import { liveKitSink } from '../src/plugins/livekit.ts';
import { openAIRealtimeSink } from '../src/plugins/openai-realtime.ts';
import { pipecatSink } from '../src/plugins/pipecat.ts';
import { vapiSink } from '../src/plugins/vapi.ts';

type Call = { method: string; args: unknown[] };

/**
 * Each adapter's real sink, given a stand-in client that records the method call instead of
 * sending it: the panel shows exactly what the adapter would hand to the vendor's client.
 */
function recordingSinks(record: (adapter: string, call: Call) => void): Array<[string, EmotionSink]> {
  const recorder = (adapter: string) =>
    new Proxy({}, { get: (_target, method: string) => (...args: unknown[]) => record(adapter, { method, args }) }) as never;
  return [
    ['ElevenLabs', elevenLabsSink(recorder('ElevenLabs'))],
    ['OpenAI Realtime', openAIRealtimeSink({ sendEvent: (event) => record('OpenAI Realtime', { method: 'sendEvent', args: [event] }) })],
    ['Pipecat', pipecatSink(recorder('Pipecat'))],
    ['LiveKit', liveKitSink({
      setAttributes: async (attributes) => record('LiveKit', { method: 'setAttributes', args: [attributes] }),
      sendText: async (text, options) => {
        record('LiveKit', { method: 'sendText', args: [text, options] });
        return {} as never;
      },
    })],
    ['Vapi', vapiSink(recorder('Vapi'))],
    ['Hume EVI', humeSink(recorder('Hume EVI'))],
    ['Gemini Live', geminiLiveSink(recorder('Gemini Live'))],
  ];
}

/** Shows, for the live session of `listener`, what every adapter would send for the latest update. */
export function setUpAssistantPanel(listener: EventTarget, list: HTMLDListElement, line: HTMLElement): () => void {
  const calls = new Map<string, Call[]>();
  const sinks = recordingSinks((adapter, call) => calls.get(adapter)?.push(call));
  const show = () => {
    list.replaceChildren();
    for (const [adapter, made] of calls) {
      const dt = document.createElement('dt');
      dt.textContent = adapter;
      const dd = document.createElement('dd');
      const pre = document.createElement('pre');
      pre.textContent = made.map((c) => `${c.method}(${c.args.map((a) => JSON.stringify(a, null, 1)).join(', ')})`).join('\n');
      dd.append(pre);
      list.append(dt, dd);
    }
  };
  return attach(listener, async (update: EmotionUpdate) => {
    line.textContent = update.text;
    for (const [adapter, sink] of sinks) {
      calls.set(adapter, []);
      await sink(update);
    }
    show();
  }, { endOnError: false, policy: { cooldownMs: 1000 } });
}

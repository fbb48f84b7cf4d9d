import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GoogleGenAI } from '@google/genai';
import { EmotionFeed } from '../../src/plugins/core.ts';
import { attachGeminiLive, geminiLiveSink } from '../../src/plugins/gemini-live.ts';
import { result } from './results.ts';
import { WsEndpoint } from './ws-endpoint.ts';

describe('Gemini Live adapter over @google/genai live.connect', () => {
  let endpoint: WsEndpoint;
  before(async () => {
    // The Live API answers the client's `setup` frame with `setupComplete` before the session is usable.
    endpoint = await WsEndpoint.start((frame, socket) => {
      if ('setup' in frame) socket.send(JSON.stringify({ setupComplete: {} }));
    });
  });
  after(() => endpoint.close());

  it('sends clientContent with turnComplete false, so the model waits for the user', async () => {
    const ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: `http://127.0.0.1:${endpoint.port}` } });
    const session = await ai.live.connect({ model: 'gemini-live-test', callbacks: { onmessage: () => undefined } });
    const feed = new EmotionFeed();
    const detach = attachGeminiLive(feed, session, { policy: { cooldownMs: 0 } });
    feed.push(result('happy', 0.82, 0, 1800));
    const [frame] = await endpoint.waitFor('clientContent');
    detach();
    session.close();
    assert.match(endpoint.requests[0].url ?? '', /BidiGenerateContent\?key=test-key$/);
    assert.deepEqual(frame, {
      clientContent: { turns: [{ role: 'user', parts: [{ text: '[The user currently sounds happy (confidence 0.82).]' }] }], turnComplete: false },
    });
    assert.equal(endpoint.frames.filter((f) => 'realtimeInput' in f).length, 0);
  });

  it('rejects something that is not a session', () => {
    assert.throws(() => geminiLiveSink({} as never), /TypeError: geminiLiveSink: session must be/);
  });
});

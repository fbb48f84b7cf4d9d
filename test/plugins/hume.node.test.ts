import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HumeClient } from 'hume';
import { EmotionFeed } from '../../src/plugins/core.ts';
import { attachHume, humeSink } from '../../src/plugins/hume.ts';
import { result } from './results.ts';
import { WsEndpoint } from './ws-endpoint.ts';

describe('Hume EVI adapter over the hume ChatSocket', () => {
  let endpoint: WsEndpoint;
  before(async () => {
    endpoint = await WsEndpoint.start();
  });
  after(() => endpoint.close());

  it('sends session_settings frames carrying only the context', async () => {
    const base = `127.0.0.1:${endpoint.port}`;
    const client = new HumeClient({
      apiKey: 'test-key',
      environment: { base: `http://${base}`, evi: `ws://${base}/v0/evi`, tts: `ws://${base}/v0/tts`, stream: `ws://${base}/v0/stream` },
    });
    const socket = client.empathicVoice.chat.connect({ reconnectAttempts: 0 });
    await socket.waitForOpen();
    const feed = new EmotionFeed();
    const detach = attachHume(feed, socket, { policy: { cooldownMs: 0 } });
    attachHume(feed, socket, { contextType: 'temporary', format: (u) => `emotion=${u.payload.label}`, policy: { cooldownMs: 0 } });
    feed.push(result('fearful', 0.75, 0, 2000));
    const frames = await endpoint.waitFor('session_settings', 2);
    detach();
    socket.close();
    assert.match(endpoint.requests[0].url ?? '', /^\/v0\/evi\/chat\?/);
    assert.deepEqual(frames, [
      { type: 'session_settings', context: { text: 'The user currently sounds fearful (confidence 0.75).', type: 'persistent' } },
      { type: 'session_settings', context: { text: 'emotion=fearful', type: 'temporary' } },
    ]);
  });

  it('names a bad socket or context type', () => {
    assert.throws(() => humeSink({} as never), /TypeError: humeSink: socket must be/);
    assert.throws(() => humeSink({ sendSessionSettings: () => undefined }, { contextType: 'editable' as never }), /RangeError: humeSink: contextType/);
  });
});

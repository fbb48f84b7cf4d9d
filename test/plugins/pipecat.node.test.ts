import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EmotionFeed } from '../../src/plugins/core.ts';
import { attachPipecat, pipecatSink } from '../../src/plugins/pipecat.ts';
import { JsonWebSocketTransport } from './pipecat-json-transport.ts';
import { result } from './results.ts';
import { WsEndpoint } from './ws-endpoint.ts';

// PipecatClient's constructor reads `window?.navigator?.userAgent` (a ReferenceError where `window`
// is undeclared); Node has no `window`, so the global object stands in. Nothing else is replaced.
(globalThis as { window?: unknown }).window ??= globalThis;
const { PipecatClient } = await import('@pipecat-ai/client-js');

describe('Pipecat adapter through a real PipecatClient', () => {
  let endpoint: WsEndpoint;
  let transport: JsonWebSocketTransport;
  let client: InstanceType<typeof PipecatClient>;
  before(async () => {
    // The bot side of the RTVI handshake: client-ready is answered with bot-ready.
    endpoint = await WsEndpoint.start((frame, socket) => {
      if (frame.type === 'client-ready') socket.send(JSON.stringify({ label: 'rtvi-ai', type: 'bot-ready', id: 'b1', data: { version: '2.0.0' } }));
    });
    transport = new JsonWebSocketTransport(`ws://127.0.0.1:${endpoint.port}`);
    client = new PipecatClient({ transport, enableMic: false, enableCam: false });
    await client.connect();
  });
  after(async () => {
    await client.disconnect();
    await endpoint.close();
  });

  it('sends an RTVI client-message carrying the payload and the line', async () => {
    const feed = new EmotionFeed();
    const detach = attachPipecat(feed, client, { policy: { cooldownMs: 0 } });
    feed.push(result('angry', 0.7, 4000, 6000));
    const [frame] = await endpoint.waitFor('client-message');
    detach();
    assert.equal(frame.label, 'rtvi-ai');
    assert.equal(typeof frame.id, 'string');
    assert.deepEqual(frame.data, {
      t: 'emovox-emotion',
      d: {
        label: 'angry', confidence: 0.7, valence: -0.6 * 0.7, arousal: 0.8 * 0.7, state: null, trend: 'steady',
        since: 4000, utteranceId: 'utt-4000', final: true, text: 'The user currently sounds angry (confidence 0.70).',
      },
    });
  });

  it('context mode sends send-text that neither runs the LLM nor asks for audio', async () => {
    const feed = new EmotionFeed();
    attachPipecat(feed, client, { mode: 'context', policy: { cooldownMs: 0 } });
    feed.push(result('calm', 0.9, 0, 1000));
    const [frame] = await endpoint.waitFor('send-text');
    assert.deepEqual(frame.data, {
      content: 'The user currently sounds calm (confidence 0.90).',
      options: { run_immediately: false, audio_response: false },
    });
    assert.deepEqual(endpoint.frames.map((f) => f.type), ['client-ready', 'client-message', 'send-text']);
  });

  it('names a bad client or mode', () => {
    assert.throws(() => pipecatSink({} as never), /TypeError: pipecatSink: client must be/);
    assert.throws(() => pipecatSink(client, { mode: 'speak' as never }), /RangeError: pipecatSink: mode/);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OpenAIRealtimeWebSocket } from '@openai/agents-realtime';
import { WebSocket } from 'ws';
import { EmotionFeed } from '../../src/plugins/core.ts';
import { attachOpenAIRealtime, openAIRealtimeSink } from '../../src/plugins/openai-realtime.ts';
import { result } from './results.ts';
import { WsEndpoint } from './ws-endpoint.ts';

const systemItem = (text: string) => ({
  type: 'conversation.item.create',
  item: { type: 'message', role: 'system', content: [{ type: 'input_text', text }] },
});

describe('OpenAI Realtime adapter', () => {
  let endpoint: WsEndpoint;
  before(async () => {
    endpoint = await WsEndpoint.start();
  });
  after(() => endpoint.close());

  it('adds a system item through @openai/agents-realtime OpenAIRealtimeWebSocket, without response.create', async () => {
    const transport = new OpenAIRealtimeWebSocket();
    await transport.connect({ apiKey: 'sk-test', url: `ws://127.0.0.1:${endpoint.port}/v1/realtime`, initialSessionConfig: {} });
    const feed = new EmotionFeed();
    const detach = attachOpenAIRealtime(feed, transport, { policy: { cooldownMs: 0 } });
    feed.push(result('sad', 0.9, 0, 2000));
    feed.push(result('sad', 0.9, 3000, 5000));
    const items = await endpoint.waitFor('conversation.item.create', 2);
    detach();
    transport.close();
    assert.equal(endpoint.requests[0].headers.authorization, 'Bearer sk-test');
    assert.deepEqual(items.map((i) => ({ type: i.type, item: i.item })), [
      systemItem('The user currently sounds sad (confidence 0.90).'),
      systemItem('The user has sounded downcast for the last 5 seconds (sad 0.90).'),
    ]);
    assert.equal(endpoint.framesOf('response.create').length, 0);
  });

  it('writes the same JSON on a raw WebSocket, or session.update with the instructions mode', async () => {
    const before = endpoint.frames.length;
    const updatesBefore = endpoint.framesOf('session.update').length;
    const socket = new WebSocket(`ws://127.0.0.1:${endpoint.port}/v1/realtime`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const feed = new EmotionFeed();
    attachOpenAIRealtime(feed, socket, { policy: { cooldownMs: 0 } });
    attachOpenAIRealtime(feed, socket, { mode: 'instructions', instructions: 'You are a helpful assistant.', policy: { cooldownMs: 0 } });
    feed.push(result('happy', 0.8, 0, 2000));
    await endpoint.waitFor('session.update', updatesBefore + 1);
    socket.close();
    assert.deepEqual(endpoint.frames.slice(before), [
      systemItem('The user currently sounds happy (confidence 0.80).'),
      { type: 'session.update', session: { type: 'realtime', instructions: 'You are a helpful assistant.\n\nThe user currently sounds happy (confidence 0.80).' } },
    ]);
  });

  it('names what is missing or wrong', () => {
    const send = () => undefined;
    assert.throws(() => openAIRealtimeSink({ send }, { mode: 'instructions' }), /TypeError: .*needs options.instructions/);
    assert.throws(() => openAIRealtimeSink({ send }, { mode: 'speak' as never }), /RangeError: .*mode must be/);
    assert.throws(() => openAIRealtimeSink({} as never), /TypeError: .*target must be/);
  });
});

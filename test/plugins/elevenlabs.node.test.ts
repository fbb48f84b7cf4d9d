import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { EmotionFeed } from '../../src/plugins/core.ts';
import { attachElevenLabs, elevenLabsSink } from '../../src/plugins/elevenlabs.ts';
import { result } from './results.ts';
import { WsEndpoint } from './ws-endpoint.ts';

// The client's WebSocket connection uses the global WebSocket (browsers); Node 20 has none, so `ws` stands in.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
const { Conversation } = await import('@elevenlabs/client');

describe('ElevenLabs adapter over @elevenlabs/client WebSocket connection', () => {
  let endpoint: WsEndpoint;
  before(async () => {
    endpoint = await WsEndpoint.start((frame, socket) => {
      if (frame.type !== 'conversation_initiation_client_data') return;
      socket.send(JSON.stringify({
        type: 'conversation_initiation_metadata',
        conversation_initiation_metadata_event: { conversation_id: 'conv-1', agent_output_audio_format: 'pcm_16000', user_input_audio_format: 'pcm_16000' },
      }));
    });
  });
  after(() => endpoint.close());

  it('sends each update as a contextual_update frame and nothing that makes the agent speak', async () => {
    const conversation = await Conversation.startSession({
      agentId: 'agent-1', origin: `ws://127.0.0.1:${endpoint.port}`, connectionType: 'websocket', textOnly: true,
    });
    const feed = new EmotionFeed();
    const detach = attachElevenLabs(feed, conversation, { policy: { cooldownMs: 0 } });
    feed.push(result('angry', 0.71, 0, 2000));
    feed.push(result('angry', 0.8, 3000, 6000));
    const frames = await endpoint.waitFor('contextual_update', 2);
    detach();
    assert.match(endpoint.requests[0].url ?? '', /^\/v1\/convai\/conversation\?agent_id=agent-1/);
    assert.deepEqual(frames, [
      { type: 'contextual_update', text: 'The user currently sounds angry (confidence 0.71).' },
      { type: 'contextual_update', text: 'The user has sounded frustrated for the last 6 seconds (angry 0.80).' },
    ]);
    feed.push(result('happy', 0.9, 7000, 9000));
    await conversation.endSession();
    const kinds = endpoint.frames.map((f) => f.type);
    assert.deepEqual(kinds, ['conversation_initiation_client_data', 'contextual_update', 'contextual_update']);
  });

  it('rejects something that is not a conversation', () => {
    assert.throws(() => elevenLabsSink({} as never), /TypeError: elevenLabsSink: conversation must be/);
  });
});

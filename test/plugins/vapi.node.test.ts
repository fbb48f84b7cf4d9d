import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import VapiModule from '@vapi-ai/web';
import { EmotionFeed } from '../../src/plugins/core.ts';
import { attachVapi, vapiSink } from '../../src/plugins/vapi.ts';
import { result } from './results.ts';

// The package is CommonJS with `exports.default`; Node's ESM import wraps it once more.
const Vapi = ((VapiModule as unknown as { default?: typeof VapiModule }).default ?? VapiModule) as typeof VapiModule;
type VapiMessage = Parameters<InstanceType<typeof Vapi>['send']>[0];

/**
 * The real Vapi client; `send` is observed and then runs as shipped. Vapi carries the message as a
 * Daily app message (`call.sendAppMessage(JSON.stringify(message))`), and a Daily call needs Daily's
 * cloud, so the test stops at Vapi's public `send`.
 */
class ObservedVapi extends Vapi {
  readonly sent: string[] = [];
  override send(message: VapiMessage): void {
    this.sent.push(JSON.stringify(message));
    super.send(message);
  }
}

describe('Vapi adapter with the real @vapi-ai/web client', () => {
  it('sends add-message with a system message and triggerResponseEnabled false', () => {
    const vapi = new ObservedVapi('public-key');
    const feed = new EmotionFeed();
    const detach = attachVapi(feed, vapi, { policy: { cooldownMs: 0 } });
    feed.push(result('sad', 0.66, 0, 2000));
    detach();
    feed.push(result('happy', 0.9, 3000, 4000));
    assert.deepEqual(vapi.sent.map((text) => JSON.parse(text)), [
      { type: 'add-message', message: { role: 'system', content: 'The user currently sounds sad (confidence 0.66).' }, triggerResponseEnabled: false },
    ]);
  });

  it('rejects something that is not a Vapi instance', () => {
    assert.throws(() => vapiSink({} as never), /TypeError: vapiSink: vapi must be/);
  });
});

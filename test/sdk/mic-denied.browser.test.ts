// @fake-mic denied
// A page whose permission prompts are denied: a real NotAllowedError from Chromium.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer, EmovoxError } from '../../src/sdk/index.ts';
import { tinyModelUrl } from './helpers.ts';

describe('EmotionRecognizer without microphone permission', () => {
  it('start() rejects with MIC_PERMISSION_DENIED and emits state error', async () => {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    const states: string[] = [];
    recognizer.on('state', ({ state }) => states.push(state));
    try {
      const error = await recognizer.start().then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(EmovoxError);
      expect((error as EmovoxError).code).to.equal('MIC_PERMISSION_DENIED');
      expect(states).to.deep.equal(['starting', 'error']);
    } finally {
      await recognizer.destroy();
    }
  });
});

// @fake-mic none
// A machine with no audio input device at all: a real NotFoundError from Chromium.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer, EmovoxError } from '../../src/sdk/index.ts';
import { tinyModelUrl } from './helpers.ts';

describe('EmotionRecognizer without a microphone', () => {
  it('start() rejects with MIC_NOT_FOUND', async () => {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    try {
      const error = await recognizer.start().then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(EmovoxError);
      expect((error as EmovoxError).code).to.equal('MIC_NOT_FOUND');
    } finally {
      await recognizer.destroy();
    }
  });
});

import type { RecognizerOptions, RecognizerLike } from '../shared/recognizer-port.ts';

/**
 * Creates the real recognizer. The SDK is imported on first use, so pages that
 * only render results (or inject their own factory) never load it.
 */
export async function createDefaultRecognizer(options: RecognizerOptions): Promise<RecognizerLike> {
  const { EmotionRecognizer } = await import('../../sdk/index.ts');
  return EmotionRecognizer.create(options);
}

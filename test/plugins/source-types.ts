// Compile-time check that the SDK's recognizer and the listener element are accepted sources.
import type { EmotionRecognizer } from '../../src/sdk/index.ts';
import type { EmotionSource } from '../../src/plugins/core.ts';

export const recognizerIsSource = (r: EmotionRecognizer): EmotionSource => r;
export const elementIsSource = (e: HTMLElement): EmotionSource => e;
export const recordedIsSource = (results: AsyncIterable<never>): EmotionSource => results;

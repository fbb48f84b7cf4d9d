import type { EmotionRecognizer } from '../../src/sdk/index.ts';
import type { RecognizerEventMap, RecognizerEventName } from '../../src/sdk/types.ts';

/** The tiny 3-label test model committed by the model tests (neutral, happy, angry). */
export const tinyModelUrl = new URL('../model/fixtures/tiny-frames.json', import.meta.url);

/** A generated test recording (scripts/generate-test-audio.mjs). */
export const generatedAudioUrl = (name: string) => new URL(`../.generated/${name}.wav`, import.meta.url);

export type RecordedEvent = { [K in RecognizerEventName]: { name: K; payload: RecognizerEventMap[K][0] } }[RecognizerEventName];

/** Records every event of a recognizer in order. */
export function recordEvents(recognizer: EmotionRecognizer): { events: RecordedEvent[]; off: () => void } {
  const events: RecordedEvent[] = [];
  const names: RecognizerEventName[] = ['ready', 'speech-start', 'emotion-update', 'emotion', 'speech-end', 'misfire', 'state', 'error'];
  const offs = names.map((name) => recognizer.on(name, ((payload: never) => events.push({ name, payload } as RecordedEvent)) as never));
  return { events, off: () => offs.forEach((off) => off()) };
}

/** Resolves when `predicate` holds, checking at every event; rejects after `limitMs` (a hang guard, not a timing assertion). */
export function until(recognizer: EmotionRecognizer, predicate: () => boolean, limitMs = 45000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => {
      offs.forEach((off) => off());
      reject(new Error(`condition not met within ${limitMs} ms`));
    }, limitMs);
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      offs.forEach((off) => off());
      resolve();
    };
    const offs = (['speech-end', 'misfire', 'emotion', 'error', 'state', 'ready'] as const).map((name) => recognizer.on(name, check));
  });
}

/** Sum of a result's probabilities. */
export const probabilitySum = (probabilities: Readonly<Record<string, number>>) => Object.values(probabilities).reduce((a, b) => a + b, 0);

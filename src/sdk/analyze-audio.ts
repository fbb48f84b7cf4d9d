import { EmotionRecognizer } from './emotion-recognizer.ts';
import type { RecognizerOptions } from './options.ts';
import type { AnalysisResult, AnalyzeOptions, AudioInput } from './types.ts';

/** Analyses one recording with a temporary recognizer (created and destroyed around the call). */
export async function analyzeAudio(audio: AudioInput, options: RecognizerOptions & AnalyzeOptions = {}): Promise<AnalysisResult> {
  const { onProgress, signal, ...rest } = options;
  const recognizer = await EmotionRecognizer.create({ ...rest, ...(signal ? { signal } : {}) });
  try {
    return await recognizer.analyze(audio, { onProgress, signal });
  } finally {
    await recognizer.destroy();
  }
}

// emovox for Node: the offline analysis of EmotionRecognizer.analyze() on files and sample arrays.
import { readFile } from 'node:fs/promises';
import { decodeAudioBytes } from '../audio/decode.ts';
import { assertFiniteSamples, toMono } from '../audio/prepare.ts';
import type { RecognizerOptions } from '../options.ts';
import type { AnalysisResult, AnalyzeOptions } from '../types.ts';
import { NodeAnalyzer } from './analyzer.ts';

export { NodeAnalyzer } from './analyzer.ts';
export type { NodeOrtName } from './runtime.ts';

/** Decodes a WAV or FLAC file and analyses it with a temporary `NodeAnalyzer`. */
export async function analyzeFile(path: string, options: RecognizerOptions & AnalyzeOptions = {}): Promise<AnalysisResult> {
  const { onProgress, signal, ...rest } = options;
  const decoded = await decodeAudioBytes(new Uint8Array(await readFile(path)));
  const samples = toMono(decoded);
  assertFiniteSamples(samples);
  const analyzer = await NodeAnalyzer.create(rest);
  try {
    return await analyzer.analyze({ samples, sampleRate: decoded.sampleRate }, { onProgress, signal });
  } finally {
    await analyzer.release();
  }
}

// emovox for Node: the offline analysis of EmotionRecognizer.analyze() on files and sample arrays.
import { decodeAudioBytes } from '../audio/decode.ts';
import { assertFiniteSamples, toMono } from '../audio/prepare.ts';
import { EmovoxError } from '../errors.ts';
import type { RecognizerOptions } from '../options.ts';
import type { AnalysisResult, AnalyzeOptions } from '../types.ts';
import { NodeAnalyzer } from './analyzer.ts';
import { readInputFile } from './read-input-file.ts';

export { NodeAnalyzer } from './analyzer.ts';
export type { NodeOrtName } from './runtime.ts';

/** Reads and decodes a file; every failure is an EmovoxError whose message starts with the path. */
async function decodeFile(path: string): Promise<{ samples: Float32Array; sampleRate: number }> {
  if (typeof path !== 'string' || path === '') throw new TypeError('path must be a non-empty string');
  try {
    const decoded = await decodeAudioBytes(await readInputFile(path));
    const samples = toMono(decoded);
    assertFiniteSamples(samples);
    return { samples, sampleRate: decoded.sampleRate };
  } catch (error) {
    if (error instanceof EmovoxError) throw new EmovoxError(error.code, `${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** Decodes a WAV, FLAC, Ogg Opus or MP3 file and analyses it with a temporary `NodeAnalyzer`. */
export async function analyzeFile(path: string, options: RecognizerOptions & AnalyzeOptions = {}): Promise<AnalysisResult> {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const { onProgress, signal, ...rest } = options;
  const { samples, sampleRate } = await decodeFile(path);
  const analyzer = await NodeAnalyzer.create(rest);
  try {
    return await analyzer.analyze({ samples, sampleRate }, { onProgress, signal });
  } finally {
    await analyzer.release();
  }
}

// emovox for Node: the offline analysis of EmotionRecognizer.analyze() on files and sample arrays.
import { decodeAudioBytes } from '../audio/decode.ts';
import { assertFiniteSamples, toMono } from '../audio/prepare.ts';
import { EmovoxError } from '../errors.ts';
import type { RecognizerOptions } from '../options.ts';
import type { AnalysisResult, AnalyzeOptions } from '../types.ts';
import { NodeAnalyzer } from './analyzer.ts';
import { checkInputFile, readInputFile } from './read-input-file.ts';
import { openWavStream } from './wav-stream.ts';

export { NodeAnalyzer } from './analyzer.ts';
export type { NodeOrtName } from './runtime.ts';
export { openWavStream } from './wav-stream.ts';

/** Runs `step`, prefixing the message of any EmovoxError with the path (one line naming the file). */
async function naming<T>(path: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof EmovoxError && !error.message.startsWith(`${path}: `)) throw new EmovoxError(error.code, `${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

async function decodeFile(path: string): Promise<{ samples: Float32Array; sampleRate: number }> {
  const decoded = await decodeAudioBytes(await readInputFile(path));
  const samples = toMono(decoded);
  assertFiniteSamples(samples);
  return { samples, sampleRate: decoded.sampleRate };
}

/**
 * Decodes a WAV, FLAC, Ogg Opus or MP3 file and analyses it with a temporary `NodeAnalyzer`. WAV is read
 * from disk chunk by chunk as it is analysed, so a recording of hours needs no more memory than a minute.
 */
export async function analyzeFile(path: string, options: RecognizerOptions & AnalyzeOptions = {}): Promise<AnalysisResult> {
  if (typeof path !== 'string' || path === '') throw new TypeError('path must be a non-empty string');
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const { onProgress, signal, ...rest } = options;
  const source = await naming(path, async () => {
    await checkInputFile(path);
    return (await openWavStream(path)) ?? (await decodeFile(path));
  });
  const analyzer = await NodeAnalyzer.create(rest);
  try {
    return await naming(path, () =>
      'chunks' in source ? analyzer.analyzeStream(source, { onProgress, signal }) : analyzer.analyze(source, { onProgress, signal }),
    );
  } finally {
    await analyzer.release();
  }
}
